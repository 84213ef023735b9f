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

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.zaispring.resilience.ConcurrencyLimiter.Permit;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

/**
 * A permit taken in Redis: its lease is renewed every third of the lease time until it is
 * given back, which happens once whoever asks.
 *
 * @author zai-spring-boot contributors
 */
final class RedisPermit implements Permit {

	private final RedisKeyPermits permits;

	private final String id;

	private final AtomicBoolean released = new AtomicBoolean();

	private final Disposable renewal;

	RedisPermit(RedisKeyPermits permits, String id, long leaseMillis) {
		this.permits = permits;
		this.id = id;
		long period = Math.max(1, leaseMillis / 3);
		this.renewal = Schedulers.parallel()
			.schedulePeriodically(() -> permits.renew(this), period, period, TimeUnit.MILLISECONDS);
	}

	String id() {
		return this.id;
	}

	boolean isReleased() {
		return this.released.get();
	}

	@Override
	public void release() {
		if (this.released.compareAndSet(false, true)) {
			this.renewal.dispose();
			this.permits.released(this);
		}
	}

	@Override
	public String toString() {
		return "RedisPermit[" + this.permits.key() + "]";
	}

}
