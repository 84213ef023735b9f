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
import io.github.zaispring.ai.ZaiChatOptions;
import io.github.zaispring.autoconfigure.ZaiAutoConfiguration;
import io.github.zaispring.autoconfigure.ZaiProperties;
import io.github.zaispring.chat.Thinking;
import io.github.zaispring.chat.ZaiChatOperations;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.observation.ChatModelObservationConvention;
import org.springframework.ai.model.SpringAIModelProperties;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of a {@link ZaiChatModel}, Spring AI's {@link ChatModel} for Z.AI,
 * on the application's {@link ZaiChatOperations}, with the defaults of
 * {@code zai.chat.*}. Spring AI's model selection applies: with
 * {@code spring.ai.model.chat} set to another provider (or {@code none}), there is none;
 * unset or {@code zai}, there is one. The application's {@link ToolCallingManager},
 * {@link ObservationRegistry} and {@link ChatModelObservationConvention} are used when it
 * has them.
 *
 * @author zai-spring-boot contributors
 */
@AutoConfiguration(after = ZaiAutoConfiguration.class,
		afterName = "org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration",
		beforeName = "org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration")
@ConditionalOnClass({ ChatModel.class, ZaiChatOperations.class })
@ConditionalOnBean(ZaiChatOperations.class)
@ConditionalOnProperty(name = SpringAIModelProperties.CHAT_MODEL, havingValue = ZaiChatModel.PROVIDER,
		matchIfMissing = true)
public final class ZaiChatModelAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ZaiChatModel zaiChatModel(ZaiChatOperations chatOperations, ZaiProperties properties,
			ObjectProvider<ToolCallingManager> toolCallingManager, ObjectProvider<ObservationRegistry> registry,
			ObjectProvider<ChatModelObservationConvention> convention) {
		ZaiChatModel model = new ZaiChatModel(chatOperations, defaultOptions(properties.getChat()),
				toolCallingManager.getIfUnique(() -> ToolCallingManager.builder().build()),
				registry.getIfUnique(() -> ObservationRegistry.NOOP));
		convention.ifUnique(model::setObservationConvention);
		return model;
	}

	private static ZaiChatOptions defaultOptions(ZaiProperties.Chat chat) {
		return ZaiChatOptions.builder()
			.model(chat.getModel())
			.temperature(chat.getTemperature())
			.topP(chat.getTopP())
			.maxTokens(chat.getMaxTokens())
			.thinking((chat.getThinking() != null) ? new Thinking(chat.getThinking(), null) : null)
			.build();
	}

}
