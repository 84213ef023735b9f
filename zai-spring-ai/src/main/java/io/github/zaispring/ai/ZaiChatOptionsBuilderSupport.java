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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.zaispring.chat.ReasoningEffort;
import io.github.zaispring.chat.ResponseFormat;
import io.github.zaispring.chat.Retrieval;
import io.github.zaispring.chat.Thinking;
import io.github.zaispring.chat.ToolChoice;
import io.github.zaispring.chat.WebSearch;
import io.github.zaispring.internal.Checks;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.model.tool.DefaultToolCallingChatOptions;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.util.Assert;

/**
 * The state and setters of {@link ZaiChatOptions.Builder}, kept apart so that each file
 * stays short; users only see {@code ZaiChatOptions.Builder}.
 *
 * @author zai-spring-boot contributors
 */
abstract class ZaiChatOptionsBuilderSupport extends DefaultToolCallingChatOptions.Builder<ZaiChatOptions.Builder> {

	@Nullable Thinking thinking;

	@Nullable Boolean doSample;

	@Nullable Boolean toolStream;

	@Nullable WebSearch webSearch;

	@Nullable Retrieval retrieval;

	@Nullable ToolChoice toolChoice;

	@Nullable ResponseFormat responseFormat;

	@Nullable ReasoningEffort reasoningEffort;

	@Nullable String requestId;

	@Nullable String userId;

	Map<String, Object> extraBody = new LinkedHashMap<>();

	ZaiChatOptionsBuilderSupport() {
	}

	/**
	 * Set the model id, for example {@code glm-4.6}.
	 * @param model the model id, or {@code null} for the default
	 * @return this builder
	 * @throws IllegalArgumentException if the model is empty or blank
	 */
	@Override
	public ZaiChatOptions.Builder model(@Nullable String model) {
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
	public ZaiChatOptions.Builder temperature(@Nullable Double temperature) {
		return super.temperature(Checks.temperature("temperature", temperature));
	}

	/**
	 * Set the nucleus sampling probability.
	 * @param topP top_p in (0, 1], or {@code null} for the default
	 * @return this builder
	 * @throws IllegalArgumentException if top_p is outside (0, 1]
	 */
	@Override
	public ZaiChatOptions.Builder topP(@Nullable Double topP) {
		return super.topP(Checks.topP("topP", topP));
	}

	/**
	 * Set the maximum number of output tokens.
	 * @param maxTokens a positive limit, or {@code null} for the default
	 * @return this builder
	 * @throws IllegalArgumentException if the limit is not positive
	 */
	@Override
	public ZaiChatOptions.Builder maxTokens(@Nullable Integer maxTokens) {
		return super.maxTokens(Checks.maxTokens("maxTokens", maxTokens));
	}

	/**
	 * Take every option of the given ones: Spring AI's portable options, the tool
	 * callbacks and tool context of {@link ToolCallingChatOptions}, and Z.AI's own of
	 * {@link ZaiChatOptions}.
	 * @param options the options
	 * @return this builder
	 */
	ZaiChatOptions.Builder with(ChatOptions options) {
		model(options.getModel()).frequencyPenalty(options.getFrequencyPenalty())
			.maxTokens(options.getMaxTokens())
			.presencePenalty(options.getPresencePenalty())
			.stopSequences(options.getStopSequences())
			.temperature(options.getTemperature())
			.topK(options.getTopK())
			.topP(options.getTopP());
		if (options instanceof ToolCallingChatOptions tools) {
			toolCallbacks(tools.getToolCallbacks()).toolContext(tools.getToolContext());
		}
		if (options instanceof ZaiChatOptions zai) {
			thinking(zai.getThinking()).doSample(zai.getDoSample())
				.toolStream(zai.getToolStream())
				.webSearch(zai.getWebSearch())
				.retrieval(zai.getRetrieval())
				.toolChoice(zai.getToolChoice())
				.responseFormat(zai.getResponseFormat())
				.reasoningEffort(zai.getReasoningEffort())
				.requestId(zai.getRequestId())
				.userId(zai.getUserId());
			this.extraBody.putAll(zai.getExtraBody());
		}
		return self();
	}

	/**
	 * Set the thinking option, for example {@code Thinking.enabled()} or
	 * {@code Thinking.enabled().withClearThinking(false)}.
	 * @param thinking the option, or {@code null} for the default
	 * @return this builder
	 */
	public ZaiChatOptions.Builder thinking(@Nullable Thinking thinking) {
		this.thinking = thinking;
		return self();
	}

	/**
	 * Set whether sampling is on ({@code do_sample}); {@code false} makes temperature and
	 * top_p ineffective.
	 * @param doSample the flag, or {@code null} for the server's default
	 * @return this builder
	 */
	public ZaiChatOptions.Builder doSample(@Nullable Boolean doSample) {
		this.doSample = doSample;
		return self();
	}

	/**
	 * Set whether the arguments of tool calls are streamed in pieces
	 * ({@code tool_stream}); sent with streamed calls only.
	 * @param toolStream the flag, or {@code null} for the server's default
	 * @return this builder
	 */
	public ZaiChatOptions.Builder toolStream(@Nullable Boolean toolStream) {
		this.toolStream = toolStream;
		return self();
	}

	/**
	 * Set the {@code web_search} tool, for example
	 * {@code WebSearch.builder("search_pro").count(5).build()}.
	 * @param webSearch the tool, or {@code null} for none
	 * @return this builder
	 */
	public ZaiChatOptions.Builder webSearch(@Nullable WebSearch webSearch) {
		this.webSearch = webSearch;
		return self();
	}

	/**
	 * Set the {@code retrieval} tool: a knowledge base the model answers from.
	 * @param retrieval the tool, or {@code null} for none
	 * @return this builder
	 */
	public ZaiChatOptions.Builder retrieval(@Nullable Retrieval retrieval) {
		this.retrieval = retrieval;
		return self();
	}

	/**
	 * Set the tool choice.
	 * @param toolChoice the tool choice, or {@code null} for the server's default
	 * @return this builder
	 */
	public ZaiChatOptions.Builder toolChoice(@Nullable ToolChoice toolChoice) {
		this.toolChoice = toolChoice;
		return self();
	}

	/**
	 * Set the response format: {@code ResponseFormat.jsonObject()} asks for a JSON
	 * object. Z.AI has no JSON schema format.
	 * @param responseFormat the format, or {@code null} for the server's default
	 * @return this builder
	 */
	public ZaiChatOptions.Builder responseFormat(@Nullable ResponseFormat responseFormat) {
		this.responseFormat = responseFormat;
		return self();
	}

	/**
	 * Set how much the model reasons (GLM-5.2 and later).
	 * @param reasoningEffort the effort, or {@code null} for the server's default
	 * @return this builder
	 */
	public ZaiChatOptions.Builder reasoningEffort(@Nullable ReasoningEffort reasoningEffort) {
		this.reasoningEffort = reasoningEffort;
		return self();
	}

	/**
	 * Set the caller's request id, unique per request.
	 * @param requestId the request id, or {@code null} to let the server generate one
	 * @return this builder
	 * @throws IllegalArgumentException if the request id is empty or blank
	 */
	public ZaiChatOptions.Builder requestId(@Nullable String requestId) {
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
	public ZaiChatOptions.Builder userId(@Nullable String userId) {
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
	public ZaiChatOptions.Builder extraBody(String name, @Nullable Object value) {
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
	public ZaiChatOptions.Builder extraBody(Map<String, ?> extraBody) {
		Assert.notNull(extraBody, "extraBody must not be null");
		extraBody.forEach(this::extraBody);
		return self();
	}

	@Override
	public ZaiChatOptions.Builder clone() {
		ZaiChatOptions.Builder copy = super.clone();
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
	public ZaiChatOptions.Builder combineWith(ChatOptions.Builder<?> other) {
		super.combineWith(other);
		if (other instanceof ZaiChatOptionsBuilderSupport that) {
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

	/**
	 * Spring AI's options, as the builder holds them in fields only its subclasses see.
	 */
	record Portable(@Nullable String model, @Nullable Double frequencyPenalty, @Nullable Integer maxTokens,
			@Nullable Double presencePenalty, @Nullable List<String> stopSequences, @Nullable Double temperature,
			@Nullable Integer topK, @Nullable Double topP, @Nullable List<ToolCallback> toolCallbacks,
			@Nullable Map<String, Object> toolContext) {

	}

}
