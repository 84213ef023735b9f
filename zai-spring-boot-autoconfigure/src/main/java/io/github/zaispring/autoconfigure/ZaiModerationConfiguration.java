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

import io.github.zaispring.internal.ExchangeCore;
import io.github.zaispring.moderation.ZaiModerationOperations;
import io.github.zaispring.moderation.ZaiModerationTemplate;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The moderation client, a {@link ZaiModerationTemplate} on the application's shared
 * exchange core with the {@code zai.moderation.*} defaults.
 *
 * @author zai-spring-boot contributors
 */
@Configuration(proxyBeanMethods = false)
class ZaiModerationConfiguration {

	/**
	 * Lazy like the core, so that an application that replaced the chat client and
	 * moderates nothing needs no key.
	 */
	@Bean
	@Lazy
	@ConditionalOnMissingBean(ZaiModerationOperations.class)
	ZaiModerationTemplate zaiModerationTemplate(ZaiProperties properties, ExchangeCore zaiExchangeCore) {
		return ZaiModerationTemplate.builder()
			.exchangeCore(zaiExchangeCore)
			.defaultModel(properties.getModeration().getModel())
			.build();
	}

}
