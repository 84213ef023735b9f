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
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * An immutable request to {@code POST /chat/completions}. Build one with
 * {@link #builder()}, derive variants with {@link #mutate()}.
 * <p>
 * Unset fields are not sent. An unset {@code model} ({@code null}, its only spelling) and
 * other unset options take the client's configured defaults ({@code zai.chat.*}).
 * <p>
 * Fields the API adds later can be sent with {@link Builder#extraBody(String, Object)};
 * they are written at the top level of the JSON body. Inside the body, the typed objects
 * take fields of their own the same way: {@link ChatMessage#withExtra(String, Object)},
 * {@link ContentPart#withExtra(String, Object)}, {@link Tool#withExtra(String, Object)},
 * {@link FunctionDefinition#withExtra(String, Object)}, {@link WebSearch.Builder#extra}
 * and {@link Mcp.Builder#extra}. Extra HTTP headers for this request alone are set with
 * {@link Builder#header(String, String)}; they are not part of the body.
 *
 * @author zai-spring-boot
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "model", "messages", "do_sample", "stream", "thinking", "temperature", "top_p", "max_tokens",
		"tools", "tool_choice", "tool_stream", "stop", "response_format", "request_id", "user_id", "reasoning_effort" })
public final class ChatRequest {

	/**
	 * The JSON names of the typed fields, mapped to the builder method that sets each.
	 */
	private static final Map<String, String> TYPED_FIELDS = Map.ofEntries(Map.entry("model", "model(..)"),
			Map.entry("messages", "message(..) or messages(..)"), Map.entry("do_sample", "doSample(..)"),
			Map.entry("stream", "ZaiChatOperations.stream(..)"), Map.entry("thinking", "thinking(..)"),
			Map.entry("temperature", "temperature(..)"), Map.entry("top_p", "topP(..)"),
			Map.entry("max_tokens", "maxTokens(..)"), Map.entry("tools", "tool(..) or tools(..)"),
			Map.entry("tool_choice", "toolChoice(..)"), Map.entry("tool_stream", "toolStream(..)"),
			Map.entry("stop", "stop(..)"), Map.entry("response_format", "responseFormat(..)"),
			Map.entry("request_id", "requestId(..)"), Map.entry("user_id", "userId(..)"),
			Map.entry("reasoning_effort", "reasoningEffort(..)"));

	/**
	 * Headers the client sets itself; a request must not override them.
	 */
	private static final Set<String> RESERVED_HEADERS = Set.of("authorization", "content-type");

	private static final int MAX_STOP_WORDS = 4;

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
		this.extraBody = Collections.unmodifiableMap(new LinkedHashMap<>(builder.extraBody));
		this.headers = builder.headers.isEmpty() ? Map.of()
				: Collections.unmodifiableMap(new LinkedHashMap<>(builder.headers));
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
		if (this == obj) {
			return true;
		}
		return (obj instanceof ChatRequest other) && Objects.equals(this.model, other.model)
				&& this.messages.equals(other.messages) && Objects.equals(this.doSample, other.doSample)
				&& Objects.equals(this.stream, other.stream) && Objects.equals(this.thinking, other.thinking)
				&& Objects.equals(this.temperature, other.temperature) && Objects.equals(this.topP, other.topP)
				&& Objects.equals(this.maxTokens, other.maxTokens) && this.tools.equals(other.tools)
				&& Objects.equals(this.toolChoice, other.toolChoice)
				&& Objects.equals(this.toolStream, other.toolStream) && this.stop.equals(other.stop)
				&& Objects.equals(this.responseFormat, other.responseFormat)
				&& Objects.equals(this.requestId, other.requestId) && Objects.equals(this.userId, other.userId)
				&& this.reasoningEffort == other.reasoningEffort && this.extraBody.equals(other.extraBody)
				&& this.headers.equals(other.headers) && Objects.equals(this.responseTimeout, other.responseTimeout)
				&& Objects.equals(this.firstChunkTimeout, other.firstChunkTimeout)
				&& Objects.equals(this.streamIdleTimeout, other.streamIdleTimeout);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.model, this.messages, this.doSample, this.stream, this.thinking, this.temperature,
				this.topP, this.maxTokens, this.tools, this.toolChoice, this.toolStream, this.stop, this.responseFormat,
				this.requestId, this.userId, this.reasoningEffort, this.extraBody, this.headers, this.responseTimeout,
				this.firstChunkTimeout, this.streamIdleTimeout);
	}

	/**
	 * Return a concise description: the model, the number of messages and the options
	 * that are set, without message content, and the names of extra headers without their
	 * values (they may carry credentials).
	 * @return the description
	 */
	@Override
	public String toString() {
		List<String> fields = new ArrayList<>();
		fields.add("model=" + this.model);
		fields.add("messages=" + this.messages.size());
		addIfSet(fields, "doSample", this.doSample);
		addIfSet(fields, "stream", this.stream);
		addIfSet(fields, "thinking", (this.thinking != null) ? this.thinking.type().value() : null);
		addIfSet(fields, "temperature", this.temperature);
		addIfSet(fields, "topP", this.topP);
		addIfSet(fields, "maxTokens", this.maxTokens);
		addIfSet(fields, "tools", this.tools.isEmpty() ? null : this.tools.stream().map(Tool::type).toList());
		addIfSet(fields, "toolChoice", this.toolChoice);
		addIfSet(fields, "toolStream", this.toolStream);
		addIfSet(fields, "stop", this.stop.isEmpty() ? null : this.stop.size());
		addIfSet(fields, "responseFormat", (this.responseFormat != null) ? this.responseFormat.type() : null);
		addIfSet(fields, "requestId", this.requestId);
		addIfSet(fields, "reasoningEffort", (this.reasoningEffort != null) ? this.reasoningEffort.value() : null);
		addIfSet(fields, "extraBody", this.extraBody.isEmpty() ? null : this.extraBody.keySet());
		addIfSet(fields, "headers", this.headers.isEmpty() ? null : this.headers.keySet());
		return "ChatRequest{" + String.join(", ", fields) + "}";
	}

	private static void addIfSet(List<String> fields, String name, @Nullable Object value) {
		if (value != null) {
			fields.add(name + "=" + value);
		}
	}

	/**
	 * Builder for {@link ChatRequest}. Not thread-safe.
	 */
	public static final class Builder {

		private @Nullable String model;

		private final List<ChatMessage> messages = new ArrayList<>();

		private @Nullable Boolean doSample;

		private @Nullable Boolean stream;

		private @Nullable Thinking thinking;

		private @Nullable Double temperature;

		private @Nullable Double topP;

		private @Nullable Integer maxTokens;

		private final List<Tool> tools = new ArrayList<>();

		private @Nullable ToolChoice toolChoice;

		private @Nullable Boolean toolStream;

		private final List<String> stop = new ArrayList<>();

		private @Nullable ResponseFormat responseFormat;

		private @Nullable String requestId;

		private @Nullable String userId;

		private @Nullable ReasoningEffort reasoningEffort;

		private final Map<String, Object> extraBody = new LinkedHashMap<>();

		private final Map<String, String> headers = new LinkedHashMap<>();

		private @Nullable Duration responseTimeout;

		private @Nullable Duration firstChunkTimeout;

		private @Nullable Duration streamIdleTimeout;

		private Builder() {
		}

		private Builder(ChatRequest request) {
			this.model = request.model;
			this.messages.addAll(request.messages);
			this.doSample = request.doSample;
			this.stream = request.stream;
			this.thinking = request.thinking;
			this.temperature = request.temperature;
			this.topP = request.topP;
			this.maxTokens = request.maxTokens;
			this.tools.addAll(request.tools);
			this.toolChoice = request.toolChoice;
			this.toolStream = request.toolStream;
			this.stop.addAll(request.stop);
			this.responseFormat = request.responseFormat;
			this.requestId = request.requestId;
			this.userId = request.userId;
			this.reasoningEffort = request.reasoningEffort;
			this.extraBody.putAll(request.extraBody);
			this.headers.putAll(request.headers);
			this.responseTimeout = request.responseTimeout;
			this.firstChunkTimeout = request.firstChunkTimeout;
			this.streamIdleTimeout = request.streamIdleTimeout;
		}

		/**
		 * Set the model id, for example {@code glm-4.6}.
		 * @param model the model id, or {@code null} for the configured default
		 * @return this builder
		 * @throws IllegalArgumentException if the model is empty or blank: an absent
		 * model is {@code null}
		 */
		public Builder model(@Nullable String model) {
			Assert.isTrue(model == null || !model.isBlank(), () -> "model must not be empty; use a model id such as "
					+ "glm-4.6, or null for the configured default (zai.chat.model)");
			this.model = model;
			return this;
		}

		/**
		 * Append a message to the conversation.
		 * @param message the message
		 * @return this builder
		 */
		public Builder message(ChatMessage message) {
			Assert.notNull(message, "message must not be null");
			this.messages.add(message);
			return this;
		}

		/**
		 * Replace the conversation with the given messages.
		 * @param messages the messages
		 * @return this builder
		 */
		public Builder messages(List<ChatMessage> messages) {
			Assert.notNull(messages, "messages must not be null");
			Assert.noNullElements(messages, "messages must not contain null elements");
			this.messages.clear();
			this.messages.addAll(messages);
			return this;
		}

		/**
		 * Append a system message.
		 * @param content the instructions
		 * @return this builder
		 */
		public Builder system(String content) {
			return message(ChatMessage.system(content));
		}

		/**
		 * Append a user message.
		 * @param content the user's text
		 * @return this builder
		 */
		public Builder user(String content) {
			return message(ChatMessage.user(content));
		}

		/**
		 * Set the sampling temperature.
		 * @param temperature a value in [0, 1], or {@code null} for the default
		 * @return this builder
		 * @throws IllegalArgumentException if the value is outside [0, 1]
		 */
		public Builder temperature(@Nullable Double temperature) {
			this.temperature = ModelSupport.checkTemperature("temperature", temperature);
			return this;
		}

		/**
		 * Set the nucleus sampling probability; tune this or the temperature, not both.
		 * @param topP a value in (0, 1], or {@code null} for the default
		 * @return this builder
		 * @throws IllegalArgumentException if the value is outside (0, 1]
		 */
		public Builder topP(@Nullable Double topP) {
			this.topP = ModelSupport.checkTopP("top_p", topP);
			return this;
		}

		/**
		 * Set the maximum number of output tokens.
		 * @param maxTokens at least 1, or {@code null} for the model's default
		 * @return this builder
		 * @throws IllegalArgumentException if the value is below 1
		 */
		public Builder maxTokens(@Nullable Integer maxTokens) {
			this.maxTokens = ModelSupport.checkMaxTokens("maxTokens", maxTokens);
			return this;
		}

		/**
		 * Set whether to sample; {@code false} makes temperature and top_p ineffective.
		 * @param doSample the flag, or {@code null} for the default ({@code true})
		 * @return this builder
		 */
		public Builder doSample(@Nullable Boolean doSample) {
			this.doSample = doSample;
			return this;
		}

		/**
		 * Set the stop words, replacing earlier ones. The API documents one stop word
		 * today; its later schema allows four, the limit checked here.
		 * @param stop the stop words, at most 4
		 * @return this builder
		 */
		public Builder stop(String... stop) {
			Assert.notNull(stop, "stop must not be null");
			return stop(Arrays.asList(stop));
		}

		/**
		 * Set the stop words, replacing earlier ones. The API documents one stop word
		 * today; its later schema allows four, the limit checked here.
		 * @param stop the stop words, at most 4
		 * @return this builder
		 */
		public Builder stop(List<String> stop) {
			Assert.notNull(stop, "stop must not be null");
			Assert.noNullElements(stop, "stop must not contain null elements");
			this.stop.clear();
			this.stop.addAll(stop);
			return this;
		}

		/**
		 * Set the thinking option.
		 * @param thinking the option, for example {@link Thinking#disabled()}, or
		 * {@code null} for the default
		 * @return this builder
		 */
		public Builder thinking(@Nullable Thinking thinking) {
			this.thinking = thinking;
			return this;
		}

		/**
		 * Replace the tools the model may call.
		 * @param tools the tools (the API supports up to 128 functions)
		 * @return this builder
		 */
		public Builder tools(List<Tool> tools) {
			Assert.notNull(tools, "tools must not be null");
			Assert.noNullElements(tools, "tools must not contain null elements");
			this.tools.clear();
			this.tools.addAll(tools);
			return this;
		}

		/**
		 * Append a tool the model may call.
		 * @param tool the tool
		 * @return this builder
		 */
		public Builder tool(Tool tool) {
			Assert.notNull(tool, "tool must not be null");
			this.tools.add(tool);
			return this;
		}

		/**
		 * Set the tool choice in its string form; the API reference documents only
		 * {@code "auto"}.
		 * @param toolChoice the mode, or {@code null} for the default
		 * @return this builder
		 * @throws IllegalArgumentException if the mode is empty
		 * @see ToolChoice#mode(String)
		 */
		public Builder toolChoice(@Nullable String toolChoice) {
			this.toolChoice = (toolChoice != null) ? ToolChoice.mode(toolChoice) : null;
			return this;
		}

		/**
		 * Set the tool choice, in its string or object form, for example
		 * {@link ToolChoice#function(String)} to force a call of one function.
		 * @param toolChoice the tool choice, or {@code null} for the default
		 * @return this builder
		 */
		public Builder toolChoice(@Nullable ToolChoice toolChoice) {
			this.toolChoice = toolChoice;
			return this;
		}

		/**
		 * Set whether tool-call arguments are streamed in pieces (streaming only, GLM-4.6
		 * and later).
		 * @param toolStream the flag, or {@code null} for the default ({@code false})
		 * @return this builder
		 */
		public Builder toolStream(@Nullable Boolean toolStream) {
			this.toolStream = toolStream;
			return this;
		}

		/**
		 * Set the response format.
		 * @param responseFormat the format, for example
		 * {@link ResponseFormat#jsonObject()}
		 * @return this builder
		 */
		public Builder responseFormat(@Nullable ResponseFormat responseFormat) {
			this.responseFormat = responseFormat;
			return this;
		}

		/**
		 * Set the caller's request id; it must be unique (the API rejects a duplicate
		 * with error 1231).
		 * @param requestId 6 to 64 characters, or {@code null} to let the server generate
		 * one
		 * @return this builder
		 */
		public Builder requestId(@Nullable String requestId) {
			this.requestId = requestId;
			return this;
		}

		/**
		 * Set the end user's id; avoid sensitive information.
		 * @param userId 6 to 128 characters, or {@code null}
		 * @return this builder
		 */
		public Builder userId(@Nullable String userId) {
			this.userId = userId;
			return this;
		}

		/**
		 * Set how much the model reasons (GLM-5.2 and later; GLM-4.x models ignore it).
		 * @param reasoningEffort the effort, or {@code null} for the server's default
		 * ({@code max})
		 * @return this builder
		 */
		public Builder reasoningEffort(@Nullable ReasoningEffort reasoningEffort) {
			this.reasoningEffort = reasoningEffort;
			return this;
		}

		/**
		 * Set how much the model reasons from its wire value (GLM-5.2 and later).
		 * @param reasoningEffort one of {@code max}, {@code xhigh}, {@code high},
		 * {@code medium}, {@code low}, {@code minimal} and {@code none}, ignoring case;
		 * or {@code null} for the server's default
		 * @return this builder
		 * @throws IllegalArgumentException if the value is none of these
		 */
		public Builder reasoningEffort(@Nullable String reasoningEffort) {
			this.reasoningEffort = (reasoningEffort != null) ? ReasoningEffort.from(reasoningEffort) : null;
			return this;
		}

		/**
		 * Add an HTTP header sent with this request alone, for example a tracing or
		 * routing header of a gateway in front of Z.AI. Headers are not part of the JSON
		 * body. Setting a header again (in any case) replaces it; a {@code null} value
		 * removes it.
		 * @param name the header name; not {@code Authorization} or {@code Content-Type},
		 * which the client sets itself
		 * @param value the header value, without line breaks
		 * @return this builder
		 * @throws IllegalArgumentException if the name is empty or reserved, or the value
		 * has a line break
		 */
		public Builder header(String name, @Nullable String value) {
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
			return this;
		}

		/**
		 * Add HTTP headers sent with this request alone; see
		 * {@link #header(String, String)}.
		 * @param headers the headers to add
		 * @return this builder
		 */
		public Builder headers(Map<String, String> headers) {
			Assert.notNull(headers, "headers must not be null");
			headers.forEach(this::header);
			return this;
		}

		/**
		 * Set the longest wait for the whole answer when this request is not streamed,
		 * overriding {@code zai.response-timeout}. Not sent to the server.
		 * @param responseTimeout a positive duration, or {@code null} for the configured
		 * one
		 * @return this builder
		 */
		public Builder responseTimeout(@Nullable Duration responseTimeout) {
			this.responseTimeout = ModelSupport.positiveOrNull("responseTimeout", responseTimeout);
			return this;
		}

		/**
		 * Set the longest wait for the first chunk when this request is streamed,
		 * overriding {@code zai.first-chunk-timeout}. Not sent to the server.
		 * @param firstChunkTimeout a positive duration, or {@code null} for the
		 * configured one
		 * @return this builder
		 */
		public Builder firstChunkTimeout(@Nullable Duration firstChunkTimeout) {
			this.firstChunkTimeout = ModelSupport.positiveOrNull("firstChunkTimeout", firstChunkTimeout);
			return this;
		}

		/**
		 * Set the longest silence between two chunks when this request is streamed,
		 * overriding {@code zai.stream-idle-timeout}. Not sent to the server.
		 * @param streamIdleTimeout a positive duration, or {@code null} for the
		 * configured one
		 * @return this builder
		 */
		public Builder streamIdleTimeout(@Nullable Duration streamIdleTimeout) {
			this.streamIdleTimeout = ModelSupport.positiveOrNull("streamIdleTimeout", streamIdleTimeout);
			return this;
		}

		/**
		 * Add a field the typed API does not cover yet; it is written at the top level of
		 * the JSON body. A {@code null} value removes the field.
		 * @param key the JSON field name; must not be one of the typed fields
		 * @param value the value, anything the JSON codec can write
		 * @return this builder
		 * @throws IllegalArgumentException if the key names a typed field
		 */
		public Builder extraBody(String key, @Nullable Object value) {
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
			return this;
		}

		/**
		 * Add fields the typed API does not cover yet; see
		 * {@link #extraBody(String, Object)}.
		 * @param extraBody the fields to add
		 * @return this builder
		 */
		public Builder extraBody(Map<String, ?> extraBody) {
			Assert.notNull(extraBody, "extraBody must not be null");
			extraBody.forEach(this::extraBody);
			return this;
		}

		/**
		 * Build the request.
		 * @return the request
		 * @throws IllegalArgumentException if there is no message, only system and
		 * assistant messages, or an option is out of its valid range
		 */
		public ChatRequest build() {
			Assert.notEmpty(this.messages, "messages must not be empty; add one with user(..) or message(..)");
			Assert.isTrue(this.messages.stream().anyMatch((m) -> m.role() == Role.USER || m.role() == Role.TOOL),
					"messages must contain a user or tool message; the API rejects system and assistant messages only");
			Assert.isTrue(this.stop.size() <= MAX_STOP_WORDS,
					() -> "stop must have at most " + MAX_STOP_WORDS + " words, but has " + this.stop.size());
			Assert.isTrue(this.requestId == null || (this.requestId.length() >= 6 && this.requestId.length() <= 64),
					() -> "requestId must be 6 to 64 characters long, but has " + length(this.requestId));
			Assert.isTrue(this.userId == null || (this.userId.length() >= 6 && this.userId.length() <= 128),
					() -> "userId must be 6 to 128 characters long, but has " + length(this.userId));
			return new ChatRequest(this, this.stream);
		}

		private static int length(@Nullable String value) {
			return (value != null) ? value.length() : 0;
		}

	}

}
