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

import io.github.zaispring.ZaiRateLimitException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A limit of requests in flight per key (the model, for Z.AI): requests beyond the limit
 * wait for a permit instead of being answered with error 1302. Implementations decide
 * where permits live: {@link LocalConcurrencyLimiter} in this JVM, a fleet-wide one in a
 * store every replica shares.
 * <p>
 * An implementation only hands out permits: {@link #acquire(String)} waits for one
 * without blocking a thread. How a call holds its permit and gives it back exactly once
 * (on completion, error or cancellation) is written once, in
 * {@link #limit(String, Flux)}.
 *
 * @author zai-spring-boot contributors
 */
public interface ConcurrencyLimiter {

	/**
	 * Take a permit for the key, waiting for one without blocking a thread. Cancelling
	 * the returned {@code Mono} while it waits leaves the queue; a permit granted at the
	 * same moment is given back.
	 * @param key the key whose limit applies, such as the model
	 * @return the permit once one is free; fails with a {@link ZaiRateLimitException}
	 * when none frees within the limiter's maximum wait
	 */
	Mono<Permit> acquire(String key);

	/**
	 * Return the number of requests for a key that hold a permit, as far as this limiter
	 * knows.
	 * @param key the key
	 * @return the requests in flight
	 */
	int inFlight(String key);

	/**
	 * Return the number of requests for a key that wait for a permit in this JVM.
	 * @param key the key
	 * @return the waiting requests
	 */
	int queued(String key);

	/**
	 * Limit a stream: the returned {@link Flux} takes a permit when it is subscribed,
	 * subscribes to the source once it holds it, and gives it back when the source
	 * completes or fails, or after the source was cancelled. Subscribing again, as a
	 * retry outside the limit does, takes a new permit.
	 * @param <T> the type of the elements
	 * @param key the key whose limit applies
	 * @param source the request to limit
	 * @return the limited request
	 */
	default <T> Flux<T> limit(String key, Flux<T> source) {
		return limit(key, source, false);
	}

	/**
	 * Limit a single request, which gives its permit back as soon as its value arrives.
	 * @param <T> the type of the value
	 * @param key the key whose limit applies
	 * @param source the request to limit
	 * @return the limited request
	 * @see #limit(String, Flux, boolean)
	 */
	default <T> Mono<T> limit(String key, Mono<T> source) {
		return Mono.fromDirect(limit(key, source.flux(), true));
	}

	/**
	 * Limit a call or a stream: the returned {@link Flux} takes a permit when it is
	 * subscribed, subscribes to the source once it holds it, and gives the permit back
	 * exactly once: when the source completes or fails (before the subscriber hears of
	 * it), after the source was cancelled (so that its connection is closed before the
	 * next request takes the permit), or, for a single answer, as soon as the value
	 * arrives, so that a caller who chains a second request on the first does not wait
	 * for itself.
	 * @param <T> the type of the elements
	 * @param key the key whose limit applies
	 * @param source the request to limit
	 * @param singleValue whether the source emits at most one value
	 * @return the limited request
	 */
	default <T> Flux<T> limit(String key, Flux<T> source, boolean singleValue) {
		return acquire(key).flatMapMany((permit) -> {
			Flux<T> held = singleValue ? source.doOnNext((value) -> permit.release()) : source;
			return held.doOnComplete(permit::release)
				.doOnError((ex) -> permit.release())
				.doFinally((signal) -> permit.release());
		});
	}

	/**
	 * A permit held by one request.
	 */
	interface Permit {

		/**
		 * Give the permit back. Only the first call has an effect.
		 */
		void release();

	}

	/**
	 * Callbacks on the permits of a limiter, for metrics and logging.
	 * <p>
	 * Called on the thread that caused the event, never while the limiter holds a lock;
	 * they should return quickly. An exception thrown by a callback is logged and
	 * otherwise ignored. Every acquired permit is released exactly once; a request that
	 * is cancelled while queued is neither acquired nor rejected.
	 */
	interface Listener {

		/**
		 * Called when a request finds no free permit and starts to wait.
		 * @param key the key
		 */
		default void onQueued(String key) {
		}

		/**
		 * Called when a request gets a permit.
		 * @param key the key
		 * @param waited how long it waited; zero when a permit was free
		 */
		default void onAcquired(String key, Duration waited) {
		}

		/**
		 * Called when a request fails because no permit freed within the maximum wait.
		 * @param key the key
		 * @param waited how long it waited
		 */
		default void onRejected(String key, Duration waited) {
		}

		/**
		 * Called when a request gives its permit back.
		 * @param key the key
		 */
		default void onReleased(String key) {
		}

	}

}
