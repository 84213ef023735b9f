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

package io.github.zaispring.ai;

import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.github.zaispring.chat.ChatCompletionChunk;
import io.github.zaispring.chat.ChatMessage;
import io.github.zaispring.chat.ChatRequest;
import io.github.zaispring.chat.ChunkChoice;
import io.github.zaispring.chat.ContentPart;
import io.github.zaispring.chat.Delta;
import io.github.zaispring.chat.FinishReason;
import io.github.zaispring.chat.FunctionCall;
import io.github.zaispring.chat.Retrieval;
import io.github.zaispring.chat.Role;
import io.github.zaispring.chat.ToolCall;
import io.github.zaispring.chat.WebSearch;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.content.Media;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.support.ToolCallbacks;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.util.MimeTypeUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests of the mapping between Spring AI's prompts and responses and Z.AI's requests and
 * answers ({@link PromptMapper}, {@link ResponseMapper}).
 *
 * @author zai-spring-boot contributors
 */
class ZaiChatMappingTests {

	private final PromptMapper mapper = new PromptMapper(ToolCallingManager.builder().build());

	private ChatRequest map(Prompt prompt, boolean streaming) {
		return this.mapper.toRequest(prompt, ZaiChatOptions.from(prompt.getOptions()), streaming);
	}

	@Test
	void everyKindOfMessageIsSentAsTheAPIExpectsIt() {
		AssistantMessage assistant = AssistantMessage.builder()
			.content("")
			.properties(Map.of(ZaiChatModel.REASONING_CONTENT, "I need the time."))
			.toolCalls(List.of(new AssistantMessage.ToolCall("call_1", "function", "clock", "{}")))
			.build();
		ToolResponseMessage toolResponse = ToolResponseMessage.builder()
			.responses(List.of(new ToolResponseMessage.ToolResponse("call_1", "clock", "12:00")))
			.build();
		ChatRequest request = map(new Prompt(List.of(new SystemMessage("Be brief."), new UserMessage("Time?"),
				assistant, toolResponse, new AssistantMessage("It is noon."))), false);
		List<ChatMessage> messages = request.messages();
		assertThat(messages).extracting(ChatMessage::role)
			.containsExactly(Role.SYSTEM, Role.USER, Role.ASSISTANT, Role.TOOL, Role.ASSISTANT);
		assertThat(messages.get(0).content()).isEqualTo("Be brief.");
		assertThat(messages.get(1).content()).isEqualTo("Time?");
		assertThat(messages.get(2).content()).isNull();
		assertThat(messages.get(2).reasoningContent()).isEqualTo("I need the time.");
		assertThat(messages.get(2).toolCalls()).containsExactly(ToolCall.function("call_1", "clock", "{}"));
		assertThat(messages.get(3).toolCallId()).isEqualTo("call_1");
		assertThat(messages.get(3).content()).isEqualTo("12:00");
		assertThat(messages.get(4).content()).isEqualTo("It is noon.");
		assertThat(messages.get(4).reasoningContent()).isNull();
	}

	@Test
	void mediaBecomesContentParts() {
		byte[] png = { 1, 2, 3 };
		byte[] pdf = { 4, 5 };
		UserMessage user = UserMessage.builder()
			.text("What is in these?")
			.media(new Media(MimeTypeUtils.IMAGE_PNG, URI.create("https://example.com/cat.png")),
					Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG).data(png).build(),
					new Media(MimeTypeUtils.parseMimeType("video/mp4"), URI.create("https://example.com/cat.mp4")),
					new Media(MimeTypeUtils.parseMimeType("application/pdf"),
							URI.create("https://example.com/cat.pdf")),
					Media.builder().mimeType(MimeTypeUtils.parseMimeType("application/pdf")).data(pdf).build())
			.build();
		List<ContentPart> parts = map(new Prompt(user), false).messages().get(0).contentParts();
		assertThat(parts).containsExactly(ContentPart.text("What is in these?"),
				ContentPart.imageUrl("https://example.com/cat.png"),
				ContentPart.imageUrl(Base64.getEncoder().encodeToString(png)),
				ContentPart.videoUrl("https://example.com/cat.mp4"),
				ContentPart.file(ContentPart.FileInput.url("https://example.com/cat.pdf")),
				ContentPart.file(ContentPart.FileInput
					.data("data:application/pdf;base64," + Base64.getEncoder().encodeToString(pdf))));
	}

	@Test
	void aVideoGivenAsBytesIsRejected() {
		UserMessage user = UserMessage.builder()
			.text("Watch")
			.media(Media.builder().mimeType(MimeTypeUtils.parseMimeType("video/mp4")).data(new byte[] { 1 }).build())
			.build();
		assertThatIllegalArgumentException().isThrownBy(() -> map(new Prompt(user), false))
			.withMessageContaining("by URL only");
	}

	@Test
	void optionsAndToolsBecomeRequestFields() {
		ZaiChatOptions options = ZaiChatOptions.builder()
			.model("glm-4.6")
			.temperature(0.2)
			.topP(0.7)
			.maxTokens(64)
			.stopSequences(List.of("END"))
			.frequencyPenalty(0.5)
			.topK(3)
			.toolCallbacks(ToolCallbacks.from(new Clock()))
			.webSearch(WebSearch.builder("search_pro").build())
			.retrieval(new Retrieval("kb-1", null))
			.toolStream(true)
			.requestId("request-9")
			.build();
		ChatRequest call = map(new Prompt("Hi", options), false);
		assertThat(call.model()).isEqualTo("glm-4.6");
		assertThat(call.temperature()).isEqualTo(0.2);
		assertThat(call.topP()).isEqualTo(0.7);
		assertThat(call.maxTokens()).isEqualTo(64);
		assertThat(call.stop()).containsExactly("END");
		assertThat(call.requestId()).isEqualTo("request-9");
		assertThat(call.tools()).extracting(io.github.zaispring.chat.Tool::type)
			.containsExactly("function", "web_search", "retrieval");
		assertThat(call.tools().get(0).function().name()).isEqualTo("clock");
		assertThat(call.tools().get(0).function().description()).isEqualTo("The time");
		assertThat(call.tools().get(0).function().parameters()).containsEntry("type", "object");
		// tool_stream belongs to streams, and never stream: true from a call
		assertThat(call.toolStream()).isNull();
		assertThat(call.stream()).isNull();
		assertThat(call.extraBody()).isEmpty();
		assertThat(map(new Prompt("Hi", options), true).toolStream()).isTrue();
	}

	@Test
	void streamedToolCallFragmentsAreHandedOverWholeWithTheFinishingChunk() {
		ResponseMapper.StreamMapper stream = new ResponseMapper.StreamMapper();
		ChatResponse first = stream
			.toResponse(chunk(new ToolCall("call_1", "function", 0, new FunctionCall("clock", "")), null));
		ChatResponse second = stream
			.toResponse(chunk(new ToolCall(null, null, 0, new FunctionCall(null, "{\"city\"")), null));
		ChatResponse third = stream.toResponse(
				chunk(new ToolCall(null, null, 0, new FunctionCall(null, ":\"Paris\"}")), FinishReason.TOOL_CALLS));
		assertThat(first.hasToolCalls()).isFalse();
		assertThat(second.hasToolCalls()).isFalse();
		assertThat(third.getResult().getOutput().getToolCalls())
			.containsExactly(new AssistantMessage.ToolCall("call_1", "function", "clock", "{\"city\":\"Paris\"}"));
		assertThat(third.getResult().getMetadata().getFinishReason()).isEqualTo("TOOL_CALLS");
	}

	@Test
	void aFilteredAnswerIsMarkedInTheGenerationMetadata() {
		ChatResponse response = new ResponseMapper.StreamMapper().toResponse(new ChatCompletionChunk("c", 1L, "glm-4.6",
				List.of(new ChunkChoice(0, new Delta(null, "", null, List.of()), FinishReason.SENSITIVE)), null,
				List.of()));
		assertThat(response.getResult().getMetadata().getFinishReason()).isEqualTo("SENSITIVE");
		assertThat(response.getResult().getMetadata().getContentFilters()).contains("sensitive");
	}

	private static ChatCompletionChunk chunk(ToolCall fragment, FinishReason finishReason) {
		return new ChatCompletionChunk("chunk", 1L, "glm-4.6",
				List.of(new ChunkChoice(0, new Delta("assistant", null, null, List.of(fragment)), finishReason)), null,
				List.of());
	}

	static class Clock {

		@Tool(description = "The time")
		String clock() {
			return "12:00";
		}

	}

}
