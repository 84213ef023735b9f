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
import io.github.zaispring.internal.ExchangeCore;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
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
@Import({ ZaiObservationConfiguration.class, ZaiEmbeddingConfiguration.class, ZaiImageConfiguration.class,
		ZaiWebSearchConfiguration.class, ZaiRerankConfiguration.class, ZaiModerationConfiguration.class,
		ZaiVideoConfiguration.class, ZaiAudioConfiguration.class, ZaiRedisConcurrencyConfiguration.class })
@SuppressWarnings("deprecation")
public final class ZaiAutoConfiguration {

	ZaiAutoConfiguration(Environment environment, ListableBeanFactory beanFactory) {
		ZaiPropertiesCheck.check(environment, beanFactory);
	}

	@Bean
	ZaiCoreSettings zaiCoreSettings(ZaiProperties properties, Environment environment,
			ObjectProvider<WebClient.Builder> webClientBuilder, ObjectProvider<RetryRegistry> retryRegistry,
			ObjectProvider<CircuitBreakerRegistry> circuitBreakerRegistry, ObjectProvider<ZaiMetricsBinder> metrics,
			ObjectProvider<ZaiInterceptor> interceptors, ObjectProvider<ZaiChatInterceptor> chatInterceptors,
			ObjectProvider<ZaiFleetLimiterFactory> fleetLimiters) {
		return new ZaiCoreSettings(properties, environment, webClientBuilder, retryRegistry, circuitBreakerRegistry,
				metrics, interceptors, chatInterceptors, fleetLimiters);
	}

	@Bean
	@ConditionalOnMissingBean(ZaiChatOperations.class)
	ZaiChatTemplate zaiChatTemplate(ZaiProperties properties, ZaiCoreSettings coreSettings,
			ObjectProvider<ZaiChatTemplateBuilderCustomizer> customizers) {
		ZaiChatTemplate.Builder builder = coreSettings.applyTo(ZaiChatTemplate.builder());
		applyChatDefaults(builder, properties.getChat());
		applyAsync(builder, properties.getAsync());
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	/**
	 * The exchange core every Z.AI client of the application shares: the chat template's,
	 * so that its customizers apply to all, or one of its own when the application
	 * replaced the chat client. Lazy, so that an application that replaced the chat
	 * client and uses no other Z.AI client needs no key.
	 */
	@Bean
	@Lazy
	@ConditionalOnMissingBean
	ExchangeCore zaiExchangeCore(ObjectProvider<ZaiChatOperations> chat, ZaiCoreSettings coreSettings) {
		return (chat.getIfUnique() instanceof ZaiChatTemplate template) ? template.exchangeCore()
				: coreSettings.buildCore();
	}

	private static void applyChatDefaults(ZaiChatTemplate.Builder builder, ZaiProperties.Chat chat) {
		ThinkingType thinking = chat.getThinking();
		builder.defaultModel(chat.getModel())
			.defaultTemperature(chat.getTemperature())
			.defaultTopP(chat.getTopP())
			.defaultMaxTokens(chat.getMaxTokens())
			.defaultThinking((thinking != null) ? toThinking(thinking) : null);
	}

	private static void applyAsync(ZaiChatTemplate.Builder builder, ZaiProperties.Async async) {
		checkAsync(async);
		builder.asyncPolling(async.getPollInterval(), async.getMaxPollInterval(), async.getMaxWait());
	}

	/**
	 * Check the {@code zai.async.*} properties together, for every client that polls.
	 * @param async the properties
	 * @return the properties
	 */
	static ZaiProperties.Async checkAsync(ZaiProperties.Async async) {
		ZaiProperties.require(async.getMaxPollInterval().compareTo(async.getPollInterval()) >= 0,
				"zai.async.max-poll-interval",
				() -> "zai.async.max-poll-interval must be at least zai.async.poll-interval ("
						+ ZaiProperties.format(async.getPollInterval()) + "), but was "
						+ ZaiProperties.format(async.getMaxPollInterval()));
		return async;
	}

	private static Thinking toThinking(ThinkingType type) {
		return (type == ThinkingType.ENABLED) ? Thinking.enabled() : Thinking.disabled();
	}

}
