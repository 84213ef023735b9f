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

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.Assert;

/**
 * A {@link ConcurrencyLimiter.Listener} that keeps a failing listener from breaking the
 * hand-over of permits: callbacks run on the paths that release and grant permits, and an
 * exception escaping there would strand the requests behind them. A failure is logged at
 * WARN and otherwise ignored. Every {@link ConcurrencyLimiter} implementation should call
 * its listener through one.
 *
 * @author zai-spring-boot contributors
 */
public final class SafeListener implements ConcurrencyLimiter.Listener {

	private static final Log logger = LogFactory.getLog(ConcurrencyLimiter.class);

	private final ConcurrencyLimiter.Listener delegate;

	/**
	 * Guard the given listener.
	 * @param delegate the listener whose failures are logged instead of thrown
	 */
	public SafeListener(ConcurrencyLimiter.Listener delegate) {
		Assert.notNull(delegate, "delegate must not be null; use a listener such as ZaiConcurrencyMetrics");
		this.delegate = delegate;
	}

	@Override
	public void onQueued(String model) {
		try {
			this.delegate.onQueued(model);
		}
		catch (RuntimeException ex) {
			failed("onQueued", ex);
		}
	}

	@Override
	public void onAcquired(String model, Duration waited) {
		try {
			this.delegate.onAcquired(model, waited);
		}
		catch (RuntimeException ex) {
			failed("onAcquired", ex);
		}
	}

	@Override
	public void onRejected(String model, Duration waited) {
		try {
			this.delegate.onRejected(model, waited);
		}
		catch (RuntimeException ex) {
			failed("onRejected", ex);
		}
	}

	@Override
	public void onReleased(String model) {
		try {
			this.delegate.onReleased(model);
		}
		catch (RuntimeException ex) {
			failed("onReleased", ex);
		}
	}

	private void failed(String callback, RuntimeException ex) {
		if (logger.isWarnEnabled()) {
			logger.warn("Concurrency limiter listener " + this.delegate + " failed in " + callback, ex);
		}
	}

}
