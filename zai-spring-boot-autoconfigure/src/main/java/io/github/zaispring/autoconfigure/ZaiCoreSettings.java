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

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.zaispring.ZaiInterceptor;
import io.github.zaispring.chat.ZaiChatInterceptor;
import io.github.zaispring.chat.ZaiChatTemplate;
import io.github.zaispring.internal.ClientBuilder;
import io.github.zaispring.internal.ExchangeCore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Applies the {@code zai.*} connection, resilience and logging properties and the
 * application's interceptors to the builder of the one exchange core every Z.AI client of
 * the application shares: the chat template's, or a core of its own when the application
 * replaced the chat client.
 *
 * @author zai-spring-boot contributors
 */
@SuppressWarnings("deprecation")
final class ZaiCoreSettings {

	private final ZaiProperties properties;

	private final Environment environment;

	private final ObjectProvider<WebClient.Builder> webClientBuilder;

	private final ObjectProvider<RetryRegistry> retryRegistry;

	private final ObjectProvider<CircuitBreakerRegistry> circuitBreakerRegistry;

	private final ObjectProvider<ZaiMetricsBinder> metrics;

	private final ObjectProvider<ZaiInterceptor> interceptors;

	private final ObjectProvider<ZaiChatInterceptor> chatInterceptors;

	private final ObjectProvider<ZaiFleetLimiterFactory> fleetLimiters;

	ZaiCoreSettings(ZaiProperties properties, Environment environment,
			ObjectProvider<WebClient.Builder> webClientBuilder, ObjectProvider<RetryRegistry> retryRegistry,
			ObjectProvider<CircuitBreakerRegistry> circuitBreakerRegistry, ObjectProvider<ZaiMetricsBinder> metrics,
			ObjectProvider<ZaiInterceptor> interceptors, ObjectProvider<ZaiChatInterceptor> chatInterceptors,
			ObjectProvider<ZaiFleetLimiterFactory> fleetLimiters) {
		this.properties = properties;
		this.environment = environment;
		this.webClientBuilder = webClientBuilder;
		this.retryRegistry = retryRegistry;
		this.circuitBreakerRegistry = circuitBreakerRegistry;
		this.metrics = metrics;
		this.interceptors = interceptors;
		this.chatInterceptors = chatInterceptors;
		this.fleetLimiters = fleetLimiters;
	}

	/**
	 * Configure the chat template's builder, which builds the shared core.
	 */
	ZaiChatTemplate.Builder applyTo(ZaiChatTemplate.Builder builder) {
		applyToCore(builder);
		this.chatInterceptors.orderedStream().forEach(builder::interceptor);
		return builder;
	}

	/**
	 * Build a core of its own, for an application that replaced the chat client.
	 */
	ExchangeCore buildCore() {
		return applyToCore(ExchangeCore.builder()).build();
	}

	private <B extends ClientBuilder<B>> B applyToCore(B builder) {
		ZaiProperties properties = this.properties;
		ZaiResilienceFactory resilience = new ZaiResilienceFactory(properties, this.metrics.getIfAvailable());
		String apiKey = ZaiApiKey.resolve(properties, this.environment);
		builder.webClientBuilder(() -> this.webClientBuilder.getIfAvailable(WebClient::builder))
			.apiKey(apiKey)
			.baseUrl(properties.getBaseUrl())
			.acceptLanguage(properties.getAcceptLanguage())
			.connectTimeout(properties.getConnectTimeout())
			.responseTimeout(properties.getResponseTimeout())
			.firstChunkTimeout(properties.getFirstChunkTimeout())
			.streamIdleTimeout(properties.getStreamIdleTimeout())
			.logBodies(properties.getLogging().isIncludeBodies())
			.pool(properties.getPool().getMaxConnections(), properties.getPool().getPendingAcquireTimeout(),
					properties.getPool().getMaxIdleTime())
			.retry(resilience.retry(this.retryRegistry.getIfAvailable()))
			.circuitBreaker(resilience.circuitBreaker(this.circuitBreakerRegistry.getIfAvailable()))
			.concurrencyLimiter(resilience.concurrencyLimiter(apiKey, this.fleetLimiters.getIfAvailable()));
		this.interceptors.orderedStream().forEach(builder::interceptor);
		return builder;
	}

}
