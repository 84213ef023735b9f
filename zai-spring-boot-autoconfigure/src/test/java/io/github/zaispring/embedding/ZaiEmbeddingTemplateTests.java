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

package io.github.zaispring.embedding;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;

import io.github.zaispring.ZaiException;
import io.github.zaispring.ZaiQuotaExceededException;
import io.github.zaispring.resilience.ZaiRetryPolicy.RetrySettings;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The embeddings template against a server on 127.0.0.1: batching, order, defaults,
 * failures and retries.
 *
 * @author zai-spring-boot contributors
 */
class ZaiEmbeddingTemplateTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private static final RetrySettings FAST_RETRIES = new RetrySettings(3, Duration.ofMillis(1), 2,
			Duration.ofMillis(5), Duration.ofSeconds(60));

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String REPLY = """
			{"model":"embedding-3","object":"list",
			 "data":[{"index":1,"object":"embedding","embedding":[0.00718,-0.02245,0.03106]},
			         {"index":0,"object":"embedding","embedding":[-0.01932,0.04417,0.00261]}],
			 "usage":{"prompt_tokens":14,"completion_tokens":0,"total_tokens":14}}""";

	private final Queue<JsonNode> bodies = new ConcurrentLinkedQueue<>();

	private MockWebServer server;

	private ZaiEmbeddingTemplate template;

	@BeforeEach
	void start() throws IOException {
		this.server = new MockWebServer();
		this.server.start(InetAddress.getLoopbackAddress(), 0);
		this.template = builder().build();
	}

	@AfterEach
	void stop() {
		this.template.close();
		this.server.close();
	}

	private ZaiEmbeddingTemplate.Builder builder() {
		return ZaiEmbeddingTemplate.builder()
			.apiKey("k.secret")
			.baseUrl(this.server.url("/api/paas/v4").toString())
			.retry(FAST_RETRIES);
	}

	@Test
	void embedsTextsInTheOrderOfTheirIndexes() throws InterruptedException {
		this.server.enqueue(json(200, REPLY));
		List<float[]> vectors = this.template.embed(List.of("first", "second")).block(WAIT);
		assertThat(vectors).containsExactly(new float[] { -0.01932f, 0.04417f, 0.00261f },
				new float[] { 0.00718f, -0.02245f, 0.03106f });
		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getUrl().encodedPath()).isEqualTo("/api/paas/v4/embeddings");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer k.secret");
		assertThat(request.getBody().utf8()).isEqualTo("{\"model\":\"embedding-3\",\"input\":[\"first\",\"second\"]}");
	}

	@Test
	void readsTheModelUsageAndIndexesOfAnAnswer() {
		this.server.enqueue(json(200, REPLY));
		EmbeddingResponse response = this.template
			.embed(EmbeddingRequest.builder().model("embedding-2").input(List.of("a", "b")).build())
			.block(WAIT);
		assertThat(response.model()).isEqualTo("embedding-3");
		assertThat(response.usage()).isEqualTo(new Usage(14, 14));
		assertThat(response.data()).extracting(Embedding::index).containsExactly(0, 1);
		assertThat(response.data()).allSatisfy((embedding) -> assertThat(embedding.dimensions()).isEqualTo(3));
	}

	@Test
	void sendsTheDefaultDimensionsUnlessTheRequestSetsThem() throws InterruptedException {
		this.server.enqueue(json(200, REPLY));
		this.server.enqueue(json(200, REPLY));
		try (ZaiEmbeddingTemplate defaults = builder().defaultModel("embedding-x").defaultDimensions(512).build()) {
			defaults.embed(List.of("a", "b")).block(WAIT);
			defaults.embed(EmbeddingRequest.builder().input(List.of("a", "b")).dimensions(256).build()).block(WAIT);
		}
		assertThat(this.server.takeRequest().getBody().utf8()).contains("\"model\":\"embedding-x\"")
			.contains("\"dimensions\":512");
		assertThat(this.server.takeRequest().getBody().utf8()).contains("\"dimensions\":256");
	}

	@Test
	void embeds150TextsInBatchesOfAtMost64KeepingTheirOrder() {
		this.server.setDispatcher(vectors((body) -> null));
		List<String> texts = texts(150);
		EmbeddingResponse response = this.template
			.embed(EmbeddingRequest.builder().input(texts).dimensions(1024).build())
			.block(WAIT);
		assertThat(this.bodies).hasSizeGreaterThanOrEqualTo(3)
			.allSatisfy((body) -> assertThat(body.get("input").size()).isLessThanOrEqualTo(64))
			.allSatisfy((body) -> assertThat(body.get("dimensions").asInt()).isEqualTo(1024));
		assertThat(this.bodies.stream().mapToInt((body) -> body.get("input").size()).sum()).isEqualTo(150);
		assertThat(response.data()).hasSize(150);
		for (int i = 0; i < 150; i++) {
			Embedding embedding = response.data().get(i);
			assertThat(embedding.index()).isEqualTo(i);
			assertThat(embedding.embedding()[0]).as("vector of text %d", i).isEqualTo(i);
			assertThat(embedding.dimensions()).isEqualTo(1024);
		}
		int batches = this.bodies.size();
		assertThat(response.usage()).isEqualTo(new Usage(150, 150 + batches));
	}

	@Test
	void sendsBatchesConcurrently() {
		CountDownLatch arrived = new CountDownLatch(3);
		List<Boolean> overlapped = new ArrayList<>();
		this.server.setDispatcher(vectors((body) -> {
			arrived.countDown();
			try {
				boolean all = arrived.await(10, TimeUnit.SECONDS);
				synchronized (overlapped) {
					overlapped.add(all);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return null;
		}));
		assertThat(this.template.embed(texts(150)).block(WAIT)).hasSize(150);
		assertThat(overlapped).as("every batch saw the other two in flight").containsExactly(true, true, true);
	}

	@Test
	void failsTheWholeCallWhenOneBatchFails() {
		this.server.setDispatcher(vectors((body) -> body.get("input").get(0).asString().equals("text 64")
				? json(400, "{\"error\":{\"code\":\"1214\",\"message\":\"Invalid input\"}}") : null));
		StepVerifier.create(this.template.embed(texts(150)))
			.expectErrorSatisfies(
					(ex) -> assertThat(ex).isInstanceOf(ZaiException.class).hasMessageContaining("Invalid input"))
			.verify(WAIT);
	}

	@Test
	void failsWhenABatchAnswersFewerVectorsThanTexts() {
		this.server.enqueue(json(200,
				"""
						{"model":"embedding-3","data":[{"index":0,"embedding":[0.1]}],"usage":{"prompt_tokens":2,"total_tokens":2}}"""));
		StepVerifier.create(this.template.embed(List.of("a", "b")))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ZaiException.class)
				.hasMessageContaining("1 embeddings for the 2 texts at positions 0 to 1"))
			.verify(WAIT);
	}

	@Test
	void failsWhenABatchAnswersAnIndexTwice() {
		this.server.enqueue(json(200, """
				{"model":"embedding-3","data":[{"index":0,"embedding":[0.1]},{"index":0,"embedding":[0.2]}]}"""));
		StepVerifier.create(this.template.embed(List.of("a", "b")))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ZaiException.class)
				.hasMessageContaining("an embedding with index 0"))
			.verify(WAIT);
	}

	@Test
	void neverRetriesInsufficientBalance() {
		this.server.enqueue(json(429,
				"{\"error\":{\"code\":\"1113\",\"message\":\"Insufficient balance or no resource package. Please recharge.\"}}"));
		this.server.enqueue(json(200, REPLY));
		StepVerifier.create(this.template.embed(List.of("a", "b")))
			.expectError(ZaiQuotaExceededException.class)
			.verify(WAIT);
		assertThat(this.server.getRequestCount()).as("exactly one request").isEqualTo(1);
	}

	@Test
	void retriesAServerError() {
		this.server.enqueue(json(500, "{\"error\":{\"code\":\"500\",\"message\":\"Internal Error\"}}"));
		this.server.enqueue(json(200, REPLY));
		assertThat(this.template.embed(List.of("a", "b")).block(WAIT)).hasSize(2);
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void rejectsAnEmptyListBeforeAnyRequest() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.embed(List.of()))
			.withMessage("texts must not be empty; give at least one text to embed");
		assertThatIllegalArgumentException().isThrownBy(() -> EmbeddingRequest.builder().input(List.of()).build())
			.withMessageStartingWith("input must not be empty");
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void rejectsABlankTextNamingItsPositionBeforeAnyRequest() {
		List<String> texts = new ArrayList<>(texts(100));
		texts.set(70, " \t");
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.embed(texts))
			.withMessageStartingWith("texts[70] must not be blank");
		texts.set(70, null);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.template.embed(EmbeddingRequest.builder().input(texts).build()))
			.withMessageStartingWith("input[70] must not be null");
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void rejectsDimensionsThatAreNotPositive() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EmbeddingRequest.builder().input(List.of("a")).dimensions(0).build())
			.withMessageContaining("dimensions must be positive, but was 0")
			.withMessageContaining("256, 512, 1024 and 2048");
		assertThatIllegalArgumentException().isThrownBy(() -> ZaiEmbeddingTemplate.builder().defaultDimensions(-1))
			.withMessageStartingWith("defaultDimensions must be positive");
	}

	@Test
	void leavesASharedCoreOpenWhenClosed() {
		this.server.enqueue(json(200, REPLY));
		try (ZaiEmbeddingTemplate sharing = ZaiEmbeddingTemplate.builder()
			.exchangeCore(this.template.exchangeCore())
			.build()) {
			assertThat(sharing.exchangeCore()).isSameAs(this.template.exchangeCore());
		}
		assertThat(this.template.embed(List.of("a", "b")).block(WAIT)).hasSize(2);
	}

	@Test
	void keepsTheKeyOutOfToString() {
		assertThat(this.template.toString()).doesNotContain("k.secret").contains("embedding-3");
	}

	private static List<String> texts(int count) {
		return IntStream.range(0, count).mapToObj((i) -> "text " + i).toList();
	}

	/**
	 * A dispatcher that answers each batch with one vector per text whose first value is
	 * the number in the text ("text 70" gives 70.0), in reverse order of index, unless
	 * the override answers otherwise.
	 */
	private Dispatcher vectors(Function<JsonNode, MockResponse> override) {
		return new Dispatcher() {

			@Override
			public MockResponse dispatch(RecordedRequest request) {
				JsonNode body = JSON.readTree(request.getBody().utf8());
				ZaiEmbeddingTemplateTests.this.bodies.add(body);
				MockResponse overridden = override.apply(body);
				if (overridden != null) {
					return overridden;
				}
				JsonNode input = body.get("input");
				int dimensions = body.has("dimensions") ? body.get("dimensions").asInt() : 4;
				StringBuilder json = new StringBuilder("{\"model\":\"embedding-3\",\"object\":\"list\",\"data\":[");
				for (int i = input.size() - 1; i >= 0; i--) {
					String text = input.get(i).asString();
					json.append("{\"index\":").append(i).append(",\"object\":\"embedding\",\"embedding\":[");
					json.append(text.substring("text ".length())).append(".0");
					json.append(",0.5".repeat(dimensions - 1)).append("]}").append((i > 0) ? "," : "");
				}
				json.append("],\"usage\":{\"prompt_tokens\":").append(input.size());
				json.append(",\"completion_tokens\":0,\"total_tokens\":").append(input.size() + 1).append("}}");
				return ZaiEmbeddingTemplateTests.json(200, json.toString());
			}

		};
	}

	private static MockResponse json(int status, String body) {
		return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body).build();
	}

}
