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
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * An immutable request to {@code POST /chat/completions}. Build one with
 * {@link #builder()}, derive variants with {@link #mutate()}.
 * <p>
 * Unset fields are not sent. An unset {@code model} ({@code null}, its only spelling) and
 * other unset options take the client's configured defaults ({@code zai.chat.*}).
 * <p>
 * Fields the API adds later go in {@link Builder#extraBody(String, Object)} (top level)
 * or the {@code withExtra(..)} of the typed objects inside the body; extra HTTP headers
 * of this request alone in {@link Builder#header(String, String)}.
 *
 * @author zai-spring-boot
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "model", "messages", "do_sample", "stream", "thinking", "temperature", "top_p", "max_tokens",
		"tools", "tool_choice", "tool_stream", "stop", "response_format", "request_id", "user_id", "reasoning_effort" })
public final class ChatRequest {

	private final @Nullable String model;

	private final List<ChatMessage> messages;

	private final @Nullable Boolean doSample;

	private final @Nullable Boolean stream;

	private final @Nullable Thinking thinking;

	private final @Nullable Double temperature;

	private final @Nullable Double topP;

	private final @Nullable Integer maxTokens;

	private final List<Tool> tools;

	private final @Nullable ToolChoice toolChoice;

	private final @Nullable Boolean toolStream;

	private final List<String> stop;

	private final @Nullable ResponseFormat responseFormat;

	private final @Nullable String requestId;

	private final @Nullable String userId;

	private final @Nullable ReasoningEffort reasoningEffort;

	private final Map<String, Object> extraBody;

	private final Map<String, String> headers;

	private final @Nullable Duration responseTimeout;

	private final @Nullable Duration firstChunkTimeout;

	private final @Nullable Duration streamIdleTimeout;

	private ChatRequest(Builder builder, @Nullable Boolean stream) {
		this.model = builder.model;
		this.messages = List.copyOf(builder.messages);
		this.doSample = builder.doSample;
		this.stream = stream;
		this.thinking = builder.thinking;
		this.temperature = builder.temperature;
		this.topP = builder.topP;
		this.maxTokens = builder.maxTokens;
		this.tools = List.copyOf(builder.tools);
		this.toolChoice = builder.toolChoice;
		this.toolStream = builder.toolStream;
		this.stop = List.copyOf(builder.stop);
		this.responseFormat = builder.responseFormat;
		this.requestId = builder.requestId;
		this.userId = builder.userId;
		this.reasoningEffort = builder.reasoningEffort;
		this.extraBody = ModelSupport.copy(builder.extraBody);
		this.headers = ModelSupport.copy(builder.headers);
		this.responseTimeout = builder.responseTimeout;
		this.firstChunkTimeout = builder.firstChunkTimeout;
		this.streamIdleTimeout = builder.streamIdleTimeout;
	}

	/**
	 * Return a new, empty builder.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return a builder prefilled with the fields of this request, to derive a variant.
	 * @return the builder
	 */
	public Builder mutate() {
		return new Builder(this);
	}

	/**
	 * Return a copy of this request with the wire {@code stream} flag set. Used by the
	 * client ({@code ZaiChatOperations.stream(..)} sets it to {@code true},
	 * {@code ZaiChatOperations.chat(..)} to {@code false}); users do not need it.
	 * @param stream whether the server answers with an SSE stream
	 * @return this request if the flag already has that value, otherwise a copy
	 */
	public ChatRequest withStream(boolean stream) {
		if (this.stream != null && this.stream == stream) {
			return this;
		}
		return new ChatRequest(new Builder(this), stream);
	}

	/**
	 * Return the model id.
	 * @return the model id, or {@code null} to use the configured default
	 */
	@JsonProperty("model")
	public @Nullable String model() {
		return this.model;
	}

	/**
	 * Return the conversation.
	 * @return the messages, never empty, unmodifiable
	 */
	@JsonProperty("messages")
	public List<ChatMessage> messages() {
		return this.messages;
	}

	/**
	 * Return whether sampling is enabled ({@code false} makes temperature and top_p
	 * ineffective).
	 * @return the flag, or {@code null} if not set
	 */
	@JsonProperty("do_sample")
	public @Nullable Boolean doSample() {
		return this.doSample;
	}

	/**
	 * Return the wire {@code stream} flag, set by the client.
	 * @return the flag, or {@code null} if not set
	 * @see #withStream(boolean)
	 */
	@JsonProperty("stream")
	public @Nullable Boolean stream() {
		return this.stream;
	}

	/**
	 * Return the thinking option.
	 * @return the option, or {@code null} if not set
	 */
	@JsonProperty("thinking")
	public @Nullable Thinking thinking() {
		return this.thinking;
	}

	/**
	 * Return the sampling temperature.
	 * @return the temperature in [0, 1], or {@code null} if not set
	 */
	@JsonProperty("temperature")
	public @Nullable Double temperature() {
		return this.temperature;
	}

	/**
	 * Return the nucleus sampling probability.
	 * @return top_p in (0, 1], or {@code null} if not set
	 */
	@JsonProperty("top_p")
	public @Nullable Double topP() {
		return this.topP;
	}

	/**
	 * Return the maximum number of output tokens.
	 * @return the limit, or {@code null} if not set
	 */
	@JsonProperty("max_tokens")
	public @Nullable Integer maxTokens() {
		return this.maxTokens;
	}

	/**
	 * Return the tools the model may call.
	 * @return the tools, empty (and not sent) if none, unmodifiable
	 */
	@JsonProperty("tools")
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public List<Tool> tools() {
		return this.tools;
	}

	/**
	 * Return the tool choice: a mode such as {@code "auto"} (the only one the API
	 * reference documents) or an object that forces a function.
	 * @return the tool choice, or {@code null} if not set
	 */
	@JsonProperty("tool_choice")
	public @Nullable ToolChoice toolChoice() {
		return this.toolChoice;
	}

	/**
	 * Return whether tool-call arguments are streamed in pieces (requires streaming).
	 * @return the flag, or {@code null} if not set
	 */
	@JsonProperty("tool_stream")
	public @Nullable Boolean toolStream() {
		return this.toolStream;
	}

	/**
	 * Return the stop words.
	 * @return the stop words, empty (and not sent) if none, unmodifiable
	 */
	@JsonProperty("stop")
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public List<String> stop() {
		return this.stop;
	}

	/**
	 * Return the response format.
	 * @return the format, or {@code null} if not set
	 */
	@JsonProperty("response_format")
	public @Nullable ResponseFormat responseFormat() {
		return this.responseFormat;
	}

	/**
	 * Return the caller's request id.
	 * @return the request id, or {@code null} to let the server generate one
	 */
	@JsonProperty("request_id")
	public @Nullable String requestId() {
		return this.requestId;
	}

	/**
	 * Return the end user's id.
	 * @return the user id, or {@code null} if not set
	 */
	@JsonProperty("user_id")
	public @Nullable String userId() {
		return this.userId;
	}

	/**
	 * Return how much the model reasons (GLM-5.2 and later).
	 * @return the effort, or {@code null} if not set
	 */
	@JsonProperty("reasoning_effort")
	public @Nullable ReasoningEffort reasoningEffort() {
		return this.reasoningEffort;
	}

	/**
	 * Return the extra fields written at the top level of the JSON body.
	 * @return the extra fields, never {@code null}, unmodifiable
	 */
	@JsonAnyGetter
	public Map<String, Object> extraBody() {
		return this.extraBody;
	}

	/**
	 * Return the extra HTTP headers of this request. Not part of the JSON body.
	 * @return the headers by name, in the order set, never {@code null}, unmodifiable
	 */
	@JsonIgnore
	public Map<String, String> headers() {
		return this.headers;
	}

	/**
	 * Return the longest wait for the whole answer of this request when it is not
	 * streamed, overriding {@code zai.response-timeout}. Not sent to the server.
	 * @return the timeout, or {@code null} for the configured one
	 */
	@JsonIgnore
	public @Nullable Duration responseTimeout() {
		return this.responseTimeout;
	}

	/**
	 * Return the longest wait for the first chunk when this request is streamed,
	 * overriding {@code zai.first-chunk-timeout}. Not sent to the server.
	 * @return the timeout, or {@code null} for the configured one
	 */
	@JsonIgnore
	public @Nullable Duration firstChunkTimeout() {
		return this.firstChunkTimeout;
	}

	/**
	 * Return the longest silence between two chunks when this request is streamed,
	 * overriding {@code zai.stream-idle-timeout}. Not sent to the server.
	 * @return the timeout, or {@code null} for the configured one
	 */
	@JsonIgnore
	public @Nullable Duration streamIdleTimeout() {
		return this.streamIdleTimeout;
	}

	@Override
	public boolean equals(@Nullable Object obj) {
		return (this == obj) || (obj instanceof ChatRequest other && Arrays.equals(components(), other.components()));
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(components());
	}

	/**
	 * Every field, for {@link #equals(Object)} and {@link #hashCode()}, which thereby
	 * always agree.
	 */
	private Object[] components() {
		return new Object[] { this.model, this.messages, this.doSample, this.stream, this.thinking, this.temperature,
				this.topP, this.maxTokens, this.tools, this.toolChoice, this.toolStream, this.stop, this.responseFormat,
				this.requestId, this.userId, this.reasoningEffort, this.extraBody, this.headers, this.responseTimeout,
				this.firstChunkTimeout, this.streamIdleTimeout };
	}

	/**
	 * Return a concise description: the model, the number of messages and the options
	 * that are set, without message content, and the names of extra headers without their
	 * values (they may carry credentials).
	 * @return the description
	 */
	@Override
	public String toString() {
		return ModelSupport.describe(this);
	}

	/**
	 * Builder for {@link ChatRequest}. Not thread-safe.
	 */
	public static final class Builder extends ChatRequestOptionsSupport {

		private Builder() {
		}

		private Builder(ChatRequest request) {
			super(request);
		}

		/**
		 * Build the request.
		 * @return the request
		 * @throws IllegalArgumentException if there is no message, only system and
		 * assistant messages, or an option is out of its valid range
		 */
		public ChatRequest build() {
			validate();
			return new ChatRequest(this, this.stream);
		}

	}

}
