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

package io.github.zaispring.moderation;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.zaispring.ZaiBadRequestException;
import io.github.zaispring.ZaiQuotaExceededException;
import io.github.zaispring.resilience.ZaiRetryPolicy.RetrySettings;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ZaiModerationTemplate} against a server on 127.0.0.1.
 *
 * @author zai-spring-boot contributors
 */
class ZaiModerationTemplateTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	// the example of zai-api-endpoints.md §8
	private static final String REPLY = """
			{"id":"2026031410455503b7e9","created":1773456355000,"request_id":"mod-9",
			 "result_list":[{"content_type":"text","risk_level":"PASS","risk_type":[]}],
			 "usage":{"moderation_text":{"call_count":1}}}""";

	private MockWebServer server;

	private ZaiModerationTemplate template;

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

	private ZaiModerationTemplate.Builder builder() {
		return ZaiModerationTemplate.builder()
			.apiKey("k.secret")
			.baseUrl(this.server.url("/api/paas/v4").toString())
			.retry(new RetrySettings(3, Duration.ofMillis(1), 2, Duration.ofMillis(5), Duration.ofSeconds(60)));
	}

	@Test
	void moderatesATextAsAStringWithTheDefaultModelAndReadsTheAnswer() throws Exception {
		this.server.enqueue(json(REPLY));
		ModerationResponse response = this.template.moderate("Is this fine?").block(WAIT);
		RecordedRequest request = take();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getUrl().encodedPath()).isEqualTo("/api/paas/v4/moderations");
		assertThat(request.getBody().utf8()).isEqualTo("{\"model\":\"moderation\",\"input\":\"Is this fine?\"}");
		assertThat(response.id()).isEqualTo("2026031410455503b7e9");
		assertThat(response.created()).as("milliseconds").isEqualTo(1773456355000L);
		assertThat(response.requestId()).isEqualTo("mod-9");
		assertThat(response.results()).containsExactly(new ModerationResult("text", "PASS", List.of()));
		assertThat(response.results().get(0).riskLevel()).isEqualTo(RiskLevel.PASS);
		assertThat(response.usage()).isEqualTo(new ModerationUsage(new ModerationUsage.Calls(1)));
		assertThat(response.riskLevel()).isEqualTo(RiskLevel.PASS);
		assertThat(response.flagged()).isFalse();
	}

	@Test
	void sendsPartsOfEveryTypeAsAnArrayWithEveryOption() throws Exception {
		this.server.enqueue(json(REPLY));
		this.template
			.moderate(ModerationRequest.builder()
				.model("moderation-2")
				.part(ModerationPart.text("hello"))
				.part(ModerationPart.imageUrl("https://example.com/a.jpg"))
				.part(ModerationPart.videoUrl("https://example.com/b.mp4"))
				.part(ModerationPart.audioUrl("https://example.com/c.mp3"))
				.requestId("mod-000123")
				.userId("user-0042")
				.extraBody("stream", false)
				.build())
			.block(WAIT);
		assertThat(take().getBody().utf8())
			.isEqualTo("{\"model\":\"moderation-2\",\"input\":[" + "{\"type\":\"text\",\"text\":\"hello\"},"
					+ "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/a.jpg\"}},"
					+ "{\"type\":\"video_url\",\"video_url\":{\"url\":\"https://example.com/b.mp4\"}},"
					+ "{\"type\":\"audio_url\",\"audio_url\":{\"url\":\"https://example.com/c.mp3\"}}],"
					+ "\"request_id\":\"mod-000123\",\"user_id\":\"user-0042\",\"stream\":false}");
	}

	@Test
	void takesTheConfiguredModelOnlyWhenTheRequestNamesNone() throws Exception {
		try (ZaiModerationTemplate custom = builder().defaultModel("moderation-pro").build()) {
			this.server.enqueue(json(REPLY));
			this.server.enqueue(json(REPLY));
			this.server.enqueue(json(REPLY));
			custom.moderate("hi").block(WAIT);
			assertThat(take().getBody().utf8()).isEqualTo("{\"model\":\"moderation-pro\",\"input\":\"hi\"}");
			custom.moderate(ModerationRequest.builder().part(ModerationPart.text("hi")).build()).block(WAIT);
			assertThat(take().getBody().utf8())
				.isEqualTo("{\"model\":\"moderation-pro\",\"input\":[{\"type\":\"text\",\"text\":\"hi\"}]}");
			custom.moderate(ModerationRequest.builder().model("moderation").text("hi").build()).block(WAIT);
			assertThat(take().getBody().utf8()).isEqualTo("{\"model\":\"moderation\",\"input\":\"hi\"}");
		}
	}

	@Test
	void readsEveryRiskLevelAndKeepsAnUnknownOneAsSent() {
		this.server.enqueue(json("{\"id\":\"m1\",\"result_list\":["
				+ "{\"content_type\":\"text\",\"risk_level\":\"PASS\",\"risk_type\":[]},"
				+ "{\"content_type\":\"image\",\"risk_level\":\"REVIEW\",\"risk_type\":[\"porn\"]},"
				+ "{\"content_type\":\"video\",\"risk_level\":\"REJECT\",\"risk_type\":[\"violence\",\"politics\"]},"
				+ "{\"content_type\":\"audio\",\"risk_level\":\"ESCALATE\"}]}"));
		ModerationResponse response = this.template.moderate("x").block(WAIT);
		assertThat(response.results()).extracting(ModerationResult::riskLevel)
			.containsExactly(RiskLevel.PASS, RiskLevel.REVIEW, RiskLevel.REJECT, RiskLevel.UNKNOWN);
		assertThat(response.results()).extracting(ModerationResult::riskLevelValue)
			.containsExactly("PASS", "REVIEW", "REJECT", "ESCALATE");
		assertThat(response.results()).extracting(ModerationResult::contentType)
			.containsExactly("text", "image", "video", "audio");
		assertThat(response.results().get(2).riskTypes()).containsExactly("violence", "politics");
		assertThat(response.results().get(3).riskTypes()).isEmpty();
		assertThat(response.riskLevel()).isEqualTo(RiskLevel.REJECT);
		assertThat(response.flagged()).isTrue();
		assertThat(response.usage()).isNull();
	}

	@Test
	void ranksTheWorstRiskLevelOfTheResults() {
		assertThat(response("PASS", "REVIEW").riskLevel()).isEqualTo(RiskLevel.REVIEW);
		assertThat(response("PASS", "NEW").riskLevel()).isEqualTo(RiskLevel.UNKNOWN);
		assertThat(response("NEW", "REVIEW").riskLevel()).isEqualTo(RiskLevel.REVIEW);
		assertThat(response("PASS", "PASS").flagged()).isFalse();
		assertThat(response().riskLevel()).as("no verdict").isEqualTo(RiskLevel.UNKNOWN);
		assertThat(response().flagged()).isTrue();
		assertThat(RiskLevel.from("reject")).isEqualTo(RiskLevel.REJECT);
		assertThat(RiskLevel.from(null)).isEqualTo(RiskLevel.UNKNOWN);
	}

	@Test
	void readsTheCallCountAsANumberOrAString() {
		this.server
			.enqueue(json("{\"id\":\"m1\",\"result_list\":[],\"usage\":{\"moderation_text\":{\"call_count\":2}}}"));
		this.server
			.enqueue(json("{\"id\":\"m2\",\"result_list\":[],\"usage\":{\"moderation_text\":{\"call_count\":\"3\"}}}"));
		assertThat(this.template.moderate("x").block(WAIT).usage().moderationText().callCount()).isEqualTo(2);
		assertThat(this.template.moderate("x").block(WAIT).usage().moderationText().callCount()).isEqualTo(3);
	}

	@Test
	void ignoresUnknownFieldsWhateverTheMapper() {
		String body = "{\"id\":\"m1\",\"object\":\"moderation\",\"result_list\":[{\"content_type\":\"text\","
				+ "\"risk_level\":\"PASS\",\"risk_type\":[],\"score\":0.01}],\"usage\":{\"moderation_text\":"
				+ "{\"call_count\":1,\"unit\":\"call\"},\"moderation_image\":{\"call_count\":0}},\"extra\":{\"a\":[1]}}";
		this.server.enqueue(json(body));
		ModerationResponse response = this.template.moderate("x").block(WAIT);
		assertThat(response.results()).containsExactly(new ModerationResult("text", "PASS", List.of()));
		assertThat(response.usage().moderationText().callCount()).isEqualTo(1);
		JsonMapper strict = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		assertThat(strict.readValue(body, ModerationResponse.class)).isEqualTo(response);
	}

	@Test
	void rejectsInvalidInputBeforeAnyRequest() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.moderate(" "))
			.withMessage("text must not be empty; pass the text to moderate");
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.moderate((String) null))
			.withMessage("text must not be empty; pass the text to moderate");
		assertThatIllegalArgumentException().isThrownBy(() -> ModerationRequest.builder().build())
			.withMessage("parts must not be empty; add a text, imageUrl, videoUrl or audioUrl part, or set a text");
		assertThatIllegalArgumentException().isThrownBy(() -> ModerationRequest.builder().parts(List.of()).build())
			.withMessageStartingWith("parts must not be empty;");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ModerationRequest.builder().text("a").part(ModerationPart.text("b")).build())
			.withMessage(
					"text and parts must not both be set; add the text as ModerationPart.text(..) among the parts");
		List<ModerationPart> withNull = new ArrayList<>(List.of(ModerationPart.text("a")));
		withNull.add(null);
		assertThatIllegalArgumentException().isThrownBy(() -> ModerationRequest.builder().parts(withNull))
			.withMessageStartingWith("part must not be null;");
		assertThatIllegalArgumentException().isThrownBy(() -> ModerationPart.text(""))
			.withMessage("text must not be empty; pass the text to moderate");
		assertThatIllegalArgumentException().isThrownBy(() -> ModerationPart.imageUrl(null))
			.withMessage(
					"imageUrl must not be empty; pass the URL of the content, such as https://example.com/photo.jpg");
		assertThatIllegalArgumentException().isThrownBy(() -> ModerationPart.videoUrl(" "))
			.withMessage(
					"videoUrl must not be empty; pass the URL of the content, such as https://example.com/clip.mp4");
		assertThatIllegalArgumentException().isThrownBy(() -> ModerationPart.audioUrl(""))
			.withMessage(
					"audioUrl must not be empty; pass the URL of the content, such as https://example.com/voice.mp3");
		assertThatIllegalArgumentException().isThrownBy(() -> ModerationRequest.builder().model(" "))
			.withMessageContaining("model must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> ModerationRequest.builder().requestId("abc"))
			.withMessage("requestId must be 6 to 64 characters long, but has 3");
		assertThatIllegalArgumentException().isThrownBy(() -> ModerationRequest.builder().userId("abc"))
			.withMessage("userId must be 6 to 128 characters long, but has 3");
		assertThatIllegalArgumentException().isThrownBy(() -> ModerationRequest.builder().extraBody("input", "x"))
			.withMessageContaining("extraBody must not set 'input'");
		assertThatIllegalArgumentException().isThrownBy(() -> builder().defaultModel(" "))
			.withMessageContaining("defaultModel must not be empty");
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void mutatesARequestKeepingEverythingElse() {
		ModerationRequest request = ModerationRequest.builder()
			.part(ModerationPart.imageUrl("https://example.com/a.jpg"))
			.requestId("mod-000123")
			.extraBody("k", "v")
			.build();
		ModerationRequest changed = request.mutate().model("moderation").build();
		assertThat(changed.model()).isEqualTo("moderation");
		assertThat(changed.parts()).containsExactly(ModerationPart.imageUrl("https://example.com/a.jpg"));
		assertThat(changed.text()).isNull();
		assertThat(changed.requestId()).isEqualTo("mod-000123");
		assertThat(changed.extraBody()).containsEntry("k", "v");
		assertThat(changed.mutate().model(null).build()).isEqualTo(request);
	}

	@Test
	void mapsABadRequestToItsTypedException() {
		this.server.enqueue(error(400, "1214", "input must not be empty"));
		StepVerifier.create(this.template.moderate("x"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ZaiBadRequestException.class)
				.hasMessageContaining("input must not be empty"))
			.verify(WAIT);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void neverRetriesInsufficientBalance() {
		this.server.enqueue(error(429, "1113", "Insufficient balance or no resource package. Please recharge."));
		this.server.enqueue(json(REPLY));
		StepVerifier.create(this.template.moderate("x")).expectError(ZaiQuotaExceededException.class).verify(WAIT);
		assertThat(this.server.getRequestCount()).as("exactly one request").isEqualTo(1);
	}

	@Test
	void retriesServerErrors() {
		this.server.enqueue(error(500, "500", "Internal Error"));
		this.server.enqueue(json(REPLY));
		StepVerifier.create(this.template.moderate("x"))
			.assertNext((response) -> assertThat(response.results()).hasSize(1))
			.verifyComplete();
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void neverShowsTheKey() {
		assertThat(this.template.toString()).contains("model=moderation").doesNotContain("k.secret");
		assertThat(builder().toString()).doesNotContain("k.secret");
	}

	private static ModerationResponse response(String... levels) {
		List<ModerationResult> results = new ArrayList<>();
		for (String level : levels) {
			results.add(new ModerationResult("text", level, null));
		}
		return new ModerationResponse("m", null, null, results, null);
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
