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
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.zaispring.resilience.ConcurrencyLimiter;
import io.github.zaispring.resilience.ConcurrencyLimiter.Permit;
import io.github.zaispring.resilience.LocalConcurrencyLimiter;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * The latency a {@link RedisConcurrencyLimiter} adds per call against a local Redis,
 * against the {@link LocalConcurrencyLimiter}, for BENCHMARKS.md: the time from
 * subscribing to {@code acquire} to holding a free permit, and the round trip of giving
 * it back (reported by the limiter's listener; a release does not hold up its call). Not
 * a test: run its {@code main} with the test class path and the port of a running
 * {@code redis-server}, {@code RedisLimiterLatency <port> [calls]}.
 *
 * @author zai-spring-boot contributors
 */
public final class RedisLimiterLatency {

	private RedisLimiterLatency() {
	}

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		int calls = (args.length > 1) ? Integer.parseInt(args[1]) : 20_000;
		Config config = new Config();
		config.setCodec(StringCodec.INSTANCE);
		config.useSingleServer().setAddress("redis://127.0.0.1:" + port);
		RedissonClient client = Redisson.create(config);
		try {
			ConcurrentLinkedQueue<Long> releases = new ConcurrentLinkedQueue<>();
			RedisConcurrencyLimiter redis = RedisConcurrencyLimiter.builder(client.reactive(), "bench-id.bench-secret")
				.keyPrefix("bench:concurrency")
				.maxInFlight(1000)
				.redisListener(new RedisLimiterListener() {

					@Override
					public void onRoundTrip(String key, String operation, Duration duration, boolean success) {
						if (operation.equals("release")) {
							releases.add(duration.toNanos());
						}
					}

				})
				.build();
			LocalConcurrencyLimiter local = new LocalConcurrencyLimiter(1000, Duration.ofSeconds(30));
			for (int round = 0; round < 2; round++) {
				boolean measured = round == 1;
				long[] jvm = run(local, calls);
				releases.clear();
				long[] shared = run(redis, calls);
				awaitReleases(releases, calls);
				long[] released = releases.stream().mapToLong(Long::longValue).toArray();
				if (measured) {
					print("jvm scope, acquire", jvm);
					print("redis scope, acquire", shared);
					print("redis scope, release round trip", released);
				}
			}
			redis.close();
		}
		finally {
			client.shutdown();
		}
	}

	private static long[] run(ConcurrencyLimiter limiter, int calls) {
		long[] nanos = new long[calls];
		for (int i = 0; i < calls; i++) {
			long start = System.nanoTime();
			Permit permit = limiter.acquire("glm-4.6").block();
			nanos[i] = System.nanoTime() - start;
			permit.release();
		}
		return nanos;
	}

	private static void awaitReleases(ConcurrentLinkedQueue<Long> releases, int calls) throws InterruptedException {
		CountDownLatch never = new CountDownLatch(1);
		for (int i = 0; i < 100 && releases.size() < calls; i++) {
			never.await(100, TimeUnit.MILLISECONDS);
		}
	}

	private static void print(String what, long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		System.out.printf("%s: n=%d median=%.1f µs p99=%.1f µs%n", what, sorted.length,
				sorted[sorted.length / 2] / 1000.0, sorted[(int) (sorted.length * 0.99)] / 1000.0);
	}

}
