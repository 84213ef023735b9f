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

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A {@link RedisLimiterListener} that keeps a failing callback from breaking the
 * hand-over of permits, as {@link io.github.zaispring.resilience.SafeListener} does for
 * the permit listener: callbacks run on the paths that grant and give back permits, and
 * an exception escaping there would strand a permit.
 *
 * @author zai-spring-boot contributors
 */
final class SafeRedisListener implements RedisLimiterListener {

	private static final Log logger = LogFactory.getLog(RedisConcurrencyLimiter.class);

	private final RedisLimiterListener delegate;

	SafeRedisListener(RedisLimiterListener delegate) {
		this.delegate = delegate;
	}

	@Override
	public void onRoundTrip(String key, String operation, Duration duration, boolean success) {
		try {
			this.delegate.onRoundTrip(key, operation, duration, success);
		}
		catch (RuntimeException ex) {
			failed("onRoundTrip", ex);
		}
	}

	@Override
	public void onFallback(boolean active) {
		try {
			this.delegate.onFallback(active);
		}
		catch (RuntimeException ex) {
			failed("onFallback", ex);
		}
	}

	@Override
	public void onFleetInFlight(String key, int inFlight) {
		try {
			this.delegate.onFleetInFlight(key, inFlight);
		}
		catch (RuntimeException ex) {
			failed("onFleetInFlight", ex);
		}
	}

	private void failed(String callback, RuntimeException ex) {
		if (logger.isWarnEnabled()) {
			logger.warn("Concurrency limiter listener " + this.delegate + " failed in " + callback, ex);
		}
	}

}
