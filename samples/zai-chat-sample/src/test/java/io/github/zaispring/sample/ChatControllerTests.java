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

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.zaispring.test.AutoConfigureZaiMockServer;
import io.github.zaispring.test.ReceivedRequest;
import io.github.zaispring.test.ZaiMockServer;
import io.github.zaispring.test.ZaiReply;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the sample's HTTP API against the Z.AI simulator of the test kit.
 *
 * @author zai-spring-boot contributors
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@AutoConfigureZaiMockServer
class ChatControllerTests {

	private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENT = new ParameterizedTypeReference<>() {
	};

	@Autowired
	private WebTestClient client;

	@Autowired
	private ZaiMockServer zai;

	@Test
	void answersAMessageWithReplyReasoningModelAndUsage() {
		this.zai.enqueue(ZaiReply.text("Olá!").reasoning("Portuguese.").model("glm-4.5").usage(16, 72));
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
		ReceivedRequest request = this.zai.takeRequest(Duration.ofSeconds(5));
		assertThat(request.lastUserMessage()).isEqualTo("Say hi in Portuguese");
		assertThat(request.stream()).isFalse();
	}

	@Test
	void streamsReasoningAndMessageDeltasThenDone() {
		this.zai.enqueue(ZaiReply.text("Hello world").reasoning("Think").model("glm-4.5").usage(3, 2));
		List<ServerSentEvent<Map<String, Object>>> events = this.client.get()
			.uri("/api/chat/stream?message=hi")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(EVENT)
			.getResponseBody()
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(events).extracting(ServerSentEvent::event)
			.containsExactly("reasoning", "message", "message", "done");
		assertThat(events.get(0).data()).containsEntry("text", "Think");
		assertThat(events.get(2).data()).containsEntry("text", " world");
		assertThat(events.get(3).data()).containsEntry("finishReason", "stop").containsEntry("model", "glm-4.5");
		assertThat(this.zai.takeRequest(Duration.ofSeconds(5)).stream()).isTrue();
	}

	@Test
	void streamsAReadableErrorEvent() {
		this.zai.enqueue(ZaiReply.error(429, "1113", "Insufficient balance or no resource package. Please recharge."));
		List<ServerSentEvent<Map<String, Object>>> events = this.client.get()
			.uri("/api/chat/stream?message=hi")
			.exchange()
			.returnResult(EVENT)
			.getResponseBody()
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(events).singleElement().satisfies((event) -> {
			assertThat(event.event()).isEqualTo("error");
			assertThat(event.data().get("message").toString()).contains("no quota left").contains("recharge");
		});
	}

	@Test
	void streamsAReadableErrorEventWhenTheAnswerIsCutOff() {
		this.zai.enqueue(ZaiReply.text("Once upon a time there was").cutOffAfterChunks(2));
		List<ServerSentEvent<Map<String, Object>>> events = this.client.get()
			.uri("/api/chat/stream?message=tell me a story")
			.exchange()
			.returnResult(EVENT)
			.getResponseBody()
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(events).extracting(ServerSentEvent::event).containsExactly("message", "message", "error");
		assertThat(events.get(2).data()).containsEntry("message", "The answer was cut off. Please try again.");
	}

	@Test
	void answersAFailedMessageWithAProblemDetail() {
		this.zai.enqueue(ZaiReply.error(401, "1002", "Authorization Token is invalid"));
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

	@Test
	void rejectsAnEmptyMessageWithoutCallingZai() {
		this.client.post().uri("/api/chat").bodyValue(Map.of("message", "  ")).exchange().expectStatus().isBadRequest();
		assertThat(this.zai.requestCount()).isZero();
	}

}
