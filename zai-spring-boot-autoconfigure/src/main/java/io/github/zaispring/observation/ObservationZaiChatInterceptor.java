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

package io.github.zaispring.observation;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.zaispring.chat.ChatCompletion;
import io.github.zaispring.chat.ChatCompletionAccumulator;
import io.github.zaispring.chat.ChatCompletionChunk;
import io.github.zaispring.chat.ChatCompletionMessage;
import io.github.zaispring.chat.ChatRequest;
import io.github.zaispring.chat.Choice;
import io.github.zaispring.chat.FinishReason;
import io.github.zaispring.chat.Usage;
import io.github.zaispring.chat.ZaiChatInterceptor;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

/**
 * Observes every call and every stream of the chat client as one
 * {@code gen_ai.client.operation} observation: from subscription to the answer, the last
 * chunk, a failure or a cancellation. The observation is the parent of the HTTP client's
 * own observations, so that each attempt shows as a child exchange.
 *
 * @author zai-spring-boot contributors
 */
public final class ObservationZaiChatInterceptor implements ZaiChatInterceptor {

	private final ObservationRegistry registry;

	private final @Nullable ZaiChatObservationConvention customConvention;

	private final ZaiChatObservationConvention defaultConvention;

	private final boolean foldContent;

	/**
	 * Create an interceptor.
	 * @param registry the observation registry
	 * @param customConvention the application's convention, or {@code null} for the
	 * default
	 * @param defaultConvention the default convention
	 */
	public ObservationZaiChatInterceptor(ObservationRegistry registry,
			@Nullable ZaiChatObservationConvention customConvention, ZaiChatObservationConvention defaultConvention) {
		Assert.notNull(registry, "registry must not be null");
		Assert.notNull(defaultConvention, "defaultConvention must not be null");
		this.registry = registry;
		this.customConvention = customConvention;
		this.defaultConvention = defaultConvention;
		this.foldContent = customConvention != null
				|| (defaultConvention instanceof DefaultZaiChatObservationConvention convention
						&& convention.isIncludeContent());
	}

	@Override
	public Mono<ChatCompletion> interceptCall(ChatRequest request, String serverAddress, Mono<ChatCompletion> call) {
		if (this.registry.isNoop()) {
			return call;
		}
		return Mono.defer(() -> {
			ZaiChatObservationContext context = new ZaiChatObservationContext(request, false);
			context.setServerAddress(serverAddress);
			AtomicInteger attempts = new AtomicInteger();
			Observation observation = start(context);
			Stopper stopper = new Stopper(observation, context, attempts);
			return call.doOnSuccess((response) -> {
				context.setResponse(response);
				stopper.stop();
			})
				.doOnError(stopper::error)
				.doOnCancel(stopper::cancel)
				.contextWrite((reactorContext) -> reactorContext.put(ObservationThreadLocalAccessor.KEY, observation)
					.put(ATTEMPTS_CONTEXT_KEY, attempts));
		});
	}

	@Override
	public Flux<ChatCompletionChunk> interceptStream(ChatRequest request, String serverAddress,
			Flux<ChatCompletionChunk> stream) {
		if (this.registry.isNoop()) {
			return stream;
		}
		return Flux.defer(() -> {
			ZaiChatObservationContext context = new ZaiChatObservationContext(request, true);
			context.setServerAddress(serverAddress);
			AtomicInteger attempts = new AtomicInteger();
			StreamRecorder recorder = new StreamRecorder(System.nanoTime(), context, this.foldContent);
			Observation observation = start(context);
			Stopper stopper = new Stopper(observation, context, attempts);
			Runnable fold = () -> context.setResponse(recorder.toCompletion());
			return stream.doOnNext(recorder::record).doOnComplete(() -> {
				fold.run();
				stopper.stop();
			}).doOnError((ex) -> {
				fold.run();
				stopper.error(ex);
			}).doOnCancel(() -> {
				fold.run();
				stopper.cancel();
			})
				.contextWrite((reactorContext) -> reactorContext.put(ObservationThreadLocalAccessor.KEY, observation)
					.put(ATTEMPTS_CONTEXT_KEY, attempts));
		});
	}

	private Observation start(ZaiChatObservationContext context) {
		return ZaiChatObservationDocumentation.CHAT_OPERATION
			.observation(this.customConvention, this.defaultConvention, () -> context, this.registry)
			.start();
	}

	/**
	 * Stops the observation exactly once, before the terminal signal reaches the
	 * subscriber, so that a caller who has its answer also finds it recorded.
	 */
	private static final class Stopper {

		private final Observation observation;

		private final ZaiChatObservationContext context;

		private final AtomicInteger attempts;

		private final AtomicBoolean stopped = new AtomicBoolean();

		Stopper(Observation observation, ZaiChatObservationContext context, AtomicInteger attempts) {
			this.observation = observation;
			this.context = context;
			this.attempts = attempts;
		}

		void error(Throwable error) {
			this.observation.error(error);
			stop();
		}

		void cancel() {
			this.context.setCancelled(true);
			stop();
		}

		void stop() {
			if (this.stopped.compareAndSet(false, true)) {
				this.context.setAttempts(Math.max(1, this.attempts.get()));
				this.observation.stop();
			}
		}

	}

	/**
	 * Records what the observation needs of a stream as it passes: the time to the first
	 * chunk, and the id, model, finish reason and usage of the reply. The text is folded
	 * only when a convention may record it: folding costs a copy of every delta.
	 */
	private static final class StreamRecorder {

		private final long startNanos;

		private final ZaiChatObservationContext context;

		private final @Nullable ChatCompletionAccumulator accumulator;

		private int chunks;

		private @Nullable String id;

		private @Nullable Long created;

		private @Nullable String model;

		private @Nullable FinishReason finishReason;

		private @Nullable Usage usage;

		StreamRecorder(long startNanos, ZaiChatObservationContext context, boolean foldContent) {
			this.startNanos = startNanos;
			this.context = context;
			this.accumulator = foldContent ? new ChatCompletionAccumulator() : null;
		}

		void record(ChatCompletionChunk chunk) {
			if (this.chunks++ == 0) {
				this.context.setFirstChunkLatency(Duration.ofNanos(System.nanoTime() - this.startNanos));
				this.id = chunk.id();
				this.created = chunk.created();
				this.model = chunk.model();
			}
			if (this.accumulator != null) {
				this.accumulator.add(chunk);
				return;
			}
			if (chunk.finishReason() != null) {
				this.finishReason = chunk.finishReason();
			}
			if (chunk.usage() != null) {
				this.usage = chunk.usage();
			}
		}

		ChatCompletion toCompletion() {
			if (this.accumulator != null) {
				return this.accumulator.toCompletion();
			}
			List<Choice> choices = (this.chunks > 0) ? List
				.of(new Choice(0, new ChatCompletionMessage("assistant", null, null, List.of()), this.finishReason))
					: List.of();
			return new ChatCompletion(this.id, null, this.created, this.model, choices, this.usage, null);
		}

	}

}
