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

package io.github.zaispring.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.NettyOutbound;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Writes a {@link ZaiReply} as the answer to one request: a JSON completion, a stream of
 * Server-Sent Events, an error, a raw body or a dropped connection.
 * <p>
 * Streams never block a thread: delays are Reactor timers, and each event is a pooled
 * buffer filled with two ready-made byte arrays (the per-request prefix and the reply's
 * pre-encoded body), written with Reactor Netty's backpressure-aware {@code send}, which
 * flushes once per batch of events that are ready at the same time.
 *
 * @author zai-spring-boot contributors
 */
final class ReplyWriter {

	static final String EVENT_STREAM = "text/event-stream;charset=UTF-8";

	static final String JSON = "application/json; charset=UTF-8";

	private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] MALFORMED = "data: {\"id\":\"malformed\",\"choices\":[{\"index\":0,\"delta\":{\"content\n\n"
		.getBytes(StandardCharsets.US_ASCII);

	// Codes of the events of a stream, besides chunk indexes
	private static final int DONE_EVENT = -1;

	private static final int MALFORMED_EVENT = -2;

	private static final int ERROR_EVENT = -3;

	private static final AtomicLong ids = new AtomicLong();

	private final StreamListener listener;

	/** Timers on the event loop of each connection, so a due event is written at once. */
	private final Map<EventLoop, Scheduler> timers = new ConcurrentHashMap<>();

	ReplyWriter(StreamListener listener) {
		this.listener = listener;
	}

	/**
	 * Answer a request with a reply.
	 * @param reply the reply
	 * @param request the request
	 * @param response the response to write
	 * @return completes when the answer is written
	 */
	Publisher<Void> write(ZaiReply reply, ReceivedRequest request, HttpServerResponse response) {
		ReplySettings settings = reply.settings();
		if (settings.kind == ReplyKind.DROP) {
			response.withConnection((connection) -> connection.channel().close());
			return Mono.empty();
		}
		if (settings.retryAfter != null) {
			long seconds = (settings.retryAfter.toMillis() + 999) / 1000;
			response.header(HttpHeaderNames.RETRY_AFTER, Long.toString(seconds));
		}
		settings.headers.forEach(response::header);
		return switch (settings.kind) {
			case ERROR -> json(response, settings.status, errorJson(settings.errorCode, settings.errorMessage));
			case RAW ->
				(settings.bytes != null) ? bytes(response, settings.status, settings.contentType, settings.bytes)
						: body(response, settings.status, settings.contentType, settings.body);
			default -> request.stream() ? stream(reply, request, response) : completion(reply, request, response);
		};
	}

	/**
	 * Answer with Z.AI's error body.
	 * @param response the response
	 * @param status the HTTP status
	 * @param code the business code
	 * @param message the message
	 * @return completes when the answer is written
	 */
	static Mono<Void> error(HttpServerResponse response, int status, String code, String message) {
		return json(response, status, errorJson(code, message));
	}

	private static String errorJson(@Nullable String code, @Nullable String message) {
		StringBuilder json = new StringBuilder("{\"error\":{\"code\":");
		JsonText.quote(json, (code != null) ? code : "").append(",\"message\":");
		return JsonText.quote(json, (message != null) ? message : "").append("}}").toString();
	}

	private static Mono<Void> json(HttpServerResponse response, int status, String json) {
		return body(response, status, JSON, json);
	}

	private static Mono<Void> body(HttpServerResponse response, int status, @Nullable String contentType,
			@Nullable String body) {
		byte[] bytes = ((body != null) ? body : "").getBytes(StandardCharsets.UTF_8);
		return bytes(response, status, contentType, bytes);
	}

	private static Mono<Void> bytes(HttpServerResponse response, int status, @Nullable String contentType,
			byte[] bytes) {
		response.status(HttpResponseStatus.valueOf(status));
		if (contentType != null) {
			response.header(HttpHeaderNames.CONTENT_TYPE, contentType);
		}
		response.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(bytes.length));
		return response.sendByteArray(Mono.just(bytes)).then();
	}

	private Mono<Void> completion(ZaiReply reply, ReceivedRequest request, HttpServerResponse response) {
		ReplySettings settings = reply.settings();
		if (settings.fault == ReplyFault.SILENCE) {
			return Mono.never();
		}
		PreparedReply prepared = reply.prepared();
		String id = id(settings);
		String requestId = (request.requestId() != null) ? request.requestId() : id;
		StringBuilder json = new StringBuilder(256).append("{\"id\":");
		JsonText.quote(json, id).append(",\"request_id\":");
		JsonText.quote(json, requestId).append(",\"created\":").append(Instant.now().getEpochSecond());
		json.append(",\"object\":\"chat.completion\",\"model\":");
		JsonText.quote(json, model(settings, request)).append(',');
		byte[] head = json.toString().getBytes(StandardCharsets.UTF_8);
		byte[] choices = prepared.completionChoices();
		byte[] tail = (prepared.usageJson(request.bodyLength()) + "}").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + choices.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(choices, 0, body, head.length, choices.length);
		System.arraycopy(tail, 0, body, head.length + choices.length, tail.length);
		Mono<Void> answer = bytes(response, 200, JSON, body);
		Duration delay = settings.delayBeforeFirstChunk;
		return delay.isZero() ? answer : Mono.delay(delay, timer(response)).then(answer);
	}

	private Publisher<Void> stream(ZaiReply reply, ReceivedRequest request, HttpServerResponse response) {
		ReplySettings settings = reply.settings();
		PreparedReply prepared = reply.prepared();
		StringBuilder prefix = new StringBuilder(128).append("data: {\"id\":");
		JsonText.quote(prefix, id(settings)).append(",\"created\":").append(Instant.now().getEpochSecond());
		prefix.append(",\"object\":\"chat.completion.chunk\",\"model\":");
		JsonText.quote(prefix, model(settings, request)).append(',');
		Encoder encoder = new Encoder(prepared, prefix.toString().getBytes(StandardCharsets.UTF_8),
				prepared.usageJson(request.bodyLength()), settings, response.alloc());
		List<Integer> plan = plan(prepared.chunkCount(), settings.fault, settings.faultAfter);
		boolean silent = settings.fault == ReplyFault.SILENCE;
		boolean endsEarly = settings.fault == ReplyFault.CUT_OFF || settings.fault == ReplyFault.SSE_ERROR;
		Tracker tracker = new Tracker(this.listener);
		Flux<ByteBuf> events = timed(plan, settings, timer(response)).map(encoder::encode);
		if (silent) {
			events = events.concatWith(Flux.never());
		}
		events = events.doOnSubscribe((subscription) -> tracker.started())
			.doOnComplete(() -> tracker.ended(false))
			.doOnError((ex) -> tracker.ended(false))
			.doOnCancel(() -> tracker.ended(true));
		response.status(HttpResponseStatus.OK).header(HttpHeaderNames.CONTENT_TYPE, EVENT_STREAM);
		if (endsEarly) {
			response.keepAlive(false);
		}
		boolean headersFirst = silent || !settings.delayBeforeFirstChunk.isZero();
		NettyOutbound sent = headersFirst ? response.sendHeaders().then(response.send(events)) : response.send(events);
		if (settings.fault == ReplyFault.RESET) {
			// Close before Reactor Netty can end the chunked body: the client sees the
			// connection die mid-body
			return sent
				.then(Mono.fromRunnable(() -> response.withConnection((connection) -> connection.channel().close())));
		}
		return sent;
	}

	/**
	 * Return the events a stream sends, in order.
	 */
	private static List<Integer> plan(int chunkCount, ReplyFault fault, int faultAfter) {
		int chunks = (fault == ReplyFault.NONE) ? chunkCount : Math.min(faultAfter, chunkCount);
		List<Integer> plan = new ArrayList<>(chunkCount + 2);
		for (int i = 0; i < chunks; i++) {
			plan.add(i);
		}
		switch (fault) {
			case NONE -> plan.add(DONE_EVENT);
			case MALFORMED -> {
				plan.add(MALFORMED_EVENT);
				for (int i = chunks; i < chunkCount; i++) {
					plan.add(i);
				}
				plan.add(DONE_EVENT);
			}
			case SSE_ERROR -> plan.add(ERROR_EVENT);
			default -> {
				// cut off and silence send nothing more
			}
		}
		return plan;
	}

	/**
	 * Apply the delays to the plan. {@code [DONE]} follows the last chunk at once.
	 */
	private static Flux<Integer> timed(List<Integer> plan, ReplySettings settings, Scheduler timer) {
		Duration first = settings.delayBeforeFirstChunk;
		Duration between = settings.delayBetweenChunks;
		if (plan.isEmpty() || (first.isZero() && between.isZero())) {
			return Flux.fromIterable(plan);
		}
		Mono<Integer> head = Mono.just(plan.get(0));
		if (!first.isZero()) {
			head = head.delayElement(first, timer);
		}
		List<Integer> rest = plan.subList(1, plan.size());
		boolean doneLast = !rest.isEmpty() && rest.get(rest.size() - 1) == DONE_EVENT;
		List<Integer> delayed = doneLast ? rest.subList(0, rest.size() - 1) : rest;
		Flux<Integer> tail = between.isZero() ? Flux.fromIterable(delayed)
				: Flux.fromIterable(delayed).delayElements(between, timer);
		return head.concatWith(tail).concatWith(doneLast ? Mono.just(DONE_EVENT) : Mono.empty());
	}

	/**
	 * Return a scheduler whose timers fire on the event loop of the response's
	 * connection: no thread hop between a timer and the write it triggers.
	 */
	private Scheduler timer(HttpServerResponse response) {
		Scheduler[] timer = new Scheduler[1];
		response.withConnection((connection) -> timer[0] = this.timers.computeIfAbsent(connection.channel().eventLoop(),
				(loop) -> Schedulers.fromExecutorService(loop, "zai-mock-timer")));
		return (timer[0] != null) ? timer[0] : Schedulers.parallel();
	}

	private static String id(ReplySettings settings) {
		if (settings.id != null) {
			return settings.id;
		}
		return "mock" + Instant.now().getEpochSecond() + String.format("%016x", ids.incrementAndGet());
	}

	private static String model(ReplySettings settings, ReceivedRequest request) {
		if (settings.model != null) {
			return settings.model;
		}
		String model = request.model();
		return (model != null) ? model : "glm-4.6";
	}

	/**
	 * Hears when streams start and end.
	 */
	interface StreamListener {

		/**
		 * A stream started.
		 */
		void streamStarted();

		/**
		 * A stream ended.
		 * @param cancelled whether the client went away before the stream was finished
		 */
		void streamEnded(boolean cancelled);

	}

	/**
	 * Reports one stream's start and end exactly once.
	 */
	private static final class Tracker {

		private final StreamListener listener;

		private final AtomicBoolean started = new AtomicBoolean();

		private final AtomicBoolean ended = new AtomicBoolean();

		Tracker(StreamListener listener) {
			this.listener = listener;
		}

		void started() {
			if (this.started.compareAndSet(false, true)) {
				this.listener.streamStarted();
			}
		}

		void ended(boolean cancelled) {
			if (this.started.get() && this.ended.compareAndSet(false, true)) {
				this.listener.streamEnded(cancelled);
			}
		}

	}

	/**
	 * Turns event codes into buffers.
	 */
	private static final class Encoder {

		private final PreparedReply prepared;

		private final byte[] prefix;

		private final byte[] lastChunkTail;

		private final ReplySettings settings;

		private final ByteBufAllocator allocator;

		Encoder(PreparedReply prepared, byte[] prefix, String usageJson, ReplySettings settings,
				ByteBufAllocator allocator) {
			this.prepared = prepared;
			this.prefix = prefix;
			this.lastChunkTail = (usageJson + "}\n\n").getBytes(StandardCharsets.UTF_8);
			this.settings = settings;
			this.allocator = allocator;
		}

		ByteBuf encode(int event) {
			return switch (event) {
				case DONE_EVENT -> buffer(DONE);
				case MALFORMED_EVENT -> buffer(MALFORMED);
				case ERROR_EVENT ->
					buffer(("event: error\ndata: " + errorJson(this.settings.errorCode, this.settings.errorMessage)
							+ "\n\n")
						.getBytes(StandardCharsets.UTF_8));
				default ->
					(event < this.prepared.chunkCount() - 1) ? buffer(this.prefix, this.prepared.deltaBody(event))
							: buffer(this.prefix, this.prepared.lastChunkBody(), this.lastChunkTail);
			};
		}

		private ByteBuf buffer(byte[]... parts) {
			int length = 0;
			for (byte[] part : parts) {
				length += part.length;
			}
			ByteBuf buffer = this.allocator.buffer(length);
			for (byte[] part : parts) {
				buffer.writeBytes(part);
			}
			if (!this.settings.blankLines) {
				// Every event ends with the line feed of its blank line: drop it
				buffer.writerIndex(buffer.writerIndex() - 1);
			}
			return buffer;
		}

	}

}
