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

import io.github.zaispring.resilience.ConcurrencyLimiter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Listeners that keep a failing callback from breaking the hand-over of permits:
 * callbacks run on the paths that grant and give back permits, and an exception escaping
 * there would strand a permit.
 *
 * @author zai-spring-boot contributors
 */
final class SafeListeners {

	private static final Log logger = LogFactory.getLog(RedisConcurrencyLimiter.class);

	private SafeListeners() {
	}

	private static void failed(Object listener, String callback, RuntimeException ex) {
		if (logger.isWarnEnabled()) {
			logger.warn("Concurrency limiter listener " + listener + " failed in " + callback, ex);
		}
	}

	static final class Permits implements ConcurrencyLimiter.Listener {

		private final ConcurrencyLimiter.Listener delegate;

		Permits(ConcurrencyLimiter.Listener delegate) {
			this.delegate = delegate;
		}

		@Override
		public void onQueued(String key) {
			try {
				this.delegate.onQueued(key);
			}
			catch (RuntimeException ex) {
				failed(this.delegate, "onQueued", ex);
			}
		}

		@Override
		public void onAcquired(String key, Duration waited) {
			try {
				this.delegate.onAcquired(key, waited);
			}
			catch (RuntimeException ex) {
				failed(this.delegate, "onAcquired", ex);
			}
		}

		@Override
		public void onRejected(String key, Duration waited) {
			try {
				this.delegate.onRejected(key, waited);
			}
			catch (RuntimeException ex) {
				failed(this.delegate, "onRejected", ex);
			}
		}

		@Override
		public void onReleased(String key) {
			try {
				this.delegate.onReleased(key);
			}
			catch (RuntimeException ex) {
				failed(this.delegate, "onReleased", ex);
			}
		}

	}

	static final class Redis implements RedisLimiterListener {

		private final RedisLimiterListener delegate;

		Redis(RedisLimiterListener delegate) {
			this.delegate = delegate;
		}

		@Override
		public void onRoundTrip(String key, String operation, Duration duration, boolean success) {
			try {
				this.delegate.onRoundTrip(key, operation, duration, success);
			}
			catch (RuntimeException ex) {
				failed(this.delegate, "onRoundTrip", ex);
			}
		}

		@Override
		public void onFallback(boolean active) {
			try {
				this.delegate.onFallback(active);
			}
			catch (RuntimeException ex) {
				failed(this.delegate, "onFallback", ex);
			}
		}

		@Override
		public void onFleetInFlight(String key, int inFlight) {
			try {
				this.delegate.onFleetInFlight(key, inFlight);
			}
			catch (RuntimeException ex) {
				failed(this.delegate, "onFleetInFlight", ex);
			}
		}

	}

}
