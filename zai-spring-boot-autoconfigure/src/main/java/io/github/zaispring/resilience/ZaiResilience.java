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

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import io.github.zaispring.ZaiException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The resilience of the Z.AI client around each exchange, from the inside out: a circuit
 * breaker around every attempt, retries of transient failures, and a per-model limit of
 * requests in flight around the whole.
 * <p>
 * The limit is outermost so that a request keeps its slot during backoff: Z.AI counts
 * requests in flight, and a rejection by the limit is never retried. The breaker is
 * innermost so that every attempt counts and an open breaker fails the remaining attempts
 * at once.
 *
 * @author zai-spring-boot contributors
 */
public final class ZaiResilience {

	private static final Log logger = LogFactory.getLog(ZaiResilience.class);

	private final @Nullable Retry retry;

	private final @Nullable CircuitBreaker circuitBreaker;

	private final @Nullable ConcurrencyLimiter concurrencyLimiter;

	/**
	 * Create the resilience chain. Each part is optional.
	 * @param retry the retry, or {@code null} for none
	 * @param circuitBreaker the circuit breaker, or {@code null} for none
	 * @param concurrencyLimiter the limit of requests in flight, or {@code null} for none
	 */
	public ZaiResilience(@Nullable Retry retry, @Nullable CircuitBreaker circuitBreaker,
			@Nullable ConcurrencyLimiter concurrencyLimiter) {
		this.retry = retry;
		this.circuitBreaker = circuitBreaker;
		this.concurrencyLimiter = concurrencyLimiter;
		if (retry != null) {
			retry.getEventPublisher()
				.onRetry((event) -> logger
					.debug("Retrying Z.AI request (attempt " + (event.getNumberOfRetryAttempts() + 1) + ") in "
							+ event.getWaitInterval() + " after: " + describe(event.getLastThrowable())));
		}
	}

	/**
	 * Decorate a single exchange, which must start anew on each subscription.
	 * @param <T> the type of the answer
	 * @param model the model of the request, for the concurrency limit
	 * @param exchange the exchange
	 * @return the decorated exchange
	 */
	public <T> Mono<T> decorate(String model, Mono<T> exchange) {
		Mono<T> decorated = exchange;
		if (this.circuitBreaker != null) {
			decorated = decorated.transformDeferred(CircuitBreakerOperator.of(this.circuitBreaker))
				.onErrorMap(CallNotPermittedException.class, this::circuitOpen);
		}
		if (this.retry != null) {
			decorated = decorated.transformDeferred(RetryOperator.of(this.retry));
		}
		return (this.concurrencyLimiter != null) ? this.concurrencyLimiter.limit(model, decorated) : decorated;
	}

	/**
	 * Decorate a streamed exchange, which must start anew on each subscription. Only
	 * failures before the first element are worth retrying; the caller turns later ones
	 * into failures this chain does not retry.
	 * @param <T> the type of the elements
	 * @param model the model of the request, for the concurrency limit
	 * @param exchange the exchange
	 * @return the decorated exchange
	 */
	public <T> Flux<T> decorate(String model, Flux<T> exchange) {
		Flux<T> decorated = exchange;
		if (this.circuitBreaker != null) {
			decorated = decorated.transformDeferred(CircuitBreakerOperator.of(this.circuitBreaker))
				.onErrorMap(CallNotPermittedException.class, this::circuitOpen);
		}
		if (this.retry != null) {
			decorated = decorated.transformDeferred(RetryOperator.of(this.retry));
		}
		return (this.concurrencyLimiter != null) ? this.concurrencyLimiter.limit(model, decorated) : decorated;
	}

	private ZaiException circuitOpen(CallNotPermittedException ex) {
		return new ZaiException("Z.AI calls are suspended: circuit breaker '" + ex.getCausingCircuitBreakerName()
				+ "' is open after repeated server errors or timeouts", ex);
	}

	private static String describe(@Nullable Throwable failure) {
		if (failure instanceof ZaiException zai && zai.getErrorCode() != null) {
			return "code " + zai.getErrorCode() + " (HTTP " + zai.getStatusCode() + ")";
		}
		return (failure != null) ? failure.getClass().getSimpleName() : "unknown failure";
	}

}
