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
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import io.github.zaispring.resilience.ConcurrencyLimiter.Permit;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Operators;

/**
 * One request for a permit of a {@link LocalConcurrencyLimiter}: the subscription of the
 * {@code Mono} that {@link LocalConcurrencyLimiter#acquire(String)} returns, and, once
 * granted, the permit itself.
 * <p>
 * Three things race: the grant (on the thread that gave a permit back), the subscriber's
 * demand, and its cancellation. Each sets its own bit in {@link #state} and then looks at
 * the others, so whichever comes last acts: the permit is delivered once it is both
 * granted and requested, and given back by a cancellation that comes before delivery.
 * Giving the permit back is a compare-and-set, so it happens once whoever asks.
 *
 * @author zai-spring-boot contributors
 */
final class Waiter implements Subscription, Permit {

	private static final int REQUESTED = 1;

	private static final int GRANTED = 2;

	private static final int DELIVERED = 4;

	private static final int CANCELLED = 8;

	private static final AtomicIntegerFieldUpdater<Waiter> STATE = AtomicIntegerFieldUpdater.newUpdater(Waiter.class,
			"state");

	private static final AtomicIntegerFieldUpdater<Waiter> HOLDS = AtomicIntegerFieldUpdater.newUpdater(Waiter.class,
			"holds");

	private final CoreSubscriber<? super Permit> actual;

	private final ModelPermits permits;

	private final Disposable.Swap timeout = Disposables.swap();

	private volatile int state;

	// 0 before the grant, 1 while holding the permit, 2 once given back
	private volatile int holds;

	// Queue links and wait start, guarded by the monitor of the permits.
	@Nullable Waiter prev;

	@Nullable Waiter next;

	boolean linked;

	long queuedAt;

	Waiter(CoreSubscriber<? super Permit> actual, ModelPermits permits) {
		this.actual = actual;
		this.permits = permits;
	}

	void start() {
		this.actual.onSubscribe(this);
		if (isCancelled()) {
			return;
		}
		// Read the clock before locking: it is user code.
		long now = this.permits.now();
		switch (this.permits.acquire(this, now)) {
			case ACQUIRED -> {
				this.permits.listener().onAcquired(this.permits.model(), Duration.ZERO);
				granted();
			}
			case REJECTED -> {
				this.permits.listener().onRejected(this.permits.model(), Duration.ZERO);
				this.actual.onError(this.permits.limitReached());
			}
			case QUEUED -> queued();
		}
	}

	private void queued() {
		if (isCancelled()) {
			// cancel() ran before the enqueue and found nothing to remove
			if (!this.permits.dequeue(this)) {
				release();
			}
			return;
		}
		this.permits.listener().onQueued(this.permits.model());
		try {
			this.timeout.update(this.permits.scheduleTimeout(this));
		}
		catch (RejectedExecutionException ex) {
			if (this.permits.dequeue(this)) {
				this.actual.onError(Operators.onRejectedExecution(ex, this.actual.currentContext()));
			}
		}
	}

	/**
	 * Mark the permit as held. Called under the monitor of the permits.
	 */
	void permitGranted() {
		this.holds = 1;
	}

	/**
	 * Deliver the permit after a queued wait. Called outside any lock.
	 */
	void onPermitGranted() {
		this.timeout.dispose();
		Duration waited = Duration.ofNanos(Math.max(0, this.permits.now() - this.queuedAt));
		this.permits.listener().onAcquired(this.permits.model(), waited);
		granted();
	}

	void onTimeout() {
		if (this.permits.dequeue(this)) {
			Duration waited = Duration.ofNanos(Math.max(0, this.permits.now() - this.queuedAt));
			this.permits.listener().onRejected(this.permits.model(), waited);
			this.actual.onError(this.permits.limitReached());
		}
	}

	private void granted() {
		int previous = STATE.getAndUpdate(this, (s) -> s | GRANTED);
		if ((previous & CANCELLED) != 0) {
			release();
		}
		else if ((previous & REQUESTED) != 0) {
			deliver();
		}
	}

	@Override
	public void request(long n) {
		if (!Operators.validate(n)) {
			return;
		}
		int previous = STATE.getAndUpdate(this, (s) -> s | REQUESTED);
		if ((previous & (REQUESTED | CANCELLED)) == 0 && (previous & GRANTED) != 0) {
			deliver();
		}
	}

	private void deliver() {
		int previous = STATE.getAndUpdate(this, (s) -> ((s & CANCELLED) != 0) ? s : (s | DELIVERED));
		if ((previous & (DELIVERED | CANCELLED)) == 0) {
			this.actual.onNext(this);
			this.actual.onComplete();
		}
	}

	@Override
	public void cancel() {
		int previous = STATE.getAndUpdate(this, (s) -> s | CANCELLED);
		if ((previous & (CANCELLED | DELIVERED)) != 0) {
			// delivered: the permit belongs to the subscriber, who gives it back
			return;
		}
		this.timeout.dispose();
		if (!this.permits.dequeue(this)) {
			// granted, or about to be: a grant that comes later sees the cancellation
			release();
		}
	}

	@Override
	public void release() {
		if (HOLDS.compareAndSet(this, 1, 2)) {
			this.permits.listener().onReleased(this.permits.model());
			this.permits.release();
		}
	}

	private boolean isCancelled() {
		return (this.state & CANCELLED) != 0;
	}

}
