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
import java.util.List;

import io.github.zaispring.ZaiQuotaExceededException;
import io.github.zaispring.internal.ExchangeCore;
import io.github.zaispring.moderation.ModerationPart;
import io.github.zaispring.moderation.ModerationRequest;
import io.github.zaispring.moderation.ModerationResponse;
import io.github.zaispring.moderation.ModerationResult;
import io.github.zaispring.moderation.ModerationUsage;
import io.github.zaispring.moderation.RiskLevel;
import io.github.zaispring.moderation.ZaiModerationTemplate;
import io.github.zaispring.rerank.RerankRequest;
import io.github.zaispring.rerank.RerankResponse;
import io.github.zaispring.rerank.RerankResult;
import io.github.zaispring.rerank.ZaiRerankTemplate;
import io.github.zaispring.resilience.ZaiRetryPolicy.RetrySettings;
import io.github.zaispring.websearch.SearchResult;
import io.github.zaispring.websearch.WebSearchRequest;
import io.github.zaispring.websearch.WebSearchResponse;
import io.github.zaispring.websearch.ZaiWebSearchTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link ZaiMockServer} serving the endpoints beyond chat to the real templates,
 * as a user's test would use it.
 *
 * @author zai-spring-boot contributors
 */
class ZaiMockServerEndpointsTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private ZaiMockServer server;

	private ExchangeCore core;

	@BeforeEach
	void start() {
		this.server = ZaiMockServer.start();
		this.core = ExchangeCore.builder()
			.apiKey("k")
			.baseUrl(this.server.baseUrl())
			.retry(new RetrySettings(3, Duration.ofMillis(1), 2, Duration.ofMillis(5), Duration.ofSeconds(60)))
			.build();
	}

	@AfterEach
	void stop() {
		this.core.close();
		this.server.close();
	}

	private ZaiWebSearchTemplate webSearch() {
		return ZaiWebSearchTemplate.builder().exchangeCore(this.core).build();
	}

	@Test
	void answersAWebSearchWithResultsAboutItsQueryWhenNothingIsQueued() {
		WebSearchResponse response = webSearch()
			.search(WebSearchRequest.builder("spring boot").count(3).searchIntent(true).requestId("ws-req-1").build())
			.block(WAIT);
		assertThat(response.results()).hasSize(3);
		assertThat(response.results().get(0).title()).isEqualTo("Result 1 for spring boot");
		assertThat(response.results()).extracting(SearchResult::refer).containsExactly("ref_1", "ref_2", "ref_3");
		assertThat(response.searchIntent()).singleElement()
			.satisfies((intent) -> assertThat(intent.query()).isEqualTo("spring boot"));
		assertThat(response.requestId()).isEqualTo("ws-req-1");
		ReceivedRequest request = this.server.takeRequest(WAIT);
		assertThat(request.path()).isEqualTo("/api/paas/v4/web_search");
		assertThat(request.body().path("search_engine").asString()).isEqualTo("search-prime");
		assertThat(request.body().path("count").asInt()).isEqualTo(3);
	}

	@Test
	void answersAWebSearchWithTheQueuedResults() {
		SearchResult result = new SearchResult("Z.ai releases GLM-5", "Summary", "https://example.com/glm-5",
				"Example News", null, "ref_1", "2026-02-11");
		this.server.enqueue(ZaiSearchReplies.webSearch(result));
		assertThat(webSearch().search("GLM-5").block(WAIT).results()).containsExactly(result);
	}

	@Test
	void failsAWebSearchWithAQuotaErrorAfterOneRequest() {
		this.server.enqueue(ZaiReply.error(429, "1113", "Insufficient balance or no resource package"));
		StepVerifier.create(webSearch().search("q")).expectError(ZaiQuotaExceededException.class).verify(WAIT);
		assertThat(this.server.requestCount()).isEqualTo(1);
	}

	@Test
	void retriesAWebSearchAfterAServerError() {
		this.server.enqueue(ZaiReply.error(500, "500", "Internal Error"));
		assertThat(webSearch().search("q").block(WAIT).results()).hasSize(10);
		assertThat(this.server.requestCount()).isEqualTo(2);
	}

	private ZaiRerankTemplate rerank() {
		return ZaiRerankTemplate.builder().exchangeCore(this.core).build();
	}

	@Test
	void answersARerankWithScoresFromSharedWordsWhenNothingIsQueued() {
		RerankResponse response = rerank()
			.rerank(RerankRequest.builder()
				.query("capital of France")
				.documents(List.of("Berlin has many museums.", "Paris is the capital of France.", "France is big."))
				.topN(2)
				.returnDocuments(true)
				.build())
			.block(WAIT);
		assertThat(response.results()).extracting(RerankResult::index).containsExactly(1, 2);
		assertThat(response.results().get(0).relevanceScore()).isEqualTo(1.0);
		assertThat(response.results().get(0).document()).isEqualTo("Paris is the capital of France.");
		assertThat(response.usage().promptTokens()).isPositive();
		ReceivedRequest request = this.server.takeRequest(WAIT);
		assertThat(request.path()).isEqualTo("/api/paas/v4/rerank");
		assertThat(request.model()).isEqualTo("rerank");
	}

	@Test
	void answersARerankWithTheQueuedResults() {
		this.server.enqueue(ZaiSearchReplies.rerank(new RerankResult(0, 0.12, null), new RerankResult(1, 0.97, null)));
		RerankResponse response = rerank().rerank("q", List.of("a", "b")).block(WAIT);
		assertThat(response.results()).containsExactly(new RerankResult(1, 0.97, null),
				new RerankResult(0, 0.12, null));
	}

	@Test
	void failsARerankWithAQuotaErrorAfterOneRequest() {
		this.server.enqueue(ZaiReply.error(429, "1113", "Insufficient balance or no resource package"));
		StepVerifier.create(rerank().rerank("q", List.of("a")))
			.expectError(ZaiQuotaExceededException.class)
			.verify(WAIT);
		assertThat(this.server.requestCount()).isEqualTo(1);
	}

	@Test
	void retriesARerankAfterAServerError() {
		this.server.enqueue(ZaiReply.error(500, "500", "Internal Error"));
		assertThat(rerank().rerank("q", List.of("a", "b")).block(WAIT).results()).hasSize(2);
		assertThat(this.server.requestCount()).isEqualTo(2);
	}

	private ZaiModerationTemplate moderation() {
		return ZaiModerationTemplate.builder().exchangeCore(this.core).build();
	}

	@Test
	void answersATextModerationWithOnePassWhenNothingIsQueued() {
		ModerationResponse response = moderation().moderate("Some user comment").block(WAIT);
		assertThat(response.results()).containsExactly(new ModerationResult("text", "PASS", List.of()));
		assertThat(response.flagged()).isFalse();
		assertThat(response.usage().moderationText().callCount()).isEqualTo(1);
		assertThat(response.created()).isGreaterThan(1_000_000_000_000L);
		assertThat(response.id()).isNotBlank();
		assertThat(response.requestId()).isNull();
		ReceivedRequest request = this.server.takeRequest(WAIT);
		assertThat(request.path()).isEqualTo("/api/paas/v4/moderations");
		assertThat(request.model()).isEqualTo("moderation");
	}

	@Test
	void answersAModerationOfPartsWithOneResultPerPartWhenNothingIsQueued() {
		ModerationResponse response = moderation()
			.moderate(ModerationRequest.builder()
				.part(ModerationPart.text("Look at this"))
				.part(ModerationPart.imageUrl("https://example.com/photo.jpg"))
				.part(ModerationPart.videoUrl("https://example.com/clip.mp4"))
				.part(ModerationPart.audioUrl("https://example.com/voice.mp3"))
				.build())
			.block(WAIT);
		assertThat(response.results()).extracting(ModerationResult::contentType)
			.containsExactly("text", "image", "video", "audio");
		assertThat(response.results()).allSatisfy((result) -> {
			assertThat(result.riskLevel()).isEqualTo(RiskLevel.PASS);
			assertThat(result.riskTypes()).isEmpty();
		});
		assertThat(response.usage().moderationText().callCount()).isEqualTo(4);
	}

	@Test
	void rejectsTheItemsWithTheMarkerWhenNothingIsQueued() {
		assertThat(moderation().moderate("a " + ZaiModerationReplies.REJECT_MARKER + " comment").block(WAIT).results())
			.containsExactly(new ModerationResult("text", "REJECT", List.of("test")));
		ModerationResponse response = moderation()
			.moderate(ModerationRequest.builder()
				.part(ModerationPart.text("Look at this"))
				.part(ModerationPart.imageUrl("https://example.com/" + ZaiModerationReplies.REJECT_MARKER + ".jpg"))
				.build())
			.block(WAIT);
		assertThat(response.results()).extracting(ModerationResult::riskLevel)
			.containsExactly(RiskLevel.PASS, RiskLevel.REJECT);
		assertThat(response.riskLevel()).isEqualTo(RiskLevel.REJECT);
	}

	@Test
	void echoesTheRequestIdOfAModeration() {
		ModerationResponse response = moderation()
			.moderate(ModerationRequest.builder().text("Some user comment").requestId("mod-req-9").build())
			.block(WAIT);
		assertThat(response.requestId()).isEqualTo("mod-req-9");
	}

	@Test
	void answersAModerationWithTheQueuedResults() {
		ModerationResult image = new ModerationResult("image", "REVIEW", List.of("porn"));
		ModerationResult text = new ModerationResult("text", "PASS", List.of());
		this.server.enqueue(ZaiModerationReplies.moderation(image, text));
		ModerationResponse response = moderation().moderate("q").block(WAIT);
		assertThat(response.results()).containsExactly(image, text);
		assertThat(response.riskLevel()).isEqualTo(RiskLevel.REVIEW);
		assertThat(response.usage().moderationText().callCount()).isEqualTo(2);
	}

	@Test
	void answersAModerationWithTheQueuedResponseVerbatim() {
		ModerationResponse queued = new ModerationResponse("2026031410455503b7e9", 1773456355000L, "mod-9",
				List.of(new ModerationResult("text", "REJECT", List.of("politics", "violence"))),
				new ModerationUsage(new ModerationUsage.Calls(3)));
		this.server.enqueue(ZaiModerationReplies.moderation(queued));
		assertThat(moderation().moderate("q").block(WAIT)).isEqualTo(queued);
	}

}
