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

package io.github.zaispring.chat;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.zaispring.ZaiException;
import io.github.zaispring.ZaiQuotaExceededException;
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
 * Token counting ({@code POST /tokenizer}) of {@link ZaiChatTemplate} against a server on
 * 127.0.0.1.
 *
 * @author zai-spring-boot contributors
 */
class ZaiChatTemplateTokenizerTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private static final String ANSWER = """
			{"id":"20260314103300a8e1d2c3b4f5a6b7","created":1773455580,"request_id":"tok-42",
			 "usage":{"prompt_tokens":23,"image_tokens":0,"video_tokens":0,"total_tokens":23}}""";

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	private MockWebServer server;

	private ZaiChatTemplate template;

	@BeforeEach
	void start() throws IOException {
		this.server = new MockWebServer();
		this.server.start(InetAddress.getLoopbackAddress(), 0);
		this.template = ZaiChatTemplate.builder()
			.apiKey("k.secret")
			.baseUrl(this.server.url("/api/paas/v4").toString())
			.defaultModel("glm-4.5")
			.defaultTemperature(0.3)
			.defaultMaxTokens(100)
			.retry(new RetrySettings(3, Duration.ofMillis(1), 2, Duration.ofMillis(5), Duration.ofSeconds(60)))
			.build();
	}

	@AfterEach
	void stop() {
		this.template.close();
		this.server.close();
	}

	@Test
	void countsThePromptTokensOfTheRequestChatWouldSend() throws Exception {
		this.server.enqueue(json(200, ANSWER));
		ChatRequest request = ChatRequest.builder()
			.system("Be brief.")
			.user("What is GLM?")
			.tool(Tool.function("weather", "Weather of a city", Map.of("type", "object")))
			.tool(Tool.webSearch(WebSearch.builder("search_std").build()))
			.requestId("tok-42")
			.userId("user-1")
			.header("X-Trace", "t-1")
			.doSample(true)
			.stop("END")
			.build();
		assertThat(this.template.countTokens(request).block(WAIT)).isEqualTo(23);
		RecordedRequest recorded = take();
		assertThat(recorded.getMethod()).isEqualTo("POST");
		assertThat(recorded.getUrl().encodedPath()).isEqualTo("/api/paas/v4/tokenizer");
		assertThat(recorded.getHeaders().get("X-Trace")).isEqualTo("t-1");
		JsonNode body = this.jsonMapper.readTree(recorded.getBody().utf8());
		// the model chat would use (the default), and only what the tokenizer accepts
		assertThat(body.propertyNames()).containsExactly("model", "messages", "tools", "request_id", "user_id");
		assertThat(body.get("model").asString()).isEqualTo("glm-4.5");
		assertThat(body.get("messages")).hasSize(2);
		assertThat(body.get("messages").get(1).get("content").asString()).isEqualTo("What is GLM?");
		assertThat(body.get("tools")).hasSize(1);
		assertThat(body.get("tools").get(0).get("function").get("name").asString()).isEqualTo("weather");
		assertThat(body.get("request_id").asString()).isEqualTo("tok-42");
		assertThat(body.get("user_id").asString()).isEqualTo("user-1");
	}

	@Test
	void sendsTheMessagesOfTheChatRequestByteForByte() throws Exception {
		this.server.enqueue(json(200, ANSWER));
		this.server.enqueue(json(200, "{\"choices\":[]}"));
		ChatRequest request = ChatRequest.builder().model("glm-4.6").user("Count me").build();
		this.template.countTokens(request).block(WAIT);
		this.template.chat(request).block(WAIT);
		JsonNode tokenizer = this.jsonMapper.readTree(take().getBody().utf8());
		JsonNode chat = this.jsonMapper.readTree(take().getBody().utf8());
		assertThat(tokenizer.get("messages")).isEqualTo(chat.get("messages"));
		assertThat(tokenizer.get("model")).isEqualTo(chat.get("model"));
		assertThat(tokenizer.has("tools")).isFalse();
	}

	@Test
	void anAnswerWithoutUsageIsAnErrorNotZero() {
		this.server.enqueue(json(200, "{\"id\":\"t1\",\"request_id\":\"r1\"}"));
		StepVerifier.create(this.template.countTokens(ChatRequest.builder().user("hi").build()))
			.expectErrorSatisfies(
					(ex) -> assertThat(ex).isInstanceOf(ZaiException.class).hasMessageContaining("without usage"))
			.verify(WAIT);
	}

	@Test
	void quotaExceededIsNotRetried() {
		this.server.enqueue(json(429, "{\"error\":{\"code\":\"1113\",\"message\":\"Insufficient balance\"}}"));
		this.server.enqueue(json(200, ANSWER));
		StepVerifier.create(this.template.countTokens(ChatRequest.builder().user("hi").build()))
			.expectError(ZaiQuotaExceededException.class)
			.verify(WAIT);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void serverErrorIsRetried() {
		this.server.enqueue(json(500, "{\"error\":{\"code\":\"500\",\"message\":\"Internal error\"}}"));
		this.server.enqueue(json(200, ANSWER));
		assertThat(this.template.countTokens(ChatRequest.builder().user("hi").build()).block(WAIT)).isEqualTo(23);
		assertThat(this.server.getRequestCount()).isEqualTo(2);
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
