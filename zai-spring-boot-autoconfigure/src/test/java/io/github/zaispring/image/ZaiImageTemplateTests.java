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

package io.github.zaispring.image;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.zaispring.ZaiException;
import io.github.zaispring.ZaiQuotaExceededException;
import io.github.zaispring.chat.ZaiChatTemplate;
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

/**
 * HTTP tests of {@link ZaiImageTemplate} against a server on 127.0.0.1.
 *
 * @author zai-spring-boot contributors
 */
class ZaiImageTemplateTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private static final String ANSWER = """
			{"created":1773455802,
			 "data":[{"url":"https://example-cdn.example.com/gen/2026/03/14/3f9c1e.png"}],
			 "content_filter":[{"role":"assistant","level":3}]}""";

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	private MockWebServer server;

	private ZaiImageTemplate template;

	@BeforeEach
	void start() throws IOException {
		this.server = new MockWebServer();
		this.server.start(InetAddress.getLoopbackAddress(), 0);
		this.template = ZaiImageTemplate.builder()
			.apiKey("k.secret")
			.baseUrl(this.server.url("/api/paas/v4").toString())
			.retry(new RetrySettings(3, Duration.ofMillis(1), 2, Duration.ofMillis(5), Duration.ofSeconds(60)))
			.build();
	}

	@AfterEach
	void stop() {
		this.template.close();
		this.server.close();
	}

	@Test
	void generatesWithEveryFieldAndReadsTheImagesAndTheContentFilter() throws Exception {
		this.server.enqueue(json(200, ANSWER));
		ImageRequest request = ImageRequest.builder()
			.model("cogview-4-250304")
			.prompt("A cat on a Florentine roof at dawn")
			.size("1024x1024")
			.quality("hd")
			.userId("user-123456")
			.watermark(false)
			.build();
		ImageResponse response = this.template.generate(request).block(WAIT);
		assertThat(response.created()).isEqualTo(1773455802L);
		assertThat(response.images()).extracting(ImageResponse.Image::url)
			.containsExactly("https://example-cdn.example.com/gen/2026/03/14/3f9c1e.png");
		assertThat(response.contentFilter()).containsExactly(new ImageResponse.ContentFilter("assistant", 3));
		RecordedRequest recorded = take();
		assertThat(recorded.getMethod()).isEqualTo("POST");
		assertThat(recorded.getUrl().encodedPath()).isEqualTo("/api/paas/v4/images/generations");
		assertThat(recorded.getBody().utf8()).isEqualTo("{\"model\":\"cogview-4-250304\","
				+ "\"prompt\":\"A cat on a Florentine roof at dawn\",\"size\":\"1024x1024\",\"quality\":\"hd\","
				+ "\"user_id\":\"user-123456\",\"watermark_enabled\":false}");
	}

	@Test
	void generateFromAPromptUsesTheDefaultModelAndReturnsTheUrl() throws Exception {
		this.server.enqueue(json(200, "{\"created\":1,\"data\":[{\"url\":\"https://cdn.example.com/1.png\"}]}"));
		assertThat(this.template.generate("A lighthouse").block(WAIT)).isEqualTo("https://cdn.example.com/1.png");
		JsonNode body = this.jsonMapper.readTree(take().getBody().utf8());
		assertThat(body.propertyNames()).containsExactly("model", "prompt");
		assertThat(body.get("model").asString()).isEqualTo("cogview-4-250304");
	}

	@Test
	void aConfiguredDefaultModelIsUsed() throws Exception {
		this.server.enqueue(json(200, "{\"created\":1,\"data\":[{\"url\":\"https://cdn.example.com/1.png\"}]}"));
		try (ZaiImageTemplate glm = ZaiImageTemplate.builder()
			.apiKey("k.secret")
			.baseUrl(this.server.url("/api/paas/v4").toString())
			.defaultModel("glm-image")
			.build()) {
			glm.generate("A lighthouse").block(WAIT);
		}
		assertThat(this.jsonMapper.readTree(take().getBody().utf8()).get("model").asString()).isEqualTo("glm-image");
	}

	@Test
	void anAnswerWithoutAnImageIsAnErrorNamingTheContentFilter() {
		this.server
			.enqueue(json(200, "{\"created\":1,\"data\":[],\"content_filter\":[{\"role\":\"user\",\"level\":0}]}"));
		StepVerifier.create(this.template.generate("Something"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ZaiException.class)
				.hasMessageContaining("without an image")
				.hasMessageContaining("role=user, level=0"))
			.verify(WAIT);
	}

	@Test
	void quotaExceededIsOneRequest() {
		this.server.enqueue(json(429, "{\"error\":{\"code\":\"1113\",\"message\":\"Insufficient balance\"}}"));
		StepVerifier.create(this.template.generate("A cat")).expectError(ZaiQuotaExceededException.class).verify(WAIT);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void serverErrorIsRetried() {
		this.server.enqueue(json(500, "{\"error\":{\"code\":\"500\",\"message\":\"Internal error\"}}"));
		this.server.enqueue(json(200, ANSWER));
		assertThat(this.template.generate("A cat").block(WAIT)).endsWith("3f9c1e.png");
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void sharesTheChatTemplatesCore() {
		try (ZaiChatTemplate chat = ZaiChatTemplate.builder()
			.apiKey("k.secret")
			.baseUrl(this.server.url("/api/paas/v4").toString())
			.build()) {
			ZaiImageTemplate images = ZaiImageTemplate.builder().exchangeCore(chat.exchangeCore()).build();
			assertThat(images.exchangeCore()).isSameAs(chat.exchangeCore());
			assertThat(images.toString()).doesNotContain("k.secret").contains("cogview-4-250304");
		}
	}

	@Test
	void closingATemplateOnASharedCoreLeavesItsConnectionPoolOpen() throws InterruptedException {
		try (ExchangeCore core = ExchangeCore.builder()
			.apiKey("k.secret")
			.baseUrl(this.server.url("/api/paas/v4").toString())
			.pool(1, Duration.ofSeconds(5), Duration.ofMinutes(1))
			.build()) {
			// one connection at most: while the pool stays open, every request takes it
			ZaiImageTemplate shared = ZaiImageTemplate.builder().exchangeCore(core).build();
			this.server.enqueue(json(200, ANSWER));
			this.server.enqueue(json(200, ANSWER));
			assertThat(shared.generate("A cat").block(WAIT)).endsWith("3f9c1e.png");
			shared.close();
			assertThat(shared.generate("A cat").block(WAIT)).as("the shared core still works").endsWith("3f9c1e.png");
			assertThat(take().getConnectionIndex()).as("the shared pool kept its connection")
				.isEqualTo(take().getConnectionIndex());
		}
	}

	private RecordedRequest take() throws InterruptedException {
		RecordedRequest request = this.server.takeRequest(5, TimeUnit.SECONDS);
		assertThat(request).isNotNull();
		return request;
	}

	private static MockResponse json(int status, String body) {
		return new MockResponse.Builder().code(status)
			.addHeader("Content-Type", "application/json; charset=UTF-8")
			.body(body)
			.build();
	}

}
