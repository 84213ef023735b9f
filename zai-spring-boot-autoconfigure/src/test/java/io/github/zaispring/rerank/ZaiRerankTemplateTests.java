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

package io.github.zaispring.rerank;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.zaispring.ZaiQuotaExceededException;
import io.github.zaispring.resilience.ZaiRetryPolicy.RetrySettings;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ZaiRerankTemplate} against a server on 127.0.0.1.
 *
 * @author zai-spring-boot contributors
 */
class ZaiRerankTemplateTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private static final List<String> DOCUMENTS = List.of("Berlin has many museums.", "Rome is old.",
			"Paris is the capital of France.");

	// the example of zai-api-endpoints.md §3
	private static final String REPLY = """
			{"id":"20260311094512c3a1f0e27b5d4e88","created":1773193512,"request_id":"rr-000123",
			 "results":[{"index":2,"relevance_score":0.9731,"document":"Paris is the capital of France."},
			            {"index":0,"relevance_score":0.1204,"document":"Berlin has many museums."}],
			 "usage":{"prompt_tokens":61,"total_tokens":61}}""";

	private MockWebServer server;

	private ZaiRerankTemplate template;

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

	private ZaiRerankTemplate.Builder builder() {
		return ZaiRerankTemplate.builder()
			.apiKey("k.secret")
			.baseUrl(this.server.url("/api/paas/v4").toString())
			.retry(new RetrySettings(3, Duration.ofMillis(1), 2, Duration.ofMillis(5), Duration.ofSeconds(60)));
	}

	@Test
	void reranksWithTheDefaultModelAndReadsTheResults() throws Exception {
		this.server.enqueue(json(REPLY));
		RerankResponse response = this.template.rerank("capital of France", DOCUMENTS).block(WAIT);
		RecordedRequest request = take();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getUrl().encodedPath()).isEqualTo("/api/paas/v4/rerank");
		assertThat(request.getBody().utf8()).isEqualTo("{\"model\":\"rerank\",\"query\":\"capital of France\","
				+ "\"documents\":[\"Berlin has many museums.\",\"Rome is old.\",\"Paris is the capital of France.\"]}");
		assertThat(response.id()).isEqualTo("20260311094512c3a1f0e27b5d4e88");
		assertThat(response.created()).isEqualTo(1773193512L);
		assertThat(response.requestId()).isEqualTo("rr-000123");
		assertThat(response.results()).containsExactly(new RerankResult(2, 0.9731, "Paris is the capital of France."),
				new RerankResult(0, 0.1204, "Berlin has many museums."));
		assertThat(response.usage()).isEqualTo(new RerankUsage(61, 61));
	}

	@Test
	void sendsEveryOptionWithItsWireName() throws Exception {
		this.server.enqueue(json(REPLY));
		this.template
			.rerank(RerankRequest.builder()
				.model("rerank-2")
				.query("q")
				.documents(List.of("a", "b"))
				.topN(1)
				.returnDocuments(true)
				.returnRawScores(true)
				.requestId("rr-000123")
				.userId("user-0042")
				.extraBody("instruction", "rank by freshness")
				.build())
			.block(WAIT);
		assertThat(take().getBody().utf8()).isEqualTo("{\"model\":\"rerank-2\",\"query\":\"q\",\"documents\":[\"a\","
				+ "\"b\"],\"top_n\":1,\"return_documents\":true,\"return_raw_scores\":true,\"request_id\":"
				+ "\"rr-000123\",\"user_id\":\"user-0042\",\"instruction\":\"rank by freshness\"}");
	}

	@Test
	void sortsResultsBestFirstWhateverTheServersOrder() {
		this.server.enqueue(json("{\"id\":\"r1\",\"results\":[{\"index\":0,\"relevance_score\":0.1},"
				+ "{\"index\":1,\"relevance_score\":0.8},{\"index\":2,\"relevance_score\":0.5},"
				+ "{\"index\":3,\"relevance_score\":0.5}],\"usage\":{\"prompt_tokens\":9,\"total_tokens\":9}}"));
		RerankResponse response = this.template.rerank("q", List.of("a", "b", "c", "d")).block(WAIT);
		assertThat(response.results()).extracting(RerankResult::index).containsExactly(1, 2, 3, 0);
		assertThat(response.results()).extracting(RerankResult::document).containsOnlyNulls();
	}

	@Test
	void takesTheConfiguredModelOnlyWhenTheRequestNamesNone() throws Exception {
		try (ZaiRerankTemplate custom = builder().defaultModel("rerank-pro").build()) {
			this.server.enqueue(json(REPLY));
			this.server.enqueue(json(REPLY));
			custom.rerank("q", List.of("a")).block(WAIT);
			assertThat(take().getBody().utf8()).startsWith("{\"model\":\"rerank-pro\",");
			custom.rerank(RerankRequest.builder().model("rerank").query("q").documents(List.of("a")).build())
				.block(WAIT);
			assertThat(take().getBody().utf8()).startsWith("{\"model\":\"rerank\",");
		}
	}

	@Test
	void rejectsInvalidInputBeforeAnyRequest() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.rerank(" ", DOCUMENTS))
			.withMessage("query must not be empty; pass the text to rank against");
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.rerank("x".repeat(4097), DOCUMENTS))
			.withMessage("query must be at most 4096 characters, but has 4097");
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.rerank("q", List.of()))
			.withMessage("documents must hold 1 to 128 texts, but holds 0");
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.rerank("q", Collections.nCopies(129, "d")))
			.withMessage(
					"documents must hold 1 to 128 texts, but holds 129; rerank them in batches and merge by score");
		List<String> withNull = new ArrayList<>(List.of("a", "b"));
		withNull.add(null);
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.rerank("q", withNull))
			.withMessage("documents[2] must not be empty or null");
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.rerank("q", List.of("a", "")))
			.withMessage("documents[1] must not be empty or null");
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.rerank("q", List.of("a", "d".repeat(4097))))
			.withMessage("documents[1] must be at most 4096 characters, but has 4097");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RerankRequest.builder().query("q").documents(List.of("a", "b")).topN(3).build())
			.withMessage("topN must be between 0 (all) and the number of documents (2), but was 3");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RerankRequest.builder().query("q").documents(List.of("a")).topN(-1).build())
			.withMessageContaining("topN must be between 0 (all)");
		assertThatIllegalArgumentException().isThrownBy(() -> RerankRequest.builder().requestId("abc"))
			.withMessage("requestId must be 6 to 64 characters long, but has 3");
		assertThatIllegalArgumentException().isThrownBy(() -> RerankRequest.builder().extraBody("top_n", 2))
			.withMessageContaining("extraBody must not set 'top_n'");
		assertThatIllegalArgumentException().isThrownBy(() -> builder().defaultModel(" "))
			.withMessageContaining("defaultModel must not be empty");
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void acceptsTheLimitsThemselves() {
		RerankRequest request = RerankRequest.builder()
			.query("q".repeat(4096))
			.documents(Collections.nCopies(128, "d".repeat(4096)))
			.topN(128)
			.build();
		assertThat(request.documents()).hasSize(128);
		assertThat(request.mutate().topN(0).build().topN()).isZero();
	}

	@Test
	void neverRetriesInsufficientBalance() {
		this.server.enqueue(error(429, "1113", "Insufficient balance or no resource package. Please recharge."));
		this.server.enqueue(json(REPLY));
		StepVerifier.create(this.template.rerank("q", DOCUMENTS))
			.expectError(ZaiQuotaExceededException.class)
			.verify(WAIT);
		assertThat(this.server.getRequestCount()).as("exactly one request").isEqualTo(1);
	}

	@Test
	void retriesServerErrors() {
		this.server.enqueue(error(500, "500", "Internal Error"));
		this.server.enqueue(json(REPLY));
		StepVerifier.create(this.template.rerank("q", DOCUMENTS))
			.assertNext((response) -> assertThat(response.results()).hasSize(2))
			.verifyComplete();
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void neverShowsTheKey() {
		assertThat(this.template.toString()).contains("model=rerank").doesNotContain("k.secret");
		assertThat(builder().toString()).doesNotContain("k.secret");
	}

	private RecordedRequest take() throws InterruptedException {
		RecordedRequest request = this.server.takeRequest(5, TimeUnit.SECONDS);
		assertThat(request).isNotNull();
		return request;
	}

	private static MockResponse json(String body) {
		return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(body).build();
	}

	private static MockResponse error(int status, String code, String message) {
		return new MockResponse.Builder().code(status)
			.addHeader("Content-Type", "application/json")
			.body("{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}")
			.build();
	}

}
