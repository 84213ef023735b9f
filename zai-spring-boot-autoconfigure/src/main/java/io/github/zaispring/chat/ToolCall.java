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

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * A tool call: in a response, a call the model asks for; in a request, the same call sent
 * back as part of an assistant message in the history. In a stream, each
 * {@link ChatCompletionChunk} carries fragments of calls that are merged by
 * {@link #index()} ({@link ChatCompletion#fromChunks(java.util.List)} does that).
 *
 * @param id the call id, to be answered by {@link ChatMessage#tool(String, String)};
 * {@code null} in later stream fragments
 * @param type the tool type, {@code "function"} for function calls; {@code null} in later
 * stream fragments
 * @param index the position of the call among parallel calls; sent by the server, never
 * needed in requests
 * @param function the function and its arguments; {@code null} for non-function tools
 * @author zai-spring-boot
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ToolCall(@Nullable String id, @Nullable String type, @Nullable Integer index,
		@Nullable FunctionCall function) {

	/**
	 * Return a function call, for example to rebuild conversation history.
	 * @param id the call id
	 * @param name the function name
	 * @param argumentsJson the arguments as JSON text, for example
	 * {@code {"location":"Florence,Italy"}}
	 * @return a tool call of type {@code function}
	 */
	public static ToolCall function(String id, String name, String argumentsJson) {
		Assert.hasText(id, "id must not be empty; use the id of the tool call the model returned");
		Assert.hasText(name, "name must not be empty; use the function name the model called");
		Assert.notNull(argumentsJson, "argumentsJson must not be null; use \"{}\" for no arguments");
		return new ToolCall(id, "function", null, new FunctionCall(name, argumentsJson));
	}

	/**
	 * Return a copy of this call without its {@link #index()}, the form used in requests.
	 * @return this call if it has no index, otherwise a copy without it
	 */
	public ToolCall withoutIndex() {
		return (this.index != null) ? new ToolCall(this.id, this.type, null, this.function) : this;
	}

}
