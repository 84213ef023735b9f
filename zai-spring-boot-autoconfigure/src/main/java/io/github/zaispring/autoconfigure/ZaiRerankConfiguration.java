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
import io.github.zaispring.rerank.ZaiRerankOperations;
import io.github.zaispring.rerank.ZaiRerankTemplate;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The rerank client, a {@link ZaiRerankTemplate} on the application's shared exchange
 * core with the {@code zai.rerank.*} defaults.
 *
 * @author zai-spring-boot contributors
 */
@Configuration(proxyBeanMethods = false)
class ZaiRerankConfiguration {

	/**
	 * Lazy like the core, so that an application that replaced the chat client and
	 * reranks nothing needs no key.
	 */
	@Bean
	@Lazy
	@ConditionalOnMissingBean(ZaiRerankOperations.class)
	ZaiRerankTemplate zaiRerankTemplate(ZaiProperties properties, ExchangeCore zaiExchangeCore) {
		return ZaiRerankTemplate.builder()
			.exchangeCore(zaiExchangeCore)
			.defaultModel(properties.getRerank().getModel())
			.build();
	}

}
