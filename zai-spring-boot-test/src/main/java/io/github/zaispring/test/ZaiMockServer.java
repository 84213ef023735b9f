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

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpMethod;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

import org.springframework.util.Assert;

/**
 * A Z.AI API simulator: a real HTTP server on {@code 127.0.0.1} that answers
 * {@code POST …/chat/completions} under any prefix with scripted {@link ZaiReply
 * replies}, plain or streamed, records every request, and serves the other endpoints too,
 * scripted with {@link ZaiEmbeddingReplies}, {@link ZaiSearchReplies},
 * {@link ZaiModerationReplies}, {@link ZaiVideoReplies}, {@link ZaiAudioReplies} (speech
 * to text and text to speech) and {@link ZaiEndpointReplies}. <pre class="code">
 * try (ZaiMockServer server = ZaiMockServer.start()) {
 *     server.enqueue(ZaiReply.text("Hello!"));
 *     ZaiChatTemplate template = ZaiChatTemplate.builder().apiKey("k").baseUrl(server.baseUrl()).build();
 *     template.chat("Hi").block();                  // "Hello!"
 *     server.takeRequest(Duration.ofSeconds(5));    // what the client sent
 * }
 * </pre>
 * <p>
 * Replies are taken from a queue in order; when it is empty the {@link #respondWith
 * responder} answers (by default {@code "You said: <last user message>"}). Any
 * {@code Authorization} header is accepted unless {@link #requireApiKey(String)} is set.
 * <p>
 * Sustains thousands of concurrent streams on a few cores (own event loops, timers,
 * events encoded once per reply). Closed, it refuses connections. Thread-safe.
 *
 * @author zai-spring-boot contributors
 */
public final class ZaiMockServer implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(ZaiMockServer.class);

	private static final Function<ReceivedRequest, ZaiReply> ECHO = EndpointRoutes::defaultOrEcho;

	private final LoopResources loops;

	private final DisposableServer server;

	private final ReplyWriter writer;

	private final Queue<ZaiReply> replies = new ConcurrentLinkedQueue<>();

	private final ToolLoops toolLoops = new ToolLoops();

	private final List<ReceivedRequest> recorded = new ArrayList<>();

	private final BlockingQueue<ReceivedRequest> untaken = new LinkedBlockingQueue<>();

	private final AtomicInteger requestCount = new AtomicInteger();

	private final StreamCounts streams = new StreamCounts();

	private final AtomicBoolean closed = new AtomicBoolean();

	private volatile Function<ReceivedRequest, ZaiReply> responder = ECHO;

	private volatile @Nullable String requiredApiKey;

	private volatile boolean recording = true;

	private ZaiMockServer(int port) {
		this.writer = new ReplyWriter(this.streams);
		int workers = Math.max(2, Runtime.getRuntime().availableProcessors());
		this.loops = LoopResources.create("zai-mock", 1, workers, true);
		try {
			this.server = HttpServer.create()
				.host("127.0.0.1")
				.port(port)
				.runOn(this.loops)
				.accessLog(false)
				.option(ChannelOption.SO_BACKLOG, 4096)
				.childOption(ChannelOption.TCP_NODELAY, true)
				.handle(this::handle)
				.bindNow(Duration.ofSeconds(10));
		}
		catch (RuntimeException ex) {
			this.loops.dispose();
			throw ex;
		}
	}

	/**
	 * Start a server on a free port of {@code 127.0.0.1}.
	 * @return the running server; close it when done
	 */
	public static ZaiMockServer start() {
		return start(0);
	}

	/**
	 * Start a server on the given port of {@code 127.0.0.1}.
	 * @param port the port, or {@code 0} for a free one
	 * @return the running server; close it when done
	 * @throws RuntimeException when the port cannot be bound
	 */
	public static ZaiMockServer start(int port) {
		Assert.isTrue(port >= 0 && port <= 65535,
				() -> "port must be between 0 and 65535 (0 picks a free port), but was " + port);
		return new ZaiMockServer(port);
	}

	/**
	 * Return the port the server listens on.
	 * @return the port
	 */
	public int port() {
		return this.server.port();
	}

	/**
	 * Return the base URL to configure the client with ({@code zai.base-url}).
	 * @return {@code http://127.0.0.1:<port>/api/paas/v4}
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + port() + "/api/paas/v4";
	}

	/**
	 * Queue a reply; queued replies answer requests in order, before the responder. A
	 * reply that calls tools can script the answer to their results with
	 * {@link ZaiReply#onToolResult(ZaiReply)}: <pre class="code">
	 * server.enqueue(ZaiReply.toolCall("call_1", "get_weather", "{\"city\":\"Paris\"}")
	 *     .onToolResult(ZaiReply.text("It is 21 °C and sunny in Paris.")));
	 * </pre>
	 * @param reply the reply
	 * @return this server
	 */
	public ZaiMockServer enqueue(ZaiReply reply) {
		Assert.notNull(reply, "reply must not be null; use ZaiReply.text(\"Hello\") for example");
		this.replies.add(reply);
		return this;
	}

	/**
	 * Answer the requests that find the queue empty with the given function, which runs
	 * on an event-loop thread and must not block.
	 * @param responder builds the reply to a request
	 * @return this server
	 */
	public ZaiMockServer respondWith(Function<ReceivedRequest, ZaiReply> responder) {
		Assert.notNull(responder, "responder must not be null; use request -> ZaiReply.text(\"Hello\") for example");
		this.responder = responder;
		return this;
	}

	/**
	 * Accept only requests with {@code Authorization: Bearer <apiKey>}; others get HTTP
	 * 401 with code {@code 1001} (no header) or {@code 1002} (another key), as the real
	 * API answers, without consuming a queued reply.
	 * @param apiKey the key to require, or {@code null} to accept any
	 * @return this server
	 */
	public ZaiMockServer requireApiKey(@Nullable String apiKey) {
		this.requiredApiKey = apiKey;
		return this;
	}

	/**
	 * Switch the recording of requests on or off (on by default). Benchmarks switch it
	 * off so that memory stays flat; {@link #requestCount()} counts either way.
	 * @param recording whether to record requests
	 * @return this server
	 */
	public ZaiMockServer recordRequests(boolean recording) {
		this.recording = recording;
		return this;
	}

	/**
	 * Return the ids of the tool calls whose results the server still waits for: the
	 * calls of replies with {@link ZaiReply#onToolResult(ZaiReply) an answer to their
	 * results} that were sent, and whose results no request has brought yet. Empty once
	 * every scripted tool loop went round.
	 * @return the call ids, oldest first
	 */
	public List<String> awaitedToolCallIds() {
		return this.toolLoops.awaitedCallIds();
	}

	/**
	 * Forget queued replies, waiting tool loops, recorded requests and counters, and
	 * restore the echo responder, any-key authorization and recording. Streams still open
	 * are not touched.
	 */
	public void reset() {
		this.replies.clear();
		this.toolLoops.clear();
		synchronized (this.recorded) {
			this.recorded.clear();
		}
		this.untaken.clear();
		this.requestCount.set(0);
		this.streams.resetCancelled();
		this.responder = ECHO;
		this.requiredApiKey = null;
		this.recording = true;
	}

	/**
	 * Return the requests received so far, in order of arrival.
	 * @return a snapshot of the recorded requests
	 */
	public List<ReceivedRequest> requests() {
		synchronized (this.recorded) {
			return List.copyOf(this.recorded);
		}
	}

	/**
	 * Return the oldest request not taken yet, waiting for one if needed.
	 * @param timeout the longest wait
	 * @return the request
	 * @throws IllegalStateException when no request arrives in time
	 */
	public ReceivedRequest takeRequest(Duration timeout) {
		Assert.notNull(timeout, "timeout must not be null; use Duration.ofSeconds(5) for example");
		try {
			ReceivedRequest request = this.untaken.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
			Assert.state(request != null, () -> "No request received within " + timeout);
			return request;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for a request", ex);
		}
	}

	/**
	 * Return the number of requests received since start or the last {@link #reset()}.
	 * @return the count
	 */
	public int requestCount() {
		return this.requestCount.get();
	}

	/**
	 * Return the number of streams being sent right now.
	 * @return the count
	 */
	public int activeStreams() {
		return this.streams.active();
	}

	/**
	 * Return the number of streams whose client went away before the server finished
	 * them.
	 * @return the count since start or the last {@link #reset()}
	 */
	public int cancelledStreams() {
		return this.streams.cancelled();
	}

	/**
	 * Wait until at least the given number of streams were cancelled by their clients.
	 * @param count the number to wait for
	 * @param timeout the longest wait
	 * @return whether the count was reached in time
	 */
	public boolean awaitCancelledStreams(int count, Duration timeout) {
		Assert.notNull(timeout, "timeout must not be null; use Duration.ofSeconds(5) for example");
		return this.streams.awaitCancelled(count, timeout);
	}

	/**
	 * Stop the server and release its threads; open connections are closed. Calling it
	 * again does nothing.
	 */
	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			this.server.disposeNow(Duration.ofSeconds(5));
			this.loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
		}
	}

	@Override
	public String toString() {
		return "ZaiMockServer[" + baseUrl() + "]";
	}

	private Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		return request.receive()
			.aggregate()
			.asByteArray()
			.defaultIfEmpty(new byte[0])
			.flatMap((body) -> Mono.from(answer(received(request, body), request.method(), response)));
	}

	private ReceivedRequest received(HttpServerRequest request, byte[] body) {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		request.requestHeaders()
			.forEach((header) -> headers.computeIfAbsent(header.getKey(), (name) -> new ArrayList<>())
				.add(header.getValue()));
		ReceivedRequest received = new ReceivedRequest(request.method().name(), request.fullPath(), headers, body);
		this.requestCount.incrementAndGet();
		if (this.recording) {
			synchronized (this.recorded) {
				this.recorded.add(received);
			}
			this.untaken.add(received);
		}
		return received;
	}

	private Publisher<Void> answer(ReceivedRequest request, HttpMethod method, HttpServerResponse response) {
		Publisher<Void> rejection = RequestChecks.reject(request, method, this.requiredApiKey, response);
		if (rejection != null) {
			return rejection;
		}
		ZaiReply reply = this.toolLoops.answer(request);
		if (reply == null) {
			reply = this.replies.poll();
		}
		if (reply == null) {
			try {
				reply = this.responder.apply(request);
				Assert.state(reply != null, "The responder returned no reply");
			}
			catch (RuntimeException ex) {
				logger.warn("ZaiMockServer responder failed for " + request, ex);
				return ReplyWriter.error(response, 500, "500", "Mock responder failed: " + ex);
			}
		}
		this.toolLoops.sent(reply);
		return this.writer.write(reply, request, response);
	}

	/**
	 * Run a server until the JVM is stopped, for benchmarks and offline demos. Requests
	 * are counted but not recorded. Usage:
	 * {@code java -cp … io.github.zaispring.test.ZaiMockServer [port [chunks [delayMillis]]]}.
	 * @param args the port ({@code 0} or none picks a free one); optionally the number of
	 * content chunks of one fixed reply to every request instead of the echo, and the
	 * delay between its chunks in milliseconds
	 * @throws InterruptedException when interrupted while running
	 */
	public static void main(String[] args) throws InterruptedException {
		StandaloneMockServer.run(args);
	}

}
