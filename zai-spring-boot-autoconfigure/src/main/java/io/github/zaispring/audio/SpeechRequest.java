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

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.zaispring.internal.Checks;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A text-to-speech request ({@code POST /audio/speech}): the text and the voice, format,
 * speed and volume of the speech. Immutable; create one with {@link #builder()}. Unset
 * options are not sent; the template fills in the configured model, voice and format
 * ({@code zai.speech.*}). Whether the answer is streamed is chosen by the method called,
 * {@link ZaiSpeechOperations#speak(SpeechRequest)} or
 * {@link ZaiSpeechOperations#stream(SpeechRequest)}.
 *
 * @author zai-spring-boot contributors
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "model", "input", "voice", "response_format", "speed", "volume", "stream", "encode_format",
		"watermark_enabled", "request_id", "user_id" })
public final class SpeechRequest {

	/** The longest text one request speaks, in characters. */
	public static final int MAX_INPUT_LENGTH = 1024;

	private final @Nullable String model;

	private final String input;

	private final @Nullable String voice;

	private final @Nullable SpeechFormat responseFormat;

	private final @Nullable Double speed;

	private final @Nullable Double volume;

	private final @Nullable Boolean stream;

	private final @Nullable SpeechEncoding encodeFormat;

	private final @Nullable Boolean watermarkEnabled;

	private final @Nullable String requestId;

	private final @Nullable String userId;

	private SpeechRequest(Builder builder, String input) {
		this.model = builder.model;
		this.input = input;
		this.voice = builder.voice;
		this.responseFormat = builder.responseFormat;
		this.speed = builder.speed;
		this.volume = builder.volume;
		this.stream = builder.stream;
		this.encodeFormat = builder.encodeFormat;
		this.watermarkEnabled = builder.watermarkEnabled;
		this.requestId = builder.requestId;
		this.userId = builder.userId;
	}

	/**
	 * Create a builder of a request.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return a builder with the values of this request.
	 * @return a new builder
	 */
	public Builder mutate() {
		return new Builder(this);
	}

	/**
	 * Return the model.
	 * @return the model, or {@code null} for the configured one
	 */
	@JsonProperty("model")
	public @Nullable String model() {
		return this.model;
	}

	/**
	 * Return the text to speak.
	 * @return the text
	 */
	@JsonProperty("input")
	public String input() {
		return this.input;
	}

	/**
	 * Return the voice.
	 * @return the voice, or {@code null} for the configured one
	 */
	@JsonProperty("voice")
	public @Nullable String voice() {
		return this.voice;
	}

	/**
	 * Return the audio format.
	 * @return the format, or {@code null} for the configured one
	 */
	@JsonProperty("response_format")
	public @Nullable SpeechFormat responseFormat() {
		return this.responseFormat;
	}

	/**
	 * Return the speed.
	 * @return the speed, or {@code null} for Z.AI's default (1.0)
	 */
	@JsonProperty("speed")
	public @Nullable Double speed() {
		return this.speed;
	}

	/**
	 * Return the volume.
	 * @return the volume, or {@code null} for Z.AI's default (1.0)
	 */
	@JsonProperty("volume")
	public @Nullable Double volume() {
		return this.volume;
	}

	/**
	 * Return whether the answer is streamed, as the template set it.
	 * @return {@code true} for a stream, or {@code null} before the template set it
	 */
	@JsonProperty("stream")
	public @Nullable Boolean stream() {
		return this.stream;
	}

	/**
	 * Return how the chunks of a stream encode their audio.
	 * @return the encoding, or {@code null} for Z.AI's default ({@code base64})
	 */
	@JsonProperty("encode_format")
	public @Nullable SpeechEncoding encodeFormat() {
		return this.encodeFormat;
	}

	/**
	 * Return whether the audio carries Z.AI's watermark.
	 * @return whether it does, or {@code null} for Z.AI's default
	 */
	@JsonProperty("watermark_enabled")
	public @Nullable Boolean watermarkEnabled() {
		return this.watermarkEnabled;
	}

	/**
	 * Return the caller's request id.
	 * @return the request id, or {@code null}
	 */
	@JsonProperty("request_id")
	public @Nullable String requestId() {
		return this.requestId;
	}

	/**
	 * Return the end user's id.
	 * @return the user id, or {@code null}
	 */
	@JsonProperty("user_id")
	public @Nullable String userId() {
		return this.userId;
	}

	@Override
	public String toString() {
		return "SpeechRequest[model=" + this.model + ", input=" + this.input.length() + " chars, voice=" + this.voice
				+ ", responseFormat=" + this.responseFormat + "]";
	}

	/**
	 * Builder of a {@link SpeechRequest}; the input text is required.
	 */
	public static final class Builder {

		private @Nullable String model;

		private @Nullable String input;

		private @Nullable String voice;

		private @Nullable SpeechFormat responseFormat;

		private @Nullable Double speed;

		private @Nullable Double volume;

		private @Nullable Boolean stream;

		private @Nullable SpeechEncoding encodeFormat;

		private @Nullable Boolean watermarkEnabled;

		private @Nullable String requestId;

		private @Nullable String userId;

		private Builder() {
		}

		private Builder(SpeechRequest request) {
			this.model = request.model;
			this.input = request.input;
			this.voice = request.voice;
			this.responseFormat = request.responseFormat;
			this.speed = request.speed;
			this.volume = request.volume;
			this.stream = request.stream;
			this.encodeFormat = request.encodeFormat;
			this.watermarkEnabled = request.watermarkEnabled;
			this.requestId = request.requestId;
			this.userId = request.userId;
		}

		/**
		 * Set the model.
		 * @param model the model, such as {@code glm-tts}, or {@code null} for the
		 * configured one
		 * @return this builder
		 */
		public Builder model(@Nullable String model) {
			Assert.isTrue(model == null || !model.isBlank(),
					"model must not be blank; use a model id such as glm-tts, or null for the configured one");
			this.model = model;
			return this;
		}

		/**
		 * Set the text to speak.
		 * @param input the text, not blank, at most 1024 characters
		 * @return this builder
		 */
		public Builder input(String input) {
			Assert.isTrue(input != null && !input.isBlank(), "input must not be blank; use the text to speak");
			int length = input.codePointCount(0, input.length());
			Assert.isTrue(length <= MAX_INPUT_LENGTH, () -> "input must be at most " + MAX_INPUT_LENGTH
					+ " characters, but has " + length + "; split the text and speak the parts in turn");
			this.input = input;
			return this;
		}

		/**
		 * Set the voice.
		 * @param voice a voice such as {@code tongtong}, {@code chuichui},
		 * {@code xiaochen}, {@code jam}, {@code kazi}, {@code douji}, {@code luodo}, or
		 * the id of a cloned voice; {@code null} for the configured one
		 * @return this builder
		 */
		public Builder voice(@Nullable String voice) {
			Assert.isTrue(voice == null || !voice.isBlank(),
					"voice must not be blank; use a voice such as tongtong, or null for the configured one");
			this.voice = voice;
			return this;
		}

		/**
		 * Set the audio format.
		 * @param responseFormat {@link SpeechFormat#WAV} or {@link SpeechFormat#PCM}, or
		 * {@code null} for the configured one
		 * @return this builder
		 */
		public Builder responseFormat(@Nullable SpeechFormat responseFormat) {
			this.responseFormat = responseFormat;
			return this;
		}

		/**
		 * Set the speed.
		 * @param speed from 0.5 to 2, or {@code null} for Z.AI's default (1.0)
		 * @return this builder
		 */
		public Builder speed(@Nullable Double speed) {
			Assert.isTrue(speed == null || (speed >= 0.5 && speed <= 2),
					() -> "speed must be in [0.5, 2], such as 1.0, but was " + speed);
			this.speed = speed;
			return this;
		}

		/**
		 * Set the volume.
		 * @param volume more than 0 and at most 10, or {@code null} for Z.AI's default
		 * (1.0)
		 * @return this builder
		 */
		public Builder volume(@Nullable Double volume) {
			Assert.isTrue(volume == null || (volume > 0 && volume <= 10),
					() -> "volume must be in (0, 10], such as 1.0, but was " + volume);
			this.volume = volume;
			return this;
		}

		/**
		 * Set how the chunks of a stream encode their audio; only for
		 * {@link ZaiSpeechOperations#stream(SpeechRequest) streamed} speech.
		 * @param encodeFormat {@link SpeechEncoding#BASE64} or
		 * {@link SpeechEncoding#HEX}, or {@code null} for Z.AI's default ({@code base64})
		 * @return this builder
		 */
		public Builder encodeFormat(@Nullable SpeechEncoding encodeFormat) {
			this.encodeFormat = encodeFormat;
			return this;
		}

		/**
		 * Set whether the audio carries Z.AI's watermark; turning it off works only for
		 * accounts cleared for it.
		 * @param watermarkEnabled whether it does, or {@code null} for Z.AI's default
		 * @return this builder
		 */
		public Builder watermarkEnabled(@Nullable Boolean watermarkEnabled) {
			this.watermarkEnabled = watermarkEnabled;
			return this;
		}

		/**
		 * Set the caller's request id; it must be unique.
		 * @param requestId 6 to 64 characters, or {@code null}
		 * @return this builder
		 */
		public Builder requestId(@Nullable String requestId) {
			this.requestId = Checks.requestId(requestId);
			return this;
		}

		/**
		 * Set the end user's id; avoid sensitive information.
		 * @param userId 6 to 128 characters, or {@code null}
		 * @return this builder
		 */
		public Builder userId(@Nullable String userId) {
			this.userId = Checks.userId(userId);
			return this;
		}

		/**
		 * Set whether the answer is streamed: the template's choice, by the method
		 * called.
		 */
		Builder stream(@Nullable Boolean stream) {
			this.stream = stream;
			return this;
		}

		/**
		 * Build the request.
		 * @return the request
		 * @throws IllegalArgumentException when no input was set
		 */
		public SpeechRequest build() {
			String input = this.input;
			Assert.isTrue(input != null, "input must not be blank; use the text to speak");
			return new SpeechRequest(this, input);
		}

	}

}
