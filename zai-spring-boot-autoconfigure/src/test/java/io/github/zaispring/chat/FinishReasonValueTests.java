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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import static io.github.zaispring.chat.Fixtures.MAPPER;
import static io.github.zaispring.chat.Fixtures.STRICT_MAPPER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the wire value of the finish reason: a value this library does not know reads
 * as {@link FinishReason#UNKNOWN} and keeps what the server sent, through chunks,
 * completions and {@link ChatCompletion#fromChunks}.
 *
 * @author zai-spring-boot
 */
class FinishReasonValueTests {

	static Stream<Arguments> mappers() {
		return Stream.of(Arguments.of(MAPPER), Arguments.of(STRICT_MAPPER));
	}

	@ParameterizedTest
	@MethodSource("mappers")
	void unknownValueOfAStreamSurvivesFolding(JsonMapper mapper) {
		List<ChatCompletionChunk> chunks = List.of(mapper.readValue("""
				{"id":"2026031305024","created":1773349367,"object":"chat.completion.chunk","model":"glm-5.2",
				"choices":[{"index":0,"delta":{"role":"assistant","content":"Hal"}}]}
				""", ChatCompletionChunk.class), mapper.readValue("""
				{"id":"2026031305024","created":1773349367,"object":"chat.completion.chunk","model":"glm-5.2",
				"choices":[{"index":0,"finish_reason":"abort","delta":{"role":"assistant","content":""}}],
				"usage":{"prompt_tokens":15,"completion_tokens":2,"total_tokens":17}}
				""", ChatCompletionChunk.class));
		assertThat(chunks.get(0).finishReason()).isNull();
		assertThat(chunks.get(0).finishReasonValue()).isNull();
		assertThat(chunks.get(1).finishReason()).isEqualTo(FinishReason.UNKNOWN);
		assertThat(chunks.get(1).finishReasonValue()).isEqualTo("abort");
		ChatCompletion completion = ChatCompletion.fromChunks(chunks);
		assertThat(completion.finishReason()).isEqualTo(FinishReason.UNKNOWN);
		assertThat(completion.finishReasonValue()).isEqualTo("abort");
		assertThat(completion.choices().get(0).finishReasonValue()).isEqualTo("abort");
	}

	@ParameterizedTest
	@MethodSource("mappers")
	void unknownValueOfACompletionIsKeptAndWrittenBack(JsonMapper mapper) {
		ChatCompletion completion = mapper.readValue(
				"""
						{"choices":[{"finish_reason":"content_filter_v2","index":0,"message":{"content":"","role":"assistant"}}],
						"created":1762854981,"id":"2025111117561942405e9f6eb547c7","model":"glm-4.5"}
						""",
				ChatCompletion.class);
		assertThat(completion.finishReason()).isEqualTo(FinishReason.UNKNOWN);
		assertThat(completion.finishReasonValue()).isEqualTo("content_filter_v2");
		String json = mapper.writeValueAsString(completion);
		assertThat(json).contains("\"finish_reason\":\"content_filter_v2\"").doesNotContain("finishReason");
		assertThat(mapper.readValue(json, ChatCompletion.class)).isEqualTo(completion);
	}

	@ParameterizedTest
	@MethodSource("mappers")
	void knownValuesKeepTheirWireSpelling(JsonMapper mapper) {
		ChatCompletionChunk chunk = mapper.readValue("{\"choices\":[{\"finish_reason\":\"Tool_Calls\"}]}",
				ChatCompletionChunk.class);
		assertThat(chunk.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
		assertThat(chunk.finishReasonValue()).isEqualTo("Tool_Calls");
		ChunkChoice choice = mapper.readValue("{\"finish_reason\":\"length\",\"delta\":{\"content\":\"x\"}}",
				ChunkChoice.class);
		assertThat(choice).isEqualTo(new ChunkChoice(0, new Delta(null, "x", null, null), FinishReason.LENGTH));
	}

	@Test
	void eitherFormIsDerivedFromTheOther() {
		assertThat(new Choice(0, null, FinishReason.STOP).finishReasonValue()).isEqualTo("stop");
		assertThat(new Choice(0, null, null, "sensitive").finishReason()).isEqualTo(FinishReason.SENSITIVE);
		assertThat(new ChunkChoice(0, null, null).finishReasonValue()).isNull();
		assertThat(new ChunkChoice(0, null, FinishReason.UNKNOWN, "brand_new").finishReasonValue())
			.isEqualTo("brand_new");
		assertThatIllegalArgumentException().isThrownBy(() -> new Choice(0, null, FinishReason.STOP, "length"))
			.withMessage("finishReason STOP does not match finishReasonValue 'length'; pass one of them");
		assertThatIllegalArgumentException().isThrownBy(() -> new ChunkChoice(0, null, FinishReason.LENGTH, "stop"))
			.withMessage("finishReason LENGTH does not match finishReasonValue 'stop'; pass one of them");
	}

	@Test
	void emptyCompletionAndChunkHaveNoValue() {
		assertThat(ChatCompletion.fromChunks(List.of()).finishReasonValue()).isNull();
		assertThat(new ChatCompletionChunk(null, null, null, null, null).finishReasonValue()).isNull();
	}

}
