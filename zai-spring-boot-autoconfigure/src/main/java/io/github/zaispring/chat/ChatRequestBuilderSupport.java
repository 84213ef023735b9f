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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.zaispring.internal.Checks;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * The state and setters of {@link ChatRequest.Builder}, kept apart so that each file
 * stays short; users only see {@code ChatRequest.Builder}.
 *
 * @author zai-spring-boot contributors
 */
abstract class ChatRequestBuilderSupport {

	static final Map<String, String> TYPED_FIELDS = Map.ofEntries(Map.entry("model", "model(..)"),
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
	static final int MAX_STOP_WORDS = 4;

	static final Set<String> RESERVED_HEADERS = Set.of("authorization", "content-type");

	@Nullable String model;

	final List<ChatMessage> messages = new ArrayList<>();

	@Nullable Boolean doSample;

	@Nullable Boolean stream;

	@Nullable Thinking thinking;

	@Nullable Double temperature;

	@Nullable Double topP;

	@Nullable Integer maxTokens;

	final List<Tool> tools = new ArrayList<>();

	@Nullable ToolChoice toolChoice;

	@Nullable Boolean toolStream;

	final List<String> stop = new ArrayList<>();

	@Nullable ResponseFormat responseFormat;

	@Nullable String requestId;

	@Nullable String userId;

	@Nullable ReasoningEffort reasoningEffort;

	final Map<String, Object> extraBody = new LinkedHashMap<>();

	final Map<String, String> headers = new LinkedHashMap<>();

	@Nullable Duration responseTimeout;

	@Nullable Duration firstChunkTimeout;

	@Nullable Duration streamIdleTimeout;

	ChatRequestBuilderSupport() {
	}

	ChatRequestBuilderSupport(ChatRequest request) {
		this.model = request.model();
		this.messages.addAll(request.messages());
		this.doSample = request.doSample();
		this.stream = request.stream();
		this.thinking = request.thinking();
		this.temperature = request.temperature();
		this.topP = request.topP();
		this.maxTokens = request.maxTokens();
		this.tools.addAll(request.tools());
		this.toolChoice = request.toolChoice();
		this.toolStream = request.toolStream();
		this.stop.addAll(request.stop());
		this.responseFormat = request.responseFormat();
		this.requestId = request.requestId();
		this.userId = request.userId();
		this.reasoningEffort = request.reasoningEffort();
		this.extraBody.putAll(request.extraBody());
		this.headers.putAll(request.headers());
		this.responseTimeout = request.responseTimeout();
		this.firstChunkTimeout = request.firstChunkTimeout();
		this.streamIdleTimeout = request.streamIdleTimeout();
	}

	/**
	 * Set the model id, for example {@code glm-4.6}.
	 * @param model the model id, or {@code null} for the configured default
	 * @return this builder
	 * @throws IllegalArgumentException if the model is empty or blank: an absent model is
	 * {@code null}
	 */
	public ChatRequest.Builder model(@Nullable String model) {
		Assert.isTrue(model == null || !model.isBlank(), () -> "model must not be empty; use a model id such as "
				+ "glm-4.6, or null for the configured default (zai.chat.model)");
		this.model = model;
		return self();
	}

	/**
	 * Append a message to the conversation.
	 * @param message the message
	 * @return this builder
	 */
	public ChatRequest.Builder message(ChatMessage message) {
		Assert.notNull(message, "message must not be null");
		this.messages.add(message);
		return self();
	}

	/**
	 * Replace the conversation with the given messages.
	 * @param messages the messages
	 * @return this builder
	 */
	public ChatRequest.Builder messages(List<ChatMessage> messages) {
		Assert.notNull(messages, "messages must not be null");
		Assert.noNullElements(messages, "messages must not contain null elements");
		this.messages.clear();
		this.messages.addAll(messages);
		return self();
	}

	/**
	 * Append a system message.
	 * @param content the instructions
	 * @return this builder
	 */
	public ChatRequest.Builder system(String content) {
		return message(ChatMessage.system(content));
	}

	/**
	 * Append a user message.
	 * @param content the user's text
	 * @return this builder
	 */
	public ChatRequest.Builder user(String content) {
		return message(ChatMessage.user(content));
	}

	/**
	 * Set the sampling temperature.
	 * @param temperature a value in [0, 1], or {@code null} for the default
	 * @return this builder
	 * @throws IllegalArgumentException if the value is outside [0, 1]
	 */
	public ChatRequest.Builder temperature(@Nullable Double temperature) {
		this.temperature = Checks.temperature("temperature", temperature);
		return self();
	}

	/**
	 * Set the nucleus sampling probability; tune this or the temperature, not both.
	 * @param topP a value in (0, 1], or {@code null} for the default
	 * @return this builder
	 * @throws IllegalArgumentException if the value is outside (0, 1]
	 */
	public ChatRequest.Builder topP(@Nullable Double topP) {
		this.topP = Checks.topP("top_p", topP);
		return self();
	}

	/**
	 * Set the maximum number of output tokens.
	 * @param maxTokens at least 1, or {@code null} for the model's default
	 * @return this builder
	 * @throws IllegalArgumentException if the value is below 1
	 */
	public ChatRequest.Builder maxTokens(@Nullable Integer maxTokens) {
		this.maxTokens = Checks.maxTokens("maxTokens", maxTokens);
		return self();
	}

	/**
	 * Set whether to sample; {@code false} makes temperature and top_p ineffective.
	 * @param doSample the flag, or {@code null} for the default ({@code true})
	 * @return this builder
	 */
	public ChatRequest.Builder doSample(@Nullable Boolean doSample) {
		this.doSample = doSample;
		return self();
	}

	/**
	 * Set the stop words, replacing earlier ones. The API documents one stop word today;
	 * its later schema allows four, the limit checked here.
	 * @param stop the stop words, at most 4
	 * @return this builder
	 */
	public ChatRequest.Builder stop(String... stop) {
		Assert.notNull(stop, "stop must not be null");
		return stop(Arrays.asList(stop));
	}

	/**
	 * Set the stop words, replacing earlier ones. The API documents one stop word today;
	 * its later schema allows four, the limit checked here.
	 * @param stop the stop words, at most 4
	 * @return this builder
	 */
	public ChatRequest.Builder stop(List<String> stop) {
		Assert.notNull(stop, "stop must not be null");
		Assert.noNullElements(stop, "stop must not contain null elements");
		this.stop.clear();
		this.stop.addAll(stop);
		return self();
	}

	/**
	 * Set the thinking option.
	 * @param thinking the option, for example {@link Thinking#disabled()}, or
	 * {@code null} for the default
	 * @return this builder
	 */
	public ChatRequest.Builder thinking(@Nullable Thinking thinking) {
		this.thinking = thinking;
		return self();
	}

	/**
	 * Check what only the whole request can tell.
	 */
	final void validate() {
		Assert.notEmpty(this.messages, "messages must not be empty; add one with user(..) or message(..)");
		Assert.isTrue(this.messages.stream().anyMatch((m) -> m.role() == Role.USER || m.role() == Role.TOOL),
				"messages must contain a user or tool message; the API rejects system and assistant messages only");
		Assert.isTrue(this.stop.size() <= MAX_STOP_WORDS,
				() -> "stop must have at most " + MAX_STOP_WORDS + " words, but has " + this.stop.size());
		Checks.requestId(this.requestId);
		Checks.userId(this.userId);
	}

	final ChatRequest.Builder self() {
		return (ChatRequest.Builder) this;
	}

}
