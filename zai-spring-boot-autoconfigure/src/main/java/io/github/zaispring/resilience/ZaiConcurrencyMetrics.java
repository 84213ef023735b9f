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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Meters of a {@link ConcurrencyLimiter}, per model (tag {@code gen_ai.request.model}):
 * <ul>
 * <li>{@value #QUEUE_WAIT}: a timer of the wait for a permit, tagged {@code outcome} =
 * {@code acquired} (zero when a permit was free) or {@code rejected};</li>
 * <li>{@value #IN_FLIGHT} and {@value #QUEUED}: gauges of the requests that hold a permit
 * and that wait for one.</li>
 * </ul>
 * Pass it as the limiter's {@link ConcurrencyLimiter.Listener listener}, then
 * {@link #bindTo(ConcurrencyLimiter) bind} it to the limiter for the gauges, which are
 * registered for each model when the limiter first reports on it.
 *
 * @author zai-spring-boot contributors
 */
public final class ZaiConcurrencyMetrics implements ConcurrencyLimiter.Listener {

	/**
	 * The name of the queue wait timer.
	 */
	public static final String QUEUE_WAIT = "zai.client.concurrency.queue.wait";

	/**
	 * The name of the gauge of requests in flight.
	 */
	public static final String IN_FLIGHT = "zai.client.concurrency.in_flight";

	/**
	 * The name of the gauge of requests waiting for a permit.
	 */
	public static final String QUEUED = "zai.client.concurrency.queued";

	private static final String MODEL = "gen_ai.request.model";

	private final MeterRegistry meterRegistry;

	private final Meter.MeterProvider<Timer> queueWait;

	private final Set<String> models = ConcurrentHashMap.newKeySet();

	private volatile @Nullable ConcurrencyLimiter limiter;

	/**
	 * Create limiter metrics that record to the given registry.
	 * @param meterRegistry the registry
	 */
	public ZaiConcurrencyMetrics(MeterRegistry meterRegistry) {
		Assert.notNull(meterRegistry, "'meterRegistry' must not be null");
		this.meterRegistry = meterRegistry;
		this.queueWait = Timer.builder(QUEUE_WAIT)
			.description("Wait of Z.AI requests for a concurrency permit")
			.withRegistry(meterRegistry);
	}

	/**
	 * Register the gauges of the given limiter, which must report to this listener.
	 * @param limiter the limiter
	 * @throws IllegalStateException if already bound to a limiter
	 */
	public void bindTo(ConcurrencyLimiter limiter) {
		Assert.notNull(limiter, "'limiter' must not be null");
		Assert.state(this.limiter == null, "Already bound to a limiter; create one ZaiConcurrencyMetrics per limiter");
		this.limiter = limiter;
		for (String model : this.models) {
			registerGauges(limiter, model);
		}
	}

	@Override
	public void onQueued(String model) {
		seen(model);
	}

	@Override
	public void onAcquired(String model, Duration waited) {
		seen(model);
		this.queueWait.withTags(MODEL, model, "outcome", "acquired").record(waited);
	}

	@Override
	public void onRejected(String model, Duration waited) {
		seen(model);
		this.queueWait.withTags(MODEL, model, "outcome", "rejected").record(waited);
	}

	private void seen(String model) {
		if (this.models.add(model)) {
			ConcurrencyLimiter limiter = this.limiter;
			if (limiter != null) {
				registerGauges(limiter, model);
			}
		}
	}

	private void registerGauges(ConcurrencyLimiter limiter, String model) {
		Tags tags = Tags.of(MODEL, model);
		Gauge.builder(IN_FLIGHT, limiter, (l) -> l.inFlight(model))
			.description("Z.AI requests holding a concurrency permit")
			.tags(tags)
			.register(this.meterRegistry);
		Gauge.builder(QUEUED, limiter, (l) -> l.queued(model))
			.description("Z.AI requests waiting for a concurrency permit")
			.tags(tags)
			.register(this.meterRegistry);
	}

}
