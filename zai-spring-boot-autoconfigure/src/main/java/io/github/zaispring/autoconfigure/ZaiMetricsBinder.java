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

package io.github.zaispring.autoconfigure;

import io.github.resilience4j.retry.Retry;
import io.github.zaispring.resilience.ConcurrencyLimiter;
import io.github.zaispring.resilience.redis.RedisLimiterListener;

/**
 * Binds the client's retry and concurrency limit to meters. Kept free of Micrometer types
 * so that the auto-configuration loads without Micrometer on the classpath.
 *
 * @author zai-spring-boot contributors
 */
interface ZaiMetricsBinder {

	/**
	 * Count the retries of the given retry.
	 * @param retry the retry
	 */
	void bindRetry(Retry retry);

	/**
	 * Return the listener that times the concurrency queue.
	 * @return the listener
	 */
	ConcurrencyLimiter.Listener concurrencyListener();

	/**
	 * Publish the gauges of the given limiter, created with
	 * {@link #concurrencyListener()}.
	 * @param limiter the limiter
	 */
	void bindConcurrencyLimiter(ConcurrencyLimiter limiter);

	/**
	 * Return the listener that times the round trips of a fleet-wide limiter to Redis and
	 * shows its fallback.
	 * @return the listener
	 */
	RedisLimiterListener redisLimiterListener();

}
