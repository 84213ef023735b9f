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

import java.util.function.Predicate;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.zaispring.ZaiConnectionException;
import io.github.zaispring.ZaiServerException;
import io.github.zaispring.ZaiTimeoutException;

import org.springframework.util.Assert;

/**
 * Circuit breakers for the Z.AI client that open on server errors, connection failures
 * and timeouts, and never on 4xx answers: a bad request, a missing key or an exhausted
 * quota says nothing about the health of the service.
 *
 * @author zai-spring-boot contributors
 */
public final class ZaiCircuitBreakers {

	/** Name of the circuit breaker, also the instance looked up in a registry. */
	public static final String NAME = "zai";

	private ZaiCircuitBreakers() {
	}

	/**
	 * Return whether a failure counts against the health of the service.
	 * @param failure the failure
	 * @return whether the breaker records it
	 */
	public static boolean isServiceFailure(Throwable failure) {
		return failure instanceof ZaiServerException || failure instanceof ZaiConnectionException
				|| failure instanceof ZaiTimeoutException;
	}

	/**
	 * Create a circuit breaker with Resilience4j's default thresholds that records only
	 * service failures.
	 * @return the circuit breaker
	 */
	public static CircuitBreaker create() {
		return CircuitBreaker.of(NAME, recordServiceFailuresOnly(CircuitBreakerConfig.ofDefaults()));
	}

	/**
	 * Return a configuration that keeps the thresholds of the given one, as set through
	 * {@code resilience4j.circuitbreaker.instances.zai.*}, but records only failures that
	 * the given one records and that are service failures.
	 * @param base the configuration to start from
	 * @return the configuration
	 */
	public static CircuitBreakerConfig recordServiceFailuresOnly(CircuitBreakerConfig base) {
		Assert.notNull(base, "base must not be null");
		Predicate<Throwable> baseRecord = base.getRecordExceptionPredicate();
		return CircuitBreakerConfig.from(base)
			.recordException((failure) -> isServiceFailure(failure) && baseRecord.test(failure))
			.build();
	}

}
