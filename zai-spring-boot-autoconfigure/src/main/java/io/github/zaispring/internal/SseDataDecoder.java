/*
 * Copyright 2026 the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.zaispring.internal;

import java.time.Duration;
import java.util.function.Function;

import io.github.zaispring.ZaiStreamException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.util.Assert;

/**
 * Decodes the Server-Sent Events body of a streamed Z.AI answer into the {@code data}
 * payload of each event, working on the bytes as they arrive.
 * <p>
 * Follows the WHATWG event-stream rules that matter for Z.AI: lines end in LF, CRLF or CR
 * (also when a CRLF is split between two buffers); one space after {@code data:} is
 * dropped; the {@code data} lines of one event are joined with {@code "\n"}; comments,
 * {@code id}, {@code retry} and unknown fields are ignored. On top of that:
 * <ul>
 * <li>a payload of exactly {@code [DONE]} ends the events: the rest of the body (from
 * Z.AI, only the end of the chunked encoding) is read and discarded, and the flux
 * completes when the body ends, so that the connection goes back to the pool rather than
 * being closed. When the body has not ended {@link #DEFAULT_DRAIN_TIMEOUT} after
 * {@code [DONE]}, the flux completes and the body is cancelled; a failure of the body
 * after {@code [DONE]} is ignored, since the answer was whole;</li>
 * <li>an {@code event: error}, or a payload whose first key is {@code "error"}, fails the
 * flux with the {@link ZaiStreamException} of
 * {@link ZaiErrorDecoder#decodeStreamError(byte[], String)};</li>
 * <li>a body that ends without {@code [DONE]} fails the flux with a
 * {@link ZaiStreamException}; an event left without its blank line at the end of the body
 * is still dispatched first (unlike WHATWG, which drops it);</li>
 * <li>an event larger than the configured maximum fails the flux;</li>
 * <li>a {@code data} line that follows, in the same event, data that is already a
 * complete JSON object (or {@code [DONE]}) starts a new event: the form the API docs
 * print, {@code data: {…}\ndata: {…}\n} without blank lines, is read as one event per
 * line (see {@link SseBytes#isCompleteEvent(byte[], int)} for why).</li>
 * </ul>
 * Errors of the body itself pass through unchanged.
 * <p>
 * Buffer ownership: every buffer of the body is released by this decoder exactly once,
 * whether the flux completes, fails or is cancelled. Every emitted buffer belongs to the
 * subscriber, which must release it (the {@code Decoder#decode(DataBuffer, …)} methods of
 * Spring's codecs do); emitted buffers are heap copies that do not pin the body's
 * buffers. Instances are thread-safe and can be shared; each subscription gets its own
 * parsing state.
 *
 * @author zai-spring-boot contributors
 */
public final class SseDataDecoder {

	/**
	 * Default maximum size of one event's data, in bytes.
	 */
	public static final int DEFAULT_MAX_EVENT_SIZE = 16 * 1024 * 1024;

	/**
	 * Longest wait, after {@code [DONE]}, for the end of the body before the flux
	 * completes anyway and the connection is closed.
	 */
	public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofMillis(200);

	private final ZaiErrorDecoder errorDecoder;

	private final int maxEventSize;

	private final Duration drainTimeout;

	/**
	 * Create a decoder that allows events of up to {@link #DEFAULT_MAX_EVENT_SIZE} bytes.
	 * @param errorDecoder decodes the payload of error events
	 */
	public SseDataDecoder(ZaiErrorDecoder errorDecoder) {
		this(errorDecoder, DEFAULT_MAX_EVENT_SIZE);
	}

	/**
	 * Create a decoder.
	 * @param errorDecoder decodes the payload of error events
	 * @param maxEventSize the maximum size of one event's data, in bytes; must be
	 * positive
	 */
	public SseDataDecoder(ZaiErrorDecoder errorDecoder, int maxEventSize) {
		this(errorDecoder, maxEventSize, DEFAULT_DRAIN_TIMEOUT);
	}

	/**
	 * Create a decoder.
	 * @param errorDecoder decodes the payload of error events
	 * @param maxEventSize the maximum size of one event's data, in bytes; must be
	 * positive
	 * @param drainTimeout the longest wait, after {@code [DONE]}, for the end of the
	 * body; must be positive
	 */
	public SseDataDecoder(ZaiErrorDecoder errorDecoder, int maxEventSize, Duration drainTimeout) {
		Assert.notNull(errorDecoder, "'errorDecoder' must not be null");
		Assert.isTrue(maxEventSize > 0, "'maxEventSize' must be positive");
		Assert.isTrue(drainTimeout != null && !drainTimeout.isNegative() && !drainTimeout.isZero(),
				"'drainTimeout' must be positive");
		this.errorDecoder = errorDecoder;
		this.maxEventSize = maxEventSize;
		this.drainTimeout = drainTimeout;
	}

	/**
	 * Return each event of the given event-stream body, read from its {@code data}
	 * payload by the given reader as soon as the event is complete (in the step that
	 * takes the payload, not in an operator after it).
	 * @param <R> the type of the events read
	 * @param body the response body; its buffers are released by this decoder
	 * @param requestId the request id, for the exceptions; {@code null} if unknown
	 * @param reader reads one payload, a buffer it must release
	 * @return the events read, in order; completes when the body ends after
	 * {@code data: [DONE]} (or at the drain timeout), fails with a
	 * {@link ZaiStreamException} on an error event or when the body ends before
	 * {@code [DONE]}, and with what the reader throws
	 */
	public <R> Flux<R> events(Flux<DataBuffer> body, @Nullable String requestId, Function<DataBuffer, R> reader) {
		Assert.notNull(body, "'body' must not be null");
		return Flux.defer(() -> {
			SseEventParser parser = new SseEventParser(this.errorDecoder, this.maxEventSize, requestId);
			return body.concatMapIterable(parser::parse)
				// after [DONE] the body is only drained: its failure cannot spoil a whole
				// answer
				.onErrorResume((ex) -> parser.isDone() ? Flux.empty() : Flux.error(ex))
				.concatWith(Flux.defer(() -> Flux.fromIterable(parser.endOfBody())))
				// map rather than handle: with context propagation on, Reactor restores
				// thread-locals around every handle call, measured at 3 % of the CPU per
				// chunk
				.map((payload) -> {
					if (payload == SseEventParser.FAILED) {
						throw parser.failure();
					}
					return reader.apply(payload);
				})
				.takeUntilOther(parser.done().then(Mono.delay(this.drainTimeout)))
				.doOnDiscard(DataBuffer.class, DataBufferUtils::release);
		});
	}

}
