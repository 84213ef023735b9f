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

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.zaispring.resilience.ConcurrencyLimiter;
import io.github.zaispring.resilience.redis.RedisConcurrencyLimiter;
import io.github.zaispring.resilience.redis.RedisLimiterListener;
import org.jspecify.annotations.Nullable;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.api.RedissonReactiveClient;

import org.springframework.beans.factory.DisposableBean;

/**
 * Creates the {@link RedisConcurrencyLimiter}s of the application on one Redisson client:
 * the application's own {@link RedissonClient} bean when it has one, else a client of its
 * own built from {@code spring.data.redis.*} (and the SSL bundle it names) when first
 * needed, which connects to Redis on its first command, and is shut down with the
 * application context.
 *
 * @author zai-spring-boot contributors
 */
final class ZaiRedisLimiterFactory implements ZaiFleetLimiterFactory, DisposableBean {

	private final ZaiProperties properties;

	private final ZaiRedisConnection connection;

	private final @Nullable RedissonClient applicationClient;

	private final List<RedisConcurrencyLimiter> limiters = new CopyOnWriteArrayList<>();

	private @Nullable RedissonClient ownClient;

	ZaiRedisLimiterFactory(ZaiProperties properties, ZaiRedisConnection connection,
			@Nullable RedissonClient applicationClient) {
		this.properties = properties;
		this.connection = connection;
		this.applicationClient = applicationClient;
	}

	@Override
	public ConcurrencyLimiter create(String apiKey, ConcurrencyLimiter.Listener listener,
			@Nullable RedisLimiterListener redisListener) {
		ZaiProperties.Concurrency concurrency = this.properties.getConcurrency();
		ZaiProperties.Redis redis = concurrency.getRedis();
		RedisConcurrencyLimiter.Builder builder = RedisConcurrencyLimiter.builder(client(), apiKey)
			.keyPrefix(redis.getKeyPrefix())
			.maxInFlight(concurrency.getMaxInFlight())
			.maxWait(concurrency.getMaxWait())
			.leaseTime(redis.getLeaseTime())
			.redisTimeout(this.properties.getConnectTimeout())
			.redisAddress(this.connection.describe())
			.fallbackToJvm(redis.getFallback() == ZaiProperties.Concurrency.Fallback.JVM)
			.listener(listener);
		if (redisListener != null) {
			builder.redisListener(redisListener);
		}
		RedisConcurrencyLimiter limiter = builder.build();
		this.limiters.add(limiter);
		return limiter;
	}

	private synchronized RedissonReactiveClient client() {
		if (this.applicationClient != null) {
			return this.applicationClient.reactive();
		}
		if (this.ownClient == null) {
			this.ownClient = Redisson.create(this.connection.toRedissonConfig(this.properties.getConnectTimeout()));
		}
		return this.ownClient.reactive();
	}

	@Override
	public void destroy() {
		this.limiters.forEach(RedisConcurrencyLimiter::close);
		RedissonClient client;
		synchronized (this) {
			client = this.ownClient;
			this.ownClient = null;
		}
		if (client != null) {
			client.shutdown();
		}
	}

}
