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

import io.github.zaispring.embedding.ZaiEmbeddingOperations;
import io.github.zaispring.embedding.ZaiEmbeddingTemplate;
import io.github.zaispring.internal.ExchangeCore;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The Z.AI embeddings client: a {@link ZaiEmbeddingTemplate} on the shared exchange core,
 * with the defaults of {@code zai.embedding.*}. Lazy like the core, so that an
 * application that never embeds builds nothing for it.
 *
 * @author zai-spring-boot contributors
 */
@Configuration(proxyBeanMethods = false)
final class ZaiEmbeddingConfiguration {

	@Bean
	@Lazy
	@ConditionalOnMissingBean(ZaiEmbeddingOperations.class)
	ZaiEmbeddingTemplate zaiEmbeddingTemplate(ExchangeCore zaiExchangeCore, ZaiProperties properties) {
		ZaiProperties.Embedding embedding = properties.getEmbedding();
		return ZaiEmbeddingTemplate.builder()
			.exchangeCore(zaiExchangeCore)
			.defaultModel(embedding.getModel())
			.defaultDimensions(embedding.getDimensions())
			.build();
	}

}
