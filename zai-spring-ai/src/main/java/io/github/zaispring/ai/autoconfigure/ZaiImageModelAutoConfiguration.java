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
package io.github.zaispring.ai.autoconfigure;

import io.github.zaispring.ai.ZaiChatModel;
import io.github.zaispring.ai.ZaiImageModel;
import io.github.zaispring.autoconfigure.ZaiAutoConfiguration;
import io.github.zaispring.autoconfigure.ZaiProperties;
import io.github.zaispring.image.ZaiImageOperations;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.ai.image.ImageModel;
import org.springframework.ai.image.observation.ImageModelObservationConvention;
import org.springframework.ai.model.SpringAIModelProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of a {@link ZaiImageModel}, Spring AI's {@link ImageModel} for Z.AI,
 * on the application's {@link ZaiImageOperations}, with the model of
 * {@code zai.image.model}. Spring AI's model selection applies: with
 * {@code spring.ai.model.image} set to another provider (or {@code none}), there is none;
 * unset or {@code zai}, there is one.
 *
 * @author zai-spring-boot contributors
 */
@AutoConfiguration(after = ZaiAutoConfiguration.class)
@ConditionalOnClass({ ImageModel.class, ZaiImageOperations.class })
@ConditionalOnBean(ZaiImageOperations.class)
@ConditionalOnProperty(name = SpringAIModelProperties.IMAGE_MODEL, havingValue = ZaiChatModel.PROVIDER,
		matchIfMissing = true)
public final class ZaiImageModelAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ZaiImageModel zaiImageModel(ZaiImageOperations imageOperations, ZaiProperties properties,
			ObjectProvider<ObservationRegistry> registry, ObjectProvider<ImageModelObservationConvention> convention) {
		ZaiImageModel model = new ZaiImageModel(imageOperations, properties.getImage().getModel(),
				registry.getIfUnique(() -> ObservationRegistry.NOOP));
		convention.ifUnique(model::setObservationConvention);
		return model;
	}

}
