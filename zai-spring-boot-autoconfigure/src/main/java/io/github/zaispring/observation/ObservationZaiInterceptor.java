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

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import io.github.zaispring.ZaiCall;
import io.github.zaispring.ZaiInterceptor;
import io.github.zaispring.chat.ChatRequest;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Signal;

import org.springframework.util.Assert;

/**
 * Observes every call of every endpoint as one {@code gen_ai.client.operation}
 * observation, from subscription to the answer, the last chunk, a failure or a
 * cancellation, with the {@code gen_ai.operation.name} of its endpoint. The observation
 * is the parent of the HTTP client's own observations, so that each attempt shows as a
 * child exchange.
 * <p>
 * Chat calls are observed with a {@link ZaiChatObservationContext} and the
 * {@link ZaiChatObservationConvention}; other calls with a {@link ZaiObservationContext}
 * and the {@link ZaiObservationConvention}. What a stream's observation records of its
 * answer comes from the call's one fold of the stream.
 *
 * @author zai-spring-boot contributors
 */
public final class ObservationZaiInterceptor implements ZaiInterceptor {

	/**
	 * Reactor context key that, present in the context of a call's subscriber, leaves the
	 * call to an observation of the caller's own (for example a Spring AI
	 * {@code ChatModel}'s), so that one call is not observed twice.
	 */
	public static final String OBSERVED_BY_CALLER = ObservationZaiInterceptor.class.getName() + ".OBSERVED_BY_CALLER";

	private final ObservationRegistry registry;

	private final @Nullable ZaiChatObservationConvention customChatConvention;

	private final ZaiChatObservationConvention defaultChatConvention;

	private final @Nullable ZaiObservationConvention customConvention;

	private final ZaiObservationConvention defaultConvention = new DefaultZaiObservationConvention();

	/**
	 * Create an interceptor.
	 * @param registry the observation registry
	 * @param customChatConvention the application's chat convention, or {@code null}
	 * @param defaultChatConvention the default chat convention
	 * @param customConvention the application's convention for other operations, or
	 * {@code null}
	 */
	public ObservationZaiInterceptor(ObservationRegistry registry,
			@Nullable ZaiChatObservationConvention customChatConvention,
			ZaiChatObservationConvention defaultChatConvention, @Nullable ZaiObservationConvention customConvention) {
		Assert.notNull(registry, "registry must not be null");
		Assert.notNull(defaultChatConvention, "defaultChatConvention must not be null");
		this.registry = registry;
		this.customChatConvention = customChatConvention;
		this.defaultChatConvention = defaultChatConvention;
		this.customConvention = customConvention;
	}

	@Override
	public <T> Flux<T> intercept(ZaiCall call, Flux<T> exchange) {
		if (this.registry.isNoop()) {
			return exchange;
		}
		return observe(call, exchange);
	}

	private <T> Flux<T> observe(ZaiCall call, Flux<T> exchange) {
		return Flux.deferContextual((subscriberContext) -> {
			if (subscriberContext.hasKey(OBSERVED_BY_CALLER)) {
				return exchange;
			}
			ZaiObservationContext context = (call.request() instanceof ChatRequest request
					&& "chat".equals(call.operationName())) ? new ZaiChatObservationContext(request, call.streaming())
							: new ZaiObservationContext(call.operationName(), call.model(), call.streaming());
			context.setServerAddress(call.serverAddress());
			Observation observation = start(context);
			Stopper<T> stopper = new Stopper<>(observation, context, call);
			return exchange.doOnEach(stopper)
				.doOnCancel(stopper::cancel)
				.contextWrite((reactorContext) -> reactorContext.put(ObservationThreadLocalAccessor.KEY, observation));
		});
	}

	private Observation start(ZaiObservationContext context) {
		if (context instanceof ZaiChatObservationContext chatContext) {
			return ZaiChatObservationDocumentation.CHAT_OPERATION
				.observation(this.customChatConvention, this.defaultChatConvention, () -> chatContext, this.registry)
				.start();
		}
		return ZaiObservationDocumentation.CLIENT_OPERATION
			.observation(this.customConvention, this.defaultConvention, () -> context, this.registry)
			.start();
	}

	/**
	 * Stops the observation exactly once, before the terminal signal reaches the
	 * subscriber, so that a caller who has its answer also finds it recorded. A single
	 * answer is recorded as it passes: its subscriber may cancel once it has the value,
	 * before the completion.
	 */
	private static final class Stopper<T> implements Consumer<Signal<T>> {

		private final Observation observation;

		private final ZaiObservationContext context;

		private final ZaiCall call;

		private final AtomicBoolean stopped = new AtomicBoolean();

		Stopper(Observation observation, ZaiObservationContext context, ZaiCall call) {
			this.observation = observation;
			this.context = context;
			this.call = call;
		}

		@Override
		public void accept(Signal<T> signal) {
			if (signal.isOnNext()) {
				if (!this.call.streaming()) {
					stop();
				}
			}
			else if (signal.isOnError()) {
				Throwable error = signal.getThrowable();
				if (error != null) {
					this.observation.error(error);
				}
				stop();
			}
			else if (signal.isOnComplete()) {
				stop();
			}
		}

		void cancel() {
			this.context.setCancelled(true);
			stop();
		}

		void stop() {
			if (this.stopped.compareAndSet(false, true)) {
				this.context.setAttempts(Math.max(1, this.call.attempts()));
				this.context.setResult(this.call.result());
				if (this.call.streaming()) {
					this.context.setFirstChunkLatency(this.call.firstElementLatency());
				}
				this.observation.stop();
			}
		}

	}

}
