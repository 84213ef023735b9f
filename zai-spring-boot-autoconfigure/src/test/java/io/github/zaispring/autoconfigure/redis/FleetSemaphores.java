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

package io.github.zaispring.autoconfigure.redis;

import org.redisson.Redisson;
import org.redisson.api.RPermitExpirableSemaphore;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * Reads the fleet's semaphores straight from Redis with a Redisson client of the test's
 * own, the way an operator would.
 *
 * @author zai-spring-boot contributors
 */
final class FleetSemaphores implements AutoCloseable {

	private final RedissonClient client;

	FleetSemaphores(RedisServer redis) {
		Config config = new Config();
		config.useSingleServer()
			.setAddress(redis.getUri())
			.setConnectionMinimumIdleSize(1)
			.setConnectionPoolSize(2)
			.setSubscriptionConnectionMinimumIdleSize(0);
		this.client = Redisson.create(config);
	}

	/**
	 * The permits free for every replica right now; expired leases count as free, as
	 * Redisson reclaims them when asked.
	 * @param key the semaphore's key
	 * @return the free permits
	 */
	int available(String key) {
		return semaphore(key).availablePermits();
	}

	/**
	 * The permits the semaphore was set to.
	 * @param key the semaphore's key
	 * @return the permits, free and held
	 */
	int permits(String key) {
		return semaphore(key).getPermits();
	}

	private RPermitExpirableSemaphore semaphore(String key) {
		return this.client.getPermitExpirableSemaphore(key);
	}

	@Override
	public void close() {
		this.client.shutdown();
	}

}
