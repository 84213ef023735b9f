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

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import static io.github.zaispring.chat.Fixtures.MAPPER;
import static io.github.zaispring.chat.Fixtures.STRICT_MAPPER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for parsing recorded responses into {@link ChatCompletion}, with a default and a
 * strict mapper.
 *
 * @author zai-spring-boot
 */
class ChatCompletionDeserializationTests {

	static Stream<Arguments> mappers() {
		return Stream.of(Arguments.of(MAPPER), Arguments.of(STRICT_MAPPER));
	}

	@ParameterizedTest
	@MethodSource("mappers")
	void parsesTheRecordedGlm45Response(JsonMapper mapper) {
		ChatCompletion completion = mapper.readValue(Fixtures.read("chat/simple.json"), ChatCompletion.class);
		assertThat(completion.id()).isEqualTo("2025111117561942405e9f6eb547c7");
		assertThat(completion.requestId()).isEqualTo("2025111117561942405e9f6eb547c7");
		assertThat(completion.created()).isEqualTo(1762854981L);
		assertThat(completion.model()).isEqualTo("glm-4.5");
		assertThat(completion.choices()).hasSize(1);
		assertThat(completion.choices().get(0).index()).isZero();
		assertThat(completion.choices().get(0).message().role()).isEqualTo("assistant");
		assertThat(completion.content()).isEqualTo("Olá!");
		assertThat(completion.reasoningContent()).startsWith("\nThe user is asking me to say \"hi\" in Portuguese.")
			.endsWith("I'll respond with this greeting.");
		assertThat(completion.toolCalls()).isEmpty();
		assertThat(completion.finishReason()).isEqualTo(FinishReason.STOP);
		assertThat(completion.webSearch()).isEmpty();
		Usage usage = completion.usage();
		assertThat(usage).isNotNull();
		assertThat(usage.promptTokens()).isEqualTo(16);
		assertThat(usage.completionTokens()).isEqualTo(72);
		assertThat(usage.totalTokens()).isEqualTo(88);
		assertThat(usage.cachedTokens()).isEqualTo(7);
		assertThat(usage.reasoningTokens()).isNull();
	}

	@ParameterizedTest
	@MethodSource("mappers")
	void parsesTheRecordedToolCallResponse(JsonMapper mapper) {
		ChatCompletion completion = mapper.readValue(Fixtures.read("chat/tool-call.json"), ChatCompletion.class);
		assertThat(completion.model()).isEqualTo("glm-4.7-flash");
		assertThat(completion.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
		assertThat(completion.content()).isEqualTo("I'll check the weather in Florence, Italy for you.");
		assertThat(completion.toolCalls()).containsExactly(new ToolCall("call_-7807249954186984837", "function", 0,
				new FunctionCall("weather", "{\"location\":\"Florence,Italy\"}")));
		assertThat(completion.usage().cachedTokens()).isEqualTo(43);
		assertThat(completion.usage().reasoningTokens()).isEqualTo(62);
	}

	@ParameterizedTest
	@MethodSource("mappers")
	void parsesTheDocsSkeletonWithObjectArguments(JsonMapper mapper) {
		ChatCompletion completion = mapper.readValue(Fixtures.read("chat/docs-skeleton.json"), ChatCompletion.class);
		assertThat(completion.choices().get(0).index()).isEqualTo(123);
		assertThat(completion.finishReason()).isEqualTo(FinishReason.UNKNOWN);
		ToolCall call = completion.toolCalls().get(0);
		assertThat(call.id()).isEqualTo("<string>");
		assertThat(call.index()).isNull();
		assertThat(call.function().name()).isEqualTo("<string>");
		assertThat(call.function().arguments()).isEqualTo("{}");
		assertThat(completion.usage().cachedTokens()).isEqualTo(123);
		assertThat(completion.webSearch()).containsExactly(new WebSearchResult("<string>", "<string>", "<string>",
				"<string>", "<string>", "<string>", "<string>"));
	}

	@ParameterizedTest
	@MethodSource("mappers")
	void unknownFieldsAndUnknownFinishReasonsDoNotBreakParsing(JsonMapper mapper) {
		String json = """
				{"id":"1","object":"chat.completion","brand_new":{"x":[1,2]},"content_filter":[{"role":"assistant","level":3}],
				 "choices":[{"index":0,"finish_reason":"something_new","extra":true,
				   "message":{"role":"assistant","content":"ok","audio":{"id":"a"},
				     "tool_calls":[{"id":"c","type":"function","mcp":{},"function":{"name":"f","arguments":"{}","x":1}}]}}],
				 "usage":{"prompt_tokens":1,"completion_tokens":2,"total_tokens":3,"total_calls":1,
				   "prompt_tokens_details":{"cached_tokens":0,"audio_tokens":5},"completion_tokens_details":{"reasoning_tokens":1,"x":2}}}
				""";
		ChatCompletion completion = mapper.readValue(json, ChatCompletion.class);
		assertThat(completion.finishReason()).isEqualTo(FinishReason.UNKNOWN);
		assertThat(completion.content()).isEqualTo("ok");
		assertThat(completion.toolCalls()).hasSize(1);
		assertThat(completion.usage().reasoningTokens()).isEqualTo(1);
	}

	@ParameterizedTest
	@MethodSource("mappers")
	void argumentsAsStringAndAsObjectGiveTheSameJson(JsonMapper mapper) {
		String asString = "{\"function\":{\"name\":\"weather\",\"arguments\":\"{\\\"location\\\":\\\"Florence,Italy\\\",\\\"days\\\":[1,2],\\\"metric\\\":true}\"}}";
		String asObject = "{\"function\":{\"name\":\"weather\",\"arguments\":{\"location\":\"Florence,Italy\",\"days\":[1,2],\"metric\":true}}}";
		ToolCall fromString = mapper.readValue(asString, ToolCall.class);
		ToolCall fromObject = mapper.readValue(asObject, ToolCall.class);
		assertThat(fromObject.function().arguments()).isEqualTo(fromString.function().arguments())
			.isEqualTo("{\"location\":\"Florence,Italy\",\"days\":[1,2],\"metric\":true}");
		assertThat(fromObject).isEqualTo(fromString);
		assertThat(mapper.writeValueAsString(fromObject.function())).isEqualTo(
				"{\"name\":\"weather\",\"arguments\":\"{\\\"location\\\":\\\"Florence,Italy\\\",\\\"days\\\":[1,2],\\\"metric\\\":true}\"}");
	}

	@ParameterizedTest
	@MethodSource("mappers")
	void missingAndNullFieldsGiveEmptyValues(JsonMapper mapper) {
		ChatCompletion completion = mapper.readValue(
				"{\"choices\":[{\"message\":{\"content\":null,\"tool_calls\":null},\"finish_reason\":null}],\"web_search\":null}",
				ChatCompletion.class);
		assertThat(completion.content()).isEmpty();
		assertThat(completion.reasoningContent()).isNull();
		assertThat(completion.toolCalls()).isEmpty();
		assertThat(completion.finishReason()).isNull();
		assertThat(completion.webSearch()).isEmpty();
		assertThat(completion.usage()).isNull();
		ChatCompletion empty = mapper.readValue("{}", ChatCompletion.class);
		assertThat(empty.choices()).isEmpty();
		assertThat(empty.content()).isEmpty();
		assertThat(empty.toolCalls()).isEmpty();
		assertThat(empty.finishReason()).isNull();
		Usage usage = mapper.readValue("{\"total_tokens\":5,\"prompt_tokens\":null}", Usage.class);
		assertThat(usage).isEqualTo(new Usage(0, 0, 5, null, null));
		assertThat(usage.cachedTokens()).isNull();
		FunctionCall noArguments = mapper.readValue("{\"name\":\"f\"}", FunctionCall.class);
		assertThat(noArguments.arguments()).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("mappers")
	void oddShapesAreReadAsJacksonWouldReadThem(JsonMapper mapper) {
		ChatCompletion completion = mapper.readValue("""
				{"object":{"nested":[1,{"x":null}]},"id":7,"request_id":"r","created":"1762854981",
				"choices":[null,{"index":"1","message":null,"finish_reason":"Length","logprobs":{"a":1}},
				{"message":{"role":"assistant","content":"hi","audio":{"id":"a"},"tool_calls":null}}],
				"web_search":null,"usage":null}
				""", ChatCompletion.class);
		assertThat(completion.id()).isEqualTo("7");
		assertThat(completion.requestId()).isEqualTo("r");
		assertThat(completion.created()).isEqualTo(1762854981L);
		assertThat(completion.choices()).hasSize(2);
		assertThat(completion.choices().get(0).index()).isEqualTo(1);
		assertThat(completion.choices().get(0).message().content()).isNull();
		assertThat(completion.finishReason()).isEqualTo(FinishReason.LENGTH);
		assertThat(completion.choices().get(1).message().content()).isEqualTo("hi");
		assertThat(completion.webSearch()).isEmpty();
		assertThat(completion.usage()).isNull();
	}

	@ParameterizedTest
	@MethodSource("mappers")
	void usageInsideAnAnswerOrAChunkIsReadAsJacksonReadsItAlone(JsonMapper mapper) {
		List<String> shapes = List.of("{}", "null",
				"{\"prompt_tokens\":16,\"completion_tokens\":72,\"total_tokens\":88,"
						+ "\"prompt_tokens_details\":{\"cached_tokens\":7},"
						+ "\"completion_tokens_details\":{\"reasoning_tokens\":50}}",
				"{\"prompt_tokens\":\"12\",\"completion_tokens\":null,\"total_tokens\":3.0,\"total_calls\":1,"
						+ "\"prompt_tokens_details\":{\"audio_tokens\":[1,{\"x\":2}],\"cached_tokens\":\"4\"},"
						+ "\"completion_tokens_details\":null}",
				"{\"prompt_tokens_details\":{},\"completion_tokens_details\":{\"reasoning_tokens\":null,\"other\":{}}}");
		for (String usage : shapes) {
			Usage alone = mapper.readValue(usage, Usage.class);
			assertThat(mapper.readValue("{\"id\":\"a\",\"usage\":" + usage + ",\"model\":\"m\"}", ChatCompletion.class)
				.usage()).as(usage).isEqualTo(alone);
			assertThat(mapper.readValue("{\"usage\":" + usage + ",\"choices\":[]}", ChatCompletionChunk.class).usage())
				.as(usage)
				.isEqualTo(alone);
		}
	}

	@ParameterizedTest
	@MethodSource("mappers")
	void arrayContentIsReadAsItsText(JsonMapper mapper) {
		ChatCompletion completion = mapper.readValue(
				"{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"a\"},{\"type\":\"text\",\"text\":\"b\"}]}}]}",
				ChatCompletion.class);
		assertThat(completion.content()).isEqualTo("ab");
	}

	@ParameterizedTest
	@MethodSource("mappers")
	void usageRoundTrips(JsonMapper mapper) {
		String json = "{\"prompt_tokens\":173,\"completion_tokens\":88,\"total_tokens\":261,\"prompt_tokens_details\":{\"cached_tokens\":43},\"completion_tokens_details\":{\"reasoning_tokens\":62}}";
		Usage usage = mapper.readValue(json, Usage.class);
		assertThat(usage.cachedTokens()).isEqualTo(43);
		assertThat(usage.reasoningTokens()).isEqualTo(62);
		assertThat(mapper.readTree(mapper.writeValueAsString(usage))).isEqualTo(mapper.readTree(json));
		assertThat(mapper.readValue(mapper.writeValueAsString(usage), Usage.class)).isEqualTo(usage);
	}

	@ParameterizedTest
	@MethodSource("mappers")
	void completionRoundTrips(JsonMapper mapper) {
		ChatCompletion completion = mapper.readValue(Fixtures.read("chat/tool-call.json"), ChatCompletion.class);
		String json = mapper.writeValueAsString(completion);
		assertThat(mapper.readTree(json).propertyNames()).containsExactlyInAnyOrder("id", "request_id", "created",
				"model", "choices", "usage", "web_search");
		assertThat(mapper.readTree(json).at("/choices/0/message").propertyNames()).containsExactlyInAnyOrder("role",
				"content", "reasoning_content", "tool_calls");
		ChatCompletion copy = mapper.readValue(json, ChatCompletion.class);
		assertThat(copy).isEqualTo(completion);
	}

	@ParameterizedTest
	@MethodSource("mappers")
	void finishReasonsAreReadCaseInsensitively(JsonMapper mapper) {
		for (FinishReason reason : FinishReason.values()) {
			assertThat(mapper.readValue("\"" + reason.value().toUpperCase() + "\"", FinishReason.class))
				.isEqualTo(reason);
			assertThat(mapper.writeValueAsString(reason)).isEqualTo("\"" + reason.value() + "\"");
		}
		assertThat(FinishReason.from("model_context_window_exceeded"))
			.isEqualTo(FinishReason.MODEL_CONTEXT_WINDOW_EXCEEDED);
		assertThat(FinishReason.from(null)).isEqualTo(FinishReason.UNKNOWN);
		assertThat(FinishReason.from("")).isEqualTo(FinishReason.UNKNOWN);
	}

	@ParameterizedTest
	@MethodSource("mappers")
	void toAssistantMessageCarriesContentReasoningAndToolCalls(JsonMapper mapper) {
		ChatCompletion completion = mapper.readValue(Fixtures.read("chat/tool-call.json"), ChatCompletion.class);
		ChatMessage message = completion.toAssistantMessage();
		assertThat(message.role()).isEqualTo(Role.ASSISTANT);
		assertThat(message.content()).isEqualTo(completion.content());
		assertThat(message.reasoningContent()).isEqualTo(completion.reasoningContent());
		assertThat(message.toolCalls()).containsExactly(
				ToolCall.function("call_-7807249954186984837", "weather", "{\"location\":\"Florence,Italy\"}"));
		assertThat(List.of(message)).hasSize(1);
	}

}
