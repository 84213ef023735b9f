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

package io.github.zaispring.sample.ai;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.zaispring.test.ZaiMockServer;
import io.github.zaispring.test.ZaiReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the page's API as the sample runs without a key: {@code ChatClient} on the
 * Z.AI provider, against the local simulator the sample starts, with the tool, the chat
 * memory and the README search all in play.
 *
 * @author zai-spring-boot contributors
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:chat-api-tests",
				"sample.data-directory=target/chat-api-tests" })
@DisabledIfEnvironmentVariable(named = "ZAI_API_KEY", matches = ".+",
		disabledReason = "with a key the sample talks to Z.AI, not to the local simulator")
class ChatApiTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@LocalServerPort
	private int port;

	@Autowired
	private ZaiMockServer simulator;

	@Test
	void callsTheToolForTheTimeInACityAndAnswersWithItsResult() {
		Map<String, Object> answer = ask(Map.of("message", "What time is it in Tokyo?")).getBody();
		List<Map<String, String>> toolUses = list(answer, "toolUses");
		assertThat(toolUses).singleElement().satisfies((use) -> {
			assertThat(use).containsEntry("name", "currentTime").containsEntry("input", "{\"city\":\"Tokyo\"}");
			assertThat(use.get("output")).contains("\"timeZone\":\"Asia/Tokyo\"", "\"utcOffset\":\"+09:00\"");
		});
		String time = toolUses.get(0).get("output").replaceAll(".*\"time\":\"([0-9:]+)\".*", "$1");
		assertThat((String) answer.get("text")).startsWith("In **Tokyo** it is **" + time + "** on ")
			.contains("(Asia/Tokyo, UTC+09:00)");
		assertThat(list(answer, "sources")).isEmpty();
	}

	@Test
	void givesTheModelTheErrorOfTheToolForAnUnknownCity() {
		Map<String, Object> answer = ask(Map.of("message", "What time is it in Atlantis?")).getBody();
		assertThat((String) answer.get("text"))
			.startsWith("The `currentTime` tool could not tell: Unknown city 'Atlantis'");
		List<Map<String, String>> toolUses = list(answer, "toolUses");
		assertThat(toolUses).singleElement()
			.satisfies((use) -> assertThat(use.get("output")).contains("Unknown city 'Atlantis'"));
	}

	@Test
	void answersFromTheReadmeWithTheSourcesItCites() {
		Map<String, Object> answer = ask(Map.of("message", "How do I set the API key?", "askTheDocs", true)).getBody();
		List<Map<String, Object>> sources = list(answer, "sources");
		assertThat(sources).extracting((source) -> source.get("number")).containsExactly(1, 2, 3);
		assertThat(sources).allSatisfy((source) -> {
			assertThat((String) source.get("text")).startsWith("## " + source.get("section") + "\n\n");
			assertThat(source.get("anchor")).isEqualTo(ReadmeChunks.anchor((String) source.get("section")));
		});
		assertThat((String) sources.get(0).get("text")).contains("ZAI_API_KEY");
		assertThat((String) answer.get("text"))
			.startsWith("The README says, in “" + sources.get(0).get("section") + "”: ")
			.contains("[1]", "“" + sources.get(1).get("section") + "” [2]",
					"“" + sources.get(2).get("section") + "” [3]");
		assertThat(list(answer, "toolUses")).isEmpty();
	}

	@Test
	void keepsTheConversationInTheChatMemory() {
		Map<String, Object> first = ask(Map.of("message", "My name is Ada.")).getBody();
		String conversationId = (String) first.get("conversationId");
		assertThat(UUID.fromString(conversationId)).isNotNull();
		Map<String, Object> second = ask(Map.of("conversationId", conversationId, "message", "What is my name?"))
			.getBody();
		assertThat(second).containsEntry("conversationId", conversationId);
		assertThat((String) second.get("text")).contains("This is question 2 of our conversation")
			.endsWith("You asked before:\n\n- “My name is Ada.”");
		List<Map<String, String>> turns = list(get("/api/chat/" + conversationId).getBody(), "turns");
		assertThat(turns).extracting((turn) -> turn.get("role"))
			.containsExactly("user", "assistant", "user", "assistant");
		assertThat(turns.get(0)).containsEntry("text", "My name is Ada.");
		assertThat(turns.get(3)).containsEntry("text", (String) second.get("text"));
		assertThat(list(get("/api/chat/" + UUID.randomUUID()).getBody(), "turns")).isEmpty();
	}

	@Test
	void saysWhyZaiDidNotAnswer() {
		this.simulator.enqueue(ZaiReply.error(401, "1002", "Authorization Token is invalid"));
		ResponseEntity<Map<String, Object>> response = ask(Map.of("message", "Hello"));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
		assertThat((String) response.getBody().get("message")).startsWith("Z.AI could not answer: ")
			.contains("Authorization Token is invalid")
			.doesNotContain("local-simulator");
	}

	@Test
	void explainsAnEmptyMessage() {
		ResponseEntity<Map<String, Object>> response = ask(Map.of("message", "  "));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody()).containsEntry("message", "message must not be empty: write a question first");
	}

	@Test
	void explainsAMessageThatIsTooLong() {
		ResponseEntity<Map<String, Object>> response = ask(Map.of("message", "x".repeat(4001)));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody()).containsEntry("message",
				"message is 4001 characters long, more than the 4000 this sample accepts (sample.max-message-length)");
	}

	@Test
	void explainsAConversationIdThatIsNoUuid() {
		ResponseEntity<Map<String, Object>> response = ask(Map.of("conversationId", "mine", "message", "Hello"));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody()).containsEntry("message",
				"conversationId must be a UUID, such as 0b8f7c3e-1d2a-4c5b-9e6f-7a8b9c0d1e2f, but was 'mine'");
		assertThat(get("/api/chat/mine").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void refusesAQuestionThatIsNotJson() {
		// a page of another site can post a form without asking, but not JSON
		ResponseEntity<Map<String, Object>> response = client().post()
			.uri("/api/chat")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("message=Hello")
			.retrieve()
			.onStatus((status) -> true, (request, ignored) -> {
			})
			.toEntity(JSON);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
	}

	@Test
	void tellsThePageThatItAnswersFromTheLocalSimulator() {
		assertThat(get("/api/settings").getBody()).containsEntry("localSimulator", true)
			.containsEntry("maxMessageLength", 4000);
	}

	private ResponseEntity<Map<String, Object>> ask(Map<String, Object> question) {
		return client().post()
			.uri("/api/chat")
			.contentType(MediaType.APPLICATION_JSON)
			.body(question)
			.retrieve()
			.onStatus((status) -> true, (request, ignored) -> {
			})
			.toEntity(JSON);
	}

	private ResponseEntity<Map<String, Object>> get(String path) {
		return client().get().uri(path).retrieve().onStatus((status) -> true, (request, ignored) -> {
		}).toEntity(JSON);
	}

	private RestClient client() {
		return RestClient.create("http://127.0.0.1:" + this.port);
	}

	@SuppressWarnings("unchecked")
	private static <T> List<T> list(Map<String, Object> body, String name) {
		return (List<T>) body.get(name);
	}

}
