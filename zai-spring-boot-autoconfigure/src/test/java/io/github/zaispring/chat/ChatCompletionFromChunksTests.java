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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static io.github.zaispring.chat.Fixtures.MAPPER;
import static io.github.zaispring.chat.Fixtures.STRICT_MAPPER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Tests for {@link ChatCompletion#fromChunks(List)} on the recorded streams.
 *
 * @author zai-spring-boot
 */
class ChatCompletionFromChunksTests {

	@Test
	void foldsReasoningThenContent() {
		List<ChatCompletionChunk> chunks = Fixtures.chunks("stream/reasoning-then-content.sse", STRICT_MAPPER);
		assertThat(chunks).hasSize(15);
		assertThat(chunks.get(1).reasoningContent()).isEqualTo("The");
		assertThat(chunks.get(1).content()).isEmpty();
		assertThat(chunks.get(1).finishReason()).isNull();
		ChatCompletion completion = ChatCompletion.fromChunks(chunks);
		assertThat(completion.id()).isEqualTo("20251111175621ea00b15bd30046c2");
		assertThat(completion.requestId()).isNull();
		assertThat(completion.model()).isEqualTo("glm-4.5");
		assertThat(completion.created()).isEqualTo(1762854981L);
		assertThat(completion.reasoningContent()).isEqualTo("\nThe person wants a greeting in Portuguese.\n");
		assertThat(completion.content()).isEqualTo("Olá! Como vai.");
		assertThat(completion.choices()).hasSize(1);
		assertThat(completion.choices().get(0).message().role()).isEqualTo("assistant");
		assertThat(completion.toolCalls()).isEmpty();
		assertThat(completion.finishReason()).isEqualTo(FinishReason.STOP);
		assertThat(completion.usage()).isEqualTo(new Usage(16, 145, 161, new Usage.PromptTokensDetails(6), null));
	}

	@Test
	void foldsAToolCallSentInOneDelta() {
		List<ChatCompletionChunk> chunks = Fixtures.chunks("stream/tool-call.sse", MAPPER);
		assertThat(chunks.get(1).toolCalls()).hasSize(1);
		ChatCompletion completion = ChatCompletion.fromChunks(chunks);
		assertThat(completion.content()).isEqualTo(".\n");
		assertThat(completion.reasoningContent()).isNull();
		assertThat(completion.toolCalls()).containsExactly(new ToolCall("call_6bc2e48a34f34e80995b40d2", "function", 0,
				new FunctionCall("weather", "{\"location\":\"Florence,Italy\"}")));
		assertThat(completion.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
		assertThat(completion.usage().totalTokens()).isEqualTo(256);
		assertThat(completion.usage().cachedTokens()).isEqualTo(178);
	}

	@Test
	void foldsParallelToolCallsInIndexOrder() {
		ChatCompletion completion = ChatCompletion
			.fromChunks(Fixtures.chunks("stream/parallel-tool-calls.sse", STRICT_MAPPER));
		assertThat(completion.toolCalls()).containsExactly(
				new ToolCall("call_4be9c6251abb4f3fbc1956bd", "function", 0,
						new FunctionCall("add", "{\"a\":2,\"b\":3}")),
				new ToolCall("call_29207bee5b434b86830450d2", "function", 1,
						new FunctionCall("multiply", "{\"a\":2,\"b\":3}")));
		assertThat(completion.content()).isEmpty();
		assertThat(completion.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
		assertThat(completion.usage().promptTokens()).isEqualTo(282);
	}

	@Test
	void parallelToolCallsArrivingOutOfOrderAreStillOrderedByIndex() {
		List<ChatCompletionChunk> chunks = new ArrayList<>(
				Fixtures.chunks("stream/parallel-tool-calls.sse", STRICT_MAPPER));
		chunks.add(0, chunks.remove(1));
		assertThat(ChatCompletion.fromChunks(chunks).toolCalls()).extracting(ToolCall::index).containsExactly(0, 1);
	}

	@Test
	void foldsToolStreamArgumentPieces() {
		List<ChatCompletionChunk> chunks = Fixtures.chunks("stream/tool-stream.sse", STRICT_MAPPER);
		assertThat(chunks.get(2).toolCalls().get(0).id()).isNull();
		assertThat(chunks.get(2).toolCalls().get(0).function().name()).isNull();
		ChatCompletion completion = ChatCompletion.fromChunks(chunks);
		assertThat(completion.content()).isEqualTo("I'll write the file.");
		assertThat(completion.toolCalls()).containsExactly(new ToolCall("call-1", "function", 0,
				new FunctionCall("write_file", "{\"text\":\"Hello, world!\",\"path\":\"hello.txt\"}")));
		assertThat(completion.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
		assertThat(completion.usage().totalTokens()).isEqualTo(150);
	}

	@Test
	void foldsThe2026ChunkShape() {
		ChatCompletion completion = ChatCompletion
			.fromChunks(Fixtures.chunks("stream/glm-4.7-flash.sse", STRICT_MAPPER));
		assertThat(completion.model()).isEqualTo("glm-4.7-flash");
		assertThat(completion.reasoningContent()).isEqualTo("1+1 is 2.");
		assertThat(completion.content()).isEqualTo("1 + 1 = 2");
		assertThat(completion.finishReason()).isEqualTo(FinishReason.STOP);
		assertThat(completion.usage()).isEqualTo(
				new Usage(15, 734, 749, new Usage.PromptTokensDetails(14), new Usage.CompletionTokensDetails(708)));
		assertThat(completion.usage().reasoningTokens()).isEqualTo(708);
	}

	@Test
	void aLaterFragmentNamesACallThatStartedWithoutAName() {
		List<ChatCompletionChunk> chunks = List.of(toolChunk(
				"{\"index\":0,\"id\":\"call-1\",\"type\":\"function\",\"function\":{\"name\":\"\",\"arguments\":\"{\"}}"),
				toolChunk("{\"index\":0,\"function\":{\"name\":\"lookup\",\"arguments\":\"}\"}}"),
				toolChunk("{\"index\":0,\"function\":{\"name\":\"ignored\",\"arguments\":\"\"}}"));
		assertThat(ChatCompletion.fromChunks(chunks).toolCalls())
			.containsExactly(new ToolCall("call-1", "function", 0, new FunctionCall("lookup", "{}")));
	}

	@Test
	void foldsChoicesSeparatelyByIndex() {
		List<ChatCompletionChunk> chunks = List.of(MAPPER.readValue(
				"{\"choices\":[{\"index\":1,\"delta\":{\"content\":\"b\"}},{\"index\":0,\"delta\":{\"content\":\"a\"}}]}",
				ChatCompletionChunk.class),
				MAPPER.readValue(
						"{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"A\"},\"finish_reason\":\"length\"},{\"index\":1,\"delta\":{\"content\":\"B\"},\"finish_reason\":\"stop\"}]}",
						ChatCompletionChunk.class));
		ChatCompletion completion = ChatCompletion.fromChunks(chunks);
		assertThat(completion.choices()).extracting(Choice::index).containsExactly(0, 1);
		assertThat(completion.choices()).extracting((choice) -> choice.message().content()).containsExactly("aA", "bB");
		assertThat(completion.choices()).extracting(Choice::finishReason)
			.containsExactly(FinishReason.LENGTH, FinishReason.STOP);
	}

	@Test
	void emptyListGivesAnEmptyCompletion() {
		ChatCompletion completion = ChatCompletion.fromChunks(List.of());
		assertThat(completion.id()).isNull();
		assertThat(completion.choices()).isEmpty();
		assertThat(completion.content()).isEmpty();
		assertThat(completion.reasoningContent()).isNull();
		assertThat(completion.toolCalls()).isEmpty();
		assertThat(completion.finishReason()).isNull();
		assertThat(completion.usage()).isNull();
	}

	@Test
	void nullListIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> ChatCompletion.fromChunks(null))
			.withMessage("chunks must not be null; pass an empty list for a stream without chunks");
	}

	@Test
	void foldsTwentyThousandChunksInLinearTime() {
		List<ChatCompletionChunk> chunks = new ArrayList<>();
		for (int i = 0; i < 20_000; i++) {
			Delta delta = new Delta("assistant", "word ", "think ",
					List.of(new ToolCall((i == 0) ? "call-1" : null, null, 0, new FunctionCall(null, "x"))));
			chunks.add(new ChatCompletionChunk("id", 1L, "glm-4.6", List.of(new ChunkChoice(0, delta, null)), null));
		}
		ChatCompletion completion = assertTimeoutPreemptively(Duration.ofSeconds(5),
				() -> ChatCompletion.fromChunks(chunks));
		assertThat(completion.content()).hasSize(5 * 20_000);
		assertThat(completion.reasoningContent()).hasSize(6 * 20_000);
		assertThat(completion.toolCalls()).singleElement()
			.satisfies((call) -> assertThat(call.function().arguments()).hasSize(20_000));
	}

	@Test
	void chunkShortcutsAreNeverNull() {
		ChatCompletionChunk chunk = MAPPER.readValue("{\"id\":\"1\"}", ChatCompletionChunk.class);
		assertThat(chunk.choices()).isEmpty();
		assertThat(chunk.content()).isEmpty();
		assertThat(chunk.reasoningContent()).isEmpty();
		assertThat(chunk.toolCalls()).isEmpty();
		assertThat(chunk.finishReason()).isNull();
		ChatCompletionChunk docs = MAPPER.readValue(
				"{\"id\":\"1\",\"created\":1677652288,\"model\":\"glm-4.6\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Spring\"},\"finish_reason\":null}]}",
				ChatCompletionChunk.class);
		assertThat(docs.content()).isEqualTo("Spring");
		assertThat(docs.finishReason()).isNull();
		ChatCompletionChunk noDelta = MAPPER.readValue("{\"choices\":[{\"finish_reason\":\"something_new\"}]}",
				ChatCompletionChunk.class);
		assertThat(noDelta.content()).isEmpty();
		assertThat(noDelta.finishReason()).isEqualTo(FinishReason.UNKNOWN);
	}

	private static ChatCompletionChunk toolChunk(String toolCallJson) {
		return MAPPER.readValue("{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[" + toolCallJson + "]}}]}",
				ChatCompletionChunk.class);
	}

}
