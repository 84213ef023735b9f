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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.zaispring.chat.ChatCompletion;
import io.github.zaispring.chat.ChatCompletionAccumulator;
import io.github.zaispring.chat.ChatCompletionChunk;
import io.github.zaispring.chat.ChatRequest;
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
			StreamRecorder recorder = new StreamRecorder(System.nanoTime(), context);
			Observation observation = start(context);
			Stopper stopper = new Stopper(observation, context, attempts);
			Runnable fold = () -> context.setResponse(recorder.accumulator.toCompletion());
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
	 * Folds the chunks for the response (its usage, model, id and finish reason) and
	 * measures the time to the first chunk.
	 */
	private static final class StreamRecorder {

		private final long startNanos;

		private final ZaiChatObservationContext context;

		private final ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();

		StreamRecorder(long startNanos, ZaiChatObservationContext context) {
			this.startNanos = startNanos;
			this.context = context;
		}

		void record(ChatCompletionChunk chunk) {
			if (this.accumulator.chunkCount() == 0) {
				this.context.setFirstChunkLatency(Duration.ofNanos(System.nanoTime() - this.startNanos));
			}
			this.accumulator.add(chunk);
		}

	}

}
