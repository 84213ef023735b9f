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
package io.github.zaispring.ai;

import java.util.List;

import io.github.zaispring.audio.SpeechAudio;
import io.github.zaispring.audio.SpeechFormat;
import io.github.zaispring.audio.SpeechRequest;
import io.github.zaispring.audio.ZaiSpeechOperations;
import reactor.core.publisher.Flux;

import org.springframework.ai.audio.tts.Speech;
import org.springframework.ai.audio.tts.StreamingTextToSpeechModel;
import org.springframework.ai.audio.tts.TextToSpeechMessage;
import org.springframework.ai.audio.tts.TextToSpeechModel;
import org.springframework.ai.audio.tts.TextToSpeechOptions;
import org.springframework.ai.audio.tts.TextToSpeechPrompt;
import org.springframework.ai.audio.tts.TextToSpeechResponse;
import org.springframework.ai.audio.tts.TextToSpeechResponseMetadata;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.retry.TransientAiException;
import org.springframework.util.Assert;

/**
 * A Spring AI {@link TextToSpeechModel} and {@link StreamingTextToSpeechModel} for Z.AI's
 * speech synthesis, on a {@link ZaiSpeechOperations}: the prompt's text (at most 1024
 * characters) is spoken with the options of the prompt, over the model's default options;
 * what both leave unset takes the defaults of the operations ({@code zai.speech.*}) or of
 * Z.AI.
 * <p>
 * Of Spring AI's {@link TextToSpeechOptions}: the model and voice are sent as they are;
 * the format may only be {@code wav} or {@code pcm} (Z.AI's {@code response_format}) and
 * the speed only from 0.5 to 2. {@link ZaiTextToSpeechOptions} adds the volume, the
 * watermark and the end user's id. Invalid options fail with an
 * {@link IllegalArgumentException} naming the option and what is valid, before any
 * request.
 * <p>
 * {@link #call(TextToSpeechPrompt)} answers one {@link Speech} with the audio as Z.AI
 * sent it, and its content type under {@value #CONTENT_TYPE} in the metadata;
 * {@link #stream(TextToSpeechPrompt)} answers one response per piece of audio, decoded,
 * in order. Failures are Spring AI's {@link TransientAiException} or
 * {@link NonTransientAiException}, with the Z.AI exception as the cause, as for
 * {@link ZaiChatModel}. Spring AI has no observation convention for speech; the calls are
 * observed by the starter's client as any Z.AI request.
 *
 * @author zai-spring-boot contributors
 */
public class ZaiTextToSpeechModel implements TextToSpeechModel {

	/**
	 * Key of the audio's content type in the response metadata of a call: a string such
	 * as {@code audio/wav}.
	 */
	public static final String CONTENT_TYPE = "content_type";

	private final ZaiSpeechOperations speechOperations;

	private final ZaiTextToSpeechOptions defaultOptions;

	/**
	 * Create a model whose options default to those of the operations.
	 * @param speechOperations the Z.AI speech client
	 */
	public ZaiTextToSpeechModel(ZaiSpeechOperations speechOperations) {
		this(speechOperations, ZaiTextToSpeechOptions.builder().build());
	}

	/**
	 * Create a model.
	 * @param speechOperations the Z.AI speech client
	 * @param defaultOptions the options of calls whose prompt leaves them unset; what
	 * these leave unset takes the defaults of the operations
	 * @throws IllegalArgumentException when a default option is invalid
	 */
	public ZaiTextToSpeechModel(ZaiSpeechOperations speechOperations, ZaiTextToSpeechOptions defaultOptions) {
		Assert.notNull(speechOperations, "speechOperations must not be null");
		Assert.notNull(defaultOptions, "defaultOptions must not be null; use ZaiTextToSpeechOptions.builder().build()");
		apply(defaultOptions, SpeechRequest.builder());
		this.speechOperations = speechOperations;
		this.defaultOptions = defaultOptions.copy();
	}

	/**
	 * Speak a text.
	 * @param prompt the text, with options that override the defaults
	 * @return one {@link Speech} with the bytes of the audio
	 * @throws IllegalArgumentException when the text is blank or too long, or an option
	 * is invalid
	 * @throws TransientAiException when a transient failure outlasted the retries
	 * @throws NonTransientAiException when the request failed for good
	 */
	@Override
	public TextToSpeechResponse call(TextToSpeechPrompt prompt) {
		SpeechRequest request = toRequest(prompt);
		SpeechAudio audio = ZaiChatModel.await(this.speechOperations.speak(request),
				"Z.AI answered a speech request with no response");
		TextToSpeechResponseMetadata metadata = new TextToSpeechResponseMetadata();
		metadata.put(CONTENT_TYPE, audio.contentType().toString());
		return new TextToSpeechResponse(List.of(new Speech(audio.bytes())), metadata);
	}

	/**
	 * Speak a text, answering the pieces of audio as Z.AI streams them.
	 * @param prompt the text, with options that override the defaults
	 * @return a response per piece of audio, in order; fails with a
	 * {@link TransientAiException} or {@link NonTransientAiException}
	 * @throws IllegalArgumentException when the text is blank or too long, or an option
	 * is invalid; no request is sent then
	 */
	@Override
	public Flux<TextToSpeechResponse> stream(TextToSpeechPrompt prompt) {
		SpeechRequest request = toRequest(prompt);
		return this.speechOperations.streamAudio(request)
			.map((audio) -> new TextToSpeechResponse(List.of(new Speech(audio))))
			.onErrorMap((ex) -> !(ex instanceof IllegalArgumentException), ZaiChatModel::translate);
	}

	/**
	 * Return the options of calls whose prompt leaves them unset.
	 * @return a copy of the default options; unset ones take the defaults of the
	 * operations
	 */
	@Override
	public ZaiTextToSpeechOptions getDefaultOptions() {
		return this.defaultOptions.copy();
	}

	/**
	 * Return the options of calls whose prompt leaves them unset, as
	 * {@link #getDefaultOptions()} does.
	 * @return a copy of the default options
	 */
	@Override
	public ZaiTextToSpeechOptions getOptions() {
		return getDefaultOptions();
	}

	private SpeechRequest toRequest(TextToSpeechPrompt prompt) {
		Assert.notNull(prompt, "prompt must not be null");
		TextToSpeechMessage message = prompt.getInstructions();
		Assert.notNull(message, "prompt must have a message; give the text to speak");
		SpeechRequest.Builder builder = SpeechRequest.builder().input(message.getText());
		apply(this.defaultOptions, builder);
		TextToSpeechOptions options = prompt.getOptions();
		if (options != null) {
			apply(options, builder);
		}
		return builder.build();
	}

	/**
	 * Set the options that are set on the builder, whose setters check them.
	 */
	private static void apply(TextToSpeechOptions options, SpeechRequest.Builder builder) {
		if (options.getModel() != null) {
			builder.model(options.getModel());
		}
		if (options.getVoice() != null) {
			builder.voice(options.getVoice());
		}
		if (options.getFormat() != null) {
			builder.responseFormat(format(options.getFormat()));
		}
		if (options.getSpeed() != null) {
			builder.speed(options.getSpeed());
		}
		if (options instanceof ZaiTextToSpeechOptions zai) {
			if (zai.getVolume() != null) {
				builder.volume(zai.getVolume());
			}
			if (zai.getWatermarkEnabled() != null) {
				builder.watermarkEnabled(zai.getWatermarkEnabled());
			}
			if (zai.getUserId() != null) {
				builder.userId(zai.getUserId());
			}
		}
	}

	private static SpeechFormat format(String format) {
		try {
			return SpeechFormat.of(format);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"format must be wav or pcm, Z.AI's audio formats, or unset for the default, but was '" + format
							+ "'",
					ex);
		}
	}

	@Override
	public String toString() {
		return "ZaiTextToSpeechModel[" + this.defaultOptions + "]";
	}

}
