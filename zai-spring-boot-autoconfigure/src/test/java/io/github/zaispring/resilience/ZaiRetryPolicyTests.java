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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.zaispring.ZaiApiException;
import io.github.zaispring.ZaiAuthenticationException;
import io.github.zaispring.ZaiBadRequestException;
import io.github.zaispring.ZaiConnectionException;
import io.github.zaispring.ZaiContentFilterException;
import io.github.zaispring.ZaiException;
import io.github.zaispring.ZaiQuotaExceededException;
import io.github.zaispring.ZaiRateLimitException;
import io.github.zaispring.ZaiServerException;
import io.github.zaispring.ZaiStreamException;
import io.github.zaispring.ZaiTimeoutException;
import io.github.zaispring.resilience.ZaiRetryPolicy.RetrySettings;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ZaiRetryPolicy} and {@link ZaiResilience}, with backoff checked on
 * virtual time.
 *
 * @author zai-spring-boot contributors
 */
class ZaiRetryPolicyTests {

	private static final RetrySettings SETTINGS = new RetrySettings(4, Duration.ofMillis(500), 2, Duration.ofSeconds(8),
			Duration.ofSeconds(60));

	private final ZaiRetryPolicy policy = new ZaiRetryPolicy(SETTINGS, () -> 0.0);

	@Test
	void retriesServerErrorsThrottlingAndConnectionFailures() {
		assertThat(this.policy.shouldRetry(new ZaiServerException(500, "500", "Internal Error", null))).isTrue();
		assertThat(this.policy.shouldRetry(new ZaiServerException(500, "1234", "Network error", null))).isTrue();
		assertThat(this.policy.shouldRetry(new ZaiServerException(503, null, "Service Unavailable", null))).isTrue();
		for (String code : List.of("1302", "1303", "1305", "1312")) {
			assertThat(this.policy.shouldRetry(new ZaiRateLimitException(429, code, "slow down", null))).as(code)
				.isTrue();
		}
		assertThat(this.policy.shouldRetry(new ZaiConnectionException("refused", null, null))).isTrue();
		assertThat(this.policy
			.shouldRetry(new ZaiTimeoutException(ZaiTimeoutException.CONNECT_TIMEOUT, Duration.ofSeconds(10), null)))
			.isTrue();
	}

	@Test
	void neverRetriesParameterAuthenticationQuotaOrContentErrors() {
		List<ZaiException> permanent = List.of(new ZaiBadRequestException(400, "1214", "Input cannot be empty", null),
				new ZaiAuthenticationException(401, "1002", "Invalid token", null),
				new ZaiQuotaExceededException(429, "1113", "Insufficient balance", null),
				new ZaiQuotaExceededException(429, "1304", "Daily limit", null),
				new ZaiQuotaExceededException(429, "1308", "Usage limit", null),
				new ZaiQuotaExceededException(429, "1110", "Inactive account", null),
				new ZaiContentFilterException(400, "1301", "Sensitive", null),
				new ZaiStreamException("cut off", null, null));
		assertThat(permanent).allSatisfy((failure) -> assertThat(this.policy.shouldRetry(failure)).isFalse());
	}

	@Test
	void neverRetriesTimeoutsOfARequestThatWasSent() {
		for (String name : List.of(ZaiTimeoutException.RESPONSE_TIMEOUT, ZaiTimeoutException.FIRST_CHUNK_TIMEOUT,
				ZaiTimeoutException.STREAM_IDLE_TIMEOUT)) {
			assertThat(this.policy.shouldRetry(new ZaiTimeoutException(name, Duration.ofSeconds(1), null))).as(name)
				.isFalse();
		}
	}

	@Test
	void backsOffExponentiallyUpToTheMaximum() {
		assertThat(this.policy.backoff(1, null)).isEqualTo(Duration.ofMillis(500));
		assertThat(this.policy.backoff(2, null)).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.policy.backoff(3, null)).isEqualTo(Duration.ofSeconds(2));
		assertThat(this.policy.backoff(6, null)).isEqualTo(Duration.ofSeconds(8));
		assertThat(this.policy.backoff(20, null)).isEqualTo(Duration.ofSeconds(8));
	}

	@Test
	void jitterShortensTheWaitByAtMostAQuarter() {
		ZaiRetryPolicy jittered = new ZaiRetryPolicy(SETTINGS, () -> 0.999);
		assertThat(jittered.backoff(1, null)).isBetween(Duration.ofMillis(375), Duration.ofMillis(500));
		assertThat(jittered.backoff(1, null)).isLessThan(Duration.ofMillis(400));
	}

	@Test
	void retryAfterReplacesTheComputedWaitEvenBeyondTheMaximumBackoff() {
		ZaiApiException throttled = new ZaiRateLimitException(429, "1302", "slow down", null, Duration.ofSeconds(20));
		assertThat(this.policy.backoff(1, throttled)).isEqualTo(Duration.ofSeconds(20));
		assertThat(this.policy.shouldRetry(throttled)).isTrue();
	}

	@Test
	void retryAfterBeyondTheMaximumIsNotRetried() {
		ZaiApiException throttled = new ZaiRateLimitException(429, "1302", "slow down", null, Duration.ofSeconds(61));
		assertThat(this.policy.shouldRetry(throttled)).isFalse();
	}

	@Test
	void waitsTheBackoffBetweenAttemptsOnVirtualTime() {
		VirtualTimeScheduler.getOrSet();
		try {
			List<Long> attemptTimes = new ArrayList<>();
			AtomicInteger attempts = new AtomicInteger();
			ZaiResilience resilience = new ZaiResilience(Retry.of("zai", this.policy.toRetryConfig()), null, null);
			Mono<String> exchange = Mono.defer(() -> {
				attemptTimes.add(VirtualTimeScheduler.get().now(java.util.concurrent.TimeUnit.MILLISECONDS));
				return (attempts.incrementAndGet() < 4)
						? Mono.error(new ZaiServerException(500, "500", "Internal Error", null)) : Mono.just("ok");
			});
			StepVerifier.withVirtualTime(() -> resilience.decorate("glm-4.6", exchange))
				.expectSubscription()
				.thenAwait(Duration.ofMillis(499))
				.then(() -> assertThat(attempts).hasValue(1))
				.thenAwait(Duration.ofMillis(1))
				.then(() -> assertThat(attempts).hasValue(2))
				.thenAwait(Duration.ofMillis(999))
				.then(() -> assertThat(attempts).hasValue(2))
				.thenAwait(Duration.ofMillis(1))
				.then(() -> assertThat(attempts).hasValue(3))
				.thenAwait(Duration.ofSeconds(2))
				.expectNext("ok")
				.verifyComplete();
			assertThat(attemptTimes).containsExactly(0L, 500L, 1500L, 3500L);
		}
		finally {
			VirtualTimeScheduler.reset();
		}
	}

	@Test
	void honoursRetryAfterOnVirtualTime() {
		AtomicInteger attempts = new AtomicInteger();
		ZaiResilience resilience = new ZaiResilience(Retry.of("zai", this.policy.toRetryConfig()), null, null);
		Mono<String> exchange = Mono.defer(() -> (attempts.incrementAndGet() == 1)
				? Mono.error(new ZaiRateLimitException(429, "1302", "slow down", null, Duration.ofSeconds(2)))
				: Mono.just("ok"));
		StepVerifier.withVirtualTime(() -> resilience.decorate("glm-4.6", exchange))
			.expectSubscription()
			.thenAwait(Duration.ofMillis(1999))
			.then(() -> assertThat(attempts).hasValue(1))
			.thenAwait(Duration.ofMillis(1))
			.expectNext("ok")
			.verifyComplete();
	}

	@Test
	void failsAtOnceWhenRetryAfterExceedsTheMaximum() {
		AtomicInteger attempts = new AtomicInteger();
		ZaiResilience resilience = new ZaiResilience(Retry.of("zai", this.policy.toRetryConfig()), null, null);
		Mono<String> exchange = Mono.defer(() -> {
			attempts.incrementAndGet();
			return Mono.error(new ZaiRateLimitException(429, "1302", "slow down", null, Duration.ofMinutes(5)));
		});
		StepVerifier.withVirtualTime(() -> resilience.decorate("glm-4.6", exchange))
			.expectError(ZaiRateLimitException.class)
			.verify(Duration.ofSeconds(5));
		assertThat(attempts).hasValue(1);
	}

	@Test
	void givesUpAfterMaxAttemptsWithTheLastFailure() {
		AtomicInteger attempts = new AtomicInteger();
		ZaiResilience resilience = new ZaiResilience(Retry.of("zai", this.policy.toRetryConfig()), null, null);
		Flux<String> exchange = Flux
			.defer(() -> Flux.error(new ZaiServerException(500, "500", "attempt " + attempts.incrementAndGet(), null)));
		StepVerifier.withVirtualTime(() -> resilience.decorate("glm-4.6", exchange))
			.thenAwait(Duration.ofMinutes(1))
			.expectErrorSatisfies(
					(ex) -> assertThat(ex).isInstanceOf(ZaiServerException.class).hasMessageContaining("attempt 4"))
			.verify(Duration.ofSeconds(5));
		assertThat(attempts).hasValue(4);
	}

	@Test
	void keepsTheRegistrysAttemptsButNeverRetriesPermanentFailures() {
		RetryConfig registryConfig = RetryConfig.custom().maxAttempts(2).waitDuration(Duration.ofMillis(100)).build();
		RetryConfig merged = this.policy.mergeInto(registryConfig);
		assertThat(merged.getMaxAttempts()).isEqualTo(2);
		assertThat(merged.getExceptionPredicate().test(new ZaiServerException(500, "500", "x", null))).isTrue();
		assertThat(merged.getExceptionPredicate().test(new ZaiQuotaExceededException(429, "1113", "x", null)))
			.isFalse();
		assertThat((Long) merged.getIntervalBiFunction()
			.apply(1, io.github.resilience4j.core.functions.Either.left(new ZaiServerException(500, "500", "x", null))))
			.isEqualTo(100L);
		assertThat((Long) merged.getIntervalBiFunction()
			.apply(1,
					io.github.resilience4j.core.functions.Either
						.left(new ZaiRateLimitException(429, "1302", "x", null, Duration.ofSeconds(3)))))
			.isEqualTo(3000L);
	}

	@Test
	void circuitBreakerOpensOnServerErrorsAndFailsFast() {
		CircuitBreaker breaker = CircuitBreaker.of("zai",
				ZaiCircuitBreakers.recordServiceFailuresOnly(CircuitBreakerConfig.custom()
					.minimumNumberOfCalls(2)
					.slidingWindowSize(2)
					.failureRateThreshold(50)
					.build()));
		ZaiResilience resilience = new ZaiResilience(null, breaker, null);
		AtomicInteger attempts = new AtomicInteger();
		Mono<String> failing = Mono.defer(() -> {
			attempts.incrementAndGet();
			return Mono.error(new ZaiServerException(500, "500", "Internal Error", null));
		});
		for (int i = 0; i < 2; i++) {
			StepVerifier.create(resilience.decorate("m", failing)).expectError(ZaiServerException.class).verify();
		}
		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
		StepVerifier.create(resilience.decorate("m", failing))
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(ZaiException.class)
				.hasMessageContaining("circuit breaker 'zai' is open"))
			.verify();
		assertThat(attempts).as("no attempt reaches the server while open").hasValue(2);
	}

	@Test
	void circuitBreakerNeverOpensOnClientErrors() {
		CircuitBreaker breaker = CircuitBreaker.of("zai",
				ZaiCircuitBreakers.recordServiceFailuresOnly(CircuitBreakerConfig.custom()
					.minimumNumberOfCalls(2)
					.slidingWindowSize(2)
					.failureRateThreshold(50)
					.build()));
		ZaiResilience resilience = new ZaiResilience(null, breaker, null);
		Mono<String> rejected = Mono.error(new ZaiQuotaExceededException(429, "1113", "Insufficient balance", null));
		for (int i = 0; i < 5; i++) {
			StepVerifier.create(resilience.decorate("m", rejected))
				.expectError(ZaiQuotaExceededException.class)
				.verify();
		}
		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

}
