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

package io.github.zaispring.autoconfigure;

import java.util.Set;

import io.github.resilience4j.retry.Retry;
import io.github.zaispring.observation.DefaultZaiChatObservationConvention;
import io.github.zaispring.observation.ObservationZaiInterceptor;
import io.github.zaispring.observation.ZaiMeterObservationHandler;
import io.github.zaispring.observation.ZaiChatObservationConvention;
import io.github.zaispring.observation.ZaiObservationConvention;
import io.github.zaispring.observation.ZaiObservationMeterFilter;
import io.github.zaispring.observation.ZaiRetryMetrics;
import io.github.zaispring.resilience.ConcurrencyLimiter;
import io.github.zaispring.resilience.ZaiConcurrencyMetrics;
import io.github.zaispring.resilience.redis.RedisLimiterListener;
import io.github.zaispring.resilience.redis.RedisLimiterMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler.IgnoredMeters;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.function.SingletonSupplier;

/**
 * Observations and meters of the Z.AI client, when Micrometer is on the classpath.
 *
 * @author zai-spring-boot contributors
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(ObservationRegistry.class)
class ZaiObservationConfiguration {

	private static final Log logger = LogFactory.getLog(ZaiObservationConfiguration.class);

	@Bean
	@ConditionalOnMissingBean(ObservationZaiInterceptor.class)
	ObservationZaiInterceptor zaiObservationInterceptor(ZaiProperties properties,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<ZaiChatObservationConvention> chatConvention,
			ObjectProvider<ZaiObservationConvention> convention) {
		boolean includeContent = properties.getObservations().isIncludeContent();
		if (includeContent) {
			logger.warn("zai.observations.include-content is true: prompts and completions are recorded in "
					+ "observations and traces, which may store personal data");
		}
		return new ObservationZaiInterceptor(observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP),
				chatConvention.getIfAvailable(), new DefaultZaiChatObservationConvention(includeContent),
				convention.getIfAvailable());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class ZaiMeterConfiguration {

		private static final String IGNORED_METERS = "management.metrics.observations.ignored-meters";

		@Bean
		static ZaiObservationMeterFilter zaiObservationMeterFilter() {
			return new ZaiObservationMeterFilter();
		}

		/**
		 * Records the meters of the starter's observations, ahead of Micrometer's handler
		 * in Boot's group of meter handlers, with Boot's
		 * {@code management.metrics.observations.ignored-meters}.
		 */
		@Bean
		@ConditionalOnMissingBean
		ZaiMeterObservationHandler zaiMeterObservationHandler(MeterRegistry meterRegistry, Environment environment) {
			IgnoredMeters[] ignoredMeters = Binder.get(environment)
				.bind(IGNORED_METERS, Bindable.setOf(IgnoredMeters.class))
				.orElse(Set.of())
				.toArray(IgnoredMeters[]::new);
			return new ZaiMeterObservationHandler(meterRegistry, ignoredMeters);
		}

		@Bean
		ZaiMetricsBinder zaiMetricsBinder(MeterRegistry meterRegistry) {
			ZaiRetryMetrics retryMetrics = new ZaiRetryMetrics(meterRegistry);
			ZaiConcurrencyMetrics concurrencyMetrics = new ZaiConcurrencyMetrics(meterRegistry);
			SingletonSupplier<RedisLimiterMetrics> redisMetrics = SingletonSupplier
				.of(() -> new RedisLimiterMetrics(meterRegistry));
			return new ZaiMetricsBinder() {

				@Override
				public void bindRetry(Retry retry) {
					retryMetrics.bindTo(retry);
				}

				@Override
				public ConcurrencyLimiter.Listener concurrencyListener() {
					return concurrencyMetrics;
				}

				@Override
				public void bindConcurrencyLimiter(ConcurrencyLimiter limiter) {
					concurrencyMetrics.bindTo(limiter);
				}

				@Override
				public RedisLimiterListener redisLimiterListener() {
					return redisMetrics.obtain();
				}

			};
		}

	}

}
