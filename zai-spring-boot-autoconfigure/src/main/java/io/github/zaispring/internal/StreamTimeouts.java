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

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.github.zaispring.ZaiTimeoutException;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The first-chunk and idle timeouts of a stream, with one timer per stream rather than
 * one per chunk.
 * <p>
 * Reactor's {@code timeout(first, next)} schedules and cancels a timer for every element;
 * at thousands of concurrent streams that is most of the client's own CPU per chunk. Here
 * each chunk only records the time, and a single timer per stream wakes up when the
 * silence could have become too long, checks, and re-arms for the remaining time. Time
 * comes from the scheduler, so virtual-time tests work.
 *
 * @author zai-spring-boot contributors
 */
public final class StreamTimeouts {

	private StreamTimeouts() {
	}

	/**
	 * Return an operator that fails a stream with a {@link ZaiTimeoutException} when its
	 * first element takes longer than {@code firstTimeout} after subscription, or when
	 * two elements are further apart than {@code idleTimeout}.
	 * @param <T> the type of the elements
	 * @param firstTimeout the longest wait for the first element
	 * @param idleTimeout the longest silence between two elements
	 * @return the operator, for {@code transform}
	 */
	public static <T> Function<Flux<T>, Flux<T>> of(Duration firstTimeout, Duration idleTimeout) {
		return (source) -> Flux.defer(() -> {
			Watchdog watchdog = new Watchdog(Schedulers.parallel(), firstTimeout.toMillis(), idleTimeout.toMillis());
			return source.doOnSubscribe(watchdog::start)
				.doOnNext((element) -> watchdog.touch())
				.doFinally((signal) -> watchdog.stop())
				.takeUntilOther(watchdog.expiry());
		});
	}

	/**
	 * Watches one stream: armed at subscription, touched by every element.
	 */
	private static final class Watchdog implements Runnable {

		private final Scheduler scheduler;

		private final long firstTimeoutMillis;

		private final long idleTimeoutMillis;

		private final Sinks.Empty<Void> expiry = Sinks.empty();

		private volatile long lastEventMillis;

		private volatile long startMillis;

		private volatile boolean started;

		private volatile boolean stopped;

		private volatile Disposable timer = Disposables.disposed();

		private volatile @Nullable Subscription upstream;

		Watchdog(Scheduler scheduler, long firstTimeoutMillis, long idleTimeoutMillis) {
			this.scheduler = scheduler;
			this.firstTimeoutMillis = firstTimeoutMillis;
			this.idleTimeoutMillis = idleTimeoutMillis;
		}

		Mono<Void> expiry() {
			return this.expiry.asMono();
		}

		void start(Subscription upstream) {
			this.upstream = upstream;
			this.startMillis = now();
			this.lastEventMillis = this.startMillis;
			arm(this.firstTimeoutMillis);
		}

		void touch() {
			// a plain timestamp per element; the timer reads it when it wakes up
			long now = now();
			this.lastEventMillis = now;
			if (!this.started) {
				this.started = true;
				// the timer still waits for the first-chunk timeout; when it wakes up it
				// checks the idle timeout and re-arms. Only an idle timeout that ends
				// before it needs a timer of its own (cancelling one takes the
				// scheduler's lock and can wake its thread)
				if (now + this.idleTimeoutMillis < this.startMillis + this.firstTimeoutMillis) {
					this.timer.dispose();
					arm(this.idleTimeoutMillis);
				}
			}
		}

		void stop() {
			this.stopped = true;
			this.timer.dispose();
		}

		@Override
		public void run() {
			if (this.stopped) {
				return;
			}
			boolean afterFirst = this.started;
			long limit = afterFirst ? this.idleTimeoutMillis : this.firstTimeoutMillis;
			long remaining = this.lastEventMillis + limit - now();
			if (remaining > 0) {
				arm(remaining);
				return;
			}
			String name = afterFirst ? ZaiTimeoutException.STREAM_IDLE_TIMEOUT
					: ZaiTimeoutException.FIRST_CHUNK_TIMEOUT;
			// cancel first: that closes the connection of a stream nobody waits for
			Subscription subscription = this.upstream;
			if (subscription != null) {
				subscription.cancel();
			}
			this.expiry.tryEmitError(new ZaiTimeoutException(name, Duration.ofMillis(limit), null));
		}

		private void arm(long delayMillis) {
			if (!this.stopped) {
				this.timer = this.scheduler.schedule(this, delayMillis, TimeUnit.MILLISECONDS);
			}
		}

		private long now() {
			return this.scheduler.now(TimeUnit.MILLISECONDS);
		}

	}

}
