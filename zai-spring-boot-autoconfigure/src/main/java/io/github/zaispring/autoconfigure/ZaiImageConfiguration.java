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

import io.github.zaispring.image.ZaiImageOperations;
import io.github.zaispring.image.ZaiImageTemplate;
import io.github.zaispring.internal.ExchangeCore;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Auto-configuration of the Z.AI image generation client: a {@link ZaiImageTemplate}, the
 * {@link ZaiImageOperations} bean, on the shared exchange core with the
 * {@code zai.image.*} defaults.
 *
 * @author zai-spring-boot contributors
 */
@Configuration(proxyBeanMethods = false)
class ZaiImageConfiguration {

	/**
	 * Lazy, like the core it uses: an application that never generates an image builds
	 * neither.
	 */
	@Bean
	@Lazy
	@ConditionalOnMissingBean(ZaiImageOperations.class)
	ZaiImageTemplate zaiImageTemplate(ExchangeCore core, ZaiProperties properties) {
		return ZaiImageTemplate.builder().exchangeCore(core).defaultModel(properties.getImage().getModel()).build();
	}

}
