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
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static io.github.zaispring.chat.Fixtures.MAPPER;
import static io.github.zaispring.chat.Fixtures.STRICT_MAPPER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for reading {@link ChatCompletionChunk} with its hand-written deserializer: every
 * shape a chunk's fields can take on the wire, with a default and a strict mapper.
 *
 * @author zai-spring-boot
 */
class ChatCompletionChunkDeserializationTests {

	static Stream<Arguments> mappers() {
		return Stream.of(Arguments.of(MAPPER), Arguments.of(STRICT_MAPPER));
	}

	@ParameterizedTest
	@MethodSource("mappers")
	void readsEveryFieldOfATypicalChunk(JsonMapper mapper) {
		ChatCompletionChunk chunk = mapper.readValue("""
				{"id":"2025111117561942405e9f6eb547c7","created":1762854981,"model":"glm-4.6",
				"choices":[{"index":0,"delta":{"role":"assistant","content":"Ol","reasoning_content":"hm"}}]}
				""", ChatCompletionChunk.class);
		assertThat(chunk).isEqualTo(new ChatCompletionChunk("2025111117561942405e9f6eb547c7", 1762854981L, "glm-4.6",
				List.of(new ChunkChoice(0, new Delta("assistant", "Ol", "hm", null), null)), null));
	}

	@ParameterizedTest
	@MethodSource("mappers")
	void readsTheLastChunkWithFinishReasonAndUsage(JsonMapper mapper) {
		ChatCompletionChunk chunk = mapper.readValue("""
				{"id":"x","choices":[{"index":0,"finish_reason":"STOP","delta":{"role":"assistant","content":""}}],
				"usage":{"prompt_tokens":8,"completion_tokens":3,"total_tokens":11,
				"prompt_tokens_details":{"cached_tokens":2}}}
				""", ChatCompletionChunk.class);
		assertThat(chunk.finishReason()).isEqualTo(FinishReason.STOP);
		assertThat(chunk.content()).isEmpty();
		assertThat(chunk.usage()).isNotNull();
		assertThat(chunk.usage().promptTokens()).isEqualTo(8);
		assertThat(chunk.usage().totalTokens()).isEqualTo(11);
		assertThat(chunk.usage().cachedTokens()).isEqualTo(2);
	}

	@ParameterizedTest
	@MethodSource("mappers")
	void readsToolCallFragments(JsonMapper mapper) {
		ChatCompletionChunk chunk = mapper.readValue("""
				{"choices":[{"delta":{"tool_calls":[{"index":0,"id":"call_1","type":"function",
				"function":{"name":"weather","arguments":{"city":"Rome"}}}]}}]}
				""", ChatCompletionChunk.class);
		assertThat(chunk.toolCalls()).singleElement().satisfies((call) -> {
			assertThat(call.id()).isEqualTo("call_1");
			assertThat(call.function().name()).isEqualTo("weather");
			assertThat(call.function().arguments()).isEqualTo("{\"city\":\"Rome\"}");
		});
	}

	@ParameterizedTest
	@MethodSource("mappers")
	void skipsUnknownPropertiesAtEveryLevelWhateverTheirShape(JsonMapper mapper) {
		ChatCompletionChunk chunk = mapper.readValue("""
				{"object":"chat.completion.chunk","extra":{"a":[1,{"b":null}]},"id":"x",
				"choices":[{"logprobs":null,"index":1,"future":[[]],
				"delta":{"audio":{"data":"AA=="},"content":"hi","more":[{"k":"v"}]}}],"tail":true}
				""", ChatCompletionChunk.class);
		assertThat(chunk.id()).isEqualTo("x");
		assertThat(chunk.choices()).singleElement().satisfies((choice) -> {
			assertThat(choice.index()).isEqualTo(1);
			assertThat(choice.delta().content()).isEqualTo("hi");
		});
	}

	@ParameterizedTest
	@MethodSource("mappers")
	void nullAndMissingValuesGiveTheRecordsDefaults(JsonMapper mapper) {
		ChatCompletionChunk chunk = mapper.readValue("""
				{"id":null,"created":null,"model":null,"usage":null,
				"choices":[null,{"index":null,"delta":null,"finish_reason":null},
				{"delta":{"role":null,"content":null,"reasoning_content":null,"tool_calls":null}}]}
				""", ChatCompletionChunk.class);
		assertThat(chunk.id()).isNull();
		assertThat(chunk.created()).isNull();
		assertThat(chunk.usage()).isNull();
		assertThat(chunk.choices()).hasSize(2);
		assertThat(chunk.choices().get(0)).isEqualTo(new ChunkChoice(0, Delta.EMPTY, null));
		assertThat(chunk.choices().get(1)).isEqualTo(new ChunkChoice(0, Delta.EMPTY, null));
		assertThat(chunk.content()).isEmpty();
		assertThat(chunk.toolCalls()).isEmpty();
		ChatCompletionChunk empty = mapper.readValue("{}", ChatCompletionChunk.class);
		assertThat(empty.choices()).isEmpty();
		assertThat(empty.finishReason()).isNull();
		assertThat(mapper.readValue("{\"choices\":null}", ChatCompletionChunk.class).choices()).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("mappers")
	void contentGivenAsAnArrayOfPartsIsReadAsItsText(JsonMapper mapper) {
		ChatCompletionChunk chunk = mapper.readValue(
				"{\"choices\":[{\"delta\":{\"content\":[{\"type\":\"text\",\"text\":\"a\"},{\"type\":\"text\",\"text\":\"b\"}]}}]}",
				ChatCompletionChunk.class);
		assertThat(chunk.content()).isEqualTo("ab");
	}

	@ParameterizedTest
	@MethodSource("mappers")
	void scalarsInAnotherShapeAreCoercedAsJacksonWould(JsonMapper mapper) {
		ChatCompletionChunk chunk = mapper.readValue("""
				{"id":42,"created":"1762854981","choices":[{"index":"2","finish_reason":"Tool_Calls",
				"delta":{"content":7}}]}
				""", ChatCompletionChunk.class);
		assertThat(chunk.id()).isEqualTo("42");
		assertThat(chunk.created()).isEqualTo(1762854981L);
		assertThat(chunk.choices().get(0).index()).isEqualTo(2);
		assertThat(chunk.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
		assertThat(chunk.content()).isEqualTo("7");
	}

	@ParameterizedTest
	@MethodSource("mappers")
	void unknownFinishReasonsAreKeptAsUnknown(JsonMapper mapper) {
		ChatCompletionChunk chunk = mapper.readValue("{\"choices\":[{\"finish_reason\":\"brand_new\"}]}",
				ChatCompletionChunk.class);
		assertThat(chunk.finishReason()).isEqualTo(FinishReason.UNKNOWN);
	}

	@ParameterizedTest
	@MethodSource("mappers")
	void readsChunksNestedInOtherValues(JsonMapper mapper) {
		Map<String, List<ChatCompletionChunk>> nested = mapper.readValue(
				"{\"chunks\":[{\"id\":\"a\",\"choices\":[{\"delta\":{\"content\":\"x\"}}]},{\"id\":\"b\"}]}",
				mapper.getTypeFactory()
					.constructMapType(Map.class, mapper.constructType(String.class),
							mapper.getTypeFactory().constructCollectionType(List.class, ChatCompletionChunk.class)));
		assertThat(nested.get("chunks")).extracting(ChatCompletionChunk::id).containsExactly("a", "b");
		assertThat(nested.get("chunks").get(0).content()).isEqualTo("x");
	}

	@ParameterizedTest
	@MethodSource("mappers")
	void aChunkThatIsNotAnObjectIsRejected(JsonMapper mapper) {
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> mapper.readValue("[1]", ChatCompletionChunk.class));
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> mapper.readValue("{\"choices\":[{\"index\":{}}]}", ChatCompletionChunk.class));
	}

}
