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

package io.github.zaispring.sample;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the sample's HTTP API against a Z.AI stand-in on 127.0.0.1.
 *
 * @author zai-spring-boot contributors
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class ChatControllerTests {

	private static final MockWebServer zai = new MockWebServer();

	@Autowired
	private WebTestClient client;

	@DynamicPropertySource
	static void zaiProperties(DynamicPropertyRegistry registry) throws IOException {
		zai.start(InetAddress.getLoopbackAddress(), 0);
		registry.add("zai.base-url", () -> zai.url("/api/paas/v4").toString());
		registry.add("zai.api-key", () -> "sample.test-key");
	}

	@AfterAll
	static void stopZai() {
		zai.close();
	}

	@Test
	void answersAMessageWithReplyReasoningModelAndUsage() {
		zai.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
			.body("""
					{"choices":[{"finish_reason":"stop","index":0,"message":{"content":"Olá!","reasoning_content":"Portuguese.","role":"assistant"}}],\
					"created":1762854981,"id":"a1","model":"glm-4.5","request_id":"a1",\
					"usage":{"completion_tokens":72,"prompt_tokens":16,"total_tokens":88}}""")
			.build());
		this.client.post()
			.uri("/api/chat")
			.bodyValue(Map.of("message", "Say hi in Portuguese"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.reply")
			.isEqualTo("Olá!")
			.jsonPath("$.reasoning")
			.isEqualTo("Portuguese.")
			.jsonPath("$.model")
			.isEqualTo("glm-4.5")
			.jsonPath("$.usage.total_tokens")
			.isEqualTo(88);
	}

	@Test
	void streamsReasoningAndMessageDeltasThenDone() {
		zai.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
			.body("""
					data: {"id":"s1","created":1,"model":"glm-4.5","choices":[{"index":0,"delta":{"role":"assistant","reasoning_content":"Think"}}]}

					data: {"id":"s1","created":1,"model":"glm-4.5","choices":[{"index":0,"delta":{"role":"assistant","content":"Hello"}}]}

					data: {"id":"s1","created":1,"model":"glm-4.5","choices":[{"index":0,"delta":{"role":"assistant","content":" world"}}]}

					data: {"id":"s1","created":1,"model":"glm-4.5","choices":[{"index":0,"finish_reason":"stop","delta":{"role":"assistant","content":""}}],"usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5}}

					data: [DONE]

					""")
			.build());
		List<ServerSentEvent<Map<String, Object>>> events = this.client.get()
			.uri("/api/chat/stream?message=hi")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
			})
			.getResponseBody()
			.collectList()
			.block();
		assertThat(events).extracting(ServerSentEvent::event)
			.containsExactly("reasoning", "message", "message", "done");
		assertThat(events.get(2).data()).containsEntry("text", " world");
		assertThat(events.get(3).data()).containsEntry("finishReason", "stop").containsEntry("model", "glm-4.5");
	}

	@Test
	void streamsAReadableErrorEvent() {
		zai.enqueue(new MockResponse.Builder().code(429)
			.addHeader("Content-Type", "application/json")
			.body("{\"error\":{\"code\":\"1113\",\"message\":\"Insufficient balance or no resource package. Please recharge.\"}}")
			.build());
		List<ServerSentEvent<Map<String, Object>>> events = this.client.get()
			.uri("/api/chat/stream?message=hi")
			.exchange()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
			})
			.getResponseBody()
			.collectList()
			.block();
		assertThat(events).singleElement().satisfies((event) -> {
			assertThat(event.event()).isEqualTo("error");
			assertThat(event.data().get("message").toString()).contains("no quota left").contains("recharge");
		});
	}

	@Test
	void answersAFailedMessageWithAProblemDetail() {
		zai.enqueue(new MockResponse.Builder().code(401)
			.addHeader("Content-Type", "application/json")
			.body("{\"error\":{\"code\":\"1002\",\"message\":\"Authorization Token is invalid\"}}")
			.build());
		this.client.post()
			.uri("/api/chat")
			.bodyValue(Map.of("message", "hi"))
			.exchange()
			.expectStatus()
			.isEqualTo(502)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Z.AI did not accept the API key. Check ZAI_API_KEY.")
			.jsonPath("$.errorCode")
			.isEqualTo("1002");
	}

}
