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

package io.github.zaispring.resilience.redis;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.util.Assert;

/**
 * Meters of a {@link RedisConcurrencyLimiter} about Redis, next to the concurrency meters
 * every limiter has ({@link io.github.zaispring.resilience.ZaiConcurrencyMetrics}):
 * <ul>
 * <li>{@value #ROUND_TRIP}: a timer of the round trips to Redis for a permit, tagged
 * {@code gen_ai.request.model}, {@code operation} ({@code acquire}: the first attempt to
 * take one, without waiting; {@code release}) and {@code outcome} ({@code success} or
 * {@code error});</li>
 * <li>{@value #FALLBACK}: a gauge, 1 while Redis cannot be reached and the limit of this
 * JVM applies ({@code zai.concurrency.redis.fallback=jvm}), else 0;</li>
 * <li>{@value #FLEET_IN_FLIGHT}: a gauge per model of the permits in use in Redis by
 * every replica, read every few seconds.</li>
 * </ul>
 * Pass it as the limiter's {@link RedisConcurrencyLimiter.Builder#redisListener redis
 * listener}.
 *
 * @author zai-spring-boot contributors
 */
public final class RedisLimiterMetrics implements RedisLimiterListener {

	/**
	 * The name of the timer of the round trips to Redis.
	 */
	public static final String ROUND_TRIP = "zai.client.concurrency.redis.round_trip";

	/**
	 * The name of the gauge that shows the fallback to the limit of this JVM.
	 */
	public static final String FALLBACK = "zai.client.concurrency.redis.fallback";

	/**
	 * The name of the gauge of the permits in use over the fleet.
	 */
	public static final String FLEET_IN_FLIGHT = "zai.client.concurrency.fleet.in_flight";

	private static final String MODEL = "gen_ai.request.model";

	private final MeterRegistry meterRegistry;

	private final Meter.MeterProvider<Timer> roundTrip;

	private final AtomicInteger fallback = new AtomicInteger();

	private final Map<String, AtomicInteger> fleetInFlight = new ConcurrentHashMap<>();

	/**
	 * Create the meters in the given registry.
	 * @param meterRegistry the registry
	 */
	public RedisLimiterMetrics(MeterRegistry meterRegistry) {
		Assert.notNull(meterRegistry, "'meterRegistry' must not be null");
		this.meterRegistry = meterRegistry;
		this.roundTrip = Timer.builder(ROUND_TRIP)
			.description("Round trips to Redis for a fleet-wide Z.AI concurrency permit")
			.withRegistry(meterRegistry);
		Gauge.builder(FALLBACK, this.fallback, AtomicInteger::get)
			.description("1 while Redis cannot be reached and the concurrency limit of this JVM applies")
			.register(meterRegistry);
	}

	@Override
	public void onRoundTrip(String key, String operation, Duration duration, boolean success) {
		this.roundTrip.withTags(MODEL, key, "operation", operation, "outcome", success ? "success" : "error")
			.record(duration);
	}

	@Override
	public void onFallback(boolean active) {
		this.fallback.set(active ? 1 : 0);
	}

	@Override
	public void onFleetInFlight(String key, int inFlight) {
		this.fleetInFlight.computeIfAbsent(key, (model) -> {
			AtomicInteger value = new AtomicInteger();
			Gauge.builder(FLEET_IN_FLIGHT, value, AtomicInteger::get)
				.description("Z.AI requests holding a fleet-wide concurrency permit in Redis, over all replicas")
				.tag(MODEL, model)
				.register(this.meterRegistry);
			return value;
		}).set(inFlight);
	}

}
