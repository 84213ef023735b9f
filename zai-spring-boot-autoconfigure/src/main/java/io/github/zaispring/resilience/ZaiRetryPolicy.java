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
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.RetryConfig;
import io.github.zaispring.ZaiApiException;
import io.github.zaispring.ZaiConnectionException;
import io.github.zaispring.ZaiRateLimitException;
import io.github.zaispring.ZaiServerException;
import io.github.zaispring.ZaiTimeoutException;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * What the Z.AI client retries, and how long it waits before each retry.
 * <p>
 * Retried: failures before any response ({@link ZaiConnectionException}, the connect
 * timeout), server errors ({@link ZaiServerException}: 5xx and codes 500, 1200, 1230,
 * 1234) and transient throttling ({@link ZaiRateLimitException}: 1302, 1303, 1305, 1312).
 * Never retried: parameter, authentication, quota, balance and account errors, the
 * content filter, failures after a stream has started, the response, first-chunk and idle
 * timeouts (the request was sent and may be running: a re-send would be billed twice),
 * and cancellation.
 * <p>
 * The wait grows exponentially from the initial backoff by the multiplier up to the
 * maximum backoff, less a random jitter of up to a quarter so that clients throttled
 * together do not retry together. A {@code Retry-After} from the server replaces the
 * computed wait, even beyond the maximum backoff, up to the maximum Retry-After; a longer
 * demand is not retried at all, so the caller fails at once instead of sleeping.
 *
 * @author zai-spring-boot contributors
 */
public final class ZaiRetryPolicy {

	private static final double JITTER = 0.25;

	private final RetrySettings settings;

	private final DoubleSupplier random;

	/**
	 * Create a policy with the given settings and random jitter.
	 * @param settings the retry settings
	 */
	public ZaiRetryPolicy(RetrySettings settings) {
		this(settings, () -> ThreadLocalRandom.current().nextDouble());
	}

	/**
	 * Create a policy with the given settings and source of jitter.
	 * @param settings the retry settings
	 * @param random source of numbers in [0, 1) for the jitter; tests pass a constant
	 */
	public ZaiRetryPolicy(RetrySettings settings, DoubleSupplier random) {
		Assert.notNull(settings, "settings must not be null");
		Assert.notNull(random, "random must not be null");
		this.settings = settings;
		this.random = random;
	}

	/**
	 * Return the settings of this policy.
	 * @return the settings
	 */
	public RetrySettings settings() {
		return this.settings;
	}

	/**
	 * Return whether the failure is of a kind that is worth another attempt, regardless
	 * of any Retry-After.
	 * @param failure the failure
	 * @return whether it is transient
	 */
	public static boolean isTransient(Throwable failure) {
		if (failure instanceof ZaiConnectionException) {
			return true;
		}
		if (failure instanceof ZaiTimeoutException timeout) {
			return ZaiTimeoutException.CONNECT_TIMEOUT.equals(timeout.getTimeoutName());
		}
		return failure instanceof ZaiServerException || failure instanceof ZaiRateLimitException;
	}

	/**
	 * Return whether to retry after the given failure: a transient failure whose
	 * Retry-After, if any, is within the maximum.
	 * @param failure the failure
	 * @return whether to retry
	 */
	public boolean shouldRetry(Throwable failure) {
		if (!isTransient(failure)) {
			return false;
		}
		Duration retryAfter = retryAfter(failure);
		return retryAfter == null || retryAfter.compareTo(this.settings.maxRetryAfter()) <= 0;
	}

	/**
	 * Return the wait before the given retry.
	 * @param retry the number of the retry, 1 for the first
	 * @param failure the failure that is retried, if known
	 * @return the wait
	 */
	public Duration backoff(int retry, @Nullable Throwable failure) {
		Duration retryAfter = (failure != null) ? retryAfter(failure) : null;
		if (retryAfter != null) {
			return retryAfter;
		}
		double exponential = this.settings.initialBackoff().toMillis()
				* Math.pow(this.settings.multiplier(), Math.max(0, retry - 1));
		double capped = Math.min(exponential, this.settings.maxBackoff().toMillis());
		double jittered = capped * (1 - JITTER * this.random.getAsDouble());
		return Duration.ofMillis(Math.max(1, Math.round(jittered)));
	}

	/**
	 * Create a Resilience4j configuration that applies this policy.
	 * @return the configuration
	 */
	public RetryConfig toRetryConfig() {
		return RetryConfig.custom()
			.maxAttempts(this.settings.maxAttempts())
			.retryOnException(this::shouldRetry)
			.intervalBiFunction(intervalFunction(null))
			.failAfterMaxAttempts(false)
			.writableStackTraceEnabled(false)
			.build();
	}

	/**
	 * Create a configuration that keeps the attempts and waits of the given one, as set
	 * through {@code resilience4j.retry.instances.zai.*}, but never retries what this
	 * policy never retries, and honours Retry-After.
	 * @param base the configuration to start from
	 * @return the merged configuration
	 */
	public RetryConfig mergeInto(RetryConfig base) {
		Assert.notNull(base, "base must not be null");
		Predicate<Throwable> basePredicate = base.getExceptionPredicate();
		IntervalBiFunction<Object> baseInterval = base.getIntervalBiFunction();
		if (baseInterval == null) {
			baseInterval = IntervalBiFunction.ofIntervalFunction(base.getIntervalFunction()::apply);
		}
		return RetryConfig.from(base)
			.retryOnException((failure) -> shouldRetry(failure) && basePredicate.test(failure))
			.intervalBiFunction(intervalFunction(baseInterval))
			.build();
	}

	private IntervalBiFunction<Object> intervalFunction(@Nullable IntervalBiFunction<Object> fallback) {
		return (Integer attempt, Either<Throwable, Object> outcome) -> {
			Throwable failure = outcome.isLeft() ? outcome.getLeft() : null;
			Duration retryAfter = (failure != null) ? retryAfter(failure) : null;
			if (retryAfter == null && fallback != null) {
				return fallback.apply(attempt, outcome);
			}
			return backoff(attempt, failure).toMillis();
		};
	}

	private static @Nullable Duration retryAfter(Throwable failure) {
		return (failure instanceof ZaiApiException apiException) ? apiException.getRetryAfter() : null;
	}

	/**
	 * Settings of the retry policy.
	 *
	 * @param maxAttempts the most attempts, the first one included; 1 for no retry
	 * @param initialBackoff the wait before the first retry
	 * @param multiplier the factor by which the wait grows after each retry
	 * @param maxBackoff the longest computed wait
	 * @param maxRetryAfter the longest Retry-After to honour
	 */
	public record RetrySettings(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff,
			Duration maxRetryAfter) {

		/**
		 * The defaults: 3 attempts, 500ms growing by 2 up to 8s, Retry-After up to 60s.
		 */
		public static final RetrySettings DEFAULTS = new RetrySettings(3, Duration.ofMillis(500), 2,
				Duration.ofSeconds(8), Duration.ofSeconds(60));

		public RetrySettings {
			Assert.isTrue(maxAttempts >= 1, () -> "maxAttempts must be at least 1, but was " + maxAttempts);
			Assert.isTrue(initialBackoff != null && initialBackoff.toMillis() > 0,
					() -> "initialBackoff must be a positive duration such as 500ms, but was " + initialBackoff);
			Assert.isTrue(multiplier >= 1, () -> "multiplier must be at least 1.0, but was " + multiplier);
			Assert.isTrue(maxBackoff != null && maxBackoff.toMillis() > 0,
					() -> "maxBackoff must be a positive duration such as 8s, but was " + maxBackoff);
			Assert.isTrue(maxRetryAfter != null && !maxRetryAfter.isNegative(),
					() -> "maxRetryAfter must be zero or a positive duration such as 60s, but was " + maxRetryAfter);
		}

	}

}
