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

import io.github.zaispring.audio.AudioFile;
import io.github.zaispring.audio.Transcription;
import io.github.zaispring.audio.TranscriptionRequest;
import io.github.zaispring.audio.ZaiTranscriptionOperations;
import reactor.core.publisher.Flux;

import org.springframework.ai.audio.transcription.AudioTranscription;
import org.springframework.ai.audio.transcription.AudioTranscriptionOptions;
import org.springframework.ai.audio.transcription.AudioTranscriptionPrompt;
import org.springframework.ai.audio.transcription.AudioTranscriptionResponse;
import org.springframework.ai.audio.transcription.TranscriptionModel;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.retry.TransientAiException;
import org.springframework.core.io.Resource;
import org.springframework.util.Assert;

/**
 * A Spring AI {@link TranscriptionModel} for Z.AI's speech recognition, on a
 * {@link ZaiTranscriptionOperations}: the prompt's {@link Resource} (a {@code .wav} or
 * {@code .mp3} file of at most 25 MB) is uploaded with the model and, from
 * {@link ZaiTranscriptionOptions}, the prompt, hot words and end user's id. Z.AI has no
 * language option; it detects the language. {@link #stream(AudioTranscriptionPrompt)}
 * answers the transcript's pieces as Z.AI streams them.
 * <p>
 * Failures are Spring AI's {@link TransientAiException} or
 * {@link NonTransientAiException}, with the Z.AI exception as the cause, as for
 * {@link ZaiChatModel}. Spring AI has no observation convention for transcription; the
 * calls are observed by the starter's client as any Z.AI request.
 *
 * @author zai-spring-boot contributors
 */
public class ZaiTranscriptionModel implements TranscriptionModel {

	private final ZaiTranscriptionOperations transcriptionOperations;

	private final String model;

	/**
	 * Create a model.
	 * @param transcriptionOperations the Z.AI transcription client
	 * @param model the model of requests that name none, for example {@code glm-asr-2512}
	 */
	public ZaiTranscriptionModel(ZaiTranscriptionOperations transcriptionOperations, String model) {
		Assert.notNull(transcriptionOperations, "transcriptionOperations must not be null");
		Assert.hasText(model, "model must not be empty; use a model id such as glm-asr-2512");
		this.transcriptionOperations = transcriptionOperations;
		this.model = model;
	}

	/**
	 * Transcribe an audio file.
	 * @param prompt the file, with options that override the defaults
	 * @return the transcript
	 * @throws IllegalArgumentException when the file is missing, unreadable or too large,
	 * or an option is invalid
	 * @throws TransientAiException when a transient failure outlasted the retries
	 * @throws NonTransientAiException when the request failed for good
	 */
	@Override
	public AudioTranscriptionResponse call(AudioTranscriptionPrompt prompt) {
		TranscriptionRequest request = toRequest(prompt);
		Transcription answer = ZaiChatModel.await(this.transcriptionOperations.transcribe(request),
				"Z.AI answered a transcription with no response");
		return new AudioTranscriptionResponse(new AudioTranscription(answer.text()));
	}

	/**
	 * Transcribe an audio file, answering the transcript's pieces as Z.AI streams them.
	 * @param prompt the file, with options that override the defaults
	 * @return a response per piece of the transcript; fails with a
	 * {@link TransientAiException} or {@link NonTransientAiException}
	 */
	@Override
	public Flux<AudioTranscriptionResponse> stream(AudioTranscriptionPrompt prompt) {
		TranscriptionRequest request = toRequest(prompt);
		return this.transcriptionOperations.streamText(request)
			.map((text) -> new AudioTranscriptionResponse(new AudioTranscription(text)))
			.onErrorMap((ex) -> !(ex instanceof IllegalArgumentException), ZaiChatModel::translate);
	}

	private TranscriptionRequest toRequest(AudioTranscriptionPrompt prompt) {
		Assert.notNull(prompt, "prompt must not be null");
		Resource resource = prompt.getInstructions();
		Assert.notNull(resource, "prompt must have an audio resource, a .wav or .mp3 file");
		AudioTranscriptionOptions options = prompt.getOptions();
		String model = (options != null && options.getModel() != null) ? options.getModel() : this.model;
		TranscriptionRequest.Builder builder = TranscriptionRequest.builder().model(model).file(AudioFile.of(resource));
		if (options instanceof ZaiTranscriptionOptions zai) {
			builder.prompt(zai.getPrompt()).userId(zai.getUserId());
			if (!zai.getHotwords().isEmpty()) {
				builder.hotwords(zai.getHotwords());
			}
		}
		return builder.build();
	}

	@Override
	public String toString() {
		return "ZaiTranscriptionModel[model=" + this.model + "]";
	}

}
