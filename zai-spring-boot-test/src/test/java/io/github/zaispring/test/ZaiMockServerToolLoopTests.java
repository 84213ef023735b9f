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
import java.util.Map;

import io.github.resilience4j.retry.Retry;
import io.github.zaispring.chat.ChatCompletion;
import io.github.zaispring.chat.ChatCompletionChunk;
import io.github.zaispring.chat.ChatMessage;
import io.github.zaispring.chat.ChatRequest;
import io.github.zaispring.chat.FinishReason;
import io.github.zaispring.chat.FunctionCall;
import io.github.zaispring.chat.ResponseFormat;
import io.github.zaispring.chat.Tool;
import io.github.zaispring.chat.ToolCall;
import io.github.zaispring.chat.ZaiChatTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests of the tool loops and JSON answers that {@link ZaiMockServer} scripts, with the
 * real {@link ZaiChatTemplate} as the application under test.
 *
 * @author zai-spring-boot contributors
 */
class ZaiMockServerToolLoopTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final Tool WEATHER = Tool.function("get_weather", "Get the weather of a city", Map.of("type",
			"object", "properties", Map.of("city", Map.of("type", "string")), "required", List.of("city")));

	private ZaiMockServer server;

	private ZaiChatTemplate template;

	@BeforeEach
	void start() {
		this.server = ZaiMockServer.start();
		this.template = ZaiChatTemplate.builder()
			.apiKey("k")
			.baseUrl(this.server.baseUrl())
			.retry((Retry) null)
			.build();
	}

	@AfterEach
	void stop() {
		this.template.close();
		this.server.close();
	}

	@Test
	void toolLoopAnswersPlainCallsOnceTheResultArrives() {
		this.server.enqueue(ZaiReply.toolCall("call_1", "get_weather", "{\"city\":\"Paris\"}")
			.onToolResult(ZaiReply.text("It is 21 °C and sunny in Paris.")));
		ChatRequest question = ChatRequest.builder().user("Weather in Paris?").tool(WEATHER).build();
		ChatCompletion first = this.template.chat(question).block(WAIT);
		assertThat(first.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
		assertThat(first.toolCalls()).singleElement().satisfies((call) -> {
			assertThat(call.id()).isEqualTo("call_1");
			assertThat(call.function().name()).isEqualTo("get_weather");
			assertThat(call.function().arguments()).isEqualTo("{\"city\":\"Paris\"}");
		});
		assertThat(this.server.awaitedToolCallIds()).containsExactly("call_1");
		ChatCompletion answer = this.template.chat(withResult(question, first, "call_1", "{\"celsius\":21}"))
			.block(WAIT);
		assertThat(answer.content()).isEqualTo("It is 21 °C and sunny in Paris.");
		assertThat(answer.finishReason()).isEqualTo(FinishReason.STOP);
		assertThat(this.server.awaitedToolCallIds()).isEmpty();
		List<ReceivedRequest> requests = this.server.requests();
		assertThat(requests.get(0).toolNames()).containsExactly("get_weather");
		assertThat(requests.get(0).toolResults()).isEmpty();
		assertThat(requests.get(1).toolResults()).containsExactly(Map.entry("call_1", "{\"celsius\":21}"));
		assertThat(requests.get(1).toolResult("call_1")).isEqualTo("{\"celsius\":21}");
		assertThat(requests.get(1).toolResult("call_2")).isNull();
	}

	@Test
	void toolLoopAnswersStreamsWithToolCallFragmentsByIndex() {
		String arguments = "{\"city\":\"Florence, Italy\"}";
		this.server.enqueue(ZaiReply.toolCall("call_1", "get_weather", arguments)
			.toolStream(true)
			.onToolResult(ZaiReply.text("Sunny in Florence")));
		ChatRequest question = ChatRequest.builder()
			.user("Weather in Florence?")
			.tool(WEATHER)
			.toolStream(true)
			.build();
		List<ChatCompletionChunk> chunks = this.template.stream(question).collectList().block(WAIT);
		List<ChatCompletionChunk> fragments = chunks.stream().filter((chunk) -> !chunk.toolCalls().isEmpty()).toList();
		assertThat(fragments).hasSizeGreaterThan(2);
		assertThat(fragments.get(0).toolCalls().get(0).id()).isEqualTo("call_1");
		assertThat(fragments).allSatisfy((chunk) -> assertThat(chunk.toolCalls().get(0).index()).isZero());
		assertThat(fragments.subList(1, fragments.size()))
			.allSatisfy((chunk) -> assertThat(chunk.toolCalls().get(0).id()).isNull());
		ChatCompletion first = ChatCompletion.fromChunks(chunks);
		assertThat(first.toolCalls()).singleElement()
			.satisfies((call) -> assertThat(call.function().arguments()).isEqualTo(arguments));
		List<ChatCompletionChunk> answer = this.template.stream(withResult(question, first, "call_1", "sunny"))
			.collectList()
			.block(WAIT);
		assertThat(answer).extracting(ChatCompletionChunk::content)
			.containsExactly("Sunny", " in", " Flo", "renc", "e", "");
		assertThat(this.server.requests()).allSatisfy((request) -> assertThat(request.stream()).isTrue());
		assertThat(this.server.requests().get(1).toolResult("call_1")).isEqualTo("sunny");
	}

	@Test
	void requestsWithoutTheResultAreAnsweredAsIfNoLoopWaited() {
		this.server.enqueue(ZaiReply.toolCall("call_1", "get_weather", "{\"city\":\"Paris\"}")
			.onToolResult(ZaiReply.text("Sunny")));
		this.server.enqueue(ZaiReply.text("Queued"));
		ChatRequest question = ChatRequest.builder().user("Weather in Paris?").tool(WEATHER).build();
		ChatCompletion first = this.template.chat(question).block(WAIT);
		assertThat(this.template.chat("Something else").block(WAIT)).isEqualTo("Queued");
		assertThat(this.template.chat("And now?").block(WAIT)).isEqualTo("You said: And now?");
		assertThat(this.template.chat(withResult(question, first, "call_9", "other")).block(WAIT).content())
			.isEqualTo("You said: Weather in Paris?");
		assertThat(this.server.awaitedToolCallIds()).containsExactly("call_1");
		assertThat(this.template.chat(withResult(question, first, "call_1", "21")).block(WAIT).content())
			.isEqualTo("Sunny");
		// the result already answered: a later request that still carries it gets the
		// echo
		assertThat(this.template.chat(withResult(question, first, "call_1", "21")).block(WAIT).content())
			.isEqualTo("You said: Weather in Paris?");
	}

	@Test
	void theAnswerToParallelCallsWaitsForEveryResult() {
		this.server.enqueue(ZaiReply.text("")
			.toolCalls(ToolCall.function("call_a", "add", "{\"a\":2,\"b\":3}"),
					ToolCall.function("call_m", "multiply", "{\"a\":2,\"b\":3}"))
			.onToolResult(ZaiReply.text("5 and 6")));
		ChatRequest question = ChatRequest.builder().user("2+3 and 2*3?").build();
		ChatCompletion first = this.template.chat(question).block(WAIT);
		assertThat(this.server.awaitedToolCallIds()).containsExactly("call_a", "call_m");
		ChatRequest oneResult = withResult(question, first, "call_a", "5");
		assertThat(this.template.chat(oneResult).block(WAIT).content()).isEqualTo("You said: 2+3 and 2*3?");
		ChatRequest bothResults = oneResult.mutate().message(ChatMessage.tool("call_m", "6")).build();
		assertThat(this.template.chat(bothResults).block(WAIT).content()).isEqualTo("5 and 6");
		assertThat(this.server.requests().get(2).toolResults()).containsExactly(Map.entry("call_a", "5"),
				Map.entry("call_m", "6"));
	}

	@Test
	void anAnswerCanCallAToolAgainForASecondRound() {
		this.server.enqueue(ZaiReply.toolCall("call_1", "find_city", "{\"name\":\"Paris\"}")
			.onToolResult(ZaiReply.toolCall("call_2", "get_weather", "{\"city\":\"Paris, FR\"}")
				.onToolResult(ZaiReply.text("Sunny in Paris, FR"))));
		ChatRequest question = ChatRequest.builder().user("Weather in Paris?").tool(WEATHER).build();
		ChatCompletion first = this.template.chat(question).block(WAIT);
		ChatRequest secondRequest = withResult(question, first, "call_1", "Paris, FR");
		ChatCompletion second = this.template.chat(secondRequest).block(WAIT);
		assertThat(second.toolCalls()).extracting(ToolCall::id).containsExactly("call_2");
		assertThat(this.server.awaitedToolCallIds()).containsExactly("call_2");
		ChatCompletion third = this.template.chat(withResult(secondRequest, second, "call_2", "sunny")).block(WAIT);
		assertThat(third.content()).isEqualTo("Sunny in Paris, FR");
		assertThat(this.server.awaitedToolCallIds()).isEmpty();
	}

	@Test
	void generatedCallIdsAreKnownBeforeTheReplyIsSent() {
		ZaiReply call = ZaiReply.toolCall("get_weather", "{\"city\":\"Paris\"}").onToolResult(ZaiReply.text("Sunny"));
		assertThat(call.toolCallIds()).singleElement().asString().startsWith("call_");
		this.server.enqueue(call);
		ChatRequest question = ChatRequest.builder().user("Weather in Paris?").tool(WEATHER).build();
		ChatCompletion first = this.template.chat(question).block(WAIT);
		assertThat(first.toolCalls()).extracting(ToolCall::id).isEqualTo(call.toolCallIds());
		String id = call.toolCallIds().get(0);
		assertThat(this.template.chat(withResult(question, first, id, "21")).block(WAIT).content()).isEqualTo("Sunny");
		assertThat(ZaiReply.text("")
			.toolCalls(new ToolCall(null, "function", null, new FunctionCall("f", "{}")))
			.toolCallIds()).singleElement().asString().startsWith("call_");
	}

	@Test
	void resetForgetsWaitingToolLoops() {
		this.server.enqueue(ZaiReply.toolCall("call_1", "get_weather", "{}").onToolResult(ZaiReply.text("Sunny")));
		ChatRequest question = ChatRequest.builder().user("Weather?").tool(WEATHER).build();
		ChatCompletion first = this.template.chat(question).block(WAIT);
		this.server.reset();
		assertThat(this.server.awaitedToolCallIds()).isEmpty();
		assertThat(this.template.chat(withResult(question, first, "call_1", "21")).block(WAIT).content())
			.isEqualTo("You said: Weather?");
	}

	@Test
	void onToolResultNeedsAReplyThatCallsTools() {
		assertThatIllegalStateException().isThrownBy(() -> ZaiReply.text("Hi").onToolResult(ZaiReply.text("Bye")))
			.withMessageContaining("onToolResult applies to replies that call tools");
		assertThatIllegalStateException()
			.isThrownBy(() -> ZaiReply.error(500, "500", "boom").onToolResult(ZaiReply.text("Bye")))
			.withMessageContaining("onToolResult applies to replies that call tools");
		assertThatIllegalArgumentException().isThrownBy(() -> ZaiReply.toolCall("call_1", "f", "{}").onToolResult(null))
			.withMessageContaining("answer must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> ZaiReply.toolCall(" ", "f", "{}"))
			.withMessageContaining("id must not be empty");
	}

	@Test
	void jsonAnswerIsTheDocumentInCallsAndStreams() {
		String json = "{\"city\":\"Paris\",\"celsius\":21,\"sky\":\"sunny\"}";
		this.server.enqueue(ZaiReply.json(json));
		this.server.enqueue(ZaiReply.json(json));
		ChatRequest request = ChatRequest.builder()
			.system("Answer with JSON: {\"city\":…,\"celsius\":…,\"sky\":…}")
			.user("Weather in Paris?")
			.responseFormat(ResponseFormat.jsonObject())
			.build();
		ChatCompletion plain = this.template.chat(request).block(WAIT);
		assertThat(plain.content()).isEqualTo(json);
		assertThat(plain.finishReason()).isEqualTo(FinishReason.STOP);
		List<ChatCompletionChunk> chunks = this.template.stream(request).collectList().block(WAIT);
		assertThat(chunks).filteredOn((chunk) -> !chunk.content().isEmpty()).hasSizeGreaterThan(1);
		assertThat(ChatCompletion.fromChunks(chunks).content()).isEqualTo(json);
		this.template.chat("Hi").block(WAIT);
		assertThat(this.server.requests()).extracting(ReceivedRequest::responseFormat)
			.containsExactly("json_object", "json_object", null);
	}

	@Test
	void jsonOfWritesTheValueWithJackson() {
		this.server.enqueue(ZaiReply.jsonOf(new Weather("Paris", 21)));
		String content = this.template.chat("Weather in Paris?").block(WAIT);
		assertThat(JsonMapper.builder().build().readValue(content, Weather.class)).isEqualTo(new Weather("Paris", 21));
		assertThat(ZaiReply.jsonOf(List.of(1, 2)).streamChunkCount()).isPositive();
	}

	@Test
	void jsonRejectsTextThatIsNoJsonDocument() {
		assertThatIllegalArgumentException().isThrownBy(() -> ZaiReply.json("Sunny"))
			.withMessage("json must be one JSON object or array, such as {\"city\":\"Paris\"}, but was Sunny");
		assertThatIllegalArgumentException().isThrownBy(() -> ZaiReply.json("{\"a\":1} trailing"))
			.withMessageContaining("json must be one JSON object or array");
		assertThatIllegalArgumentException().isThrownBy(() -> ZaiReply.json("42"))
			.withMessageContaining("json must be one JSON object or array");
		assertThatIllegalArgumentException().isThrownBy(() -> ZaiReply.jsonOf("Sunny"))
			.withMessageContaining("value must be written as a JSON object or array");
		assertThatIllegalArgumentException().isThrownBy(() -> ZaiReply.json(null))
			.withMessageContaining("json must not be null");
	}

	private static ChatRequest withResult(ChatRequest question, ChatCompletion answer, String toolCallId,
			String result) {
		return question.mutate()
			.message(answer.toAssistantMessage())
			.message(ChatMessage.tool(toolCallId, result))
			.build();
	}

	record Weather(String city, int celsius) {
	}

}
