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

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.zaispring.chat.ReasoningEffort;
import io.github.zaispring.chat.ResponseFormat;
import io.github.zaispring.chat.Retrieval;
import io.github.zaispring.chat.Thinking;
import io.github.zaispring.chat.ToolChoice;
import io.github.zaispring.chat.WebSearch;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.model.tool.DefaultToolCallingChatOptions;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.util.Assert;

/**
 * Options of a {@link ZaiChatModel} call: Spring AI's portable chat options, its tool
 * callbacks, and Z.AI's own options (thinking, {@code do_sample}, {@code tool_stream},
 * the {@code web_search} and {@code retrieval} tools, response format, request id, user
 * id and extra body fields). Immutable; derive a variant with {@link #mutate()}.
 * <p>
 * Options that are not set take the defaults of the model, which come from
 * {@code zai.chat.*}. Options given per call (for example with
 * {@code ChatClient.prompt().options(ZaiChatOptions.builder().temperature(0.2))})
 * override the defaults for that call only. Z.AI has no frequency penalty, presence
 * penalty or top-k: when set they are kept here, but never sent. <pre class="code">
 * ZaiChatOptions options = ZaiChatOptions.builder()
 *     .model("glm-4.6")
 *     .temperature(0.3)
 *     .thinking(Thinking.disabled())
 *     .build();
 * </pre>
 *
 * @author zai-spring-boot contributors
 */
public class ZaiChatOptions implements ToolCallingChatOptions {

	private final @Nullable String model;

	private final @Nullable Double frequencyPenalty;

	private final @Nullable Integer maxTokens;

	private final @Nullable Double presencePenalty;

	private final @Nullable List<String> stopSequences;

	private final @Nullable Double temperature;

	private final @Nullable Integer topK;

	private final @Nullable Double topP;

	private final @Nullable List<ToolCallback> toolCallbacks;

	private final @Nullable Map<String, Object> toolContext;

	private final @Nullable Thinking thinking;

	private final @Nullable Boolean doSample;

	private final @Nullable Boolean toolStream;

	private final @Nullable WebSearch webSearch;

	private final @Nullable Retrieval retrieval;

	private final @Nullable ToolChoice toolChoice;

	private final @Nullable ResponseFormat responseFormat;

	private final @Nullable ReasoningEffort reasoningEffort;

	private final @Nullable String requestId;

	private final @Nullable String userId;

	private final Map<String, Object> extraBody;

	ZaiChatOptions(Builder builder, Portable portable) {
		this.model = portable.model();
		this.frequencyPenalty = portable.frequencyPenalty();
		this.maxTokens = portable.maxTokens();
		this.presencePenalty = portable.presencePenalty();
		this.stopSequences = (portable.stopSequences() != null) ? List.copyOf(portable.stopSequences()) : null;
		this.temperature = portable.temperature();
		this.topK = portable.topK();
		this.topP = portable.topP();
		this.toolCallbacks = (portable.toolCallbacks() != null) ? List.copyOf(portable.toolCallbacks()) : null;
		this.toolContext = (portable.toolContext() != null) ? Map.copyOf(portable.toolContext()) : null;
		this.thinking = builder.thinking;
		this.doSample = builder.doSample;
		this.toolStream = builder.toolStream;
		this.webSearch = builder.webSearch;
		this.retrieval = builder.retrieval;
		this.toolChoice = builder.toolChoice;
		this.responseFormat = builder.responseFormat;
		this.reasoningEffort = builder.reasoningEffort;
		this.requestId = builder.requestId;
		this.userId = builder.userId;
		this.extraBody = Collections.unmodifiableMap(new LinkedHashMap<>(builder.extraBody));
	}

	/**
	 * Return a new, empty builder.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return options with the values of the given ones: the same options if they are
	 * {@code ZaiChatOptions}, otherwise Spring AI's portable options and, for
	 * {@link ToolCallingChatOptions}, the tool callbacks and tool context.
	 * @param options the options, may be {@code null}
	 * @return the options, empty for {@code null}
	 */
	public static ZaiChatOptions from(@Nullable ChatOptions options) {
		if (options instanceof ZaiChatOptions zai) {
			return zai;
		}
		Builder builder = builder();
		if (options != null) {
			builder.model(options.getModel())
				.frequencyPenalty(options.getFrequencyPenalty())
				.maxTokens(options.getMaxTokens())
				.presencePenalty(options.getPresencePenalty())
				.stopSequences(options.getStopSequences())
				.temperature(options.getTemperature())
				.topK(options.getTopK())
				.topP(options.getTopP());
			if (options instanceof ToolCallingChatOptions tools) {
				builder.toolCallbacks(tools.getToolCallbacks()).toolContext(tools.getToolContext());
			}
		}
		return builder.build();
	}

	@Override
	public @Nullable String getModel() {
		return this.model;
	}

	/**
	 * Return the frequency penalty. Z.AI has none: never sent.
	 * @return the frequency penalty, or {@code null}
	 */
	@Override
	public @Nullable Double getFrequencyPenalty() {
		return this.frequencyPenalty;
	}

	@Override
	public @Nullable Integer getMaxTokens() {
		return this.maxTokens;
	}

	/**
	 * Return the presence penalty. Z.AI has none: never sent.
	 * @return the presence penalty, or {@code null}
	 */
	@Override
	public @Nullable Double getPresencePenalty() {
		return this.presencePenalty;
	}

	@Override
	public @Nullable List<String> getStopSequences() {
		return this.stopSequences;
	}

	@Override
	public @Nullable Double getTemperature() {
		return this.temperature;
	}

	/**
	 * Return the top-k. Z.AI has none: never sent.
	 * @return the top-k, or {@code null}
	 */
	@Override
	public @Nullable Integer getTopK() {
		return this.topK;
	}

	@Override
	public @Nullable Double getTopP() {
		return this.topP;
	}

	@Override
	public @Nullable List<ToolCallback> getToolCallbacks() {
		return this.toolCallbacks;
	}

	@Override
	public @Nullable Map<String, Object> getToolContext() {
		return this.toolContext;
	}

	/**
	 * Return the thinking option ({@code thinking.type} and {@code clear_thinking}).
	 * @return the option, or {@code null} for the default
	 */
	public @Nullable Thinking getThinking() {
		return this.thinking;
	}

	/**
	 * Return whether sampling is on ({@code do_sample}).
	 * @return the flag, or {@code null} for the server's default
	 */
	public @Nullable Boolean getDoSample() {
		return this.doSample;
	}

	/**
	 * Return whether the arguments of tool calls are streamed in pieces
	 * ({@code tool_stream}); sent with streamed calls only, whose pieces the model folds
	 * into whole tool calls.
	 * @return the flag, or {@code null} for the server's default
	 */
	public @Nullable Boolean getToolStream() {
		return this.toolStream;
	}

	/**
	 * Return the {@code web_search} tool.
	 * @return the tool, or {@code null} if none
	 */
	public @Nullable WebSearch getWebSearch() {
		return this.webSearch;
	}

	/**
	 * Return the {@code retrieval} tool (a knowledge base).
	 * @return the tool, or {@code null} if none
	 */
	public @Nullable Retrieval getRetrieval() {
		return this.retrieval;
	}

	/**
	 * Return the tool choice.
	 * @return the tool choice, or {@code null} for the server's default ({@code auto})
	 */
	public @Nullable ToolChoice getToolChoice() {
		return this.toolChoice;
	}

	/**
	 * Return the response format: {@code text} or {@code json_object}. Z.AI has no JSON
	 * schema format.
	 * @return the format, or {@code null} for the server's default
	 */
	public @Nullable ResponseFormat getResponseFormat() {
		return this.responseFormat;
	}

	/**
	 * Return how much the model reasons (GLM-5.2 and later).
	 * @return the effort, or {@code null} for the server's default
	 */
	public @Nullable ReasoningEffort getReasoningEffort() {
		return this.reasoningEffort;
	}

	/**
	 * Return the caller's request id.
	 * @return the request id, or {@code null} to let the server generate one
	 */
	public @Nullable String getRequestId() {
		return this.requestId;
	}

	/**
	 * Return the end user's id.
	 * @return the user id, or {@code null}
	 */
	public @Nullable String getUserId() {
		return this.userId;
	}

	/**
	 * Return the extra fields written at the top level of the request body.
	 * @return the fields, never {@code null}, unmodifiable
	 */
	public Map<String, Object> getExtraBody() {
		return this.extraBody;
	}

	/**
	 * Return a builder prefilled with every option of these, to derive a variant.
	 * @return the builder
	 */
	@Override
	public Builder mutate() {
		Builder builder = builder().model(this.model)
			.frequencyPenalty(this.frequencyPenalty)
			.maxTokens(this.maxTokens)
			.presencePenalty(this.presencePenalty)
			.stopSequences(this.stopSequences)
			.temperature(this.temperature)
			.topK(this.topK)
			.topP(this.topP)
			.toolCallbacks(this.toolCallbacks)
			.toolContext(this.toolContext)
			.thinking(this.thinking)
			.doSample(this.doSample)
			.toolStream(this.toolStream)
			.webSearch(this.webSearch)
			.retrieval(this.retrieval)
			.toolChoice(this.toolChoice)
			.responseFormat(this.responseFormat)
			.reasoningEffort(this.reasoningEffort)
			.requestId(this.requestId)
			.userId(this.userId);
		builder.extraBody.putAll(this.extraBody);
		return builder;
	}

	/**
	 * Return a copy of these options.
	 * @return the copy
	 */
	public ZaiChatOptions copy() {
		return mutate().build();
	}

	@Override
	public boolean equals(@Nullable Object obj) {
		return (this == obj) || (obj instanceof ZaiChatOptions other && getClass() == other.getClass()
				&& Arrays.equals(components(), other.components()));
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(components());
	}

	private @Nullable Object[] components() {
		return new @Nullable Object[] { this.model, this.frequencyPenalty, this.maxTokens, this.presencePenalty,
				this.stopSequences, this.temperature, this.topK, this.topP, this.toolCallbacks, this.toolContext,
				this.thinking, this.doSample, this.toolStream, this.webSearch, this.retrieval, this.toolChoice,
				this.responseFormat, this.reasoningEffort, this.requestId, this.userId, this.extraBody };
	}

	@Override
	public String toString() {
		StringBuilder description = new StringBuilder("ZaiChatOptions[");
		append(description, "model", this.model);
		append(description, "temperature", this.temperature);
		append(description, "topP", this.topP);
		append(description, "maxTokens", this.maxTokens);
		append(description, "stopSequences", this.stopSequences);
		append(description, "thinking", this.thinking);
		append(description, "doSample", this.doSample);
		append(description, "toolStream", this.toolStream);
		append(description, "toolCallbacks", (this.toolCallbacks != null)
				? this.toolCallbacks.stream().map((callback) -> callback.getToolDefinition().name()).toList() : null);
		append(description, "webSearch", (this.webSearch != null) ? this.webSearch.searchEngine() : null);
		append(description, "retrieval", (this.retrieval != null) ? this.retrieval.knowledgeId() : null);
		append(description, "toolChoice", this.toolChoice);
		append(description, "responseFormat", (this.responseFormat != null) ? this.responseFormat.type() : null);
		append(description, "reasoningEffort", this.reasoningEffort);
		append(description, "requestId", this.requestId);
		append(description, "userId", this.userId);
		append(description, "extraBody", this.extraBody.isEmpty() ? null : this.extraBody.keySet());
		if (description.charAt(description.length() - 1) == ' ') {
			description.setLength(description.length() - 2);
		}
		return description.append(']').toString();
	}

	private static void append(StringBuilder description, String name, @Nullable Object value) {
		if (value != null) {
			description.append(name).append('=').append(value).append(", ");
		}
	}

	/**
	 * Spring AI's options, as the builder holds them in fields only its subclasses see.
	 */
	record Portable(@Nullable String model, @Nullable Double frequencyPenalty, @Nullable Integer maxTokens,
			@Nullable Double presencePenalty, @Nullable List<String> stopSequences, @Nullable Double temperature,
			@Nullable Integer topK, @Nullable Double topP, @Nullable List<ToolCallback> toolCallbacks,
			@Nullable Map<String, Object> toolContext) {

	}

	/**
	 * Builder of {@link ZaiChatOptions}. It extends Spring AI's
	 * {@link DefaultToolCallingChatOptions.Builder}, so that a {@code ChatClient}, which
	 * builds each request from the model's options with {@code mutate()} and
	 * {@code combineWith(..)}, keeps the tools and every Z.AI option. Not thread-safe.
	 */
	public static class Builder extends DefaultToolCallingChatOptions.Builder<Builder> {

		private @Nullable Thinking thinking;

		private @Nullable Boolean doSample;

		private @Nullable Boolean toolStream;

		private @Nullable WebSearch webSearch;

		private @Nullable Retrieval retrieval;

		private @Nullable ToolChoice toolChoice;

		private @Nullable ResponseFormat responseFormat;

		private @Nullable ReasoningEffort reasoningEffort;

		private @Nullable String requestId;

		private @Nullable String userId;

		private Map<String, Object> extraBody = new LinkedHashMap<>();

		/**
		 * Create an empty builder; prefer {@link ZaiChatOptions#builder()}.
		 */
		protected Builder() {
		}

		/**
		 * Set the model id, for example {@code glm-4.6}.
		 * @param model the model id, or {@code null} for the default
		 * @return this builder
		 * @throws IllegalArgumentException if the model is empty or blank
		 */
		@Override
		public Builder model(@Nullable String model) {
			Assert.isTrue(model == null || !model.isBlank(),
					"model must not be empty; use a model id such as glm-4.6, or null for the default (zai.chat.model)");
			return super.model(model);
		}

		/**
		 * Set the sampling temperature.
		 * @param temperature the temperature in [0, 1], or {@code null} for the default
		 * @return this builder
		 * @throws IllegalArgumentException if the temperature is outside [0, 1]
		 */
		@Override
		public Builder temperature(@Nullable Double temperature) {
			Assert.isTrue(temperature == null || (temperature >= 0 && temperature <= 1),
					() -> "temperature must be between 0 and 1, but was " + temperature);
			return super.temperature(temperature);
		}

		/**
		 * Set the nucleus sampling probability.
		 * @param topP top_p in (0, 1], or {@code null} for the default
		 * @return this builder
		 * @throws IllegalArgumentException if top_p is outside (0, 1]
		 */
		@Override
		public Builder topP(@Nullable Double topP) {
			Assert.isTrue(topP == null || (topP > 0 && topP <= 1),
					() -> "topP must be greater than 0 and at most 1, but was " + topP);
			return super.topP(topP);
		}

		/**
		 * Set the maximum number of output tokens.
		 * @param maxTokens a positive limit, or {@code null} for the default
		 * @return this builder
		 * @throws IllegalArgumentException if the limit is not positive
		 */
		@Override
		public Builder maxTokens(@Nullable Integer maxTokens) {
			Assert.isTrue(maxTokens == null || maxTokens > 0, () -> "maxTokens must be positive, but was " + maxTokens);
			return super.maxTokens(maxTokens);
		}

		/**
		 * Set the thinking option, for example {@code Thinking.enabled()} or
		 * {@code Thinking.enabled().withClearThinking(false)}.
		 * @param thinking the option, or {@code null} for the default
		 * @return this builder
		 */
		public Builder thinking(@Nullable Thinking thinking) {
			this.thinking = thinking;
			return self();
		}

		/**
		 * Set whether sampling is on ({@code do_sample}); {@code false} makes temperature
		 * and top_p ineffective.
		 * @param doSample the flag, or {@code null} for the server's default
		 * @return this builder
		 */
		public Builder doSample(@Nullable Boolean doSample) {
			this.doSample = doSample;
			return self();
		}

		/**
		 * Set whether the arguments of tool calls are streamed in pieces
		 * ({@code tool_stream}); sent with streamed calls only.
		 * @param toolStream the flag, or {@code null} for the server's default
		 * @return this builder
		 */
		public Builder toolStream(@Nullable Boolean toolStream) {
			this.toolStream = toolStream;
			return self();
		}

		/**
		 * Set the {@code web_search} tool, for example
		 * {@code WebSearch.builder("search_pro").count(5).build()}.
		 * @param webSearch the tool, or {@code null} for none
		 * @return this builder
		 */
		public Builder webSearch(@Nullable WebSearch webSearch) {
			this.webSearch = webSearch;
			return self();
		}

		/**
		 * Set the {@code retrieval} tool: a knowledge base the model answers from.
		 * @param retrieval the tool, or {@code null} for none
		 * @return this builder
		 */
		public Builder retrieval(@Nullable Retrieval retrieval) {
			this.retrieval = retrieval;
			return self();
		}

		/**
		 * Set the tool choice.
		 * @param toolChoice the tool choice, or {@code null} for the server's default
		 * @return this builder
		 */
		public Builder toolChoice(@Nullable ToolChoice toolChoice) {
			this.toolChoice = toolChoice;
			return self();
		}

		/**
		 * Set the response format: {@code ResponseFormat.jsonObject()} asks for a JSON
		 * object. Z.AI has no JSON schema format.
		 * @param responseFormat the format, or {@code null} for the server's default
		 * @return this builder
		 */
		public Builder responseFormat(@Nullable ResponseFormat responseFormat) {
			this.responseFormat = responseFormat;
			return self();
		}

		/**
		 * Set how much the model reasons (GLM-5.2 and later).
		 * @param reasoningEffort the effort, or {@code null} for the server's default
		 * @return this builder
		 */
		public Builder reasoningEffort(@Nullable ReasoningEffort reasoningEffort) {
			this.reasoningEffort = reasoningEffort;
			return self();
		}

		/**
		 * Set the caller's request id, unique per request.
		 * @param requestId the request id, or {@code null} to let the server generate one
		 * @return this builder
		 * @throws IllegalArgumentException if the request id is empty or blank
		 */
		public Builder requestId(@Nullable String requestId) {
			Assert.isTrue(requestId == null || !requestId.isBlank(),
					"requestId must not be empty; use a unique id, or null to let the server generate one");
			this.requestId = requestId;
			return self();
		}

		/**
		 * Set the end user's id.
		 * @param userId the user id, or {@code null}
		 * @return this builder
		 * @throws IllegalArgumentException if the user id is empty or blank
		 */
		public Builder userId(@Nullable String userId) {
			Assert.isTrue(userId == null || !userId.isBlank(), "userId must not be empty; use an id, or null");
			this.userId = userId;
			return self();
		}

		/**
		 * Add a field written at the top level of the request body, for parameters this
		 * library does not type yet.
		 * @param name the JSON field name, not empty
		 * @param value the value, or {@code null} to remove the field
		 * @return this builder
		 * @throws IllegalArgumentException if the name is empty
		 */
		public Builder extraBody(String name, @Nullable Object value) {
			Assert.hasText(name, "extraBody name must not be empty; use the JSON field name");
			if (value == null) {
				this.extraBody.remove(name);
			}
			else {
				this.extraBody.put(name, value);
			}
			return self();
		}

		/**
		 * Add fields written at the top level of the request body.
		 * @param extraBody the fields by JSON name
		 * @return this builder
		 */
		public Builder extraBody(Map<String, ?> extraBody) {
			Assert.notNull(extraBody, "extraBody must not be null");
			extraBody.forEach(this::extraBody);
			return self();
		}

		@Override
		public Builder clone() {
			Builder copy = super.clone();
			copy.extraBody = new LinkedHashMap<>(this.extraBody);
			return copy;
		}

		/**
		 * Take every option the other builder sets, Z.AI's included when it is a
		 * {@code ZaiChatOptions} builder; tool callbacks and stop sequences are added to
		 * these, extra body fields merged.
		 * @param other the other builder
		 * @return this builder
		 */
		@Override
		public Builder combineWith(ChatOptions.Builder<?> other) {
			super.combineWith(other);
			if (other instanceof Builder that) {
				this.thinking = (that.thinking != null) ? that.thinking : this.thinking;
				this.doSample = (that.doSample != null) ? that.doSample : this.doSample;
				this.toolStream = (that.toolStream != null) ? that.toolStream : this.toolStream;
				this.webSearch = (that.webSearch != null) ? that.webSearch : this.webSearch;
				this.retrieval = (that.retrieval != null) ? that.retrieval : this.retrieval;
				this.toolChoice = (that.toolChoice != null) ? that.toolChoice : this.toolChoice;
				this.responseFormat = (that.responseFormat != null) ? that.responseFormat : this.responseFormat;
				this.reasoningEffort = (that.reasoningEffort != null) ? that.reasoningEffort : this.reasoningEffort;
				this.requestId = (that.requestId != null) ? that.requestId : this.requestId;
				this.userId = (that.userId != null) ? that.userId : this.userId;
				this.extraBody.putAll(that.extraBody);
			}
			return self();
		}

		/**
		 * Build the options.
		 * @return the options
		 */
		@Override
		public ZaiChatOptions build() {
			return new ZaiChatOptions(this,
					new Portable(this.model, this.frequencyPenalty, this.maxTokens, this.presencePenalty,
							this.stopSequences, this.temperature, this.topK, this.topP, this.toolCallbacks,
							this.toolContext));
		}

	}

}
