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

package io.github.zaispring.resilience;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import io.github.zaispring.ZaiRateLimitException;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.util.Assert;

/**
 * The limit of requests in flight per model within this JVM
 * ({@code zai.concurrency.scope} {@code jvm}). Z.AI limits the requests a key may have in
 * flight per model and answers error 1302 beyond that; this limiter makes the requests
 * beyond the limit wait in a fair queue instead, and fails them with a
 * {@link ZaiRateLimitException} only when no slot frees within the maximum wait.
 * <p>
 * Each model has its own independent limit. Waiting never blocks a thread. A request that
 * finds no free permit is put at the end of the model's queue, and a permit given back
 * while others wait goes straight to the head of the queue, so newcomers never overtake
 * waiting requests. The waiter gets its permit on the thread that gave it back, never
 * while a lock is held and without growing the stack. The maximum wait is timed on
 * {@link Schedulers#parallel()}, so it follows virtual time in tests.
 * <p>
 * State for a model is created when the model is first used and is kept for the life of
 * the limiter: a few fields per model, nothing per request once its permit is back.
 *
 * @author zai-spring-boot contributors
 */
public final class LocalConcurrencyLimiter implements ConcurrencyLimiter {

	private static final Listener NO_OP_LISTENER = new Listener() {
	};

	private final int maxInFlight;

	private final Duration maxWait;

	private final Listener listener;

	private final LongSupplier nanoClock;

	private final Map<String, ModelPermits> models = new ConcurrentHashMap<>();

	/**
	 * Create a limiter.
	 * @param maxInFlight the maximum number of requests in flight per model, at least 1
	 * @param maxWait the maximum time a request waits for a permit; zero to fail at once
	 * when none is free
	 */
	public LocalConcurrencyLimiter(int maxInFlight, Duration maxWait) {
		this(maxInFlight, maxWait, NO_OP_LISTENER);
	}

	/**
	 * Create a limiter that reports to a listener, with waits measured by
	 * {@link System#nanoTime()}.
	 * @param maxInFlight the maximum number of requests in flight per model, at least 1
	 * @param maxWait the maximum time a request waits for a permit; zero to fail at once
	 * when none is free
	 * @param listener the listener to tell about queued, acquired, rejected and released
	 * permits
	 */
	public LocalConcurrencyLimiter(int maxInFlight, Duration maxWait, Listener listener) {
		this(maxInFlight, maxWait, listener, System::nanoTime);
	}

	/**
	 * Create a limiter that reports to a listener, with waits measured by the given
	 * clock.
	 * @param maxInFlight the maximum number of requests in flight per model, at least 1
	 * @param maxWait the maximum time a request waits for a permit; zero to fail at once
	 * when none is free
	 * @param listener the listener to tell about queued, acquired, rejected and released
	 * permits
	 * @param nanoClock the source of the nanosecond timestamps the waits reported to the
	 * listener are measured with, such as {@code System::nanoTime}; it only measures, the
	 * maximum wait is always timed on {@link Schedulers#parallel()}
	 */
	public LocalConcurrencyLimiter(int maxInFlight, Duration maxWait, Listener listener, LongSupplier nanoClock) {
		Assert.isTrue(maxInFlight >= 1, () -> "zai.concurrency.max-in-flight must be at least 1 for a limiter "
				+ "(0 means unlimited: create no limiter), was " + maxInFlight);
		Assert.notNull(maxWait, "zai.concurrency.max-wait must not be null; use a duration such as 30s, or 0");
		Assert.isTrue(!maxWait.isNegative(),
				() -> "zai.concurrency.max-wait must be zero or positive, such as 30s, was " + maxWait);
		Assert.notNull(listener, "'listener' must not be null");
		Assert.notNull(nanoClock, "'nanoClock' must not be null; use System::nanoTime");
		this.maxInFlight = maxInFlight;
		this.maxWait = maxWait;
		this.listener = new SafeListener(listener);
		this.nanoClock = nanoClock;
	}

	@Override
	public Mono<Permit> acquire(String key) {
		ModelPermits permits = permits(key);
		return new AcquireMono(permits);
	}

	@Override
	public int inFlight(String model) {
		ModelPermits permits = this.models.get(model);
		return (permits != null) ? permits.inFlight() : 0;
	}

	@Override
	public int queued(String model) {
		ModelPermits permits = this.models.get(model);
		return (permits != null) ? permits.queued() : 0;
	}

	/**
	 * Return the number of requests that hold a permit, over all models.
	 * @return the requests in flight
	 */
	public int totalInFlight() {
		int total = 0;
		for (ModelPermits permits : this.models.values()) {
			total += permits.inFlight();
		}
		return total;
	}

	/**
	 * Return the number of requests that wait for a permit, over all models.
	 * @return the waiting requests
	 */
	public int totalQueued() {
		int total = 0;
		for (ModelPermits permits : this.models.values()) {
			total += permits.queued();
		}
		return total;
	}

	/**
	 * Return the maximum number of requests in flight per model.
	 * @return the limit
	 */
	public int getMaxInFlight() {
		return this.maxInFlight;
	}

	/**
	 * Return the maximum time a request waits for a permit.
	 * @return the maximum wait, zero when requests beyond the limit fail at once
	 */
	public Duration getMaxWait() {
		return this.maxWait;
	}

	private ModelPermits permits(String model) {
		Assert.notNull(model, "'model' must not be null");
		return this.models.computeIfAbsent(model,
				(name) -> new ModelPermits(name, this.maxInFlight, this.maxWait, this.listener, this.nanoClock));
	}

	private static final class AcquireMono extends Mono<Permit> {

		private final ModelPermits permits;

		AcquireMono(ModelPermits permits) {
			this.permits = permits;
		}

		@Override
		public void subscribe(CoreSubscriber<? super Permit> actual) {
			new Waiter(actual, this.permits).start();
		}

	}

}
