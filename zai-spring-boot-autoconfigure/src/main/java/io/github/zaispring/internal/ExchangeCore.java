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

package io.github.zaispring.internal;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import io.github.zaispring.ZaiException;
import io.github.zaispring.ZaiInterceptor;
import io.github.zaispring.ZaiStreamException;
import io.github.zaispring.ZaiTimeoutException;
import io.github.zaispring.resilience.ConcurrencyLimiter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

/**
 * The exchange core every endpoint template shares: one HTTP client and connection pool,
 * and the stages every call goes through, in one ordered list.
 * <p>
 * From the outside in: the interceptors (the observation among them), the concurrency
 * limit, the retry, the circuit breaker, the attempt (counting, the rule that a started
 * stream is never retried, the one fold of a stream), the timeouts, and the HTTP exchange
 * with the decoding of its answer. Each stage is written once for single answers and
 * streams: a single answer travels through the stages as a {@code Flux} of one element.
 * An endpoint describes its calls with an {@link Operation} and calls
 * {@link #call(Operation, Object, Timeouts)} or
 * {@link #stream(Operation, Object, Timeouts)}.
 *
 * @author zai-spring-boot contributors
 */
public final class ExchangeCore implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(ExchangeCore.class);

	private final Transport.Settings settings;

	private volatile @Nullable Transport transport;

	private final String serverAddress;

	private final Timeouts defaultTimeouts;

	private final List<Stage> stages;

	private final List<ZaiInterceptor> interceptors;

	private final @Nullable ConcurrencyLimiter limiter;

	private final @Nullable Retry retry;

	private final @Nullable CircuitBreaker circuitBreaker;

	ExchangeCore(Transport.Settings settings, Timeouts defaultTimeouts, @Nullable ConcurrencyLimiter limiter,
			@Nullable Retry retry, @Nullable CircuitBreaker circuitBreaker, List<ZaiInterceptor> interceptors) {
		this.settings = settings;
		this.serverAddress = URI.create(settings.baseUrl()).getHost();
		this.defaultTimeouts = defaultTimeouts;
		this.limiter = limiter;
		this.retry = retry;
		this.circuitBreaker = circuitBreaker;
		this.interceptors = List.copyOf(interceptors);
		if (retry != null) {
			retry.getEventPublisher()
				.onRetry((event) -> logger
					.debug("Retrying Z.AI request (attempt " + (event.getNumberOfRetryAttempts() + 1) + ") in "
							+ event.getWaitInterval() + " after: " + describe(event.getLastThrowable())));
		}
		// The stages of every call, from the outside in. Absent parts have no stage.
		List<Stage> stages = new ArrayList<>();
		if (!this.interceptors.isEmpty()) {
			stages.add(this::intercept);
		}
		if (limiter != null) {
			stages.add(this::limit);
		}
		if (retry != null) {
			stages.add(this::retry);
		}
		if (circuitBreaker != null) {
			stages.add(this::circuitBreaker);
		}
		stages.add(this::attempt);
		stages.add(this::timeouts);
		this.stages = List.copyOf(stages);
	}

	/**
	 * Create a builder of a core that no client owns yet, to share between clients.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Make a call that has a single answer.
	 * @param <Q> the type of the request
	 * @param <R> the type of the response
	 * @param operation the operation
	 * @param request the request, with the endpoint's defaults applied
	 * @param timeouts the timeouts of this call; {@code null} parts take the defaults
	 * @return the answer, on subscription
	 */
	public <Q, R> Mono<R> call(Operation<Q, R> operation, Q request, Timeouts timeouts) {
		Assert.isTrue(!operation.streaming(), () -> operation.name() + " is streamed; use stream(..)");
		return Mono.fromDirect(exchange(operation, request, timeouts));
	}

	/**
	 * Make a call whose answer is a stream of server-sent events.
	 * @param <Q> the type of the request
	 * @param <R> the type of the chunks
	 * @param operation the operation
	 * @param request the request, with the endpoint's defaults applied
	 * @param timeouts the timeouts of this call; {@code null} parts take the defaults
	 * @return the chunks, on subscription
	 */
	public <Q, R> Flux<R> stream(Operation<Q, R> operation, Q request, Timeouts timeouts) {
		Assert.isTrue(operation.streaming(), () -> operation.name() + " is not streamed; use call(..)");
		return exchange(operation, request, timeouts);
	}

	private <Q, R> Flux<R> exchange(Operation<Q, R> operation, Q request, Timeouts timeouts) {
		Timeouts effective = timeouts.orElse(this.defaultTimeouts);
		return Flux.defer(() -> {
			// written once, outside the stages: a retry resends the same bytes
			Operation.BodyWriter<Q> writer = operation.bodyWriter();
			Operation.Body written = (writer != null && request != null) ? writer.write(request) : null;
			byte[] body = (written != null) ? written.bytes()
					: (operation.hasBody() && request != null) ? WireJson.write(request) : new byte[0];
			ExchangeCall<Q, R> call = new ExchangeCall<>(operation, request, body,
					(written != null) ? written.contentType() : null, this.serverAddress, effective);
			Flux<R> exchange = transport().exchange(call);
			for (int i = this.stages.size() - 1; i >= 0; i--) {
				exchange = this.stages.get(i).apply(call, exchange);
			}
			return exchange;
		});
	}

	private <R> Flux<R> intercept(ExchangeCall<?, R> call, Flux<R> next) {
		Flux<R> intercepted = next;
		for (ZaiInterceptor interceptor : this.interceptors) {
			intercepted = interceptor.intercept(call, intercepted);
		}
		return intercepted;
	}

	private <R> Flux<R> limit(ExchangeCall<?, R> call, Flux<R> next) {
		// outside the retry: a request keeps its slot during backoff, since Z.AI counts
		// requests in flight, and a rejection by the limit is never retried
		return this.limiter.limit(call.limitKey(), next, !call.streaming());
	}

	private <R> Flux<R> retry(ExchangeCall<?, R> call, Flux<R> next) {
		return next.transformDeferred(RetryOperator.of(this.retry));
	}

	private <R> Flux<R> circuitBreaker(ExchangeCall<?, R> call, Flux<R> next) {
		// inside the retry: every attempt counts, and an open breaker fails the remaining
		// attempts at once
		return next.transformDeferred(CircuitBreakerOperator.of(this.circuitBreaker))
			.onErrorMap(CallNotPermittedException.class, ExchangeCore::circuitOpen);
	}

	/**
	 * One attempt: counted, each element recorded (the one fold of a stream), and the
	 * stream rule: once an element has reached the subscriber, a failure must end the
	 * call, since retrying would repeat what was delivered. It becomes a
	 * {@link ZaiStreamException} (timeouts stay {@link ZaiTimeoutException}s), which is
	 * never retried, carrying the answer folded so far.
	 */
	private <R> Flux<R> attempt(ExchangeCall<?, R> call, Flux<R> next) {
		return Flux.deferContextual((context) -> {
			call.countAttempt(context);
			return next;
		}).doOnNext(call::record).onErrorMap((ex) -> (call.elements() == 0) ? ex : failedAfterStart(call, ex));
	}

	private <R> Flux<R> timeouts(ExchangeCall<?, R> call, Flux<R> next) {
		Timeouts timeouts = call.timeouts();
		if (call.streaming()) {
			return next.transform(StreamTimeouts.of(timeouts.firstChunk(), timeouts.streamIdle()));
		}
		Duration timeout = timeouts.response();
		// with a fallback: without one, Reactor names the operator chain in the
		// description of its own TimeoutException, which walks the chain for every call
		return next.timeout(Mono.delay(timeout), (answer) -> Mono.never(),
				Mono.error(() -> new ZaiTimeoutException(ZaiTimeoutException.RESPONSE_TIMEOUT, timeout, null)));
	}

	private static ZaiException failedAfterStart(ExchangeCall<?, ?> call, Throwable ex) {
		ZaiException failure = (ex instanceof ZaiStreamException || ex instanceof ZaiTimeoutException)
				? (ZaiException) ex
				: new ZaiStreamException("Z.AI stream failed after " + call.elements() + " chunks: " + ex.getMessage(),
						call.requestId(), ex);
		return failure.withPartialResult(call.result());
	}

	private static ZaiException circuitOpen(CallNotPermittedException ex) {
		return new ZaiException("Z.AI calls are suspended: circuit breaker '" + ex.getCausingCircuitBreakerName()
				+ "' is open after repeated server errors or timeouts", ex);
	}

	private static String describe(@Nullable Throwable failure) {
		if (failure instanceof ZaiException zai && zai.getErrorCode() != null) {
			return "code " + zai.getErrorCode() + " (HTTP " + zai.getStatusCode() + ")";
		}
		return (failure != null) ? failure.getClass().getSimpleName() : "unknown failure";
	}

	/**
	 * Return the HTTP side, created on first use: building the first Reactor Netty client
	 * is most of the client's cost, and an application that starts without calling Z.AI
	 * should not pay for it at startup.
	 */
	private Transport transport() {
		Transport current = this.transport;
		if (current == null) {
			synchronized (this.settings) {
				current = this.transport;
				if (current == null) {
					current = new Transport(this.settings);
					this.transport = current;
				}
			}
		}
		return current;
	}

	/**
	 * Return the root URL of the API.
	 * @return the base URL
	 */
	public String baseUrl() {
		return this.settings.baseUrl();
	}

	/**
	 * Release the connection pool this core created. Does nothing when the pool was given
	 * to it.
	 */
	@Override
	public void close() {
		Transport current = this.transport;
		if (current != null) {
			current.dispose();
		}
	}

	@Override
	public String toString() {
		return "ExchangeCore[baseUrl=" + this.settings.baseUrl() + "]";
	}

	/**
	 * The timeouts of a call; {@code null} parts take the core's defaults.
	 *
	 * @param response the longest wait for a whole single answer
	 * @param firstChunk the longest wait for the first chunk of a stream
	 * @param streamIdle the longest silence between two chunks of a stream
	 */
	public record Timeouts(@Nullable Duration response, @Nullable Duration firstChunk, @Nullable Duration streamIdle) {

		/** Timeouts that all take the defaults. */
		public static final Timeouts DEFAULTS = new Timeouts(null, null, null);

		Timeouts orElse(Timeouts defaults) {
			if (this == DEFAULTS) {
				return defaults;
			}
			return new Timeouts((this.response != null) ? this.response : defaults.response,
					(this.firstChunk != null) ? this.firstChunk : defaults.firstChunk,
					(this.streamIdle != null) ? this.streamIdle : defaults.streamIdle);
		}

	}

	/**
	 * Builder of an {@link ExchangeCore}: the settings every client shares.
	 */
	public static final class Builder extends ClientBuilder<Builder> {

		Builder() {
		}

		/**
		 * Build the core.
		 * @return a new core
		 * @throws IllegalArgumentException when no API key was given
		 */
		public ExchangeCore build() {
			return buildCore();
		}

	}

	/**
	 * One stage of a call, applied to the stages inside it.
	 */
	@FunctionalInterface
	private interface Stage {

		<R> Flux<R> apply(ExchangeCall<?, R> call, Flux<R> next);

	}

}
