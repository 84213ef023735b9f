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

import io.github.zaispring.resilience.ConcurrencyLimiter;
import io.github.zaispring.resilience.redis.RedisLimiterListener;
import org.jspecify.annotations.Nullable;

/**
 * Creates the fleet-wide concurrency limiter of {@code zai.concurrency.scope=redis}. Free
 * of Redisson types, so that the auto-configuration loads without Redisson on the class
 * path; the implementation is only created when Redisson is there.
 *
 * @author zai-spring-boot contributors
 */
interface ZaiFleetLimiterFactory {

	/**
	 * Create the limiter of an API key.
	 * @param apiKey the API key whose limit it is
	 * @param listener the listener of its permits
	 * @param redisListener the listener of its round trips to Redis, if any
	 * @return the limiter
	 */
	ConcurrencyLimiter create(String apiKey, ConcurrencyLimiter.Listener listener,
			@Nullable RedisLimiterListener redisListener);

}
