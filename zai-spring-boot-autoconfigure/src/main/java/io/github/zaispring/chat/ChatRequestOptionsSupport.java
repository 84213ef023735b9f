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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * The tool, format, identity, header, timeout and extra-field setters of
 * {@link ChatRequest.Builder}, kept apart so that each file stays short; users only see
 * {@code ChatRequest.Builder}.
 *
 * @author zai-spring-boot contributors
 */
abstract class ChatRequestOptionsSupport extends ChatRequestBuilderSupport {

	ChatRequestOptionsSupport() {
	}

	ChatRequestOptionsSupport(ChatRequest request) {
		super(request);
	}

	/**
	 * Replace the tools the model may call.
	 * @param tools the tools (the API supports up to 128 functions)
	 * @return this builder
	 */
	public ChatRequest.Builder tools(List<Tool> tools) {
		Assert.notNull(tools, "tools must not be null");
		Assert.noNullElements(tools, "tools must not contain null elements");
		this.tools.clear();
		this.tools.addAll(tools);
		return self();
	}

	/**
	 * Append a tool the model may call.
	 * @param tool the tool
	 * @return this builder
	 */
	public ChatRequest.Builder tool(Tool tool) {
		Assert.notNull(tool, "tool must not be null");
		this.tools.add(tool);
		return self();
	}

	/**
	 * Set the tool choice in its string form; the API reference documents only
	 * {@code "auto"}.
	 * @param toolChoice the mode, or {@code null} for the default
	 * @return this builder
	 * @throws IllegalArgumentException if the mode is empty
	 * @see ToolChoice#mode(String)
	 */
	public ChatRequest.Builder toolChoice(@Nullable String toolChoice) {
		this.toolChoice = (toolChoice != null) ? ToolChoice.mode(toolChoice) : null;
		return self();
	}

	/**
	 * Set the tool choice, in its string or object form, for example
	 * {@link ToolChoice#function(String)} to force a call of one function.
	 * @param toolChoice the tool choice, or {@code null} for the default
	 * @return this builder
	 */
	public ChatRequest.Builder toolChoice(@Nullable ToolChoice toolChoice) {
		this.toolChoice = toolChoice;
		return self();
	}

	/**
	 * Set whether tool-call arguments are streamed in pieces (streaming only, GLM-4.6 and
	 * later).
	 * @param toolStream the flag, or {@code null} for the default ({@code false})
	 * @return this builder
	 */
	public ChatRequest.Builder toolStream(@Nullable Boolean toolStream) {
		this.toolStream = toolStream;
		return self();
	}

	/**
	 * Set the response format.
	 * @param responseFormat the format, for example {@link ResponseFormat#jsonObject()}
	 * @return this builder
	 */
	public ChatRequest.Builder responseFormat(@Nullable ResponseFormat responseFormat) {
		this.responseFormat = responseFormat;
		return self();
	}

	/**
	 * Set the caller's request id; it must be unique (the API rejects a duplicate with
	 * error 1231).
	 * @param requestId 6 to 64 characters, or {@code null} to let the server generate one
	 * @return this builder
	 */
	public ChatRequest.Builder requestId(@Nullable String requestId) {
		this.requestId = requestId;
		return self();
	}

	/**
	 * Set the end user's id; avoid sensitive information.
	 * @param userId 6 to 128 characters, or {@code null}
	 * @return this builder
	 */
	public ChatRequest.Builder userId(@Nullable String userId) {
		this.userId = userId;
		return self();
	}

	/**
	 * Set how much the model reasons (GLM-5.2 and later; GLM-4.x models ignore it).
	 * @param reasoningEffort the effort, or {@code null} for the server's default
	 * ({@code max})
	 * @return this builder
	 */
	public ChatRequest.Builder reasoningEffort(@Nullable ReasoningEffort reasoningEffort) {
		this.reasoningEffort = reasoningEffort;
		return self();
	}

	/**
	 * Set how much the model reasons from its wire value (GLM-5.2 and later).
	 * @param reasoningEffort one of {@code max}, {@code xhigh}, {@code high},
	 * {@code medium}, {@code low}, {@code minimal} and {@code none}, ignoring case; or
	 * {@code null} for the server's default
	 * @return this builder
	 * @throws IllegalArgumentException if the value is none of these
	 */
	public ChatRequest.Builder reasoningEffort(@Nullable String reasoningEffort) {
		this.reasoningEffort = (reasoningEffort != null) ? ReasoningEffort.from(reasoningEffort) : null;
		return self();
	}

	/**
	 * Add an HTTP header sent with this request alone, for example a tracing or routing
	 * header of a gateway in front of Z.AI. Headers are not part of the JSON body.
	 * Setting a header again (in any case) replaces it; a {@code null} value removes it.
	 * @param name the header name; not {@code Authorization} or {@code Content-Type},
	 * which the client sets itself
	 * @param value the header value, without line breaks
	 * @return this builder
	 * @throws IllegalArgumentException if the name is empty or reserved, or the value has
	 * a line break
	 */
	public ChatRequest.Builder header(String name, @Nullable String value) {
		Assert.hasText(name, "header name must not be empty");
		Assert.isTrue(!RESERVED_HEADERS.contains(name.strip().toLowerCase(Locale.ROOT)),
				() -> "header '" + name
						+ "' cannot be set per request: the client sets Authorization (from zai.api-key) and "
						+ "Content-Type itself");
		this.headers.keySet().removeIf(name::equalsIgnoreCase);
		if (value != null) {
			Assert.isTrue(value.indexOf('\r') < 0 && value.indexOf('\n') < 0,
					() -> "value of header '" + name + "' must not contain a line break");
			this.headers.put(name, value);
		}
		return self();
	}

	/**
	 * Add HTTP headers sent with this request alone; see {@link #header(String, String)}.
	 * @param headers the headers to add
	 * @return this builder
	 */
	public ChatRequest.Builder headers(Map<String, String> headers) {
		Assert.notNull(headers, "headers must not be null");
		headers.forEach(this::header);
		return self();
	}

	/**
	 * Set the longest wait for the whole answer when this request is not streamed,
	 * overriding {@code zai.response-timeout}. Not sent to the server.
	 * @param responseTimeout a positive duration, or {@code null} for the configured one
	 * @return this builder
	 */
	public ChatRequest.Builder responseTimeout(@Nullable Duration responseTimeout) {
		this.responseTimeout = ModelSupport.positiveOrNull("responseTimeout", responseTimeout);
		return self();
	}

	/**
	 * Set the longest wait for the first chunk when this request is streamed, overriding
	 * {@code zai.first-chunk-timeout}. Not sent to the server.
	 * @param firstChunkTimeout a positive duration, or {@code null} for the configured
	 * one
	 * @return this builder
	 */
	public ChatRequest.Builder firstChunkTimeout(@Nullable Duration firstChunkTimeout) {
		this.firstChunkTimeout = ModelSupport.positiveOrNull("firstChunkTimeout", firstChunkTimeout);
		return self();
	}

	/**
	 * Set the longest silence between two chunks when this request is streamed,
	 * overriding {@code zai.stream-idle-timeout}. Not sent to the server.
	 * @param streamIdleTimeout a positive duration, or {@code null} for the configured
	 * one
	 * @return this builder
	 */
	public ChatRequest.Builder streamIdleTimeout(@Nullable Duration streamIdleTimeout) {
		this.streamIdleTimeout = ModelSupport.positiveOrNull("streamIdleTimeout", streamIdleTimeout);
		return self();
	}

	/**
	 * Add a field the typed API does not cover yet; it is written at the top level of the
	 * JSON body. A {@code null} value removes the field.
	 * @param key the JSON field name; must not be one of the typed fields
	 * @param value the value, anything the JSON codec can write
	 * @return this builder
	 * @throws IllegalArgumentException if the key names a typed field
	 */
	public ChatRequest.Builder extraBody(String key, @Nullable Object value) {
		Assert.hasText(key, "extraBody key must not be empty");
		String setter = TYPED_FIELDS.get(key);
		Assert.isTrue(setter == null,
				() -> "extraBody key '" + key + "' is a typed field of ChatRequest; use " + setter + " instead");
		if (value != null) {
			this.extraBody.put(key, value);
		}
		else {
			this.extraBody.remove(key);
		}
		return self();
	}

	/**
	 * Add fields the typed API does not cover yet; see
	 * {@link #extraBody(String, Object)}.
	 * @param extraBody the fields to add
	 * @return this builder
	 */
	public ChatRequest.Builder extraBody(Map<String, ?> extraBody) {
		Assert.notNull(extraBody, "extraBody must not be null");
		extraBody.forEach(this::extraBody);
		return self();
	}

}
