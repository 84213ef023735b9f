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

package io.github.zaispring.autoconfigure;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.zaispring.chat.ZaiChatOperations;
import io.github.zaispring.internal.ExchangeCore;
import io.github.zaispring.websearch.ContentSize;
import io.github.zaispring.websearch.SearchRecency;
import io.github.zaispring.websearch.WebSearchRequest;
import io.github.zaispring.websearch.WebSearchResponse;
import io.github.zaispring.websearch.ZaiWebSearchOperations;
import io.github.zaispring.websearch.ZaiWebSearchTemplate;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the auto-configured web search client.
 *
 * @author zai-spring-boot contributors
 */
class ZaiWebSearchAutoConfigurationTests {

	private static final String KEY = "test-id.test-secret-0123456789";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, ZaiAutoConfiguration.class));

	private MockWebServer server;

	@BeforeEach
	void startServer() throws Exception {
		this.server = new MockWebServer();
		this.server.start(InetAddress.getLoopbackAddress(), 0);
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void registersATemplateOnTheSharedCoreWithTheDefaults() throws Exception {
		this.server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
			.body("{\"id\":\"w1\",\"search_result\":[{\"title\":\"t\",\"link\":\"https://example.com\"}]}")
			.build());
		this.contextRunner.withPropertyValues("zai.api-key=" + KEY, "zai.base-url=" + this.server.url("/api/paas/v4"))
			.run((context) -> {
				assertThat(context).hasSingleBean(ZaiWebSearchOperations.class);
				ZaiWebSearchOperations search = context.getBean(ZaiWebSearchOperations.class);
				assertThat(search).isInstanceOf(ZaiWebSearchTemplate.class);
				WebSearchResponse response = search.search("spring").block(Duration.ofSeconds(10));
				assertThat(response.results()).hasSize(1);
				RecordedRequest request = this.server.takeRequest(5, TimeUnit.SECONDS);
				assertThat(request.getUrl().encodedPath()).isEqualTo("/api/paas/v4/web_search");
				assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
				assertThat(request.getBody().utf8())
					.isEqualTo("{\"search_engine\":\"search-prime\",\"search_query\":\"spring\"}");
				assertThat(context).hasSingleBean(ExchangeCore.class);
			});
	}

	@Test
	void bindsTheWebSearchPropertiesWithTheirDefaults() {
		this.contextRunner.withPropertyValues("zai.api-key=" + KEY).run((context) -> {
			ZaiProperties.WebSearch webSearch = context.getBean(ZaiProperties.class).getWebSearch();
			assertThat(webSearch.getSearchEngine()).isEqualTo("search-prime");
			assertThat(webSearch.getCount()).isNull();
			assertThat(webSearch.getRecencyFilter()).isNull();
			assertThat(webSearch.getContentSize()).isNull();
		});
	}

	@Test
	void sendsTheConfiguredDefaults() throws Exception {
		this.server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
			.body("{\"id\":\"w1\"}")
			.build());
		this.contextRunner
			.withPropertyValues("zai.api-key=" + KEY, "zai.base-url=" + this.server.url("/api/paas/v4"),
					"zai.web-search.search-engine=search_pro", "zai.web-search.count=20",
					"zai.web-search.recency-filter=one-week", "zai.web-search.content-size=high")
			.run((context) -> {
				ZaiProperties.WebSearch webSearch = context.getBean(ZaiProperties.class).getWebSearch();
				assertThat(webSearch.getRecencyFilter()).isEqualTo(SearchRecency.ONE_WEEK);
				assertThat(webSearch.getContentSize()).isEqualTo(ContentSize.HIGH);
				context.getBean(ZaiWebSearchOperations.class).search("q").block(Duration.ofSeconds(10));
				assertThat(this.server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8())
					.isEqualTo("{\"search_engine\":\"search_pro\",\"search_query\":\"q\",\"count\":20,"
							+ "\"search_recency_filter\":\"oneWeek\",\"content_size\":\"high\"}");
			});
	}

	@Test
	void failsNamingThePropertyWhenTheCountIsOutOfRange() {
		this.contextRunner.withPropertyValues("zai.api-key=" + KEY, "zai.web-search.count=51").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure())
				.hasStackTraceContaining("zai.web-search.count must be between 1 and 50, but was 51");
		});
	}

	@Test
	void backsOffForAnApplicationBean() {
		this.contextRunner.withPropertyValues("zai.api-key=" + KEY)
			.withBean(ZaiWebSearchOperations.class, () -> new OwnSearch())
			.run((context) -> {
				assertThat(context).hasSingleBean(ZaiWebSearchOperations.class);
				assertThat(context).doesNotHaveBean(ZaiWebSearchTemplate.class);
			});
	}

	@Test
	void isOffWithZaiEnabledFalse() {
		this.contextRunner.withPropertyValues("zai.api-key=" + KEY, "zai.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ZaiWebSearchOperations.class));
	}

	@Test
	void needsNoKeyWhileNobodyUsesIt() {
		this.contextRunner.withBean(ZaiChatOperations.class, ZaiExchangeCoreAutoConfigurationTests.OwnChat::new)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeanFactory().containsBeanDefinition("zaiWebSearchTemplate")).isTrue();
			});
	}

	static class OwnSearch implements ZaiWebSearchOperations {

		@Override
		public Mono<WebSearchResponse> search(WebSearchRequest request) {
			return Mono.empty();
		}

		@Override
		public Mono<WebSearchResponse> search(String query) {
			return Mono.empty();
		}

	}

}
