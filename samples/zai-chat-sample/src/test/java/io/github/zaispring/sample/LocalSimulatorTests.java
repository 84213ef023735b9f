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

import io.github.zaispring.test.ZaiMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the sample as it runs on a machine without an API key: against the local
 * simulator, with the demo script.
 *
 * @author zai-spring-boot contributors
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@DisabledIfEnvironmentVariable(named = "ZAI_API_KEY", matches = ".+",
		disabledReason = "with a key the sample talks to Z.AI, not to the local simulator")
class LocalSimulatorTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private ZaiMockServer simulator;

	@Autowired
	private Environment environment;

	@Test
	void pointsTheClientAtTheLocalSimulator() {
		assertThat(this.environment.getProperty("zai.base-url")).isEqualTo(this.simulator.baseUrl())
			.startsWith("http://127.0.0.1:");
	}

	@Test
	void answersAMessageWithTheDemoScriptThatEchoesTheQuestion() {
		this.client.post()
			.uri("/api/chat")
			.bodyValue(Map.of("message", "What is Spring?"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.reply")
			.isEqualTo(DemoReplies.answer("“What is Spring?”"))
			.jsonPath("$.reasoning")
			.isEqualTo(DemoReplies.reasoning("“What is Spring?”"))
			.jsonPath("$.model")
			.isEqualTo("glm-4.6")
			.jsonPath("$.usage.completion_tokens")
			.value((tokens) -> assertThat((Integer) tokens).isGreaterThan(50));
	}

	@Test
	void streamsTheDemoScriptWordByWordWithItsReasoningFirst() {
		List<ServerSentEvent<Map<String, Object>>> events = stream(null, "Hello");
		assertThat(events).filteredOn((event) -> event.event() != null)
			.first()
			.extracting(ServerSentEvent::event)
			.isEqualTo("reasoning");
		assertThat(events).last().extracting(ServerSentEvent::event).isEqualTo("done");
		assertThat(answer(events)).isEqualTo(DemoReplies.answer("“Hello”"))
			.contains("local Z.AI simulator", "ZAI_API_KEY");
		assertThat(events).filteredOn((event) -> "message".equals(event.event())).hasSizeGreaterThan(20);
	}

	@Test
	void answersAFollowUpWithTheEarlierQuestionsItReceived() {
		String session = this.client.get()
			.uri("/api/chat/conversation")
			.exchange()
			.returnResult(String.class)
			.getResponseCookies()
			.getFirst("SESSION")
			.getValue();
		for (String question : List.of("My name is Ada.", "Which language did Ada write for?")) {
			this.client.post()
				.uri("/api/chat")
				.cookie("SESSION", session)
				.bodyValue(Map.of("message", question))
				.exchange()
				.expectStatus()
				.isOk();
		}
		String answer = answer(stream(session, "What is my name?"));
		assertThat(answer).isEqualTo(DemoReplies.answer("“What is my name?”",
				List.of("“My name is Ada.”", "“Which language did Ada write for?”")));
		assertThat(answer).contains("This is question 3 of our conversation")
			.contains("You said earlier:\n\n- “My name is Ada.”\n- “Which language did Ada write for?”\n");
	}

	@Test
	void tellsThePageThatItAnswersFromTheLocalSimulator() {
		this.client.get()
			.uri("/api/chat/settings")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.localSimulator")
			.isEqualTo(true);
	}

	private List<ServerSentEvent<Map<String, Object>>> stream(String session, String message) {
		WebTestClient.RequestHeadersSpec<?> request = this.client.get()
			.uri("/api/chat/stream?message={message}", message);
		if (session != null) {
			request = request.cookie("SESSION", session);
		}
		return request.exchange()
			.expectStatus()
			.isOk()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
			})
			.getResponseBody()
			.collectList()
			.block(Duration.ofSeconds(30));
	}

	private static String answer(List<ServerSentEvent<Map<String, Object>>> events) {
		return events.stream()
			.filter((event) -> "message".equals(event.event()))
			.map((event) -> (String) event.data().get("text"))
			.reduce("", String::concat);
	}

}
