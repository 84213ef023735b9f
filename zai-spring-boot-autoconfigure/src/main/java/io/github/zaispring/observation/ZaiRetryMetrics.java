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

package io.github.zaispring.observation;

import io.github.resilience4j.retry.Retry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Counts the retries of the Z.AI client as {@value #RETRIES}, tagged with {@code reason}
 * (the Z.AI business code of the failure that was retried, such as {@code 1302}, else the
 * simple name of its class) and {@code gen_ai.provider.name} = {@code z_ai}.
 *
 * @author zai-spring-boot contributors
 */
public final class ZaiRetryMetrics {

	/**
	 * The name of the retry counter.
	 */
	public static final String RETRIES = "zai.client.retries";

	private final Meter.MeterProvider<Counter> retries;

	/**
	 * Create retry metrics that record to the given registry.
	 * @param meterRegistry the registry
	 */
	public ZaiRetryMetrics(MeterRegistry meterRegistry) {
		Assert.notNull(meterRegistry, "'meterRegistry' must not be null");
		this.retries = Counter.builder(RETRIES)
			.description("Retries of Z.AI requests")
			.tag(ZaiChatObservationDocumentation.LowCardinalityKeyNames.PROVIDER_NAME.asString(),
					DefaultZaiChatObservationConvention.PROVIDER_NAME)
			.withRegistry(meterRegistry);
	}

	/**
	 * Count every retry of the given Resilience4j retry.
	 * @param retry the retry of the client
	 * @return the retry, for chaining
	 */
	public Retry bindTo(Retry retry) {
		Assert.notNull(retry, "'retry' must not be null");
		retry.getEventPublisher().onRetry((event) -> recordRetry(event.getLastThrowable()));
		return retry;
	}

	/**
	 * Count one retry.
	 * @param failure the failure that is retried, or {@code null} if unknown (tagged
	 * {@code none})
	 */
	public void recordRetry(@Nullable Throwable failure) {
		this.retries.withTag("reason", ErrorTypes.of(failure)).increment();
	}

}
