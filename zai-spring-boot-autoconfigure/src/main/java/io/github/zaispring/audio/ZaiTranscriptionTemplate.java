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

package io.github.zaispring.audio;

import java.util.Map;

import io.github.zaispring.internal.ClientBuilder;
import io.github.zaispring.internal.ExchangeCore;
import io.github.zaispring.internal.ExchangeCore.Timeouts;
import io.github.zaispring.internal.Operation;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;

/**
 * The Z.AI speech-to-text client: sends {@code POST /audio/transcriptions} as a
 * {@code multipart/form-data} form with the configured model on an exchange core, so that
 * retries (which resend the same form), the concurrency limit (keyed by the model),
 * timeouts, typed errors, observation (as {@code speech_to_text}) and exchange logging
 * apply as they do to chat.
 * <p>
 * Auto-configured by the starter on the application's shared core; outside Spring Boot,
 * build one with {@link #builder()}: <pre class="code">
 * ZaiTranscriptionTemplate transcription = ZaiTranscriptionTemplate.builder()
 *     .exchangeCore(chatTemplate.exchangeCore())
 *     .build();
 * </pre> A template is thread-safe and meant to be shared. A template that created its
 * own exchange core releases it on {@link #close()}; a shared core is left to its owner.
 *
 * @author zai-spring-boot contributors
 */
public class ZaiTranscriptionTemplate implements ZaiTranscriptionOperations, AutoCloseable {

	/** The operation name that observations record. */
	static final String OPERATION_NAME = "speech_to_text";

	private static final Operation<TranscriptionRequest, Transcription> TRANSCRIBE = new Operation<TranscriptionRequest, Transcription>(
			OPERATION_NAME, HttpMethod.POST, "/audio/transcriptions", Transcription.class, false,
			TranscriptionRequest::model, TranscriptionRequest::requestId, (request) -> Map.of(), null)
		.withBody((request) -> request.toForm(false));

	private static final Operation<TranscriptionRequest, TranscriptionEvent> STREAM = new Operation<TranscriptionRequest, TranscriptionEvent>(
			OPERATION_NAME, HttpMethod.POST, "/audio/transcriptions", TranscriptionEvent.class, true,
			TranscriptionRequest::model, TranscriptionRequest::requestId, (request) -> Map.of(), null)
		.withBody((request) -> request.toForm(true));

	private final ExchangeCore core;

	private final String model;

	private final boolean ownsCore;

	ZaiTranscriptionTemplate(Builder builder, ExchangeCore core, boolean ownsCore) {
		this.core = core;
		this.model = builder.model;
		this.ownsCore = ownsCore;
	}

	/**
	 * Create a builder of a template.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public Mono<Transcription> transcribe(TranscriptionRequest request) {
		return this.core.call(TRANSCRIBE, withModel(request), Timeouts.DEFAULTS);
	}

	@Override
	public Mono<String> transcribe(AudioFile file) {
		Assert.notNull(file, "file must not be null; create one with AudioFile.of(..)");
		return transcribe(TranscriptionRequest.builder().file(file).build()).map(Transcription::text);
	}

	@Override
	public Flux<TranscriptionEvent> stream(TranscriptionRequest request) {
		return this.core.stream(STREAM, withModel(request), Timeouts.DEFAULTS);
	}

	@Override
	public Flux<String> streamText(TranscriptionRequest request) {
		return stream(request).filter(TranscriptionEvent::isDelta).map(TranscriptionEvent::delta);
	}

	private TranscriptionRequest withModel(TranscriptionRequest request) {
		Assert.notNull(request, "request must not be null; create one with TranscriptionRequest.builder()");
		return (request.model() != null) ? request : request.mutate().model(this.model).build();
	}

	/**
	 * Release the exchange core this template created. Does nothing when the core is
	 * shared.
	 */
	@Override
	public void close() {
		if (this.ownsCore) {
			this.core.close();
		}
	}

	@Override
	public String toString() {
		return "ZaiTranscriptionTemplate[baseUrl=" + this.core.baseUrl() + ", model=" + this.model + "]";
	}

	/**
	 * Builder of a {@link ZaiTranscriptionTemplate}: the connection, resilience and
	 * logging settings every Z.AI client shares (or a shared
	 * {@link #exchangeCore(ExchangeCore) core}), and the default model.
	 */
	public static final class Builder extends ClientBuilder<Builder> {

		private String model = "glm-asr-2512";

		Builder() {
		}

		/**
		 * Set the model of requests that name none. Defaults to {@code glm-asr-2512}.
		 * @param model the model id
		 * @return this builder
		 */
		public Builder defaultModel(String model) {
			Assert.isTrue(model != null && !model.isBlank(),
					"defaultModel must not be empty; use a model id such as glm-asr-2512");
			this.model = model;
			return this;
		}

		/**
		 * Build the template.
		 * @return a new template
		 * @throws IllegalArgumentException when no API key and no shared core was given
		 */
		public ZaiTranscriptionTemplate build() {
			return new ZaiTranscriptionTemplate(this, buildCore(), !sharesCore());
		}

	}

}
