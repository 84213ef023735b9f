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

package io.github.zaispring.websearch;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.zaispring.ZaiQuotaExceededException;
import io.github.zaispring.internal.ExchangeCore;
import io.github.zaispring.resilience.ZaiRetryPolicy.RetrySettings;
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
 * Tests for {@link ZaiWebSearchTemplate} against a server on 127.0.0.1.
 *
 * @author zai-spring-boot contributors
 */
class ZaiWebSearchTemplateTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	// the example of zai-api-endpoints.md §4.1
	static final String REPLY = """
			{"id":"2026031410221709e5b2c4d1a84f7c","created":1773454937,"request_id":"ws-7f3a2c",
			 "search_intent":[{"query":"GLM-5 release date","intent":"SEARCH_ALL","keywords":"GLM-5 release"}],
			 "search_result":[{"title":"Z.ai releases GLM-5","content":"Summary text of the page ...",
			   "link":"https://example.com/glm-5","media":"Example News","icon":"https://example.com/favicon.ico",
			   "refer":"ref_1","publish_date":"2026-02-11"},
			  {"title":"Second","content":"More","link":"https://example.org/b","media":"Org","icon":"",
			   "refer":"ref_2","publish_date":"","images":["https://example.org/i.png"]}]}""";

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	private MockWebServer server;

	private ZaiWebSearchTemplate template;

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

	private ZaiWebSearchTemplate.Builder builder() {
		return ZaiWebSearchTemplate.builder()
			.apiKey("k.secret")
			.baseUrl(this.server.url("/api/paas/v4").toString())
			.retry(new RetrySettings(3, Duration.ofMillis(1), 2, Duration.ofMillis(5), Duration.ofSeconds(60)));
	}

	@Test
	void searchesWithTheDefaultEngineAndReadsResultsAndIntent() throws Exception {
		this.server.enqueue(json(REPLY));
		WebSearchResponse response = this.template.search("GLM-5 release date").block(WAIT);
		RecordedRequest request = take();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getUrl().encodedPath()).isEqualTo("/api/paas/v4/web_search");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer k.secret");
		assertThat(request.getBody().utf8())
			.isEqualTo("{\"search_engine\":\"search-prime\",\"search_query\":\"GLM-5 release date\"}");
		assertThat(response.id()).isEqualTo("2026031410221709e5b2c4d1a84f7c");
		assertThat(response.created()).isEqualTo(1773454937L);
		assertThat(response.requestId()).isEqualTo("ws-7f3a2c");
		assertThat(response.searchIntent())
			.containsExactly(new SearchIntent("GLM-5 release date", "SEARCH_ALL", "GLM-5 release"));
		assertThat(response.results()).hasSize(2);
		assertThat(response.results().get(0)).isEqualTo(
				new SearchResult("Z.ai releases GLM-5", "Summary text of the page ...", "https://example.com/glm-5",
						"Example News", "https://example.com/favicon.ico", "ref_1", "2026-02-11"));
		assertThat(response.results().get(1).publishDate()).isEmpty();
	}

	@Test
	void sendsEveryOptionWithItsWireName() throws Exception {
		this.server.enqueue(json(REPLY));
		WebSearchRequest request = WebSearchRequest.builder("spring boot 4")
			.searchEngine(SearchEngines.SEARCH_PRO)
			.count(20)
			.domainFilter("spring.io")
			.recencyFilter(SearchRecency.ONE_WEEK)
			.contentSize(ContentSize.HIGH)
			.searchIntent(true)
			.requestId("ws-000123")
			.userId("user-0042")
			.extraBody("include_image", true)
			.build();
		this.template.search(request).block(WAIT);
		JsonNode body = this.jsonMapper.readTree(take().getBody().utf8());
		assertThat(body.toString()).isEqualTo("{\"search_engine\":\"search_pro\",\"search_query\":\"spring boot 4\","
				+ "\"count\":20,\"search_domain_filter\":\"spring.io\",\"search_recency_filter\":\"oneWeek\","
				+ "\"content_size\":\"high\",\"search_intent\":true,\"request_id\":\"ws-000123\","
				+ "\"user_id\":\"user-0042\",\"include_image\":true}");
	}

	@Test
	void appliesTheTemplateDefaultsOnlyWhereTheRequestSetsNothing() throws Exception {
		try (ZaiWebSearchTemplate template = builder().defaultSearchEngine(SearchEngines.SEARCH_STD)
			.defaultCount(5)
			.defaultRecencyFilter(SearchRecency.ONE_DAY)
			.defaultContentSize(ContentSize.HIGH)
			.build()) {
			appliesDefaults(template);
		}
	}

	private void appliesDefaults(ZaiWebSearchTemplate template) throws InterruptedException {
		this.server.enqueue(json(REPLY));
		this.server.enqueue(json(REPLY));
		template.search("news").block(WAIT);
		JsonNode defaulted = this.jsonMapper.readTree(take().getBody().utf8());
		assertThat(defaulted.get("search_engine").asString()).isEqualTo("search_std");
		assertThat(defaulted.get("count").asInt()).isEqualTo(5);
		assertThat(defaulted.get("search_recency_filter").asString()).isEqualTo("oneDay");
		assertThat(defaulted.get("content_size").asString()).isEqualTo("high");
		template
			.search(WebSearchRequest.builder("news")
				.searchEngine(SearchEngines.SEARCH_PRIME)
				.count(30)
				.recencyFilter(SearchRecency.NO_LIMIT)
				.contentSize(ContentSize.MEDIUM)
				.build())
			.block(WAIT);
		JsonNode overridden = this.jsonMapper.readTree(take().getBody().utf8());
		assertThat(overridden.get("search_engine").asString()).isEqualTo("search-prime");
		assertThat(overridden.get("count").asInt()).isEqualTo(30);
		assertThat(overridden.get("search_recency_filter").asString()).isEqualTo("noLimit");
		assertThat(overridden.get("content_size").asString()).isEqualTo("medium");
	}

	@Test
	void readsSingleObjectsAndMissingListsAsLists() {
		this.server.enqueue(json("{\"id\":\"w1\",\"search_intent\":{\"query\":\"q\",\"intent\":\"SEARCH_NONE\","
				+ "\"keywords\":\"\"},\"search_result\":{\"title\":\"t\",\"link\":\"https://example.com\"}}"));
		this.server.enqueue(json("{\"id\":\"w2\",\"created\":1}"));
		WebSearchResponse single = this.template.search("q").block(WAIT);
		assertThat(single.searchIntent()).extracting(SearchIntent::intent).containsExactly("SEARCH_NONE");
		assertThat(single.results()).extracting(SearchResult::link).containsExactly("https://example.com");
		WebSearchResponse empty = this.template.search("q").block(WAIT);
		assertThat(empty.results()).isEmpty();
		assertThat(empty.searchIntent()).isEmpty();
	}

	@Test
	void rejectsInvalidSearchesBeforeAnyRequest() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.search("  "))
			.withMessageContaining("query must not be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> WebSearchRequest.builder("q").count(0))
			.withMessage("count must be between 1 and 50, but was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> WebSearchRequest.builder("q").count(51))
			.withMessage("count must be between 1 and 50, but was 51");
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> WebSearchRequest.builder("q").searchEngine(SearchEngines.SEARCH_PRO_SOGOU).count(15).build())
			.withMessage("count must be 10, 20, 30, 40 or 50 with the search engine search_pro_sogou, but was 15");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WebSearchRequest.builder("x".repeat(71)).searchEngine(SearchEngines.SEARCH_STD).build())
			.withMessage("query must be at most 70 characters with the search engine search_std, but has 71");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WebSearchRequest.builder("q").domainFilter("https://www.example.com/news"))
			.withMessageContaining("domainFilter must be one domain such as www.example.com");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WebSearchRequest.builder("q").searchEngine("search prime"))
			.withMessageContaining("searchEngine must be a search engine such as search-prime");
		assertThatIllegalArgumentException().isThrownBy(() -> WebSearchRequest.builder("q").requestId("abc"))
			.withMessage("requestId must be 6 to 64 characters long, but has 3");
		assertThatIllegalArgumentException().isThrownBy(() -> WebSearchRequest.builder("q").extraBody("count", 3))
			.withMessageContaining("extraBody must not set 'count'");
		assertThatIllegalArgumentException().isThrownBy(() -> builder().defaultCount(60))
			.withMessage("defaultCount must be between 1 and 50, but was 60");
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void checksTheEngineRulesAgainstTheDefaultsToo() {
		ZaiWebSearchTemplate sogou = builder().defaultSearchEngine(SearchEngines.SEARCH_PRO_SOGOU).build();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> sogou.search(WebSearchRequest.builder("q").count(7).build()))
			.withMessageContaining("with the search engine search_pro_sogou");
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void readsTheRecencyFromItsWireValueOrName() {
		assertThat(SearchRecency.from("oneWeek")).isEqualTo(SearchRecency.ONE_WEEK);
		assertThat(SearchRecency.from("one-month")).isEqualTo(SearchRecency.ONE_MONTH);
		assertThat(SearchRecency.from("NO_LIMIT")).isEqualTo(SearchRecency.NO_LIMIT);
		assertThatIllegalArgumentException().isThrownBy(() -> SearchRecency.from("lastWeek"))
			.withMessageContaining("oneDay, oneWeek, oneMonth, oneYear and noLimit");
	}

	@Test
	void neverRetriesInsufficientBalance() {
		this.server.enqueue(error(429, "1113", "Insufficient balance or no resource package. Please recharge."));
		this.server.enqueue(json(REPLY));
		StepVerifier.create(this.template.search("q")).expectError(ZaiQuotaExceededException.class).verify(WAIT);
		assertThat(this.server.getRequestCount()).as("exactly one request").isEqualTo(1);
	}

	@Test
	void retriesServerErrors() {
		this.server.enqueue(error(500, "500", "Internal Error"));
		this.server.enqueue(json(REPLY));
		StepVerifier.create(this.template.search("q"))
			.assertNext((response) -> assertThat(response.results()).hasSize(2))
			.verifyComplete();
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void sharesACoreWithoutClosingItAndNeverShowsTheKey() {
		try (ExchangeCore core = ExchangeCore.builder()
			.apiKey("k.secret")
			.baseUrl(this.server.url("/api/paas/v4").toString())
			.build()) {
			ZaiWebSearchTemplate shared = ZaiWebSearchTemplate.builder().exchangeCore(core).build();
			this.server.enqueue(json(REPLY));
			this.server.enqueue(json(REPLY));
			assertThat(shared.search("q").block(WAIT).results()).hasSize(2);
			shared.close();
			assertThat(shared.search("q").block(WAIT).results()).as("the shared core still works").hasSize(2);
			assertThat(shared.toString()).contains("searchEngine=search-prime").doesNotContain("k.secret");
			assertThat(core.toString()).doesNotContain("k.secret");
		}
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
