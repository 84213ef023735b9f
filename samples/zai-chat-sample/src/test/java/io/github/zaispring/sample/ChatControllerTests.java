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
import io.github.zaispring.test.ZaiEndpointReplies;
import io.github.zaispring.test.ZaiMockServer;
import io.github.zaispring.test.ZaiReply;
import io.github.zaispring.test.ZaiSearchReplies;
import io.github.zaispring.websearch.SearchResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the sample's HTTP API against the Z.AI simulator of the test kit.
 *
 * @author zai-spring-boot contributors
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// the first requests of the AOT run have stalled for about 5 s on a loaded 2-core machine
@AutoConfigureWebTestClient(timeout = "PT30S")
@AutoConfigureZaiMockServer
@ExtendWith(OutputCaptureExtension.class)
class ChatControllerTests {

	private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENT = new ParameterizedTypeReference<>() {
	};

	private static final String SESSION_COOKIE = "SESSION";

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
		List<ServerSentEvent<Map<String, Object>>> events = stream(null, "hi");
		assertThat(events).extracting(ServerSentEvent::event)
			.containsExactly(null, "reasoning", "message", "message", "done");
		assertThat(events.get(0).retry()).as("the reconnection delay, sent first").isEqualTo(Duration.ofSeconds(10));
		assertThat(events.get(0).data()).isNull();
		assertThat(events.get(1).data()).containsEntry("text", "Think");
		assertThat(events.get(3).data()).as("JSON keeps the leading space that a data: line would lose")
			.containsEntry("text", " world");
		assertThat(events.get(4).data()).containsEntry("finishReason", "stop").containsEntry("model", "glm-4.5");
		assertThat(this.zai.takeRequest(Duration.ofSeconds(5)).stream()).isTrue();
	}

	@Test
	void sendsTheConversationWithAFollowUpQuestion() {
		this.zai.enqueue(ZaiReply.text("Nice to meet you, Ada."));
		this.zai.enqueue(ZaiReply.text("Your name is Ada."));
		this.zai.enqueue(ZaiReply.text("You asked two questions."));
		String session = startSession();
		assertThat(answer(stream(session, "My name is Ada."))).isEqualTo("Nice to meet you, Ada.");
		assertThat(answer(stream(session, "What is my name?"))).isEqualTo("Your name is Ada.");
		this.client.post()
			.uri("/api/chat")
			.cookie(SESSION_COOKIE, session)
			.bodyValue(Map.of("message", "How many questions did I ask?"))
			.exchange()
			.expectStatus()
			.isOk();
		this.zai.takeRequest(Duration.ofSeconds(5));
		assertThat(messages(this.zai.takeRequest(Duration.ofSeconds(5)))).containsExactly("system: ",
				"user: My name is Ada.", "assistant: Nice to meet you, Ada.", "user: What is my name?");
		assertThat(messages(this.zai.takeRequest(Duration.ofSeconds(5)))).containsExactly("system: ",
				"user: My name is Ada.", "assistant: Nice to meet you, Ada.", "user: What is my name?",
				"assistant: Your name is Ada.", "user: How many questions did I ask?");
		this.client.get()
			.uri("/api/chat/conversation")
			.cookie(SESSION_COOKIE, session)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.turns[*].question")
			.isEqualTo(List.of("My name is Ada.", "What is my name?", "How many questions did I ask?"))
			.jsonPath("$.turns[2].answer")
			.isEqualTo("You asked two questions.");
	}

	@Test
	void keepsOneConversationPerSession() {
		String ada = startSession();
		String bob = startSession();
		assertThat(ada).isNotEqualTo(bob);
		stream(ada, "My name is Ada.");
		stream(bob, "My name is Bob.");
		this.zai.takeRequest(Duration.ofSeconds(5));
		assertThat(messages(this.zai.takeRequest(Duration.ofSeconds(5)))).containsExactly("system: ",
				"user: My name is Bob.");
	}

	@Test
	void aNewChatForgetsTheConversation() {
		String session = startSession();
		stream(session, "My name is Ada.");
		this.client.delete()
			.uri("/api/chat/conversation")
			.cookie(SESSION_COOKIE, session)
			.exchange()
			.expectStatus()
			.isNoContent();
		stream(session, "What is my name?");
		this.zai.takeRequest(Duration.ofSeconds(5));
		assertThat(messages(this.zai.takeRequest(Duration.ofSeconds(5)))).containsExactly("system: ",
				"user: What is my name?");
	}

	@Test
	void doesNotRememberAQuestionThatFailed() {
		this.zai.enqueue(ZaiReply.error(400, "1214", "The messages parameter is invalid"));
		String session = startSession();
		assertThat(stream(session, "first")).extracting(ServerSentEvent::event).containsExactly(null, "error");
		stream(session, "second");
		assertThat(this.zai.requests()).last()
			.satisfies((request) -> assertThat(messages(request)).containsExactly("system: ", "user: second"));
	}

	@Test
	void streamsAReadableErrorEvent() {
		this.zai.enqueue(ZaiReply.error(429, "1113", "Insufficient balance or no resource package. Please recharge."));
		List<ServerSentEvent<Map<String, Object>>> events = stream(null, "hi");
		assertThat(events).extracting(ServerSentEvent::event).containsExactly(null, "error");
		assertThat(events.get(1).data().get("message").toString()).contains("no quota left").contains("recharge");
		assertThat(events.get(1).data()).doesNotContainKey("rejected");
	}

	@Test
	void streamsAReadableErrorEventWhenTheAnswerIsCutOff() {
		this.zai.enqueue(ZaiReply.text("Once upon a time there was").cutOffAfterChunks(2));
		List<ServerSentEvent<Map<String, Object>>> events = stream(null, "tell me a story");
		assertThat(events).extracting(ServerSentEvent::event).containsExactly(null, "message", "message", "error");
		assertThat(events.get(3).data()).containsEntry("message", "The answer was cut off. Please try again.");
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
	void logsARejectedKeyOnceAtWarn(CapturedOutput output) {
		this.zai.enqueue(ZaiReply.error(401, "1002", "Authorization Token is invalid"));
		this.client.post().uri("/api/chat").bodyValue(Map.of("message", "hi")).exchange().expectStatus().isEqualTo(502);
		List<String> lines = linesAbout(output, "Z.AI did not accept the API key");
		assertThat(lines).singleElement()
			.asString()
			.contains(" WARN ")
			.contains(ChatService.class.getSimpleName())
			.contains("HTTP 401, Z.AI code 1002");
		assertThat(output.getOut() + output.getErr()).doesNotContain(" ERROR ").doesNotContain("\tat ");
	}

	@Test
	void logsAnExhaustedQuotaOnceAtWarn(CapturedOutput output) {
		this.zai.enqueue(ZaiReply.error(429, "1113", "Insufficient balance or no resource package. Please recharge."));
		assertThat(stream(null, "hi")).extracting(ServerSentEvent::event).containsExactly(null, "error");
		assertThat(linesAbout(output, "The Z.AI account has no quota left")).singleElement()
			.asString()
			.contains(" WARN ")
			.contains("HTTP 429, Z.AI code 1113");
		assertThat(output.getOut() + output.getErr()).doesNotContain(" ERROR ").doesNotContain("\tat ");
	}

	@Test
	void doesNotWarnTheOperatorAboutAnAnswerCutOff(CapturedOutput output) {
		this.zai.enqueue(ZaiReply.text("Once upon a time there was").cutOffAfterChunks(2));
		stream(null, "tell me a story");
		assertThat(output.getOut() + output.getErr()).doesNotContain(" WARN ");
	}

	@Test
	void rejectsAnEmptyMessageWithAReadableErrorWithoutCallingZai() {
		this.client.post()
			.uri("/api/chat")
			.bodyValue(Map.of("message", "  "))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Write a message first: an empty message cannot be answered.");
		List<ServerSentEvent<Map<String, Object>>> events = stream(null, " ");
		assertThat(events).extracting(ServerSentEvent::event).containsExactly(null, "error");
		assertThat(events.get(1).data()).containsEntry("rejected", true)
			.containsEntry("message", "Write a message first: an empty message cannot be answered.");
		assertThat(this.zai.requestCount()).isZero();
	}

	@Test
	void rejectsAMessageLongerThanTheLimitWithoutCallingZai() {
		String tooLong = "a".repeat(4001);
		String expected = "Your message is 4,001 characters long, more than the 4,000 this sample accepts "
				+ "(sample.chat.max-message-length). Shorten it and send it again.";
		this.client.post()
			.uri("/api/chat")
			.bodyValue(Map.of("message", tooLong))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo(expected);
		List<ServerSentEvent<Map<String, Object>>> events = stream(null, tooLong);
		assertThat(events.get(1).data()).containsEntry("rejected", true).containsEntry("message", expected);
		assertThat(this.zai.requestCount()).isZero();
	}

	@Test
	void streamsAMessageOfTheLongestLengthInAnyScript() {
		// 4,000 characters of three bytes each, percent-encoded: 36,000 bytes in the
		// request line
		String longest = "界".repeat(4000);
		List<ServerSentEvent<Map<String, Object>>> events = stream(null, longest);
		assertThat(events).last().extracting(ServerSentEvent::event).isEqualTo("done");
		assertThat(this.zai.takeRequest(Duration.ofSeconds(5)).lastUserMessage()).isEqualTo(longest);
	}

	@Test
	void rejectsTheQuestionAfterTheMostTurnsWithoutCallingZai() {
		String session = startSession();
		for (int i = 1; i <= 40; i++) {
			this.client.post()
				.uri("/api/chat")
				.cookie(SESSION_COOKIE, session)
				.bodyValue(Map.of("message", "question " + i))
				.exchange()
				.expectStatus()
				.isOk();
		}
		assertThat(this.zai.requestCount()).isEqualTo(40);
		List<ServerSentEvent<Map<String, Object>>> events = stream(session, "question 41");
		assertThat(events.get(1).data()).containsEntry("rejected", true)
			.containsEntry("message", "This conversation already has 40 questions, the most this sample sends to "
					+ "Z.AI (sample.chat.max-turns). Start a new chat to go on.");
		assertThat(this.zai.requestCount()).isEqualTo(40);
	}

	@Test
	void rejectsAMessageThatMakesTheConversationTooLongWithoutCallingZai() {
		String session = startSession();
		String question = "q".repeat(3990);
		// each answer of the stand-in is "You said: " and the question: 7,990 characters
		// a turn
		for (int i = 1; i <= 4; i++) {
			this.client.post()
				.uri("/api/chat")
				.cookie(SESSION_COOKIE, session)
				.bodyValue(Map.of("message", question))
				.exchange()
				.expectStatus()
				.isOk();
		}
		this.client.post()
			.uri("/api/chat")
			.cookie(SESSION_COOKIE, session)
			.bodyValue(Map.of("message", question))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("With your message this conversation would be 35,950 characters long, more than the "
					+ "32,000 this sample sends to Z.AI (sample.chat.max-conversation-length). "
					+ "Start a new chat to go on.");
		assertThat(this.zai.requestCount()).isEqualTo(4);
	}

	@Test
	void refusesABrowserRequestFromAnotherSiteWithoutCallingZai() {
		for (String site : List.of("cross-site", "same-site")) {
			this.client.get()
				.uri("/api/chat/stream?message={message}", "Spend the key's balance")
				.header("Sec-Fetch-Site", site)
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectBody(String.class)
				.isEqualTo("The sample answers only its own page, not pages of other sites.");
			this.client.post()
				.uri("/api/chat")
				.header("Sec-Fetch-Site", site)
				.bodyValue(Map.of("message", "Spend the key's balance"))
				.exchange()
				.expectStatus()
				.isForbidden();
		}
		assertThat(this.zai.requestCount()).isZero();
	}

	@Test
	void answersItsOwnPageAndClientsThatAreNoBrowser() {
		this.client.post()
			.uri("/api/chat")
			.header("Sec-Fetch-Site", "same-origin")
			.bodyValue(Map.of("message", "hi"))
			.exchange()
			.expectStatus()
			.isOk();
		this.client.post().uri("/api/chat").bodyValue(Map.of("message", "hi")).exchange().expectStatus().isOk();
		this.client.get().uri("/").header("Sec-Fetch-Site", "cross-site").exchange().expectStatus().isOk();
		assertThat(this.zai.requestCount()).isEqualTo(2);
	}

	@Test
	void tellsThePageThatItAnswersFromASimulatorAndItsLimits() {
		this.client.get()
			.uri("/api/chat/settings")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.localSimulator")
			.isEqualTo(true)
			.jsonPath("$.maxMessageLength")
			.isEqualTo(4000)
			.jsonPath("$.maxTurns")
			.isEqualTo(40)
			.jsonPath("$.maxConversationLength")
			.isEqualTo(32000);
	}

	@Test
	void servesTheFaviconThePageLinks() {
		this.client.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("<link rel=\"icon\" href=\"/favicon.svg\""));
		this.client.get()
			.uri("/favicon.svg")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("image/svg+xml");
	}

	@Test
	void servesTheMarkdownAndSanitizerLibrariesThePageLoads() {
		this.client.get().uri("/webjars/marked/lib/marked.umd.js").exchange().expectStatus().isOk();
		this.client.get().uri("/webjars/dompurify/dist/purify.min.js").exchange().expectStatus().isOk();
	}

	@Test
	void groundsTheAnswerOnWebSearchResultsAndReturnsTheirLinks() {
		this.zai.enqueue(ZaiSearchReplies.webSearch(
				new SearchResult("Spring Boot 4.0 released", "Spring Boot 4.0 is out.", "https://spring.io/blog/boot-4",
						"spring.io", null, "ref_1", "2025-11-20"),
				new SearchResult("Not a web page", "Never sent.", "javascript:alert(1)", null, null, "ref_2", null)));
		this.zai.enqueue(ZaiReply.text("Spring Boot 4.0 is out [1]."));
		this.client.post()
			.uri("/api/chat")
			.bodyValue(Map.of("message", "Is  Spring Boot 4 out?", "webSearch", true))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.reply")
			.isEqualTo("Spring Boot 4.0 is out [1].")
			.jsonPath("$.sources.length()")
			.isEqualTo(1)
			.jsonPath("$.sources[0].title")
			.isEqualTo("Spring Boot 4.0 released")
			.jsonPath("$.sources[0].link")
			.isEqualTo("https://spring.io/blog/boot-4");
		List<ReceivedRequest> requests = this.zai.requests();
		assertThat(requests).hasSize(2);
		assertThat(requests.get(0).path()).endsWith("/web_search");
		assertThat(requests.get(0).body().get("search_query").asString()).isEqualTo("Is Spring Boot 4 out?");
		assertThat(requests.get(1).path()).endsWith("/chat/completions");
		String system = requests.get(1).body().get("messages").get(0).get("content").asString();
		assertThat(system).contains("[1] Spring Boot 4.0 released (https://spring.io/blog/boot-4)",
				"Spring Boot 4.0 is out.");
		assertThat(system).doesNotContain("javascript:", "Never sent.");
		assertThat(messages(requests.get(1))).containsExactly("system: ", "user: Is  Spring Boot 4 out?");
	}

	@Test
	void searchesWithTheFirstSeventyCharactersOfALongQuestion() {
		String question = "word ".repeat(40).strip();
		this.client.post()
			.uri("/api/chat")
			.bodyValue(Map.of("message", question, "webSearch", true))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.sources.length()")
			.isEqualTo(10);
		String query = this.zai.requests().get(0).body().get("search_query").asString();
		assertThat(query).hasSize(ChatService.MAX_QUERY_LENGTH).isEqualTo(question.substring(0, 70));
	}

	@Test
	void doesNotSearchTheWebUnlessAsked() {
		this.client.post()
			.uri("/api/chat")
			.bodyValue(Map.of("message", "Hello"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.sources.length()")
			.isEqualTo(0);
		assertThat(this.zai.requests()).singleElement()
			.satisfies((request) -> assertThat(request.path()).endsWith("/chat/completions"));
		assertThat(this.zai.requests().get(0).body().get("messages").get(0).get("content").asString())
			.doesNotContain("web search");
	}

	@Test
	void streamsTheSourcesBeforeTheAnswerWhenSearchingTheWeb() {
		this.zai.enqueue(ZaiSearchReplies.webSearch(new SearchResult("<b>Weather</b> today", "Sunny.",
				"https://example.org/weather", null, null, "ref_1", null)));
		this.zai.enqueue(ZaiReply.text("Sunny [1]."));
		List<ServerSentEvent<Map<String, Object>>> events = this.client.get()
			.uri("/api/chat/stream?message={message}&webSearch=true", "Weather?")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(EVENT)
			.getResponseBody()
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(events).extracting(ServerSentEvent::event).containsSubsequence("sources", "message", "done");
		ServerSentEvent<Map<String, Object>> sources = events.stream()
			.filter((event) -> "sources".equals(event.event()))
			.findFirst()
			.orElseThrow();
		assertThat(sources.data().get("sources"))
			.isEqualTo(List.of(Map.of("title", "<b>Weather</b> today", "link", "https://example.org/weather")));
		assertThat(answer(events)).isEqualTo("Sunny [1].");
		assertThat(this.zai.requests().get(0).path()).endsWith("/web_search");
	}

	@Test
	void streamsAnErrorEventWhenTheWebSearchFails() {
		this.zai.enqueue(ZaiReply.error(401, "1002", "Authorization Token is invalid"));
		List<ServerSentEvent<Map<String, Object>>> events = this.client.get()
			.uri("/api/chat/stream?message={message}&webSearch=true", "Weather?")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(EVENT)
			.getResponseBody()
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(events).last().satisfies((event) -> {
			assertThat(event.event()).isEqualTo("error");
			assertThat(event.data()).containsEntry("message", "Z.AI did not accept the API key. Check ZAI_API_KEY.");
		});
		assertThat(this.zai.requestCount()).isOne();
	}

	@Test
	void countsThePromptTokensOfTheConversationWithTheDraft() {
		String session = startSession();
		stream(session, "My name is Ada.");
		this.zai.enqueue(ZaiEndpointReplies.tokenCount(1234));
		this.client.post()
			.uri("/api/chat/tokens")
			.cookie(SESSION_COOKIE, session)
			.bodyValue(Map.of("message", " What is my name? "))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.tokens")
			.isEqualTo(1234);
		ReceivedRequest tokenizer = this.zai.requests().get(1);
		assertThat(tokenizer.path()).endsWith("/tokenizer");
		assertThat(messages(tokenizer)).containsExactly("system: ", "user: My name is Ada.",
				"assistant: You said: My name is Ada.", "user: What is my name?");
	}

	@Test
	void refusesToCountADraftOverTheLimitsWithoutAskingZai() {
		this.client.post()
			.uri("/api/chat/tokens")
			.bodyValue(Map.of("message", "x".repeat(4001)))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).contains("sample.chat.max-message-length"));
		this.client.post()
			.uri("/api/chat/tokens")
			.bodyValue(Map.of("message", " "))
			.exchange()
			.expectStatus()
			.isBadRequest();
		assertThat(this.zai.requestCount()).isZero();
	}

	@Test
	void localSimulatorCountsTokensAndSearchesTheWeb() {
		this.zai.respondWith(new DemoReplies());
		this.client.post()
			.uri("/api/chat/tokens")
			.bodyValue(Map.of("message", "Hello there"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.tokens")
			.value((tokens) -> assertThat(tokens).isEqualTo(this.zai.requests().get(0).bodyText().length() / 4));
		this.client.post()
			.uri("/api/chat")
			.bodyValue(Map.of("message", "Spring news", "webSearch", true))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.sources[0].title")
			.isEqualTo("About Spring news")
			.jsonPath("$.reply")
			.value((reply) -> assertThat((String) reply).startsWith("You asked “Spring news”."));
	}

	private String startSession() {
		ResponseCookie cookie = this.client.get()
			.uri("/api/chat/conversation")
			.exchange()
			.expectStatus()
			.isOk()
			.expectCookie()
			.exists(SESSION_COOKIE)
			.returnResult(String.class)
			.getResponseCookies()
			.getFirst(SESSION_COOKIE);
		assertThat(cookie).isNotNull();
		return cookie.getValue();
	}

	private List<ServerSentEvent<Map<String, Object>>> stream(String session, String message) {
		WebTestClient.RequestHeadersSpec<?> request = this.client.get()
			.uri("/api/chat/stream?message={message}", message)
			.accept(MediaType.TEXT_EVENT_STREAM);
		if (session != null) {
			request = request.cookie(SESSION_COOKIE, session);
		}
		return request.exchange()
			.expectStatus()
			.isOk()
			.returnResult(EVENT)
			.getResponseBody()
			.collectList()
			.block(Duration.ofSeconds(10));
	}

	private static String answer(List<ServerSentEvent<Map<String, Object>>> events) {
		assertThat(events).last().extracting(ServerSentEvent::event).isEqualTo("done");
		return events.stream()
			.filter((event) -> "message".equals(event.event()))
			.map((event) -> (String) event.data().get("text"))
			.reduce("", String::concat);
	}

	private static List<String> messages(ReceivedRequest request) {
		JsonNode messages = request.body().get("messages");
		return messages.valueStream()
			.map((message) -> message.get("role").asString() + ": "
					+ ("system".equals(message.get("role").asString()) ? "" : message.get("content").asString()))
			.toList();
	}

	private static List<String> linesAbout(CapturedOutput output, String text) {
		return (output.getOut() + output.getErr()).lines().filter((line) -> line.contains(text)).toList();
	}

}
