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
package io.github.zaispring.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import reactor.netty.resources.ConnectionProvider;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The floor of W3 for any client on WebClient: the body read as Reactor Netty's buffers
 * and scanned for the simulator's {@code "content":"…"} with no SSE parser, no JSON and
 * no operators but WebClient's own, read to its end so that the connection is kept (as
 * the starter's is). It understands only the simulator's fixed replies (content without
 * escapes, one event per buffer or split anywhere), so it is a measuring stick, not a
 * client: only {@link #stream} works.
 *
 * @author zai-spring-boot contributors
 */
final class WebClientFloor implements BenchClient {

	private static final byte[] CONTENT = "\"content\":\"".getBytes(StandardCharsets.US_ASCII);

	private final ConnectionProvider pool;

	private final WebClient webClient;

	WebClientFloor(String baseUrl, int maxConnections) {
		this(baseUrl, maxConnections, (builder) -> {
		});
	}

	/**
	 * Create the floor with a last say on its {@code WebClient}, such as the filter of
	 * {@link InProcessStreams} that answers without a network.
	 */
	WebClientFloor(String baseUrl, int maxConnections, Consumer<WebClient.Builder> customizer) {
		this.pool = WebClientBaseline.pool("floor", maxConnections);
		this.webClient = WebClientBaseline.webClient(baseUrl, this.pool, customizer);
	}

	@Override
	public String call(String prompt) {
		throw new UnsupportedOperationException("The floor only streams");
	}

	@Override
	public CompletableFuture<String> callAsync(String prompt, Executor blockingPool) {
		throw new UnsupportedOperationException("The floor only streams");
	}

	@Override
	public void stream(String prompt, StreamSink sink) {
		Scanner scanner = new Scanner(sink);
		this.webClient.post()
			.uri("/chat/completions")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.bodyValue(Map.of("model", "glm-4.6", "stream", true, "messages",
					new Object[] { Map.of("role", "user", "content", prompt) }))
			.retrieve()
			.bodyToFlux(DataBuffer.class)
			.subscribe(scanner::scan, sink::error, sink::complete);
	}

	@Override
	public void close() {
		this.pool.dispose();
	}

	/**
	 * Finds each {@code "content":"} and passes on the bytes up to the next quote unless
	 * there are none (as the baseline skips empty content), across buffer boundaries.
	 */
	private static final class Scanner {

		private final StreamSink sink;

		private int matched;

		private byte[] piece = new byte[64];

		private int length = -1;

		Scanner(StreamSink sink) {
			this.sink = sink;
		}

		void scan(DataBuffer buffer) {
			try {
				for (int i = buffer.readPosition(), end = buffer.writePosition(); i < end; i++) {
					byte b = buffer.getByte(i);
					if (this.length >= 0) {
						if (b == '"') {
							if (this.length > 0) {
								this.sink.piece(new String(this.piece, 0, this.length, StandardCharsets.UTF_8));
							}
							this.length = -1;
						}
						else {
							if (this.length == this.piece.length) {
								this.piece = Arrays.copyOf(this.piece, this.length * 2);
							}
							this.piece[this.length++] = b;
						}
					}
					else if (b == CONTENT[this.matched]) {
						if (++this.matched == CONTENT.length) {
							this.matched = 0;
							this.length = 0;
						}
					}
					else {
						this.matched = (b == CONTENT[0]) ? 1 : 0;
					}
				}
			}
			finally {
				DataBufferUtils.release(buffer);
			}
		}

	}

}
