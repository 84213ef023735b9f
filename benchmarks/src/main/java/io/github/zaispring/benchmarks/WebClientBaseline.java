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

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The floor: a bare {@link WebClient} with a pool sized for the load, reading SSE lines
 * as strings and decoding each {@code data:} payload with one shared {@link JsonMapper}
 * into small records. No retries, no observation, no error mapping.
 *
 * @author zai-spring-boot contributors
 */
final class WebClientBaseline implements BenchClient {

	private static final String DATA = "data:";

	private final ConnectionProvider pool;

	private final WebClient webClient;

	private final JsonMapper json = JsonMapper.builder().build();

	WebClientBaseline(String baseUrl, int maxConnections) {
		this(baseUrl, maxConnections, (builder) -> {
		});
	}

	/**
	 * Create the baseline with a customization of its {@code WebClient.Builder}, such as
	 * the filter of {@link InProcessStreams} that answers without a network.
	 */
	WebClientBaseline(String baseUrl, int maxConnections, Consumer<WebClient.Builder> customizer) {
		this.pool = pool("baseline", maxConnections);
		this.webClient = webClient(baseUrl, this.pool, customizer);
	}

	/**
	 * A connection pool with the given limit and an unbounded queue, as the starter's.
	 */
	static ConnectionProvider pool(String name, int maxConnections) {
		return ConnectionProvider.builder(name).maxConnections(maxConnections).pendingAcquireMaxCount(-1).build();
	}

	/**
	 * The baseline's {@code WebClient} on the given pool, which {@link WebClientFloor}
	 * shares.
	 */
	static WebClient webClient(String baseUrl, ConnectionProvider pool, Consumer<WebClient.Builder> customizer) {
		return WebClient.builder()
			.baseUrl(baseUrl)
			.clientConnector(new ReactorClientHttpConnector(HttpClient.create(pool)))
			.defaultHeader("Authorization", "Bearer id.secret")
			// a batch of 64 vectors of 1,024 dimensions is about 800 KB of JSON
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
			.apply(customizer)
			.build();
	}

	@Override
	public String call(String prompt) {
		return callAsync(prompt, Runnable::run).join();
	}

	@Override
	public CompletableFuture<String> callAsync(String prompt, Executor blockingPool) {
		return this.webClient.post()
			.uri("/chat/completions")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.bodyValue(request(prompt, false))
			.retrieve()
			.bodyToMono(String.class)
			.map((body) -> this.json.readValue(body, Completion.class).choices().get(0).message().content())
			.timeout(Duration.ofMinutes(2))
			.toFuture();
	}

	@Override
	public void stream(String prompt, StreamSink sink) {
		this.webClient.post()
			.uri("/chat/completions")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.bodyValue(request(prompt, true))
			.retrieve()
			.bodyToFlux(String.class)
			.takeWhile((line) -> !line.equals("[DONE]"))
			.map(this::content)
			.subscribe((content) -> {
				if (!content.isEmpty()) {
					sink.piece(content);
				}
			}, sink::error, sink::complete);
	}

	private String content(String line) {
		// Spring's SSE reader gives the data of each event without "data:"; a raw line
		// splitter would see the prefix, so accept both
		String payload = line.startsWith(DATA) ? line.substring(DATA.length()).trim() : line;
		String content = this.json.readValue(payload, Chunk.class).choices().get(0).delta().content();
		return (content != null) ? content : "";
	}

	/**
	 * The same batching as the starter (64 texts per request, 8 requests in flight), read
	 * as bytes and decoded by the shared mapper into records with {@code float[]}.
	 */
	@Override
	public List<float[]> embed(List<String> texts, int dimensions) {
		int batches = (texts.size() + 63) / 64;
		return Flux.range(0, batches).flatMapSequential((batch) -> {
			List<String> input = texts.subList(batch * 64, Math.min(batch * 64 + 64, texts.size()));
			return this.webClient.post()
				.uri("/embeddings")
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("model", "embedding-3", "input", input, "dimensions", dimensions))
				.retrieve()
				.bodyToMono(byte[].class)
				.map((body) -> this.json.readValue(body, Embeddings.class))
				.flatMapIterable((embeddings) -> {
					float[][] ordered = new float[input.size()][];
					embeddings.data().forEach((item) -> ordered[item.index()] = item.embedding());
					return List.of(ordered);
				});
		}, 8, 1).collectList().block(Duration.ofMinutes(5));
	}

	private static Map<String, Object> request(String prompt, boolean stream) {
		return Map.of("model", "glm-4.6", "stream", stream, "messages",
				List.of(Map.of("role", "user", "content", prompt)));
	}

	@Override
	public void close() {
		this.pool.dispose();
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Completion(List<CompletionChoice> choices) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record CompletionChoice(Message message) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Chunk(List<ChunkChoice> choices) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record ChunkChoice(Message delta) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Message(String role, String content) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Embeddings(List<EmbeddingItem> data) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record EmbeddingItem(int index, float[] embedding) {
	}

}
