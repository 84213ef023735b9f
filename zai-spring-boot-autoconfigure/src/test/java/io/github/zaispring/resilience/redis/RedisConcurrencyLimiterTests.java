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

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import io.github.zaispring.ZaiException;
import io.github.zaispring.ZaiRateLimitException;
import io.github.zaispring.autoconfigure.redis.RedisServer;
import io.github.zaispring.resilience.ConcurrencyLimiter.Permit;
import io.github.zaispring.resilience.ZaiRetryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.Redisson;
import org.redisson.api.RPermitExpirableSemaphore;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link RedisConcurrencyLimiter} against a real {@code redis-server}.
 *
 * @author zai-spring-boot contributors
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisConcurrencyLimiterTests {

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	private static final String API_KEY = "limiter-test-id.limiter-test-secret";

	private static final String MODEL = "glm-4.6";

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final List<RedissonClient> clients = new ArrayList<>();

	private final List<RedisConcurrencyLimiter> limiters = new ArrayList<>();

	@AfterEach
	void close() {
		this.limiters.forEach(RedisConcurrencyLimiter::close);
		this.clients.forEach(RedissonClient::shutdown);
		if (redis.isRunning()) {
			redis.flushAll();
		}
	}

	@Test
	void takesPermitsUpToTheLimitAndHandsAReleasedOneToAWaiter() {
		RedisConcurrencyLimiter limiter = limiter(redis.getPort(), 2, (builder) -> builder);
		Permit first = limiter.acquire(MODEL).block(WAIT);
		Permit second = limiter.acquire(MODEL).block(WAIT);
		assertThat(limiter.inFlight(MODEL)).isEqualTo(2);
		assertThat(redis.execute("GET", limiter.redisKey(MODEL))).isEqualTo("0");
		StepVerifier.create(limiter.acquire(MODEL))
			.expectSubscription()
			.then(() -> await().atMost(WAIT).until(() -> limiter.queued(MODEL) == 1))
			.then(first::release)
			.assertNext((third) -> {
				assertThat(limiter.inFlight(MODEL)).isEqualTo(2);
				third.release();
			})
			.verifyComplete();
		second.release();
		await().atMost(WAIT).until(() -> "2".equals(redis.execute("GET", limiter.redisKey(MODEL))));
		assertThat(limiter.inFlight(MODEL)).isZero();
		assertThat(limiter.queued(MODEL)).isZero();
	}

	@Test
	void givesAPermitBackOnceHoweverOftenReleased() {
		RedisConcurrencyLimiter limiter = limiter(redis.getPort(), 2, (builder) -> builder);
		Permit permit = limiter.acquire(MODEL).block(WAIT);
		permit.release();
		permit.release();
		await().atMost(WAIT).until(() -> "2".equals(redis.execute("GET", limiter.redisKey(MODEL))));
		assertThat(limiter.inFlight(MODEL)).isZero();
	}

	@Test
	void failsWithARateLimitExceptionWhenNoPermitFreesWithinTheMaximumWait() {
		RedisConcurrencyLimiter limiter = limiter(redis.getPort(), 1,
				(builder) -> builder.maxWait(Duration.ofMillis(300)));
		Permit held = limiter.acquire(MODEL).block(WAIT);
		StepVerifier.create(limiter.acquire(MODEL)).expectErrorSatisfies((ex) -> {
			assertThat(ex).isInstanceOf(ZaiRateLimitException.class)
				.hasMessageContaining("zai.concurrency.max-in-flight of 1 reached for model glm-4.6")
				.hasMessageContaining("zai.concurrency.max-wait");
			// checked as the rejection arrives: it is no longer counted as queued
			assertThat(limiter.queued(MODEL)).isZero();
		}).verify(WAIT);
		assertThat(limiter.queued(MODEL)).isZero();
		held.release();
	}

	@Test
	void failsAtOnceWhenTheMaximumWaitIsZero() {
		RedisConcurrencyLimiter limiter = limiter(redis.getPort(), 1, (builder) -> builder.maxWait(Duration.ZERO));
		Permit held = limiter.acquire(MODEL).block(WAIT);
		StepVerifier.create(limiter.acquire(MODEL)).expectError(ZaiRateLimitException.class).verify(WAIT);
		assertThat(limiter.queued(MODEL)).isZero();
		held.release();
	}

	@Test
	void renewsTheLeaseOfAHeldPermitPastTheLeaseTime() {
		RedisConcurrencyLimiter limiter = limiter(redis.getPort(), 1,
				(builder) -> builder.leaseTime(Duration.ofMillis(600)).maxWait(Duration.ZERO));
		Permit held = limiter.acquire(MODEL).block(WAIT);
		// four lease times later the permit is still taken
		StepVerifier.create(Mono.delay(Duration.ofMillis(2400)).then(limiter.acquire(MODEL)))
			.expectError(ZaiRateLimitException.class)
			.verify(WAIT);
		held.release();
		// the release reaches Redis asynchronously
		await().atMost(WAIT).until(() -> "1".equals(redis.execute("GET", limiter.redisKey(MODEL))));
		StepVerifier.create(limiter.acquire(MODEL)).assertNext(Permit::release).verifyComplete();
	}

	@Test
	void getsThePermitOfADeadHolderBackWithinOneLeaseTime() throws InterruptedException {
		RedisConcurrencyLimiter limiter = limiter(redis.getPort(), 1,
				(builder) -> builder.leaseTime(Duration.ofMillis(600)));
		limiter.acquire(MODEL).block(WAIT).release();
		await().atMost(WAIT).until(() -> "1".equals(redis.execute("GET", limiter.redisKey(MODEL))));
		// a replica that died: its permit is never renewed nor given back
		RPermitExpirableSemaphore semaphore = client(redis.getPort())
			.getPermitExpirableSemaphore(limiter.redisKey(MODEL));
		assertThat(semaphore.tryAcquire(0, 600, TimeUnit.MILLISECONDS)).isNotNull();
		long start = System.nanoTime();
		Permit permit = limiter.acquire(MODEL).block(WAIT);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(600 + 500));
		permit.release();
	}

	@Test
	void givesThePermitOfACancelledWaiterBack() {
		RedisConcurrencyLimiter limiter = limiter(redis.getPort(), 1, (builder) -> builder);
		Permit held = limiter.acquire(MODEL).block(WAIT);
		Disposable waiter = limiter.acquire(MODEL).subscribe();
		await().atMost(WAIT).until(() -> limiter.queued(MODEL) == 1);
		waiter.dispose();
		assertThat(limiter.queued(MODEL)).isZero();
		held.release();
		await().atMost(WAIT).until(() -> "1".equals(redis.execute("GET", limiter.redisKey(MODEL))));
		assertThat(limiter.inFlight(MODEL)).isZero();
		StepVerifier.create(limiter.acquire(MODEL)).assertNext(Permit::release).verifyComplete();
	}

	@Test
	void givesThePermitBackWhenTheLimitedCallIsCancelled() {
		RedisConcurrencyLimiter limiter = limiter(redis.getPort(), 1, (builder) -> builder);
		Disposable call = limiter.limit(MODEL, Mono.never().flux()).subscribe();
		await().atMost(WAIT).until(() -> limiter.inFlight(MODEL) == 1);
		call.dispose();
		assertThat(limiter.inFlight(MODEL)).isZero();
		await().atMost(WAIT).until(() -> "1".equals(redis.execute("GET", limiter.redisKey(MODEL))));
	}

	@Test
	void keysHoldTheFingerprintOfTheApiKeyAndTheModelButNeverTheKey() {
		RedisConcurrencyLimiter limiter = limiter(redis.getPort(), 1, (builder) -> builder.keyPrefix("test:limit"));
		limiter.acquire(MODEL).block(WAIT).release();
		String fingerprint = RedisConcurrencyLimiter.fingerprint(API_KEY);
		assertThat(fingerprint).hasSize(16).matches("[0-9a-f]{16}");
		assertThat(limiter.redisKey(MODEL)).isEqualTo("test:limit:" + fingerprint + ":glm-4.6");
		@SuppressWarnings("unchecked")
		List<String> keys = (List<String>) redis.execute("KEYS", "*");
		assertThat(keys).contains("test:limit:" + fingerprint + ":glm-4.6")
			.noneMatch((key) -> key.contains("limiter-test-secret"));
	}

	@Test
	void twoApiKeysDoNotShareALimit() {
		RedisConcurrencyLimiter one = limiter(redis.getPort(), 1, (builder) -> builder.maxWait(Duration.ZERO));
		RedisConcurrencyLimiter other = track(
				RedisConcurrencyLimiter.builder(client(redis.getPort()).reactive(), "another-id.another-secret")
					.keyPrefix("test:concurrency")
					.maxInFlight(1)
					.maxWait(Duration.ZERO)
					.build());
		Permit first = one.acquire(MODEL).block(WAIT);
		Permit second = other.acquire(MODEL).block(WAIT);
		assertThat(one.redisKey(MODEL)).isNotEqualTo(other.redisKey(MODEL));
		StepVerifier.create(one.acquire(MODEL)).expectError(ZaiRateLimitException.class).verify(WAIT);
		first.release();
		second.release();
	}

	@Test
	void twoLimitersOfOneApiKeyShareALimit() {
		RedisConcurrencyLimiter one = limiter(redis.getPort(), 1, (builder) -> builder.maxWait(Duration.ZERO));
		RedisConcurrencyLimiter replica = limiter(redis.getPort(), 1, (builder) -> builder.maxWait(Duration.ZERO));
		Permit held = one.acquire(MODEL).block(WAIT);
		StepVerifier.create(replica.acquire(MODEL)).expectError(ZaiRateLimitException.class).verify(WAIT);
		held.release();
		await().atMost(WAIT).until(() -> "1".equals(redis.execute("GET", one.redisKey(MODEL))));
		StepVerifier.create(replica.acquire(MODEL)).assertNext(Permit::release).verifyComplete();
	}

	@Test
	void failsWithinTheRedisTimeoutWithAnExceptionNamingRedisWhenRedisCannotBeReached() throws IOException {
		int closedPort = closedPort();
		RedisConcurrencyLimiter limiter = limiter(closedPort, 1,
				(builder) -> builder.redisTimeout(Duration.ofSeconds(1)).redisAddress("127.0.0.1:" + closedPort));
		// the first call of a JVM loads the classes of Redisson's connection
		StepVerifier.create(limiter.acquire("warm-up")).expectError(ZaiException.class).verify(WAIT);
		long start = System.nanoTime();
		StepVerifier.create(limiter.acquire(MODEL))
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(ZaiException.class)
				.hasMessageContaining("Redis at 127.0.0.1:" + closedPort)
				.hasMessageContaining("spring.data.redis.*")
				.hasMessageContaining("zai.concurrency.redis.fallback=jvm")
				.hasMessageNotContaining("limiter-test-secret"))
			.verify(WAIT);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
	}

	@Test
	void aRedisFailureIsNeverRetried() {
		ZaiRetryPolicy policy = new ZaiRetryPolicy(new ZaiRetryPolicy.RetrySettings(3, Duration.ofMillis(1), 2,
				Duration.ofMillis(1), Duration.ofSeconds(1)));
		assertThat(policy.shouldRetry(new ZaiException("Redis at localhost:6379 cannot be reached", null))).isFalse();
	}

	@Test
	void fallsBackToTheLimitOfThisJvmWhileRedisIsDownWithOneWarningAndComesBack(CapturedOutput output) {
		List<Boolean> fallback = new CopyOnWriteArrayList<>();
		RedisConcurrencyLimiter limiter = limiter(redis.getPort(), 1,
				(builder) -> builder.fallbackToJvm(true)
					.maxWait(Duration.ZERO)
					.leaseTime(Duration.ofMillis(900))
					.redisTimeout(Duration.ofSeconds(1))
					.redisAddress("127.0.0.1:" + redis.getPort())
					.redisListener(new RedisLimiterListener() {

						@Override
						public void onFallback(boolean active) {
							fallback.add(active);
						}

					}));
		limiter.acquire(MODEL).block(WAIT).release();
		redis.stop();
		Permit local = limiter.acquire(MODEL).block(WAIT);
		assertThat(limiter.isFallbackActive()).isTrue();
		assertThat(fallback).containsExactly(true);
		// the limit of this JVM applies meanwhile
		StepVerifier.create(limiter.acquire(MODEL)).expectError(ZaiRateLimitException.class).verify(WAIT);
		assertThat(limiter.inFlight(MODEL)).isOne();
		local.release();
		limiter.acquire(MODEL).block(WAIT).release();
		assertThat(output.getOut().split("cannot be reached", -1)).hasSize(2);
		assertThat(output).contains("the concurrency limit of this JVM applies until it answers again");
		redis.start();
		await().atMost(WAIT).until(() -> !limiter.isFallbackActive());
		assertThat(fallback).containsExactly(true, false);
		assertThat(output).contains("answers again: the fleet-wide concurrency limit");
		// back on Redis, which restarted empty: the permits are set again
		Permit shared = limiter.acquire(MODEL).block(WAIT);
		assertThat(redis.execute("GET", limiter.redisKey(MODEL))).isEqualTo("0");
		shared.release();
	}

	@Test
	void setsThePermitsAgainWhenRedisRestartedEmpty() {
		RedisConcurrencyLimiter limiter = limiter(redis.getPort(), 2,
				(builder) -> builder.leaseTime(Duration.ofMillis(900)));
		limiter.acquire(MODEL).block(WAIT).release();
		redis.stop();
		redis.start();
		assertThat(redis.execute("GET", limiter.redisKey(MODEL))).isNull();
		Permit permit = limiter.acquire(MODEL).block(WAIT);
		assertThat(redis.execute("GET", limiter.redisKey(MODEL))).isEqualTo("1");
		permit.release();
	}

	@Test
	void reportsTheRoundTripsAndTheFleetWideCount() {
		List<String> roundTrips = new CopyOnWriteArrayList<>();
		List<Integer> fleet = new CopyOnWriteArrayList<>();
		RedisConcurrencyLimiter limiter = limiter(redis.getPort(), 3,
				(builder) -> builder.leaseTime(Duration.ofMillis(900)).redisListener(new RedisLimiterListener() {

					@Override
					public void onRoundTrip(String key, String operation, Duration duration, boolean success) {
						roundTrips.add(key + " " + operation + " " + success);
					}

					@Override
					public void onFleetInFlight(String key, int inFlight) {
						fleet.add(inFlight);
					}

				}));
		Permit permit = limiter.acquire(MODEL).block(WAIT);
		await().atMost(WAIT).until(() -> limiter.fleetInFlight(MODEL) == 1);
		assertThat(fleet).contains(1);
		permit.release();
		await().atMost(WAIT).until(() -> roundTrips.contains("glm-4.6 release true"));
		assertThat(roundTrips).contains("glm-4.6 acquire true");
	}

	private RedisConcurrencyLimiter limiter(int port, int maxInFlight,
			UnaryOperator<RedisConcurrencyLimiter.Builder> customizer) {
		RedisConcurrencyLimiter.Builder builder = RedisConcurrencyLimiter.builder(client(port).reactive(), API_KEY)
			.keyPrefix("test:concurrency")
			.maxInFlight(maxInFlight)
			.maxWait(Duration.ofSeconds(5));
		return track(customizer.apply(builder).build());
	}

	private RedisConcurrencyLimiter track(RedisConcurrencyLimiter limiter) {
		this.limiters.add(limiter);
		return limiter;
	}

	private RedissonClient client(int port) {
		Config config = new Config();
		config.setLazyInitialization(true);
		config.setCodec(StringCodec.INSTANCE);
		config.useSingleServer().setAddress("redis://127.0.0.1:" + port).setConnectTimeout(1000).setRetryAttempts(1);
		RedissonClient client = Redisson.create(config);
		this.clients.add(client);
		return client;
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
