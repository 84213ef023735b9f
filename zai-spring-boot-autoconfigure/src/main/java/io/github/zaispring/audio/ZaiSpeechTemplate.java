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

import io.github.zaispring.ZaiStreamException;
import io.github.zaispring.internal.ClientBuilder;
import io.github.zaispring.internal.ExchangeCore;
import io.github.zaispring.internal.ExchangeCore.Timeouts;
import io.github.zaispring.internal.Operation;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;

/**
 * The Z.AI text-to-speech client: sends {@code POST /audio/speech} with the configured
 * model, voice and format on an exchange core, so that retries, the concurrency limit
 * (keyed by the model), timeouts, typed errors (an error answer is read as JSON although
 * a success is audio), observation (as {@code text_to_speech}) and exchange logging apply
 * as they do to chat.
 * <p>
 * Auto-configured by the starter on the application's shared core; outside Spring Boot,
 * build one with {@link #builder()}: <pre class="code">
 * ZaiSpeechTemplate speech = ZaiSpeechTemplate.builder()
 *     .exchangeCore(chatTemplate.exchangeCore())
 *     .build();
 * </pre> A template is thread-safe and meant to be shared. A template that created its
 * own exchange core releases it on {@link #close()}; a shared core is left to its owner.
 *
 * @author zai-spring-boot contributors
 */
public class ZaiSpeechTemplate implements ZaiSpeechOperations, AutoCloseable {

	/** The operation name that observations record. */
	static final String OPERATION_NAME = "text_to_speech";

	// audio on success and Z.AI's JSON error envelope on failure
	private static final Map<String, String> ACCEPT_ANY = Map.of(HttpHeaders.ACCEPT, MediaType.ALL_VALUE);

	private static final Operation<SpeechRequest, SpeechAudio> SPEAK = new Operation<SpeechRequest, SpeechAudio>(
			OPERATION_NAME, HttpMethod.POST, "/audio/speech", SpeechAudio.class, false, SpeechRequest::model,
			SpeechRequest::requestId, (request) -> ACCEPT_ANY, null)
		.withAnswer(ZaiSpeechTemplate::audio);

	private static final Operation<SpeechRequest, SpeechChunk> STREAM = new Operation<>(OPERATION_NAME, HttpMethod.POST,
			"/audio/speech", SpeechChunk.class, true, SpeechRequest::model, SpeechRequest::requestId,
			(request) -> Map.of(), null);

	private final ExchangeCore core;

	private final String model;

	private final @Nullable String voice;

	private final @Nullable SpeechFormat responseFormat;

	private final boolean ownsCore;

	ZaiSpeechTemplate(Builder builder, ExchangeCore core, boolean ownsCore) {
		this.core = core;
		this.model = builder.model;
		this.voice = builder.voice;
		this.responseFormat = builder.responseFormat;
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
	public Mono<SpeechAudio> speak(SpeechRequest request) {
		Assert.notNull(request, "request must not be null; create one with SpeechRequest.builder()");
		Assert.isTrue(request.encodeFormat() == null,
				"encodeFormat applies only to streamed speech; use stream(..) or streamAudio(..), or leave it unset");
		return this.core.call(SPEAK, withDefaults(request, false), Timeouts.DEFAULTS);
	}

	@Override
	public Mono<SpeechAudio> speak(String input) {
		return speak(SpeechRequest.builder().input(input).build());
	}

	@Override
	public Flux<SpeechChunk> stream(SpeechRequest request) {
		Assert.notNull(request, "request must not be null; create one with SpeechRequest.builder()");
		return this.core.stream(STREAM, withDefaults(request, true), Timeouts.DEFAULTS);
	}

	@Override
	public Flux<byte[]> streamAudio(SpeechRequest request) {
		Flux<SpeechChunk> chunks = stream(request);
		SpeechEncoding encoding = (request.encodeFormat() != null) ? request.encodeFormat() : SpeechEncoding.BASE64;
		return chunks.<byte[]>handle((chunk, sink) -> {
			byte[] audio;
			try {
				audio = chunk.audio(encoding);
			}
			catch (IllegalArgumentException ex) {
				sink.error(new ZaiStreamException("Z.AI sent a speech chunk whose " + ex.getMessage(),
						chunk.requestId(), ex));
				return;
			}
			if (audio.length > 0) {
				sink.next(audio);
			}
		});
	}

	private SpeechRequest withDefaults(SpeechRequest request, boolean stream) {
		SpeechRequest.Builder builder = request.mutate().stream(stream);
		if (request.model() == null) {
			builder.model(this.model);
		}
		if (request.voice() == null) {
			builder.voice(this.voice);
		}
		if (request.responseFormat() == null) {
			builder.responseFormat(this.responseFormat);
		}
		return builder.build();
	}

	private static SpeechAudio audio(byte[] body, @Nullable MediaType contentType) {
		return SpeechAudio.wrap(body, (contentType != null) ? contentType : MediaType.APPLICATION_OCTET_STREAM);
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
		return "ZaiSpeechTemplate[baseUrl=" + this.core.baseUrl() + ", model=" + this.model + ", voice=" + this.voice
				+ ", responseFormat=" + this.responseFormat + "]";
	}

	/**
	 * Builder of a {@link ZaiSpeechTemplate}: the connection, resilience and logging
	 * settings every Z.AI client shares (or a shared {@link #exchangeCore(ExchangeCore)
	 * core}), and the defaults of requests that leave them unset.
	 */
	public static final class Builder extends ClientBuilder<Builder> {

		private String model = "glm-tts";

		private @Nullable String voice;

		private @Nullable SpeechFormat responseFormat;

		Builder() {
		}

		/**
		 * Set the model of requests that name none. Defaults to {@code glm-tts}.
		 * @param model the model id
		 * @return this builder
		 */
		public Builder defaultModel(String model) {
			Assert.isTrue(model != null && !model.isBlank(),
					"defaultModel must not be empty; use a model id such as glm-tts");
			this.model = model;
			return this;
		}

		/**
		 * Set the voice of requests that name none. Unset, none is sent and Z.AI speaks
		 * with its default voice ({@code tongtong}).
		 * @param voice a voice such as {@code tongtong}, or {@code null}
		 * @return this builder
		 */
		public Builder defaultVoice(@Nullable String voice) {
			Assert.isTrue(voice == null || !voice.isBlank(),
					"defaultVoice must not be blank; use a voice such as tongtong, or null for Z.AI's default");
			this.voice = voice;
			return this;
		}

		/**
		 * Set the audio format of requests that name none. Unset, none is sent and Z.AI
		 * answers in its default format ({@code pcm}).
		 * @param responseFormat the format, or {@code null}
		 * @return this builder
		 */
		public Builder defaultResponseFormat(@Nullable SpeechFormat responseFormat) {
			this.responseFormat = responseFormat;
			return this;
		}

		/**
		 * Build the template.
		 * @return a new template
		 * @throws IllegalArgumentException when no API key and no shared core was given
		 */
		public ZaiSpeechTemplate build() {
			return new ZaiSpeechTemplate(this, buildCore(), !sharesCore());
		}

	}

}
