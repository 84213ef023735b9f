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

import io.github.zaispring.ZaiException;
import io.github.zaispring.chat.ChatCompletion;
import io.github.zaispring.chat.ChatRequest;
import io.github.zaispring.chat.ZaiChatOperations;
import io.github.zaispring.observation.ObservationZaiInterceptor;
import io.github.zaispring.resilience.ZaiRetryPolicy;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.MessageAggregator;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.observation.ChatModelObservationConvention;
import org.springframework.ai.chat.observation.ChatModelObservationDocumentation;
import org.springframework.ai.chat.observation.DefaultChatModelObservationConvention;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.retry.TransientAiException;
import org.springframework.util.Assert;

/**
 * A Spring AI {@link ChatModel} for Z.AI's GLM models, on a {@link ZaiChatOperations}:
 * its connection pool, its one retry policy, its concurrency limit and its timeouts.
 * <p>
 * A prompt goes out as exactly the messages it holds. Each generation's
 * {@code AssistantMessage} carries the tool calls the model asked for, and the model's
 * reasoning in its metadata under {@value #REASONING_CONTENT} (never in the text). Tools
 * are run by Spring AI's {@code ChatClient} (its tool-calling advisor), as with Spring
 * AI's own models; streamed tool calls are handed over whole.
 * <p>
 * Each call is one {@code gen_ai.client.operation} observation with a
 * {@link ChatModelObservationContext}, Spring AI's convention unless one is set. Failures
 * are Spring AI's {@link TransientAiException} (throttling, server errors, connection
 * failures and connect timeouts: worth trying later, after this library's own retries) or
 * {@link NonTransientAiException} (authentication, balance and quotas, bad requests,
 * content filter, response and stream timeouts, streams cut off), with the
 * {@link ZaiException} that carries the HTTP status, Z.AI's error code and the request id
 * as the cause. Nothing is retried on top of the {@code ZaiChatOperations}' own retries.
 *
 * @author zai-spring-boot contributors
 */
public class ZaiChatModel implements ChatModel {

	/**
	 * Key of the model's reasoning text in the metadata of an {@code AssistantMessage}.
	 */
	public static final String REASONING_CONTENT = "reasoningContent";

	/**
	 * The provider name this model reports in observations
	 * ({@code gen_ai.provider.name}).
	 */
	public static final String PROVIDER = "zai";

	private static final ChatModelObservationConvention DEFAULT_CONVENTION = new DefaultChatModelObservationConvention();

	private final ZaiChatOperations chatOperations;

	private final ZaiChatOptions defaultOptions;

	private final PromptMapper promptMapper;

	private final ObservationRegistry observationRegistry;

	private @Nullable ChatModelObservationConvention observationConvention;

	/**
	 * Create a model.
	 * @param chatOperations the Z.AI chat client
	 * @param defaultOptions the options of calls whose prompt has none (a
	 * {@code ChatClient} starts from them), usually those of {@code zai.chat.*}
	 * @param toolCallingManager resolves the definitions of the tools of a call
	 * @param observationRegistry the registry of the calls' observations
	 */
	public ZaiChatModel(ZaiChatOperations chatOperations, ZaiChatOptions defaultOptions,
			ToolCallingManager toolCallingManager, ObservationRegistry observationRegistry) {
		Assert.notNull(chatOperations, "chatOperations must not be null");
		Assert.notNull(defaultOptions, "defaultOptions must not be null; use ZaiChatOptions.builder().build()");
		Assert.notNull(toolCallingManager, "toolCallingManager must not be null; use ToolCallingManager.builder()");
		Assert.notNull(observationRegistry, "observationRegistry must not be null; use ObservationRegistry.NOOP");
		this.chatOperations = chatOperations;
		this.defaultOptions = defaultOptions;
		this.promptMapper = new PromptMapper(toolCallingManager);
		this.observationRegistry = observationRegistry;
	}

	/**
	 * Create a model with default options, Spring AI's default tool calling manager and
	 * no observations.
	 * @param chatOperations the Z.AI chat client
	 */
	public ZaiChatModel(ZaiChatOperations chatOperations) {
		this(chatOperations, ZaiChatOptions.builder().build(), ToolCallingManager.builder().build(),
				ObservationRegistry.NOOP);
	}

	/**
	 * Use the given convention for the observations of the calls instead of Spring AI's
	 * default one.
	 * @param observationConvention the convention
	 */
	public void setObservationConvention(ChatModelObservationConvention observationConvention) {
		Assert.notNull(observationConvention, "observationConvention must not be null");
		this.observationConvention = observationConvention;
	}

	/**
	 * Return the default options: those of calls whose prompt has none.
	 * @return the default options
	 */
	@Override
	public ZaiChatOptions getOptions() {
		return this.defaultOptions;
	}

	/**
	 * Send the prompt and receive the whole answer. Never streamed.
	 * @param prompt the prompt
	 * @return the response, a generation per choice
	 * @throws TransientAiException when a transient failure outlasted the retries
	 * @throws NonTransientAiException when the request failed for good
	 */
	@Override
	public ChatResponse call(Prompt prompt) {
		Assert.notNull(prompt, "prompt must not be null");
		Prompt requestPrompt = withOptions(prompt);
		ChatRequest request = this.promptMapper.toRequest(requestPrompt, options(requestPrompt), false);
		ChatModelObservationContext context = ChatModelObservationContext.builder()
			.prompt(requestPrompt)
			.provider(PROVIDER)
			.build();
		Observation observation = ChatModelObservationDocumentation.CHAT_MODEL_OPERATION
			.observation(this.observationConvention, DEFAULT_CONVENTION, () -> context, this.observationRegistry);
		return observation.observe(() -> {
			ChatCompletion completion = await(
					this.chatOperations.chat(request)
						.contextWrite((reactorContext) -> observedBy(reactorContext, observation)),
					"Z.AI answered a chat request with no completion");
			ChatResponse response = ResponseMapper.toResponse(completion);
			context.setResponse(response);
			return response;
		});
	}

	/**
	 * Send the prompt and receive the answer as it is generated: content and reasoning as
	 * they arrive, tool calls whole.
	 * @param prompt the prompt
	 * @return the responses; fails with a {@link TransientAiException} or a
	 * {@link NonTransientAiException}
	 */
	@Override
	public Flux<ChatResponse> stream(Prompt prompt) {
		Assert.notNull(prompt, "prompt must not be null");
		return Flux.deferContextual((subscriberContext) -> {
			Prompt requestPrompt = withOptions(prompt);
			ChatRequest request = this.promptMapper.toRequest(requestPrompt, options(requestPrompt), true);
			ChatModelObservationContext context = ChatModelObservationContext.builder()
				.prompt(requestPrompt)
				.provider(PROVIDER)
				.streaming(true)
				.build();
			Observation observation = ChatModelObservationDocumentation.CHAT_MODEL_OPERATION
				.observation(this.observationConvention, DEFAULT_CONVENTION, () -> context, this.observationRegistry);
			Observation parent = subscriberContext.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
			if (parent != null) {
				observation.parentObservation(parent);
			}
			observation.start();
			ResponseMapper.StreamMapper mapper = new ResponseMapper.StreamMapper();
			Flux<ChatResponse> responses = this.chatOperations.stream(request)
				.map(mapper::toResponse)
				.onErrorMap(ZaiChatModel::translate)
				.doOnError(observation::error)
				.doFinally((signal) -> observation.stop())
				.contextWrite((reactorContext) -> observedBy(reactorContext, observation));
			return new MessageAggregator().aggregate(responses, context::setResponse);
		});
	}

	private Prompt withOptions(Prompt prompt) {
		return (prompt.getOptions() != null) ? prompt : prompt.mutate().chatOptions(this.defaultOptions).build();
	}

	private static ZaiChatOptions options(Prompt prompt) {
		ChatOptions options = prompt.getOptions();
		return ZaiChatOptions.from(options);
	}

	static Context observedBy(Context reactorContext, Observation observation) {
		return reactorContext.put(ObservationZaiInterceptor.OBSERVED_BY_CALLER, Boolean.TRUE)
			.put(ObservationThreadLocalAccessor.KEY, observation);
	}

	/**
	 * Wait for the single answer of a blocking Spring AI call, failing with Spring AI's
	 * exception types as {@link #translate} gives them.
	 * @param <T> the type of the answer
	 * @param answer the answer, on subscription
	 * @param noAnswer the message when the answer completes empty
	 * @return the answer
	 */
	static <T> T await(Mono<T> answer, String noAnswer) {
		T value;
		try {
			value = answer.block();
		}
		catch (RuntimeException ex) {
			throw translate(ex);
		}
		Assert.state(value != null, noAnswer);
		return value;
	}

	/**
	 * Translate a failure into Spring AI's exception types, keeping the Z.AI exception as
	 * the cause.
	 * @param failure the failure
	 * @return the exception to throw
	 */
	static RuntimeException translate(Throwable failure) {
		if (failure instanceof ZaiException zai) {
			return ZaiRetryPolicy.isTransient(zai) ? new TransientAiException(zai.getMessage(), zai)
					: new NonTransientAiException(zai.getMessage(), zai);
		}
		return (failure instanceof RuntimeException runtime) ? runtime : new IllegalStateException(failure);
	}

	@Override
	public String toString() {
		return "ZaiChatModel[" + this.defaultOptions + "]";
	}

}
