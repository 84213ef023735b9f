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
import io.github.zaispring.video.ZaiVideoOperations;
import io.github.zaispring.video.ZaiVideoTemplate;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The video generation client, a {@link ZaiVideoTemplate} on the application's shared
 * exchange core with the {@code zai.video.*} defaults, polling as {@code zai.async.*}
 * says.
 *
 * @author zai-spring-boot contributors
 */
@Configuration(proxyBeanMethods = false)
class ZaiVideoConfiguration {

	/**
	 * Lazy like the core, so that an application that replaced the chat client and
	 * generates no video needs no key.
	 */
	@Bean
	@Lazy
	@ConditionalOnMissingBean(ZaiVideoOperations.class)
	ZaiVideoTemplate zaiVideoTemplate(ZaiProperties properties, ExchangeCore zaiExchangeCore) {
		ZaiProperties.Async async = ZaiAutoConfiguration.checkAsync(properties.getAsync());
		return ZaiVideoTemplate.builder()
			.exchangeCore(zaiExchangeCore)
			.defaultModel(properties.getVideo().getModel())
			.asyncPolling(async.getPollInterval(), async.getMaxPollInterval(), async.getMaxWait())
			.build();
	}

}
