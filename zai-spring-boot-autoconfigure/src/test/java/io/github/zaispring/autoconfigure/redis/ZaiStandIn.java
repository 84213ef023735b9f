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

package io.github.zaispring.autoconfigure.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A loopback Z.AI stand-in for the fleet tests: streams a chat answer whose shape the
 * user message sets ({@code "<chunks>x<millis>"}: that many chunks, one every that many
 * milliseconds) and records how many answers are in flight, and the most at once. Runs in
 * the test JVM; replicas in other JVMs reach it through its base URL.
 *
 * @author zai-spring-boot contributors
 */
final class ZaiStandIn implements AutoCloseable {

	static final String MODEL = "glm-4.6";

	private static final Pattern SHAPE = Pattern.compile("\"content\"\\s*:\\s*\"(\\d+)x(\\d+)\"");

	private final DisposableServer server;

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger peak = new AtomicInteger();

	private final AtomicInteger completed = new AtomicInteger();

	private final AtomicInteger cancelled = new AtomicInteger();

	private final AtomicInteger received = new AtomicInteger();

	private ZaiStandIn() {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.post("/api/paas/v4/chat/completions", this::answer))
			.bindNow(Duration.ofSeconds(10));
	}

	static ZaiStandIn start() {
		return new ZaiStandIn();
	}

	/**
	 * A user message that asks for the given stream.
	 * @param chunks the number of content chunks
	 * @param every the pause before each chunk
	 * @return the message
	 */
	static String shape(int chunks, Duration every) {
		return chunks + "x" + every.toMillis();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.port() + "/api/paas/v4";
	}

	int inFlight() {
		return this.inFlight.get();
	}

	int peak() {
		return this.peak.get();
	}

	int completed() {
		return this.completed.get();
	}

	int cancelled() {
		return this.cancelled.get();
	}

	int received() {
		return this.received.get();
	}

	/**
	 * Forgets the peak and the counters, keeping the streams in flight in the peak.
	 */
	void resetCounters() {
		this.peak.set(this.inFlight.get());
		this.completed.set(0);
		this.cancelled.set(0);
		this.received.set(0);
	}

	private Mono<Void> answer(HttpServerRequest request, HttpServerResponse response) {
		return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("").flatMap((body) -> {
			Matcher shape = SHAPE.matcher(body);
			if (!shape.find()) {
				return response.status(400)
					.sendString(Mono.just("{\"error\":{\"code\":\"1214\",\"message\":"
							+ "\"the stand-in wants a user message like 6x50\"}}"))
					.then();
			}
			int chunks = Integer.parseInt(shape.group(1));
			Duration every = Duration.ofMillis(Long.parseLong(shape.group(2)));
			this.received.incrementAndGet();
			this.peak.accumulateAndGet(this.inFlight.incrementAndGet(), Math::max);
			AtomicBoolean ended = new AtomicBoolean();
			Flux<String> events = Flux.range(0, chunks)
				.delayElements(every)
				.map((index) -> chunk("\"content\":\"c\"", ""))
				// counted as ended before the client can see the end, so its release
				// never comes first
				.concatWith(Mono.fromSupplier(() -> {
					ended(ended, true);
					return chunk("\"content\":\"\"", ",\"finish_reason\":\"stop\"");
				}))
				.concatWith(Mono.just("data: [DONE]\n\n"))
				.doFinally((signal) -> ended(ended, false));
			return response.header(HttpHeaderNames.CONTENT_TYPE, "text/event-stream")
				.sendString(events, StandardCharsets.UTF_8)
				.then();
		});
	}

	private void ended(AtomicBoolean ended, boolean complete) {
		if (ended.compareAndSet(false, true)) {
			this.inFlight.decrementAndGet();
			(complete ? this.completed : this.cancelled).incrementAndGet();
		}
	}

	private static String chunk(String delta, String finish) {
		return "data: {\"id\":\"standin\",\"created\":1773349367,\"object\":\"chat.completion.chunk\",\"model\":\""
				+ MODEL + "\",\"choices\":[{\"index\":0" + finish + ",\"delta\":{\"role\":\"assistant\"," + delta
				+ "}}]}\n\n";
	}

	@Override
	public void close() {
		this.server.disposeNow(Duration.ofSeconds(5));
	}

}
