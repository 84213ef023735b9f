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
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import io.github.zaispring.ZaiRateLimitException;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

/**
 * The permits of one model: how many are taken, and the queue of requests waiting for
 * one.
 * <p>
 * The count and the queue change together under this object's monitor, in short sections
 * that never call out to listeners, sources or subscribers. A permit given back while
 * requests wait is handed to the head of the queue inside the same section, so it is
 * never free for a newcomer to take; the granted request is started after the section,
 * through a trampoline so that a chain of requests that finish as soon as they start does
 * not grow the stack.
 *
 * @author zai-spring-boot contributors
 */
final class ModelPermits {

	enum Outcome {

		ACQUIRED, QUEUED, REJECTED

	}

	private final String model;

	private final int maxInFlight;

	private final Duration maxWait;

	private final long maxWaitNanos;

	private final ConcurrencyLimiter.Listener listener;

	private final LongSupplier nanoClock;

	// Written under the monitor, read without it by the gauges.
	private volatile int inFlight;

	private volatile int queued;

	private @Nullable Waiter head;

	private @Nullable Waiter tail;

	private final Queue<Waiter> granted = new ConcurrentLinkedQueue<>();

	private final AtomicInteger grantsInProgress = new AtomicInteger();

	ModelPermits(String model, int maxInFlight, Duration maxWait, ConcurrencyLimiter.Listener listener,
			LongSupplier nanoClock) {
		this.model = model;
		this.maxInFlight = maxInFlight;
		this.maxWait = maxWait;
		this.maxWaitNanos = saturatedNanos(maxWait);
		this.listener = listener;
		this.nanoClock = nanoClock;
	}

	String model() {
		return this.model;
	}

	ConcurrencyLimiter.Listener listener() {
		return this.listener;
	}

	long now() {
		return this.nanoClock.getAsLong();
	}

	int inFlight() {
		return this.inFlight;
	}

	int queued() {
		return this.queued;
	}

	/**
	 * Take a free permit for the waiter, or put it at the end of the queue.
	 * @param waiter the request
	 * @param now the time, on the nano clock, the request starts waiting if it must
	 * @return whether the waiter holds a permit, waits, or must fail because the maximum
	 * wait is zero
	 */
	Outcome acquire(Waiter waiter, long now) {
		synchronized (this) {
			// While anyone waits, all permits are taken: a released one goes to the head.
			if (this.inFlight < this.maxInFlight) {
				this.inFlight++;
				waiter.permitGranted();
				return Outcome.ACQUIRED;
			}
			if (this.maxWaitNanos == 0) {
				return Outcome.REJECTED;
			}
			waiter.queuedAt = now;
			waiter.prev = this.tail;
			if (this.tail != null) {
				this.tail.next = waiter;
			}
			else {
				this.head = waiter;
			}
			this.tail = waiter;
			waiter.linked = true;
			this.queued++;
			return Outcome.QUEUED;
		}
	}

	/**
	 * Remove a waiter from the queue.
	 * @param waiter the request
	 * @return {@code true} if it was waiting, {@code false} if it was granted a permit,
	 * removed before or never queued
	 */
	boolean dequeue(Waiter waiter) {
		synchronized (this) {
			if (!waiter.linked) {
				return false;
			}
			unlink(waiter);
			return true;
		}
	}

	/**
	 * Give a permit back: to the head of the queue if anyone waits, else to the pool.
	 */
	void release() {
		Waiter next;
		synchronized (this) {
			next = this.head;
			if (next == null) {
				this.inFlight--;
				return;
			}
			unlink(next);
			next.permitGranted();
		}
		this.granted.offer(next);
		if (this.grantsInProgress.getAndIncrement() != 0) {
			// Another thread is starting granted requests of this model and takes ours
			// too.
			return;
		}
		int missed = 1;
		do {
			Waiter waiter;
			while ((waiter = this.granted.poll()) != null) {
				waiter.onPermitGranted();
			}
			missed = this.grantsInProgress.addAndGet(-missed);
		}
		while (missed != 0);
	}

	/**
	 * Time the waiter's maximum wait on {@link Schedulers#parallel()}.
	 * @param waiter the queued request
	 * @return the timer
	 */
	Disposable scheduleTimeout(Waiter waiter) {
		return Schedulers.parallel().schedule(waiter::onTimeout, this.maxWaitNanos, TimeUnit.NANOSECONDS);
	}

	ZaiRateLimitException limitReached() {
		String message = "zai.concurrency.max-in-flight of " + this.maxInFlight + " reached for model " + this.model
				+ ((this.maxWaitNanos != 0) ? "; no slot freed within zai.concurrency.max-wait of " + this.maxWait
						: "; zai.concurrency.max-wait is " + this.maxWait + ", so requests beyond it fail at once");
		return new ZaiRateLimitException(0, null, message, null);
	}

	private void unlink(Waiter waiter) {
		Waiter prev = waiter.prev;
		Waiter next = waiter.next;
		if (prev != null) {
			prev.next = next;
		}
		else {
			this.head = next;
		}
		if (next != null) {
			next.prev = prev;
		}
		else {
			this.tail = prev;
		}
		// Drop the links so that a finished request keeps no other request reachable.
		waiter.prev = null;
		waiter.next = null;
		waiter.linked = false;
		this.queued--;
	}

	private static long saturatedNanos(Duration duration) {
		try {
			return duration.toNanos();
		}
		catch (ArithmeticException ex) {
			return Long.MAX_VALUE;
		}
	}

}
