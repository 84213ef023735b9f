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

package io.github.zaispring.resilience.redis;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.zaispring.resilience.ConcurrencyLimiter.Permit;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.redisson.api.RPermitExpirableSemaphoreReactive;
import reactor.core.publisher.Mono;

/**
 * The permits of one key (model) of a {@link RedisConcurrencyLimiter}: its semaphore in
 * Redis, and what this JVM knows of it.
 * <p>
 * Redisson's reactive calls are subscribed to on their own and never cancelled: a
 * cancelled Redisson wait would still take a permit that nobody gives back until its
 * lease expires. Instead, a request that no longer wants the permit Redisson grants it
 * gives it back at once.
 *
 * @author zai-spring-boot contributors
 */
final class RedisKeyPermits {

	private static final Log logger = LogFactory.getLog(RedisConcurrencyLimiter.class);

	private final RedisConcurrencyLimiter limiter;

	private final String key;

	private final RPermitExpirableSemaphoreReactive semaphore;

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger queued = new AtomicInteger();

	private volatile int fleetInFlight = -1;

	private volatile boolean prepared;

	RedisKeyPermits(RedisConcurrencyLimiter limiter, String key, RPermitExpirableSemaphoreReactive semaphore) {
		this.limiter = limiter;
		this.key = key;
		this.semaphore = semaphore;
	}

	String key() {
		return this.key;
	}

	int inFlight() {
		return this.inFlight.get();
	}

	int queued() {
		return this.queued.get();
	}

	int fleetInFlight() {
		return this.fleetInFlight;
	}

	/**
	 * Take a permit: at once if one is free, else after waiting for one.
	 * @return the permit; fails with a {@link io.github.zaispring.ZaiRateLimitException}
	 * when none frees within the maximum wait, and with the error of Redis when Redis
	 * cannot be reached
	 */
	Mono<Permit> acquire() {
		return Mono.defer(() -> {
			long start = System.nanoTime();
			long lease = this.limiter.leaseMillis();
			// timed inside the guard: a timeout after it could drop a granted permit
			return guarded(prepare()
				.then(this.limiter
					.onRedis(Mono.defer(() -> this.semaphore.tryAcquire(0, lease, TimeUnit.MILLISECONDS))))
				.timeout(this.limiter.redisTimeout())).doOnSuccess((permit) -> {
					roundTrip("acquire", start, true);
					this.limiter.redisAnswered(start);
				}).doOnError((ex) -> roundTrip("acquire", start, false)).map((permit) -> {
					this.limiter.listener().onAcquired(this.key, Duration.ZERO);
					return (Permit) permit;
				}).switchIfEmpty(Mono.defer(this::await));
		});
	}

	private Mono<Void> prepare() {
		if (this.prepared) {
			return Mono.empty();
		}
		// The newest configuration wins: a rolling update that changes
		// zai.concurrency.max-in-flight changes the limit of the whole fleet.
		return this.limiter.onRedis(this.semaphore.setPermits(this.limiter.maxInFlight()))
			.doOnSuccess((done) -> this.prepared = true);
	}

	private Mono<Permit> await() {
		Duration maxWait = this.limiter.maxWait();
		if (maxWait.isZero()) {
			this.limiter.listener().onRejected(this.key, Duration.ZERO);
			return Mono.error(this.limiter.limitReached(this.key));
		}
		long lease = this.limiter.leaseMillis();
		long waitMillis = Math.max(1, maxWait.toMillis());
		return Mono.defer(() -> {
			long start = System.nanoTime();
			this.queued.incrementAndGet();
			// before the permit or the rejection reaches the caller, as the local limiter
			// does: who has the outcome must not still be counted as queued
			AtomicBoolean left = new AtomicBoolean();
			Runnable leave = () -> {
				if (left.compareAndSet(false, true)) {
					this.queued.decrementAndGet();
				}
			};
			this.limiter.listener().onQueued(this.key);
			// Redisson's own wait ends at the maximum wait; the timeout only bounds a
			// Redis that stopped answering meanwhile
			return guarded(this.limiter
				.onRedis(Mono.defer(() -> this.semaphore.tryAcquire(waitMillis, lease, TimeUnit.MILLISECONDS)))
				.timeout(maxWait.plus(this.limiter.redisTimeout())))
				.doOnSuccess((permit) -> this.limiter.redisAnswered(start))
				.map((permit) -> {
					this.limiter.listener().onAcquired(this.key, since(start));
					return (Permit) permit;
				})
				.switchIfEmpty(Mono.defer(() -> {
					this.limiter.listener().onRejected(this.key, since(start));
					return Mono.error(this.limiter.limitReached(this.key));
				}))
				.doOnTerminate(leave)
				.doOnCancel(leave);
		});
	}

	/**
	 * Subscribe to a Redisson call that may grant a permit, without ever cancelling it.
	 */
	private Mono<RedisPermit> guarded(Mono<String> call) {
		return Mono.defer(() -> {
			AtomicBoolean settled = new AtomicBoolean();
			AtomicBoolean cancelled = new AtomicBoolean();
			AtomicBoolean delivered = new AtomicBoolean();
			return Mono.<RedisPermit>create((sink) -> {
				sink.onCancel(() -> {
					cancelled.set(true);
					settled.set(true);
				});
				call.subscribe((id) -> {
					if (settled.compareAndSet(false, true)) {
						RedisPermit permit = grant(id);
						sink.success(permit);
						// cancelled between the grant and the delivery: the sink dropped
						// it
						if (cancelled.get() && !delivered.get()) {
							permit.release();
						}
					}
					else {
						giveBack(id);
					}
				}, (ex) -> {
					if (settled.compareAndSet(false, true)) {
						sink.error(ex);
					}
				}, () -> {
					if (settled.compareAndSet(false, true)) {
						sink.success();
					}
				});
			}).doOnNext((permit) -> delivered.set(true)).doOnDiscard(RedisPermit.class, RedisPermit::release);
		});
	}

	private RedisPermit grant(String id) {
		this.inFlight.incrementAndGet();
		return new RedisPermit(this, id, this.limiter.leaseMillis());
	}

	/**
	 * Called once by a permit that is given back.
	 */
	void released(RedisPermit permit) {
		this.inFlight.decrementAndGet();
		this.limiter.listener().onReleased(this.key);
		giveBack(permit.id());
	}

	private void giveBack(String id) {
		long start = System.nanoTime();
		this.limiter.onRedis(this.semaphore.tryRelease(id))
			.timeout(this.limiter.redisTimeout())
			.subscribe((released) -> {
				roundTrip("release", start, true);
				this.limiter.redisAnswered(start);
			}, (ex) -> {
				roundTrip("release", start, false);
				if (logger.isDebugEnabled()) {
					logger.debug("Could not give a permit of " + this.key + " back to Redis at "
							+ this.limiter.redisAddress() + " (" + RedisConcurrencyLimiter.describe(ex)
							+ "); its lease returns it");
				}
			});
	}

	/**
	 * Extend the lease of a permit that is still held.
	 */
	void renew(RedisPermit permit) {
		if (permit.isReleased()) {
			return;
		}
		long start = System.nanoTime();
		this.limiter
			.onRedis(this.semaphore.updateLeaseTime(permit.id(), this.limiter.leaseMillis(), TimeUnit.MILLISECONDS))
			.timeout(this.limiter.redisTimeout())
			.subscribe((renewed) -> {
				this.limiter.redisAnswered(start);
				if (!renewed && !permit.isReleased() && logger.isDebugEnabled()) {
					logger.debug("A permit of " + this.key + " is no longer in Redis at " + this.limiter.redisAddress()
							+ " (its lease expired, or Redis restarted empty); its call goes on");
				}
			}, (ex) -> {
				if (logger.isDebugEnabled()) {
					logger.debug("Could not renew a permit of " + this.key + " in Redis at "
							+ this.limiter.redisAddress() + " (" + RedisConcurrencyLimiter.describe(ex) + ")");
				}
			});
	}

	/**
	 * Set the permit count again if the semaphore is missing (Redis restarted empty), and
	 * read the permits in use. Never fails.
	 */
	Mono<Void> check() {
		return Mono.defer(() -> check(System.nanoTime()));
	}

	private Mono<Void> check(long start) {
		return this.limiter.onRedis(this.semaphore.trySetPermits(this.limiter.maxInFlight())).doOnNext((set) -> {
			if (set && this.prepared) {
				logger.info("The permits of " + this.key + " were missing in Redis at " + this.limiter.redisAddress()
						+ " (restarted empty?): set again to " + this.limiter.maxInFlight());
			}
		}).then(this.semaphore.acquiredPermits()).timeout(this.limiter.redisTimeout()).doOnNext((count) -> {
			this.fleetInFlight = count;
			this.limiter.redisListener().onFleetInFlight(this.key, count);
			this.limiter.redisAnswered(start);
		}).onErrorResume((ex) -> {
			if (logger.isDebugEnabled()) {
				logger.debug("Could not check the permits of " + this.key + " in Redis at "
						+ this.limiter.redisAddress() + " (" + RedisConcurrencyLimiter.describe(ex) + ")");
			}
			return Mono.empty();
		}).then();
	}

	private void roundTrip(String operation, long start, boolean success) {
		this.limiter.redisListener().onRoundTrip(this.key, operation, since(start), success);
	}

	private static Duration since(long start) {
		return Duration.ofNanos(Math.max(0, System.nanoTime() - start));
	}

}
