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

/**
 * Callbacks of a {@link RedisConcurrencyLimiter} about Redis itself, for metrics: the
 * round trips of its permits, the fallback to the limit of this JVM while Redis cannot be
 * reached, and the fleet-wide count of permits in use. The permits themselves are
 * reported to its {@link io.github.zaispring.resilience.ConcurrencyLimiter.Listener}.
 * <p>
 * Called on Redis client or scheduler threads; callbacks should return quickly. An
 * exception thrown by a callback is logged and otherwise ignored.
 *
 * @author zai-spring-boot contributors
 */
public interface RedisLimiterListener {

	/**
	 * Called when a round trip to Redis for a permit completes.
	 * @param key the key, such as the model
	 * @param operation {@code acquire} (the first attempt to take a permit, without
	 * waiting) or {@code release}
	 * @param duration how long the round trip took
	 * @param success whether Redis answered; {@code false} on an error or a timeout
	 */
	default void onRoundTrip(String key, String operation, Duration duration, boolean success) {
	}

	/**
	 * Called when the limiter starts or stops applying the limit of this JVM because
	 * Redis cannot be reached ({@code zai.concurrency.redis.fallback=jvm}).
	 * @param active whether the fallback is now active
	 */
	default void onFallback(boolean active) {
	}

	/**
	 * Called periodically with the number of permits of a key in use in Redis, by every
	 * replica.
	 * @param key the key, such as the model
	 * @param inFlight the permits in use
	 */
	default void onFleetInFlight(String key, int inFlight) {
	}

}
