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

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import io.github.zaispring.chat.ChatRequest;
import io.github.zaispring.chat.ToolCall;
import io.github.zaispring.chat.ZaiChatTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests of the bytes {@link ZaiMockServer} sends, compared with the recorded Z.AI
 * traffic, read with the JDK's HTTP client.
 *
 * @author zai-spring-boot contributors
 */
class ZaiMockServerWireTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	private ZaiMockServer server;

	@BeforeEach
	void start() {
		this.server = ZaiMockServer.start();
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void streamHasTheShapeOfTheRecordedTraffic() throws Exception {
		this.server.enqueue(ZaiReply.text("Olá!")
			.reasoning("Hi in Portuguese")
			.toolCalls(ToolCall.function("call_1", "weather", "{\"location\":\"Florence\"}"))
			.usage(16, 72, 6, 40)
			.id("20251111175621ea00b15bd30046c2"));
		HttpResponse<String> response = post("/api/paas/v4/chat/completions",
				"{\"model\":\"glm-4.5\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream;charset=UTF-8");
		assertThat(response.body()).endsWith("\n\ndata: [DONE]\n\n");
		List<String> events = Arrays.asList(response.body().split("\n\n"));
		assertThat(events).allSatisfy((event) -> assertThat(event).startsWith("data: ").doesNotContain("\n"));
		List<JsonNode> chunks = events.subList(0, events.size() - 1)
			.stream()
			.map((event) -> this.jsonMapper.readTree(event.substring("data: ".length())))
			.toList();
		assertThat(chunks).allSatisfy((chunk) -> {
			assertThat(chunk.get("id").asString()).isEqualTo("20251111175621ea00b15bd30046c2");
			assertThat(chunk.get("created").isNumber()).isTrue();
			assertThat(chunk.get("model").asString()).isEqualTo("glm-4.5");
			assertThat(chunk.get("choices").get(0).get("index").asInt()).isZero();
		});
		JsonNode firstDelta = chunks.get(0).get("choices").get(0).get("delta");
		assertThat(firstDelta.get("role").asString()).isEqualTo("assistant");
		assertThat(firstDelta.get("reasoning_content").asString()).isEqualTo("Hi");
		JsonNode toolDelta = chunks.get(chunks.size() - 2).get("choices").get(0).get("delta");
		assertThat(toolDelta.has("role")).as("tool-call deltas carry no role").isFalse();
		assertThat(toolDelta.get("tool_calls").get(0).get("function").get("arguments").asString())
			.isEqualTo("{\"location\":\"Florence\"}");
		JsonNode last = chunks.get(chunks.size() - 1);
		assertThat(last.get("choices").get(0).get("finish_reason").asString()).isEqualTo("tool_calls");
		assertThat(last.get("choices").get(0).get("delta").get("content").asString()).isEmpty();
		assertThat(last.get("usage").get("prompt_tokens_details").get("cached_tokens").asInt()).isEqualTo(6);
		assertThat(last.get("usage").get("completion_tokens_details").get("reasoning_tokens").asInt()).isEqualTo(40);
		assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy((chunk) -> {
			assertThat(chunk.has("usage")).isFalse();
			assertThat(chunk.get("choices").get(0).has("finish_reason")).isFalse();
		});
	}

	@Test
	void plainAnswerHasTheShapeOfTheRecordedTraffic() throws Exception {
		this.server.enqueue(ZaiReply.text("Olá!").retryAfter(Duration.ofSeconds(3)).header("x-trace", "abc"));
		HttpResponse<String> response = post("/api/paas/v4/chat/completions",
				"{\"model\":\"glm-4.5\",\"request_id\":\"mine\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
				null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=UTF-8");
		assertThat(response.headers().firstValue("Retry-After")).hasValue("3");
		assertThat(response.headers().firstValue("x-trace")).hasValue("abc");
		JsonNode body = this.jsonMapper.readTree(response.body());
		assertThat(body.get("request_id").asString()).isEqualTo("mine");
		assertThat(body.get("id").asString()).isNotBlank();
		assertThat(body.get("choices").get(0).get("message").get("content").asString()).isEqualTo("Olá!");
		assertThat(body.get("usage").get("total_tokens").asInt()).isPositive();
	}

	@Test
	void moderationAnswerHasTheShapeOfTheDocumentedOne() throws Exception {
		HttpResponse<String> response = post("/api/paas/v4/moderations",
				"{\"model\":\"moderation\",\"input\":\"hi\",\"request_id\":\"mod-9\"}", null);
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = this.jsonMapper.readTree(response.body());
		assertThat(body.propertyNames()).containsExactly("id", "created", "request_id", "result_list", "usage");
		assertThat(body.get("id").asString()).isNotBlank();
		assertThat(body.get("created").asLong()).isGreaterThan(1_000_000_000_000L);
		assertThat(body.get("request_id").asString()).isEqualTo("mod-9");
		assertThat(body.get("result_list")).isEqualTo(
				this.jsonMapper.readTree("[{\"content_type\":\"text\",\"risk_level\":\"PASS\",\"risk_type\":[]}]"));
		assertThat(body.get("usage")).isEqualTo(this.jsonMapper.readTree("{\"moderation_text\":{\"call_count\":1}}"));
	}

	@Test
	void videoAnswersHaveTheShapeOfTheDocumentedOnes() throws Exception {
		HttpResponse<String> submitted = post("/api/paas/v4/videos/generations",
				"{\"model\":\"cogvideox-3\",\"prompt\":\"A cat\",\"request_id\":\"vid-000042\"}", null);
		assertThat(submitted.statusCode()).isEqualTo(200);
		JsonNode task = this.jsonMapper.readTree(submitted.body());
		assertThat(task.propertyNames()).containsExactly("model", "id", "request_id", "task_status");
		assertThat(task.get("model").asString()).isEqualTo("cogvideox-3");
		assertThat(task.get("request_id").asString()).isEqualTo("vid-000042");
		assertThat(task.get("task_status").asString()).isEqualTo("PROCESSING");
		String id = task.get("id").asString();
		HttpResponse<String> result = this.http.send(
				HttpRequest.newBuilder(URI.create(this.server.baseUrl() + "/async-result/" + id)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		JsonNode body = this.jsonMapper.readTree(result.body());
		assertThat(body.propertyNames()).containsExactly("model", "id", "request_id", "task_status", "video_result");
		assertThat(body.get("task_status").asString()).isEqualTo("SUCCESS");
		assertThat(body.get("video_result"))
			.isEqualTo(this.jsonMapper.readTree("[{\"url\":\"https://example-cdn.example.com/gen/" + id
					+ ".mp4\",\"cover_image_url\":" + "\"https://example-cdn.example.com/gen/" + id + ".jpg\"}]"));
	}

	@Test
	void missingKeyIsRejectedWith1001WhenAKeyIsRequired() throws Exception {
		this.server.requireApiKey("secret");
		HttpResponse<String> response = post("/api/paas/v4/chat/completions", "{\"model\":\"glm-4.6\"}", null);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body())
			.isEqualTo("{\"error\":{\"code\":\"1001\",\"message\":\"Authorization Token Missing\"}}");
		assertThat(post("/api/paas/v4/chat/completions", "{\"model\":\"glm-4.6\"}", "Bearer secret").statusCode())
			.isEqualTo(200);
	}

	@Test
	void otherPathsAreNotFound() throws Exception {
		HttpResponse<String> response = post("/api/paas/v4/no-such-api", "{}", null);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("\"code\":\"1222\"");
	}

	@Test
	void activeStreamsCountsOpenStreams() {
		this.server.enqueue(ZaiReply.text("held back").silenceBeforeFirstChunk());
		try (ZaiChatTemplate template = ZaiChatTemplate.builder().apiKey("k").baseUrl(this.server.baseUrl()).build()) {
			Disposable stream = template.stream(ChatRequest.builder().user("hi").build()).subscribe();
			await().atMost(WAIT).until(() -> this.server.activeStreams() == 1);
			stream.dispose();
			assertThat(this.server.awaitCancelledStreams(1, WAIT)).isTrue();
			assertThat(this.server.activeStreams()).isZero();
		}
	}

	private HttpResponse<String> post(String path, String body, String authorization)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.server.port() + path))
			.timeout(WAIT)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
