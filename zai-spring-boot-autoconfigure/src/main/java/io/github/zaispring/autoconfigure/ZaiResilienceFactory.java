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

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.zaispring.resilience.ConcurrencyLimiter;
import io.github.zaispring.resilience.LocalConcurrencyLimiter;
import io.github.zaispring.resilience.ZaiCircuitBreakers;
import io.github.zaispring.resilience.ZaiRetryPolicy;
import io.github.zaispring.resilience.ZaiRetryPolicy.RetrySettings;
import org.jspecify.annotations.Nullable;

/**
 * Builds the retry, circuit breaker and concurrency limit of the auto-configured client
 * from the {@code zai.*} properties, or from the application's Resilience4j registries
 * when it defines them, so that {@code resilience4j.*.instances.zai.*} applies.
 *
 * @author zai-spring-boot contributors
 */
final class ZaiResilienceFactory {

	static final String INSTANCE = "zai";

	/**
	 * The version of Redisson the fleet-wide limit is built and tested with.
	 */
	static final String REDISSON_VERSION = "4.7.0";

	private static final ConcurrencyLimiter.Listener NO_OP_LISTENER = new ConcurrencyLimiter.Listener() {
	};

	private final ZaiProperties properties;

	private final @Nullable ZaiMetricsBinder metrics;

	ZaiResilienceFactory(ZaiProperties properties, @Nullable ZaiMetricsBinder metrics) {
		this.properties = properties;
		this.metrics = metrics;
	}

	/**
	 * Return the retry: the registry's {@code zai} instance or configuration when there
	 * is one, restricted to what the policy retries, else one built from
	 * {@code zai.retry.*} (and added to the registry, if any, for its metrics).
	 */
	@Nullable Retry retry(@Nullable RetryRegistry registry) {
		ZaiProperties.Retry settings = this.properties.getRetry();
		if (!settings.isEnabled()) {
			return null;
		}
		ZaiRetryPolicy policy = new ZaiRetryPolicy(
				new RetrySettings(settings.getMaxAttempts(), settings.getInitialBackoff(), settings.getMultiplier(),
						settings.getMaxBackoff(), settings.getMaxRetryAfter()));
		if (registry == null) {
			return withMetrics(Retry.of(INSTANCE, policy.toRetryConfig()));
		}
		RetryConfig base = registry.find(INSTANCE)
			.map(Retry::getRetryConfig)
			.or(() -> registry.getConfiguration(INSTANCE))
			.orElse(null);
		RetryConfig config = (base != null) ? policy.mergeInto(base) : policy.toRetryConfig();
		registry.remove(INSTANCE);
		return withMetrics(registry.retry(INSTANCE, () -> config));
	}

	/**
	 * Return the circuit breaker when {@code zai.circuit-breaker.enabled} is set: the
	 * registry's {@code zai} instance or configuration when there is one, else
	 * Resilience4j's defaults, recording service failures only.
	 */
	@Nullable CircuitBreaker circuitBreaker(@Nullable CircuitBreakerRegistry registry) {
		if (!this.properties.getCircuitBreaker().isEnabled()) {
			return null;
		}
		if (registry == null) {
			return ZaiCircuitBreakers.create();
		}
		CircuitBreakerConfig base = registry.find(INSTANCE)
			.map(CircuitBreaker::getCircuitBreakerConfig)
			.or(() -> registry.getConfiguration(INSTANCE))
			.orElseGet(registry::getDefaultConfig);
		CircuitBreakerConfig config = ZaiCircuitBreakers.recordServiceFailuresOnly(base);
		registry.remove(INSTANCE);
		return registry.circuitBreaker(INSTANCE, () -> config);
	}

	/**
	 * Return the concurrency limiter when {@code zai.concurrency.max-in-flight} is
	 * positive: in this JVM, or in Redis when {@code zai.concurrency.scope} is
	 * {@code redis}.
	 * @param apiKey the API key, whose fingerprint tells the fleet-wide limits of two
	 * accounts apart
	 * @param fleet the factory of fleet-wide limiters, present when Redisson is on the
	 * class path and the scope is {@code redis}
	 * @throws ZaiMissingDependencyException when the scope is {@code redis} and Redisson
	 * is not on the class path
	 */
	@Nullable ConcurrencyLimiter concurrencyLimiter(String apiKey, @Nullable ZaiFleetLimiterFactory fleet) {
		ZaiProperties.Concurrency concurrency = this.properties.getConcurrency();
		if (concurrency.getMaxInFlight() <= 0) {
			return null;
		}
		if (concurrency.getScope() == ZaiProperties.Concurrency.Scope.REDIS) {
			return fleetLimiter(apiKey, fleet);
		}
		if (this.metrics == null) {
			return new LocalConcurrencyLimiter(concurrency.getMaxInFlight(), concurrency.getMaxWait());
		}
		ConcurrencyLimiter limiter = new LocalConcurrencyLimiter(concurrency.getMaxInFlight(), concurrency.getMaxWait(),
				this.metrics.concurrencyListener());
		this.metrics.bindConcurrencyLimiter(limiter);
		return limiter;
	}

	private ConcurrencyLimiter fleetLimiter(String apiKey, @Nullable ZaiFleetLimiterFactory fleet) {
		if (fleet == null) {
			throw new ZaiMissingDependencyException("zai.concurrency.scope", "redis", "org.redisson:redisson",
					REDISSON_VERSION);
		}
		if (this.metrics == null) {
			return fleet.create(apiKey, NO_OP_LISTENER, null);
		}
		ConcurrencyLimiter limiter = fleet.create(apiKey, this.metrics.concurrencyListener(),
				this.metrics.redisLimiterListener());
		this.metrics.bindConcurrencyLimiter(limiter);
		return limiter;
	}

	private Retry withMetrics(Retry retry) {
		if (this.metrics != null) {
			this.metrics.bindRetry(retry);
		}
		return retry;
	}

}
