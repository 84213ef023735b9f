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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.zaispring.chat.ChatCompletion;
import io.github.zaispring.chat.ChatCompletionAccumulator;
import io.github.zaispring.chat.ChatCompletionChunk;
import io.github.zaispring.chat.Choice;
import io.github.zaispring.chat.ChunkChoice;
import io.github.zaispring.chat.FinishReason;
import io.github.zaispring.chat.FunctionCall;
import io.github.zaispring.chat.ToolCall;
import io.github.zaispring.chat.Usage;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.metadata.EmptyUsage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;

/**
 * Turns Z.AI completions and chunks into Spring AI {@link ChatResponse}s.
 *
 * @author zai-spring-boot contributors
 */
final class ResponseMapper {

	/** The usage of a chunk without any: stateless, so one serves every chunk. */
	private static final EmptyUsage NO_USAGE = new EmptyUsage();

	private ResponseMapper() {
	}

	/**
	 * Map a whole completion: a generation per choice.
	 * @param completion the completion
	 * @return the response
	 */
	static ChatResponse toResponse(ChatCompletion completion) {
		List<Generation> generations = new ArrayList<>(completion.choices().size());
		for (Choice choice : completion.choices()) {
			generations.add(generation(completion.id(), choice.index(), choice.message().role(),
					choice.message().content(), choice.message().reasoningContent(), choice.message().toolCalls(),
					choice.finishReason(), choice.finishReasonValue()));
		}
		return new ChatResponse(generations,
				metadata(completion.id(), completion.model(), completion.requestId(), completion.usage()));
	}

	static Generation generation(@Nullable String id, int index, @Nullable String role, @Nullable String content,
			@Nullable String reasoning, List<ToolCall> toolCalls, @Nullable FinishReason finishReason,
			@Nullable String finishReasonValue) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("id", (id != null) ? id : "");
		properties.put("role", (role != null) ? role : "assistant");
		properties.put("index", index);
		String reason = finishReason(finishReason, finishReasonValue);
		properties.put("finishReason", reason);
		if (reasoning != null && !reasoning.isEmpty()) {
			properties.put(ZaiChatModel.REASONING_CONTENT, reasoning);
		}
		AssistantMessage message = AssistantMessage.builder()
			.content((content != null) ? content : "")
			.properties(properties)
			.toolCalls(toolCalls.isEmpty() ? List.of() : toolCalls.stream().map(ResponseMapper::toolCall).toList())
			.build();
		ChatGenerationMetadata.Builder metadata = ChatGenerationMetadata.builder().finishReason(reason);
		if (finishReason == FinishReason.SENSITIVE) {
			metadata.contentFilter("sensitive");
		}
		return new Generation(message, metadata.build());
	}

	private static AssistantMessage.ToolCall toolCall(ToolCall call) {
		FunctionCall function = call.function();
		return new AssistantMessage.ToolCall((call.id() != null) ? call.id() : "", "function",
				(function != null && function.name() != null) ? function.name() : "",
				(function != null) ? function.arguments() : "{}");
	}

	private static String finishReason(@Nullable FinishReason finishReason, @Nullable String value) {
		if (finishReason == null) {
			return "";
		}
		// the names Spring AI's OpenAI and DeepSeek models report: STOP, LENGTH,
		// TOOL_CALLS
		return (finishReason != FinishReason.UNKNOWN || value == null) ? finishReason.name()
				: value.toUpperCase(Locale.ROOT);
	}

	static ChatResponseMetadata metadata(@Nullable String id, @Nullable String model, @Nullable String requestId,
			@Nullable Usage usage) {
		ChatResponseMetadata.Builder builder = ChatResponseMetadata.builder()
			.id((id != null) ? id : "")
			.model((model != null) ? model : "")
			.usage(usage(usage));
		if (requestId != null) {
			builder.keyValue("requestId", requestId);
		}
		return builder.build();
	}

	static org.springframework.ai.chat.metadata.Usage usage(@Nullable Usage usage) {
		if (usage == null) {
			return NO_USAGE;
		}
		Integer cached = usage.cachedTokens();
		return new DefaultUsage(usage.promptTokens(), usage.completionTokens(), usage.totalTokens(), usage,
				(cached != null) ? cached.longValue() : null, null);
	}

	/**
	 * Maps the chunks of one stream, in order. Content and reasoning pass at once;
	 * fragments of tool calls are folded by index and handed over whole, with the chunk
	 * that finishes their choice, so that Spring AI never sees a partial tool call. Not
	 * thread-safe: one per stream, used by its serial signals.
	 */
	static final class StreamMapper {

		private @Nullable ChatCompletionAccumulator toolCalls;

		ChatResponse toResponse(ChatCompletionChunk chunk) {
			boolean hasToolCalls = false;
			for (ChunkChoice choice : chunk.choices()) {
				hasToolCalls |= !choice.delta().toolCalls().isEmpty();
			}
			if (hasToolCalls) {
				if (this.toolCalls == null) {
					this.toolCalls = new ChatCompletionAccumulator();
				}
				this.toolCalls.add(chunk);
			}
			List<Generation> generations = new ArrayList<>(Math.max(1, chunk.choices().size()));
			for (ChunkChoice choice : chunk.choices()) {
				List<ToolCall> calls = (choice.finishReason() != null) ? foldedToolCalls(choice.index()) : List.of();
				generations.add(generation(chunk.id(), choice.index(), choice.delta().role(), choice.delta().content(),
						choice.delta().reasoningContent(), calls, choice.finishReason(), choice.finishReasonValue()));
			}
			if (generations.isEmpty()) {
				// a chunk of usage alone: an empty generation keeps getResult() usable
				generations.add(generation(chunk.id(), 0, null, "", null, List.of(), null, null));
			}
			return new ChatResponse(generations, metadata(chunk.id(), chunk.model(), null, chunk.usage()));
		}

		private List<ToolCall> foldedToolCalls(int index) {
			if (this.toolCalls == null) {
				return List.of();
			}
			for (Choice choice : this.toolCalls.toCompletion().choices()) {
				if (choice.index() == index) {
					return choice.message().toolCalls();
				}
			}
			return List.of();
		}

	}

}
