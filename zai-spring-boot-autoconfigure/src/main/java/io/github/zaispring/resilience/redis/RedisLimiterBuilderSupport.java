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

import io.github.zaispring.resilience.ConcurrencyLimiter.Listener;
import org.redisson.api.RedissonReactiveClient;

import org.springframework.util.Assert;

/**
 * The settings and setters of {@link RedisConcurrencyLimiter.Builder}, kept apart so that
 * each file stays short; users only see {@code RedisConcurrencyLimiter.Builder}.
 *
 * @author zai-spring-boot contributors
 */
abstract class RedisLimiterBuilderSupport {

	final RedissonReactiveClient redisson;

	final String apiKey;

	String keyPrefix = "zai:concurrency";

	int maxInFlight = 1;

	Duration maxWait = Duration.ofSeconds(30);

	Duration leaseTime = Duration.ofSeconds(30);

	Duration redisTimeout = Duration.ofSeconds(10);

	String redisAddress = "Redis";

	boolean fallbackToJvm;

	Listener listener = RedisConcurrencyLimiter.NO_OP_LISTENER;

	RedisLimiterListener redisListener = RedisConcurrencyLimiter.NO_OP_REDIS_LISTENER;

	RedisLimiterBuilderSupport(RedissonReactiveClient redisson, String apiKey) {
		Assert.notNull(redisson, "'redisson' must not be null");
		Assert.hasText(apiKey, "'apiKey' must not be empty: the limit is per Z.AI API key");
		this.redisson = redisson;
		this.apiKey = apiKey;
	}

	/**
	 * Set the prefix of the Redis keys. Default {@code zai:concurrency}.
	 * @param keyPrefix the prefix, without spaces
	 * @return this builder
	 */
	public RedisConcurrencyLimiter.Builder keyPrefix(String keyPrefix) {
		Assert.isTrue(keyPrefix != null && !keyPrefix.isBlank() && keyPrefix.chars().noneMatch(Character::isWhitespace),
				() -> "zai.concurrency.redis.key-prefix must be a Redis key prefix without spaces, such as "
						+ "zai:concurrency, but was '" + keyPrefix + "'");
		this.keyPrefix = keyPrefix;
		return self();
	}

	/**
	 * Set the maximum number of requests in flight per key, over the fleet.
	 * @param maxInFlight the maximum, at least 1
	 * @return this builder
	 */
	public RedisConcurrencyLimiter.Builder maxInFlight(int maxInFlight) {
		Assert.isTrue(maxInFlight >= 1, () -> "zai.concurrency.max-in-flight must be at least 1 for a limiter "
				+ "(0 means unlimited: create no limiter), was " + maxInFlight);
		this.maxInFlight = maxInFlight;
		return self();
	}

	/**
	 * Set the maximum time a request waits for a permit. Default 30s.
	 * @param maxWait the maximum wait; zero to fail at once when none is free
	 * @return this builder
	 */
	public RedisConcurrencyLimiter.Builder maxWait(Duration maxWait) {
		Assert.isTrue(maxWait != null && !maxWait.isNegative(),
				() -> "zai.concurrency.max-wait must be zero or positive, such as 30s, was " + maxWait);
		this.maxWait = maxWait;
		return self();
	}

	/**
	 * Set the lease of a permit, renewed every third of it while its call is alive.
	 * Default 30s.
	 * @param leaseTime the lease, at least 300ms
	 * @return this builder
	 */
	public RedisConcurrencyLimiter.Builder leaseTime(Duration leaseTime) {
		Assert.isTrue(leaseTime != null && leaseTime.toMillis() >= 300,
				() -> "zai.concurrency.redis.lease-time must be at least 300ms, such as 30s, was " + leaseTime);
		this.leaseTime = leaseTime;
		return self();
	}

	/**
	 * Set the longest wait for an answer of Redis before it counts as unreachable.
	 * Default 10s.
	 * @param redisTimeout the timeout, positive
	 * @return this builder
	 */
	public RedisConcurrencyLimiter.Builder redisTimeout(Duration redisTimeout) {
		Assert.isTrue(redisTimeout != null && !redisTimeout.isNegative() && !redisTimeout.isZero(),
				() -> "zai.connect-timeout must be positive, such as 10s, was " + redisTimeout);
		this.redisTimeout = redisTimeout;
		return self();
	}

	/**
	 * Set how Redis is named in messages, such as {@code localhost:6379}.
	 * @param redisAddress the address, without credentials
	 * @return this builder
	 */
	public RedisConcurrencyLimiter.Builder redisAddress(String redisAddress) {
		Assert.hasText(redisAddress, "'redisAddress' must not be empty");
		this.redisAddress = redisAddress;
		return self();
	}

	/**
	 * Set whether to apply a limit of this JVM while Redis cannot be reached, instead of
	 * failing. Default {@code false}.
	 * @param fallbackToJvm whether to fall back
	 * @return this builder
	 */
	public RedisConcurrencyLimiter.Builder fallbackToJvm(boolean fallbackToJvm) {
		this.fallbackToJvm = fallbackToJvm;
		return self();
	}

	/**
	 * Set the listener of the permits, such as
	 * {@link io.github.zaispring.resilience.ZaiConcurrencyMetrics}.
	 * @param listener the listener
	 * @return this builder
	 */
	public RedisConcurrencyLimiter.Builder listener(Listener listener) {
		Assert.notNull(listener, "'listener' must not be null");
		this.listener = listener;
		return self();
	}

	/**
	 * Set the listener of the round trips to Redis and the fallback, such as
	 * {@link RedisLimiterMetrics}.
	 * @param redisListener the listener
	 * @return this builder
	 */
	public RedisConcurrencyLimiter.Builder redisListener(RedisLimiterListener redisListener) {
		Assert.notNull(redisListener, "'redisListener' must not be null");
		this.redisListener = redisListener;
		return self();
	}

	abstract RedisConcurrencyLimiter.Builder self();

}
