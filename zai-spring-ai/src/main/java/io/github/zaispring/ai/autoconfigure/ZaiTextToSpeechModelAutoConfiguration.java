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
import io.github.zaispring.ai.ZaiTextToSpeechModel;
import io.github.zaispring.ai.ZaiTextToSpeechOptions;
import io.github.zaispring.audio.ZaiSpeechOperations;
import io.github.zaispring.autoconfigure.ZaiAutoConfiguration;
import io.github.zaispring.autoconfigure.ZaiProperties;

import org.springframework.ai.audio.tts.TextToSpeechModel;
import org.springframework.ai.model.SpringAIModelProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of a {@link ZaiTextToSpeechModel}, Spring AI's
 * {@link TextToSpeechModel} for Z.AI, on the application's {@link ZaiSpeechOperations},
 * with the model, voice and format of {@code zai.speech.*} as its default options. Spring
 * AI's model selection applies: with {@code spring.ai.model.audio.speech} set to another
 * provider (or {@code none}), there is none; unset or {@code zai}, there is one.
 *
 * @author zai-spring-boot contributors
 */
@AutoConfiguration(after = ZaiAutoConfiguration.class)
@ConditionalOnClass({ TextToSpeechModel.class, ZaiSpeechOperations.class })
@ConditionalOnBean(ZaiSpeechOperations.class)
@ConditionalOnProperty(name = SpringAIModelProperties.AUDIO_SPEECH_MODEL, havingValue = ZaiChatModel.PROVIDER,
		matchIfMissing = true)
public final class ZaiTextToSpeechModelAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ZaiTextToSpeechModel zaiTextToSpeechModel(ZaiSpeechOperations speechOperations, ZaiProperties properties) {
		ZaiProperties.Speech speech = properties.getSpeech();
		return new ZaiTextToSpeechModel(speechOperations,
				ZaiTextToSpeechOptions.builder()
					.model(speech.getModel())
					.voice(speech.getVoice())
					.format(speech.getResponseFormat().value())
					.build());
	}

}
