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

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import io.github.zaispring.ZaiStreamException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
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
 * <li>a payload of exactly {@code [DONE]} completes the flux and cancels the body;</li>
 * <li>an {@code event: error}, or a payload whose first key is {@code "error"}, fails the
 * flux with the {@link ZaiStreamException} of
 * {@link ZaiErrorDecoder#decodeStreamError(byte[], String)};</li>
 * <li>a body that ends without {@code [DONE]} fails the flux with a
 * {@link ZaiStreamException}; an event left without its blank line at the end of the body
 * is still dispatched first (unlike WHATWG, which drops it);</li>
 * <li>an event larger than the configured maximum fails the flux.</li>
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

	private final ZaiErrorDecoder errorDecoder;

	private final int maxEventSize;

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
		Assert.notNull(errorDecoder, "'errorDecoder' must not be null");
		Assert.isTrue(maxEventSize > 0, "'maxEventSize' must be positive");
		this.errorDecoder = errorDecoder;
		this.maxEventSize = maxEventSize;
	}

	/**
	 * Return the {@code data} payload of each event of the given event-stream body, each
	 * emitted as soon as its event is complete.
	 * @param body the response body; its buffers are released by this decoder
	 * @param requestId the request id, for the exceptions; {@code null} if unknown
	 * @return the payloads, in order, each a buffer the subscriber must release;
	 * completes at {@code data: [DONE]}, fails with a {@link ZaiStreamException} on an
	 * error event or when the body ends before {@code [DONE]}
	 */
	public Flux<DataBuffer> dataPayloads(Flux<DataBuffer> body, @Nullable String requestId) {
		Assert.notNull(body, "'body' must not be null");
		return Flux.defer(() -> {
			SseEventParser parser = new SseEventParser(this.errorDecoder, this.maxEventSize, requestId);
			return body.concatMapIterable(parser::parse)
				.concatWith(Flux.defer(() -> Flux.fromIterable(parser.endOfBody())))
				.<DataBuffer>handle((payload, sink) -> {
					if (payload == SseEventParser.DONE) {
						sink.complete();
					}
					else if (payload == SseEventParser.FAILED) {
						sink.error(parser.failure());
					}
					else {
						sink.next(payload);
					}
				})
				.doOnDiscard(DataBuffer.class, DataBufferUtils::release);
		});
	}

	/**
	 * The parsing state of one stream: a byte-level state machine that never turns a line
	 * into a {@code String}. The only per-stream memory is the growable array of the
	 * current event's data; a line's field name is matched while it is read, and the
	 * bytes of a {@code data} value are copied straight into that array.
	 */
	static final class SseEventParser {

		/**
		 * Marks the end of the stream ({@code [DONE]}) among the emitted payloads.
		 */
		static final DataBuffer DONE = DefaultDataBufferFactory.sharedInstance.wrap(new byte[0]);

		/**
		 * Marks a failure among the emitted payloads; see {@link #failure()}.
		 */
		static final DataBuffer FAILED = DefaultDataBufferFactory.sharedInstance.wrap(new byte[0]);

		private static final byte[] DATA = { 'd', 'a', 't', 'a' };

		private static final byte[] EVENT = { 'e', 'v', 'e', 'n', 't' };

		private static final byte[] ERROR = { 'e', 'r', 'r', 'o', 'r' };

		private static final byte[] DONE_PAYLOAD = { '[', 'D', 'O', 'N', 'E', ']' };

		private static final int INITIAL_CAPACITY = 512;

		/**
		 * Capacity kept between events: a rare large event (a whole tool call) must not
		 * pin its array for the rest of a long stream while thousands of streams run.
		 */
		private static final int RETAINED_CAPACITY = 16 * 1024;

		// Where in a line the parser is
		private static final int FIELD = 0;

		private static final int AFTER_COLON = 1;

		private static final int VALUE = 2;

		// Which field the current line holds
		private static final int OTHER = 0;

		private static final int DATA_FIELD = 1;

		private static final int EVENT_FIELD = 2;

		private final ZaiErrorDecoder errorDecoder;

		private final int maxEventSize;

		private final @Nullable String requestId;

		private int linePosition = FIELD;

		private int fieldNameLength;

		private boolean maybeData = true;

		private boolean maybeEvent = true;

		private int field = OTHER;

		/** Bytes of the current {@code event:} value matching "error"; -1 on mismatch. */
		private int eventValueMatch;

		private boolean errorEvent;

		/** A CR ended the last line, so an LF that follows belongs to it. */
		private boolean skipLineFeed;

		private byte[] data = new byte[0];

		private int dataLength;

		private boolean hasData;

		private int dispatched;

		private boolean finished;

		private @Nullable ZaiStreamException failure;

		private @Nullable List<DataBuffer> out;

		SseEventParser(ZaiErrorDecoder errorDecoder, int maxEventSize, @Nullable String requestId) {
			this.errorDecoder = errorDecoder;
			this.maxEventSize = maxEventSize;
			this.requestId = requestId;
		}

		/**
		 * Parse one buffer of the body and release it.
		 * @param buffer the buffer
		 * @return the payloads of the events it completed, possibly followed by
		 * {@link #DONE} or {@link #FAILED}
		 */
		List<DataBuffer> parse(DataBuffer buffer) {
			try {
				if (this.finished) {
					return Collections.emptyList();
				}
				try (DataBuffer.ByteBufferIterator iterator = buffer.readableByteBuffers()) {
					while (iterator.hasNext() && !this.finished) {
						parse(iterator.next());
					}
				}
				return takeOutput();
			}
			finally {
				DataBufferUtils.release(buffer);
			}
		}

		/**
		 * Finish the body: dispatch an event left without its blank line, then apply the
		 * {@code [DONE]} rule.
		 * @return the last payloads, followed by {@link #DONE} or {@link #FAILED}
		 */
		List<DataBuffer> endOfBody() {
			if (!this.finished) {
				if (this.linePosition == FIELD && this.fieldNameLength > 0) {
					this.field = resolveField();
				}
				endLine();
				dispatch();
			}
			if (!this.finished) {
				fail(new ZaiStreamException("Z.AI stream ended before data: [DONE] (after " + this.dispatched
						+ " events); the answer is incomplete", this.requestId, null));
			}
			return takeOutput();
		}

		ZaiStreamException failure() {
			Assert.state(this.failure != null, "No failure");
			return this.failure;
		}

		private void parse(ByteBuffer bytes) {
			int index = bytes.position();
			int limit = bytes.limit();
			while (index < limit && !this.finished) {
				byte b = bytes.get(index);
				if (this.skipLineFeed) {
					this.skipLineFeed = false;
					if (b == '\n') {
						index++;
						continue;
					}
				}
				if (this.linePosition == FIELD) {
					index++;
					if (b == ':') {
						this.field = resolveField();
						this.linePosition = AFTER_COLON;
					}
					else if (b == '\n' || b == '\r') {
						this.skipLineFeed = (b == '\r');
						if (this.fieldNameLength == 0) {
							dispatch();
						}
						else {
							this.field = resolveField();
							endLine();
						}
					}
					else {
						matchFieldName(b);
					}
					continue;
				}
				if (this.linePosition == AFTER_COLON) {
					this.linePosition = VALUE;
					if (b == ' ') {
						index++;
						continue;
					}
				}
				int end = index;
				while (end < limit && !isLineEnd(bytes.get(end))) {
					end++;
				}
				value(bytes, index, end);
				if (end < limit) {
					this.skipLineFeed = (bytes.get(end) == '\r');
					endLine();
					end++;
				}
				index = end;
			}
		}

		private void matchFieldName(byte b) {
			int n = this.fieldNameLength;
			this.maybeData &= n < DATA.length && DATA[n] == b;
			this.maybeEvent &= n < EVENT.length && EVENT[n] == b;
			// Saturate: a name longer than any we know only needs to stay non-empty
			this.fieldNameLength = Math.min(n + 1, EVENT.length + 1);
		}

		private int resolveField() {
			if (this.maybeData && this.fieldNameLength == DATA.length) {
				startDataLine();
				return DATA_FIELD;
			}
			if (this.maybeEvent && this.fieldNameLength == EVENT.length) {
				this.eventValueMatch = 0;
				return EVENT_FIELD;
			}
			return OTHER;
		}

		private void startDataLine() {
			if (this.hasData) {
				append((byte) '\n');
			}
			this.hasData = true;
		}

		private void value(ByteBuffer bytes, int start, int end) {
			if (this.field == DATA_FIELD) {
				int length = end - start;
				ensureCapacity(length);
				if (!this.finished) {
					bytes.get(start, this.data, this.dataLength, length);
					this.dataLength += length;
				}
			}
			else if (this.field == EVENT_FIELD) {
				for (int i = start; i < end && this.eventValueMatch >= 0; i++) {
					int n = this.eventValueMatch;
					this.eventValueMatch = (n < ERROR.length && ERROR[n] == bytes.get(i)) ? n + 1 : -1;
				}
			}
		}

		private void endLine() {
			if (this.field == EVENT_FIELD) {
				this.errorEvent = (this.eventValueMatch == ERROR.length);
			}
			this.linePosition = FIELD;
			this.fieldNameLength = 0;
			this.maybeData = true;
			this.maybeEvent = true;
			this.field = OTHER;
		}

		private void dispatch() {
			if (this.finished) {
				return;
			}
			boolean errorEvent = this.errorEvent;
			this.errorEvent = false;
			if (!this.hasData) {
				return;
			}
			this.hasData = false;
			byte[] payload = Arrays.copyOf(this.data, this.dataLength);
			this.dataLength = 0;
			if (this.data.length > RETAINED_CAPACITY) {
				this.data = new byte[INITIAL_CAPACITY];
			}
			this.dispatched++;
			if (errorEvent || startsWithErrorKey(payload)) {
				fail(this.errorDecoder.decodeStreamError(payload, this.requestId));
			}
			else if (Arrays.equals(payload, DONE_PAYLOAD)) {
				this.finished = true;
				output(DONE);
			}
			else {
				output(DefaultDataBufferFactory.sharedInstance.wrap(payload));
			}
		}

		private void append(byte b) {
			ensureCapacity(1);
			if (!this.finished) {
				this.data[this.dataLength++] = b;
			}
		}

		private void ensureCapacity(int extra) {
			long needed = (long) this.dataLength + extra;
			if (needed > this.maxEventSize) {
				fail(new ZaiStreamException(
						"Z.AI stream event exceeds the maximum size of " + this.maxEventSize + " bytes", this.requestId,
						null));
			}
			else if (needed > this.data.length) {
				long grown = Math.max(Math.max(INITIAL_CAPACITY, this.data.length * 2L), needed);
				this.data = Arrays.copyOf(this.data, (int) Math.min(grown, this.maxEventSize));
			}
		}

		private void fail(ZaiStreamException failure) {
			this.failure = failure;
			this.finished = true;
			this.data = new byte[0];
			this.dataLength = 0;
			output(FAILED);
		}

		private void output(DataBuffer payload) {
			if (this.out == null) {
				this.out = new ArrayList<>(2);
			}
			this.out.add(payload);
		}

		private List<DataBuffer> takeOutput() {
			List<DataBuffer> result = (this.out != null) ? this.out : Collections.emptyList();
			this.out = null;
			return result;
		}

		private static boolean isLineEnd(byte b) {
			return b == '\n' || b == '\r';
		}

		/**
		 * Whether the payload is a JSON object whose first key is {@code "error"}: chunks
		 * start with {@code "id"}, so this finds the error objects the official Python
		 * SDK handles without parsing every chunk.
		 */
		private static boolean startsWithErrorKey(byte[] payload) {
			int i = skipWhitespace(payload, 0);
			if (i >= payload.length || payload[i] != '{') {
				return false;
			}
			i = skipWhitespace(payload, i + 1);
			if (i + ERROR.length + 2 > payload.length || payload[i] != '"') {
				return false;
			}
			for (int j = 0; j < ERROR.length; j++) {
				if (payload[i + 1 + j] != ERROR[j]) {
					return false;
				}
			}
			return payload[i + 1 + ERROR.length] == '"';
		}

		private static int skipWhitespace(byte[] payload, int from) {
			int i = from;
			while (i < payload.length
					&& (payload[i] == ' ' || payload[i] == '\t' || payload[i] == '\n' || payload[i] == '\r')) {
				i++;
			}
			return i;
		}

	}

}
