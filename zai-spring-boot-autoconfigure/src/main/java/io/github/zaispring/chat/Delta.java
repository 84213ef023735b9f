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

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The increment of a {@link ChunkChoice}: the text, reasoning and tool-call fragments one
 * stream chunk adds.
 *
 * @param role the role, {@code "assistant"} (absent on tool-call deltas)
 * @param content the text fragment; {@code null} when the chunk carries none
 * @param reasoningContent the reasoning; {@code null} when there is none
 * @param toolCalls the tool calls, never {@code null}
 * @author zai-spring-boot
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Delta(@Nullable String role, @Nullable String content,
		@JsonProperty("reasoning_content") @Nullable String reasoningContent,
		@JsonProperty("tool_calls") List<ToolCall> toolCalls) {

	static final Delta EMPTY = new Delta(null, null, null, null);

	/**
	 * Create a new instance; a {@code null} tool call list becomes empty.
	 * @param role the role
	 * @param content the text
	 * @param reasoningContent the reasoning
	 * @param toolCalls the tool calls
	 */
	public Delta(@Nullable String role, @Nullable String content, @Nullable String reasoningContent,
			@Nullable List<ToolCall> toolCalls) {
		this.role = role;
		this.content = content;
		this.reasoningContent = reasoningContent;
		this.toolCalls = ModelSupport.copy(toolCalls);
	}

	/**
	 * Create an instance from its wire form, where {@code content} is usually a string
	 * but may be an array of parts, whose texts are then concatenated.
	 * @param role the role
	 * @param content a string or an array of parts
	 * @param reasoningContent the reasoning
	 * @param toolCalls the tool calls
	 * @return the instance
	 */
	@JsonCreator
	public static Delta of(@JsonProperty("role") @Nullable String role,
			@JsonProperty("content") @Nullable Object content,
			@JsonProperty("reasoning_content") @Nullable String reasoningContent,
			@JsonProperty("tool_calls") @Nullable List<ToolCall> toolCalls) {
		return new Delta(role, ModelSupport.text(content), reasoningContent, toolCalls);
	}

}
