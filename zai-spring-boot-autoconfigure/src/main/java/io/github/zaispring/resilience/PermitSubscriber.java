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
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.Exceptions;
import reactor.core.Scannable;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * One subscription to a limited publisher: it waits for a permit, then relays the source
 * and gives the permit back exactly once.
 * <p>
 * A permit is only given back once its source is cancelled or has terminated, so that no
 * two sources beyond the limit ever run at once. When the subscriber cancels before the
 * source is subscribed, the thread that subscribes the source (or finds the cancellation
 * and skips it) gives the permit back; when the source is already subscribed, the
 * cancelling thread cancels it and gives the permit back. Cancellation and the grant of a
 * permit each write their own flag before reading the other's, so at least one of them
 * sees both; giving the permit back is a compare-and-set, so only one of them does.
 *
 * @param <T> the type of the elements
 * @author zai-spring-boot contributors
 */
final class PermitSubscriber<T> implements CoreSubscriber<T>, Subscription, Scannable {

	private static final int NO_PERMIT = 0;

	private static final int HOLDS_PERMIT = 1;

	private static final int RELEASED = 2;

	@SuppressWarnings("rawtypes")
	private static final AtomicIntegerFieldUpdater<PermitSubscriber> PERMIT = AtomicIntegerFieldUpdater
		.newUpdater(PermitSubscriber.class, "permit");

	@SuppressWarnings("rawtypes")
	private static final AtomicReferenceFieldUpdater<PermitSubscriber, @Nullable Subscription> UPSTREAM = AtomicReferenceFieldUpdater
		.newUpdater(PermitSubscriber.class, Subscription.class, "upstream");

	@SuppressWarnings("rawtypes")
	private static final AtomicLongFieldUpdater<PermitSubscriber> REQUESTED = AtomicLongFieldUpdater
		.newUpdater(PermitSubscriber.class, "requested");

	private final CoreSubscriber<? super T> actual;

	private final Publisher<? extends T> source;

	private final ModelPermits permits;

	private final boolean releaseOnValue;

	private final Disposable.Swap timeout = Disposables.swap();

	private volatile int permit = NO_PERMIT;

	private volatile boolean cancelled;

	private volatile @Nullable Subscription upstream;

	// Demand that arrived before the source was subscribed.
	private volatile long requested;

	// Queue links and wait start, guarded by the monitor of the permits.
	@Nullable PermitSubscriber<?> prev;

	@Nullable PermitSubscriber<?> next;

	boolean linked;

	long queuedAt;

	PermitSubscriber(CoreSubscriber<? super T> actual, Publisher<? extends T> source, ModelPermits permits,
			boolean releaseOnValue) {
		this.actual = actual;
		this.source = source;
		this.permits = permits;
		this.releaseOnValue = releaseOnValue;
	}

	void start() {
		this.actual.onSubscribe(this);
		if (this.cancelled) {
			return;
		}
		// Read the clock before locking: it is user code.
		long now = this.permits.now();
		switch (this.permits.acquire(this, now)) {
			case ACQUIRED -> {
				this.permits.listener().onAcquired(this.permits.model(), Duration.ZERO);
				subscribeSource();
			}
			case REJECTED -> {
				this.permits.listener().onRejected(this.permits.model(), Duration.ZERO);
				this.actual.onError(this.permits.limitReached());
			}
			case QUEUED -> queued();
		}
	}

	private void queued() {
		if (this.cancelled) {
			// cancel() ran before the enqueue and found nothing to remove; a permit
			// granted
			// meanwhile is released by the grant, which sees the cancellation.
			this.permits.dequeue(this);
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
		this.permit = HOLDS_PERMIT;
	}

	/**
	 * Start the request after a queued wait. Called outside any lock.
	 */
	void onPermitGranted() {
		this.timeout.dispose();
		Duration waited = Duration.ofNanos(Math.max(0, this.permits.now() - this.queuedAt));
		this.permits.listener().onAcquired(this.permits.model(), waited);
		subscribeSource();
	}

	void onTimeout() {
		if (this.permits.dequeue(this)) {
			Duration waited = Duration.ofNanos(Math.max(0, this.permits.now() - this.queuedAt));
			this.permits.listener().onRejected(this.permits.model(), waited);
			this.actual.onError(this.permits.limitReached());
		}
	}

	private void subscribeSource() {
		if (this.cancelled) {
			releasePermit();
			return;
		}
		try {
			this.source.subscribe(this);
		}
		catch (Throwable ex) {
			Exceptions.throwIfFatal(ex);
			if (releasePermit()) {
				this.actual.onError(Operators.onOperatorError(ex, this.actual.currentContext()));
			}
		}
	}

	private boolean releasePermit() {
		if (PERMIT.compareAndSet(this, HOLDS_PERMIT, RELEASED)) {
			this.permits.listener().onReleased(this.permits.model());
			this.permits.release();
			return true;
		}
		return false;
	}

	@Override
	public void onSubscribe(Subscription s) {
		if (UPSTREAM.compareAndSet(this, null, s)) {
			long demand = REQUESTED.getAndSet(this, 0L);
			if (demand != 0) {
				s.request(demand);
			}
			return;
		}
		s.cancel();
		if (this.upstream == Operators.cancelledSubscription()) {
			// Cancelled while the source was being subscribed: the permit could not be
			// given back before the source was cancelled, so it is given back here.
			releasePermit();
		}
	}

	@Override
	public void onNext(T value) {
		if (this.releaseOnValue) {
			// A single value is the whole answer: the request is over, let the next start
			// even if the subscriber goes on to make another call.
			releasePermit();
		}
		this.actual.onNext(value);
	}

	@Override
	public void onError(Throwable ex) {
		// Released before the subscriber hears of it, so that a retry finds the permit.
		releasePermit();
		this.actual.onError(ex);
	}

	@Override
	public void onComplete() {
		releasePermit();
		this.actual.onComplete();
	}

	@Override
	public void request(long n) {
		if (!Operators.validate(n)) {
			return;
		}
		Subscription s = this.upstream;
		if (s == null) {
			Operators.addCap(REQUESTED, this, n);
			s = this.upstream;
			if (s == null) {
				return;
			}
			n = REQUESTED.getAndSet(this, 0L);
			if (n == 0) {
				return;
			}
		}
		if (s != Operators.cancelledSubscription()) {
			s.request(n);
		}
	}

	@Override
	public void cancel() {
		if (this.cancelled) {
			return;
		}
		this.cancelled = true;
		this.timeout.dispose();
		Subscription s = UPSTREAM.getAndSet(this, Operators.cancelledSubscription());
		if (s == Operators.cancelledSubscription()) {
			return;
		}
		if (s != null) {
			// Cancel the source first, so that its connection is closed before the next
			// request takes the permit.
			s.cancel();
			releasePermit();
			return;
		}
		// No source yet: leave the queue if waiting; a permit already granted is given
		// back by the thread about to subscribe the source, which sees the cancellation.
		this.permits.dequeue(this);
	}

	@Override
	public Context currentContext() {
		return this.actual.currentContext();
	}

	@Override
	public @Nullable Object scanUnsafe(Attr key) {
		if (key == Attr.PARENT) {
			Subscription s = this.upstream;
			return (s != Operators.cancelledSubscription()) ? s : null;
		}
		if (key == Attr.ACTUAL) {
			return this.actual;
		}
		if (key == Attr.CANCELLED) {
			return this.cancelled;
		}
		if (key == Attr.REQUESTED_FROM_DOWNSTREAM) {
			return this.requested;
		}
		if (key == Attr.RUN_STYLE) {
			return Attr.RunStyle.SYNC;
		}
		return null;
	}

}
