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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.github.zaispring.ZaiException;
import io.github.zaispring.ZaiRateLimitException;
import io.github.zaispring.resilience.ConcurrencyLimiter;
import io.github.zaispring.resilience.LocalConcurrencyLimiter;
import io.github.zaispring.resilience.SafeListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.redisson.api.RedissonReactiveClient;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.util.Assert;

/**
 * The limit of requests in flight per model shared by every replica that uses the same
 * Redis, key prefix and API key ({@code zai.concurrency.scope} {@code redis}), on
 * Redisson's {@link org.redisson.api.RPermitExpirableSemaphoreReactive permit-expirable
 * semaphore}.
 * <p>
 * Each model has a semaphore at {@code {key-prefix}:{fingerprint}:{model}}, where the
 * fingerprint is the first 16 hex digits of the SHA-256 of the API key (never the key),
 * so that two Z.AI accounts that share a Redis do not share a limit. Its permit count is
 * set to the maximum in flight when this limiter first uses it, and set again when it is
 * missing, after Redis restarted empty, by a periodic check.
 * <p>
 * A permit is leased for the lease time and renewed every third of it while its call or
 * stream is alive, so the permits of a replica that dies come back within one lease time
 * and a long stream keeps its permit. It is given back exactly once. Leases are timed
 * with the clocks of the replicas, which must agree (NTP) to well within a lease.
 * <p>
 * Waiting never blocks a thread: a request first tries to take a permit at once, and when
 * none is free waits with Redisson's own non-blocking wait, which wakes up when a permit
 * is given back anywhere in the fleet (Redis pub/sub) or when the nearest lease expires.
 * Waiters are not served in strict arrival order. A request cancelled while it waits
 * leaves at once; a permit Redisson grants it afterwards is given back at once.
 * <p>
 * When Redis cannot be reached within the Redis timeout, a request fails with a
 * {@link ZaiException} that names Redis, or, with a fallback limiter, is limited by it
 * until Redis answers again.
 *
 * @author zai-spring-boot contributors
 */
public final class RedisConcurrencyLimiter implements ConcurrencyLimiter, AutoCloseable {

	private static final Log logger = LogFactory.getLog(RedisConcurrencyLimiter.class);

	static final Listener NO_OP_LISTENER = new Listener() {
	};

	static final RedisLimiterListener NO_OP_REDIS_LISTENER = new RedisLimiterListener() {
	};

	private static final Duration MAX_MAINTENANCE_PERIOD = Duration.ofSeconds(10);

	private final RedissonReactiveClient redisson;

	private final String keyPrefix;

	private final int maxInFlight;

	private final Duration maxWait;

	private final long leaseMillis;

	private final Duration redisTimeout;

	private final String redisAddress;

	private final @Nullable LocalConcurrencyLimiter fallback;

	private final Listener listener;

	private final RedisLimiterListener redisListener;

	private final Duration maintenancePeriod;

	private final Map<String, RedisKeyPermits> keys = new ConcurrentHashMap<>();

	private final AtomicBoolean outage = new AtomicBoolean();

	private volatile long outageStartedAt;

	private final AtomicBoolean maintenanceStarted = new AtomicBoolean();

	private final Disposable.Swap maintenance = Disposables.swap();

	private volatile boolean closed;

	private volatile boolean connected;

	private final AtomicReference<@Nullable CompletableFuture<Void>> connecting = new AtomicReference<>();

	private RedisConcurrencyLimiter(Builder builder) {
		this.redisson = builder.redisson;
		this.keyPrefix = builder.keyPrefix + ":" + fingerprint(builder.apiKey) + ":";
		this.maxInFlight = builder.maxInFlight;
		this.maxWait = builder.maxWait;
		this.leaseMillis = builder.leaseTime.toMillis();
		this.redisTimeout = builder.redisTimeout;
		this.redisAddress = builder.redisAddress;
		this.listener = new SafeListener(builder.listener);
		this.redisListener = new SafeRedisListener(builder.redisListener);
		this.fallback = builder.fallbackToJvm
				? new LocalConcurrencyLimiter(builder.maxInFlight, builder.maxWait, builder.listener) : null;
		Duration third = builder.leaseTime.dividedBy(3);
		this.maintenancePeriod = (third.compareTo(MAX_MAINTENANCE_PERIOD) < 0) ? third : MAX_MAINTENANCE_PERIOD;
	}

	/**
	 * Start building a limiter.
	 * @param redisson the Redisson client; the limiter does not shut it down
	 * @param apiKey the Z.AI API key whose limit this is; only its fingerprint is kept
	 * @return a builder
	 */
	public static Builder builder(RedissonReactiveClient redisson, String apiKey) {
		return new Builder(redisson, apiKey);
	}

	/**
	 * Return the fingerprint of an API key that the Redis keys hold: the first 16 hex
	 * digits of its SHA-256, which tells accounts apart without revealing the key.
	 * @param apiKey the API key
	 * @return the fingerprint
	 */
	public static String fingerprint(String apiKey) {
		Assert.hasText(apiKey, "'apiKey' must not be empty");
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/**
	 * Return the Redis key of the semaphore of a model.
	 * @param key the key of the limit, such as the model
	 * @return the Redis key, {@code {key-prefix}:{fingerprint}:{key}}
	 */
	public String redisKey(String key) {
		return this.keyPrefix + key;
	}

	@Override
	public Mono<Permit> acquire(String key) {
		Assert.notNull(key, "'key' must not be null");
		return Mono.defer(() -> {
			startMaintenance();
			LocalConcurrencyLimiter fallback = this.fallback;
			if (fallback != null && this.outage.get()) {
				return fallback.acquire(key);
			}
			return permits(key).acquire()
				.onErrorResume(RedisConcurrencyLimiter::isRedisFailure, (ex) -> unavailable(key, ex));
		});
	}

	@Override
	public int inFlight(String key) {
		RedisKeyPermits permits = this.keys.get(key);
		int inRedis = (permits != null) ? permits.inFlight() : 0;
		return inRedis + ((this.fallback != null) ? this.fallback.inFlight(key) : 0);
	}

	@Override
	public int queued(String key) {
		RedisKeyPermits permits = this.keys.get(key);
		int inRedis = (permits != null) ? permits.queued() : 0;
		return inRedis + ((this.fallback != null) ? this.fallback.queued(key) : 0);
	}

	/**
	 * Return the number of permits of a key in use in Redis, by every replica, as last
	 * read by the periodic check.
	 * @param key the key, such as the model
	 * @return the permits in use, or {@code -1} when not read yet
	 */
	public int fleetInFlight(String key) {
		RedisKeyPermits permits = this.keys.get(key);
		return (permits != null) ? permits.fleetInFlight() : -1;
	}

	/**
	 * Return whether requests are limited by the limit of this JVM because Redis could
	 * not be reached.
	 * @return whether the fallback is active
	 */
	public boolean isFallbackActive() {
		return this.fallback != null && this.outage.get();
	}

	/**
	 * Stop the periodic check. Permits still held are given back when their calls end, or
	 * expire after their lease.
	 */
	@Override
	public void close() {
		this.closed = true;
		this.maintenance.dispose();
	}

	int maxInFlight() {
		return this.maxInFlight;
	}

	Duration maxWait() {
		return this.maxWait;
	}

	long leaseMillis() {
		return this.leaseMillis;
	}

	Duration redisTimeout() {
		return this.redisTimeout;
	}

	String redisAddress() {
		return this.redisAddress;
	}

	Listener listener() {
		return this.listener;
	}

	RedisLimiterListener redisListener() {
		return this.redisListener;
	}

	/**
	 * Called after every answer from Redis: one to a request made after an outage began
	 * ends it, a late answer to an earlier request does not.
	 * @param requestedAt when the request was made, on {@link System#nanoTime()}
	 */
	void redisAnswered(long requestedAt) {
		this.connected = true;
		if (this.outage.get() && requestedAt - this.outageStartedAt > 0 && this.outage.compareAndSet(true, false)) {
			logger.info("Redis at " + this.redisAddress + " answers again: the fleet-wide concurrency limit "
					+ "(zai.concurrency.scope=redis) applies again");
			if (this.fallback != null) {
				this.redisListener.onFallback(false);
			}
		}
	}

	/**
	 * Make a call to Redis once the client is connected. The first call of a Redisson
	 * client that connects lazily connects synchronously, on the calling thread, retrying
	 * for as long as its connect timeout and retry settings say, and fails every call
	 * that waits for it when that thread is interrupted. So the first connection is made
	 * by one command on a thread that may block, shared by every call that needs it and
	 * never cancelled by them; a call that gives up waiting leaves it running. Later
	 * calls never block: reconnections happen in the background.
	 */
	<T> Mono<T> onRedis(Mono<T> call) {
		return this.connected ? call : connect().then(call);
	}

	private Mono<Void> connect() {
		CompletableFuture<Void> attempt = this.connecting.updateAndGet(
				(current) -> (current == null || current.isCompletedExceptionally()) ? newConnectAttempt() : current);
		return Mono.fromFuture(attempt, true);
	}

	private CompletableFuture<Void> newConnectAttempt() {
		long start = System.nanoTime();
		return Mono.fromCallable(() -> this.redisson.getKeys().count().block())
			.subscribeOn(Schedulers.boundedElastic())
			.doOnSuccess((count) -> redisAnswered(start))
			.then()
			.toFuture();
	}

	private RedisKeyPermits permits(String key) {
		return this.keys.computeIfAbsent(key,
				(name) -> new RedisKeyPermits(this, name, this.redisson.getPermitExpirableSemaphore(redisKey(name))));
	}

	private Mono<Permit> unavailable(String key, Throwable ex) {
		long now = System.nanoTime();
		if (this.outage.compareAndSet(false, true)) {
			this.outageStartedAt = now;
			if (this.fallback != null) {
				logger.warn("Redis at " + this.redisAddress + " cannot be reached (" + describe(ex)
						+ "): the concurrency limit of this JVM applies until it answers again "
						+ "(zai.concurrency.redis.fallback=jvm)");
				this.redisListener.onFallback(true);
			}
			else {
				logger.warn("Redis at " + this.redisAddress + " cannot be reached (" + describe(ex)
						+ "): calls fail until it answers again (zai.concurrency.redis.fallback=fail)");
			}
		}
		LocalConcurrencyLimiter fallback = this.fallback;
		if (fallback != null) {
			return fallback.acquire(key);
		}
		return Mono.error(new ZaiException("The fleet-wide concurrency limit (zai.concurrency.scope=redis) cannot "
				+ "reach Redis at " + this.redisAddress + " within " + this.redisTimeout.toMillis()
				+ "ms (zai.connect-timeout): " + describe(ex) + ". Check the spring.data.redis.* properties "
				+ "(host, port, username, password, ssl), or set zai.concurrency.redis.fallback=jvm to apply the "
				+ "limit of each replica while Redis is down", ex));
	}

	ZaiRateLimitException limitReached(String key) {
		String message = "zai.concurrency.max-in-flight of " + this.maxInFlight + " reached for model " + key
				+ " across the replicas sharing Redis at " + this.redisAddress
				+ ((!this.maxWait.isZero()) ? "; no slot freed within zai.concurrency.max-wait of " + this.maxWait
						: "; zai.concurrency.max-wait is 0, so requests beyond it fail at once");
		return new ZaiRateLimitException(0, null, message, null);
	}

	private void startMaintenance() {
		if (this.closed || !this.maintenanceStarted.compareAndSet(false, true)) {
			return;
		}
		this.maintenance.update(Flux.interval(this.maintenancePeriod, this.maintenancePeriod)
			.onBackpressureDrop()
			.concatMap((tick) -> Flux.fromIterable(this.keys.values()).concatMap(RedisKeyPermits::check), 1)
			.subscribe());
	}

	private static boolean isRedisFailure(Throwable ex) {
		return !(ex instanceof ZaiException);
	}

	static String describe(Throwable ex) {
		if (ex instanceof TimeoutException) {
			return "no answer in time";
		}
		String message = ex.getMessage();
		return ex.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

	/**
	 * Builds a {@link RedisConcurrencyLimiter}.
	 */
	public static final class Builder extends RedisLimiterBuilderSupport {

		private Builder(RedissonReactiveClient redisson, String apiKey) {
			super(redisson, apiKey);
		}

		@Override
		Builder self() {
			return this;
		}

		/**
		 * Build the limiter. It connects to Redis only when it is first used.
		 * @return the limiter
		 */
		public RedisConcurrencyLimiter build() {
			return new RedisConcurrencyLimiter(this);
		}

	}

}
