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
import io.github.zaispring.chat.Thinking;
import io.github.zaispring.chat.ThinkingType;
import io.github.zaispring.chat.ZaiChatInterceptor;
import io.github.zaispring.chat.ZaiChatOperations;
import io.github.zaispring.chat.ZaiChatTemplate;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of the Z.AI chat client: a {@link ZaiChatTemplate}, which is the
 * {@link ZaiChatOperations} bean, built from Spring Boot's {@code WebClient.Builder} and
 * the {@code zai.*} properties, with the application's {@link ZaiInterceptor} beans (the
 * observation interceptor among them) applied in order, then its deprecated
 * {@link ZaiChatInterceptor} beans.
 *
 * @author zai-spring-boot contributors
 */
@AutoConfiguration(afterName = { "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
@ConditionalOnClass({ WebClient.class, ZaiChatTemplate.class })
@ConditionalOnBooleanProperty(name = "zai.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ZaiProperties.class)
@Import(ZaiObservationConfiguration.class)
@SuppressWarnings("deprecation")
public final class ZaiAutoConfiguration {

	ZaiAutoConfiguration(Environment environment, ListableBeanFactory beanFactory) {
		ZaiPropertiesCheck.check(environment, beanFactory);
	}

	@Bean
	@ConditionalOnMissingBean(ZaiChatOperations.class)
	ZaiChatTemplate zaiChatTemplate(ZaiProperties properties, Environment environment,
			ObjectProvider<WebClient.Builder> webClientBuilder, ObjectProvider<RetryRegistry> retryRegistry,
			ObjectProvider<CircuitBreakerRegistry> circuitBreakerRegistry, ObjectProvider<ZaiMetricsBinder> metrics,
			ObjectProvider<ZaiInterceptor> interceptors, ObjectProvider<ZaiChatInterceptor> chatInterceptors,
			ObjectProvider<ZaiChatTemplateBuilderCustomizer> customizers) {
		ZaiResilienceFactory resilience = new ZaiResilienceFactory(properties, metrics.getIfAvailable());
		ZaiChatTemplate.Builder builder = ZaiChatTemplate.builder()
			.webClientBuilder(() -> webClientBuilder.getIfAvailable(WebClient::builder))
			.apiKey(ZaiApiKey.resolve(properties, environment))
			.baseUrl(properties.getBaseUrl())
			.acceptLanguage(properties.getAcceptLanguage())
			.connectTimeout(properties.getConnectTimeout())
			.responseTimeout(properties.getResponseTimeout())
			.firstChunkTimeout(properties.getFirstChunkTimeout())
			.streamIdleTimeout(properties.getStreamIdleTimeout())
			.logBodies(properties.getLogging().isIncludeBodies())
			.pool(properties.getPool().getMaxConnections(), properties.getPool().getPendingAcquireTimeout(),
					properties.getPool().getMaxIdleTime())
			.retry(resilience.retry(retryRegistry.getIfAvailable()))
			.circuitBreaker(resilience.circuitBreaker(circuitBreakerRegistry.getIfAvailable()))
			.concurrencyLimiter(resilience.concurrencyLimiter());
		applyChatDefaults(builder, properties.getChat());
		interceptors.orderedStream().forEach(builder::interceptor);
		chatInterceptors.orderedStream().forEach(builder::interceptor);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	private static void applyChatDefaults(ZaiChatTemplate.Builder builder, ZaiProperties.Chat chat) {
		ThinkingType thinking = chat.getThinking();
		builder.defaultModel(chat.getModel())
			.defaultTemperature(chat.getTemperature())
			.defaultTopP(chat.getTopP())
			.defaultMaxTokens(chat.getMaxTokens())
			.defaultThinking((thinking != null) ? toThinking(thinking) : null);
	}

	private static Thinking toThinking(ThinkingType type) {
		return (type == ThinkingType.ENABLED) ? Thinking.enabled() : Thinking.disabled();
	}

}
