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

import io.github.zaispring.audio.ZaiSpeechOperations;
import io.github.zaispring.audio.ZaiSpeechTemplate;
import io.github.zaispring.audio.ZaiTranscriptionOperations;
import io.github.zaispring.audio.ZaiTranscriptionTemplate;
import io.github.zaispring.internal.ExchangeCore;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The audio clients, a {@link ZaiTranscriptionTemplate} (speech to text) and a
 * {@link ZaiSpeechTemplate} (text to speech) on the application's shared exchange core
 * with the {@code zai.transcription.*} and {@code zai.speech.*} defaults.
 *
 * @author zai-spring-boot contributors
 */
@Configuration(proxyBeanMethods = false)
class ZaiAudioConfiguration {

	/**
	 * Lazy like the core, so that an application that replaced the chat client and
	 * transcribes nothing needs no key.
	 */
	@Bean
	@Lazy
	@ConditionalOnMissingBean(ZaiTranscriptionOperations.class)
	ZaiTranscriptionTemplate zaiTranscriptionTemplate(ZaiProperties properties, ExchangeCore zaiExchangeCore) {
		return ZaiTranscriptionTemplate.builder()
			.exchangeCore(zaiExchangeCore)
			.defaultModel(properties.getTranscription().getModel())
			.build();
	}

	/**
	 * Lazy like the core, so that an application that replaced the chat client and speaks
	 * nothing needs no key.
	 */
	@Bean
	@Lazy
	@ConditionalOnMissingBean(ZaiSpeechOperations.class)
	ZaiSpeechTemplate zaiSpeechTemplate(ZaiProperties properties, ExchangeCore zaiExchangeCore) {
		ZaiProperties.Speech speech = properties.getSpeech();
		return ZaiSpeechTemplate.builder()
			.exchangeCore(zaiExchangeCore)
			.defaultModel(speech.getModel())
			.defaultVoice(speech.getVoice())
			.defaultResponseFormat(speech.getResponseFormat())
			.build();
	}

}
