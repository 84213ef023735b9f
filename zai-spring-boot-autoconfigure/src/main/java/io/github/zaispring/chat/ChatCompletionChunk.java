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

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * One event of a streamed completion. Fold a whole stream into one {@link ChatCompletion}
 * with {@link ChatCompletion#fromChunks(List)}.
 *
 * @param id the task id, the same in every chunk of a stream
 * @param created the creation time, Unix seconds
 * @param model the model that answered
 * @param choices the increments, never {@code null}
 * @param usage the token usage; only the last chunk carries it
 * @param webSearch the web search results this chunk carries (sent when the
 * {@code web_search} tool runs with {@code search_result} enabled), never {@code null}
 * @author zai-spring-boot
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = CompletionDeserializers.Chunk.class)
public record ChatCompletionChunk(@Nullable String id, @Nullable Long created, @Nullable String model,
		List<ChunkChoice> choices, @Nullable Usage usage,
		@JsonProperty("web_search") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<WebSearchResult> webSearch) {

	/**
	 * Create a new instance; {@code null} lists become empty.
	 * @param id the task id
	 * @param created the creation time
	 * @param model the model
	 * @param choices the increments
	 * @param usage the token usage
	 * @param webSearch the web search results
	 */
	public ChatCompletionChunk(@Nullable String id, @Nullable Long created, @Nullable String model,
			@Nullable List<ChunkChoice> choices, @Nullable Usage usage, @Nullable List<WebSearchResult> webSearch) {
		this.id = id;
		this.created = created;
		this.model = model;
		this.choices = ModelSupport.copy(choices);
		this.usage = usage;
		this.webSearch = ModelSupport.copy(webSearch);
	}

	/**
	 * Create a new instance without web search results; a {@code null} choice list
	 * becomes empty.
	 * @param id the task id
	 * @param created the creation time
	 * @param model the model
	 * @param choices the increments
	 * @param usage the token usage
	 */
	public ChatCompletionChunk(@Nullable String id, @Nullable Long created, @Nullable String model,
			@Nullable List<ChunkChoice> choices, @Nullable Usage usage) {
		this(id, created, model, choices, usage, null);
	}

	/**
	 * Return the text fragment of the first choice.
	 * @return the fragment, {@code ""} when this chunk carries none; never {@code null}
	 */
	public String content() {
		String content = firstDelta().content();
		return (content != null) ? content : "";
	}

	/**
	 * Return the reasoning fragment of the first choice.
	 * @return the fragment, {@code ""} when this chunk carries none; never {@code null}
	 */
	public String reasoningContent() {
		String reasoning = firstDelta().reasoningContent();
		return (reasoning != null) ? reasoning : "";
	}

	/**
	 * Return the tool-call fragments of the first choice. With {@code tool_stream} a call
	 * arrives in several fragments that share an {@link ToolCall#index() index}.
	 * @return the fragments, never {@code null}
	 */
	public List<ToolCall> toolCalls() {
		return firstDelta().toolCalls();
	}

	/**
	 * Return the finish reason of the first choice.
	 * @return the finish reason, {@code null} before the last chunk
	 */
	public @Nullable FinishReason finishReason() {
		return this.choices.isEmpty() ? null : this.choices.get(0).finishReason();
	}

	/**
	 * Return the finish reason of the first choice as the server sent it, also when
	 * {@link #finishReason()} is {@link FinishReason#UNKNOWN}.
	 * @return the wire value, for example {@code "stop"}; {@code null} before the last
	 * chunk
	 */
	public @Nullable String finishReasonValue() {
		return this.choices.isEmpty() ? null : this.choices.get(0).finishReasonValue();
	}

	private Delta firstDelta() {
		return this.choices.isEmpty() ? Delta.EMPTY : this.choices.get(0).delta();
	}

}
