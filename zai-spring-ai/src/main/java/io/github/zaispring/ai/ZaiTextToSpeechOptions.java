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

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import org.springframework.ai.audio.tts.TextToSpeechOptions;

/**
 * Options of a Z.AI text-to-speech request: Spring AI's {@link TextToSpeechOptions}
 * (model, voice, format and speed; the format only {@code wav} or {@code pcm}, the speed
 * from 0.5 to 2, as Z.AI takes them) and Z.AI's own volume, watermark and end-user id.
 * Unset options take the defaults of {@link ZaiTextToSpeechModel}. The values are checked
 * by the model, which refuses what Z.AI cannot honour before any request.
 *
 * @author zai-spring-boot contributors
 */
public final class ZaiTextToSpeechOptions implements TextToSpeechOptions {

	private final @Nullable String model;

	private final @Nullable String voice;

	private final @Nullable String format;

	private final @Nullable Double speed;

	private final @Nullable Double volume;

	private final @Nullable Boolean watermarkEnabled;

	private final @Nullable String userId;

	private ZaiTextToSpeechOptions(Builder builder) {
		this.model = builder.model;
		this.voice = builder.voice;
		this.format = builder.format;
		this.speed = builder.speed;
		this.volume = builder.volume;
		this.watermarkEnabled = builder.watermarkEnabled;
		this.userId = builder.userId;
	}

	/**
	 * Create a builder of options.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public @Nullable String getModel() {
		return this.model;
	}

	@Override
	public @Nullable String getVoice() {
		return this.voice;
	}

	/**
	 * Return the audio format, Z.AI's {@code response_format}.
	 * @return {@code wav}, {@code pcm}, or {@code null} for the default
	 */
	@Override
	public @Nullable String getFormat() {
		return this.format;
	}

	@Override
	public @Nullable Double getSpeed() {
		return this.speed;
	}

	/**
	 * Return the volume.
	 * @return the volume, more than 0 and at most 10, or {@code null} for Z.AI's default
	 * (1.0)
	 */
	public @Nullable Double getVolume() {
		return this.volume;
	}

	/**
	 * Return whether the audio carries Z.AI's watermark.
	 * @return whether it does, or {@code null} for Z.AI's default
	 */
	public @Nullable Boolean getWatermarkEnabled() {
		return this.watermarkEnabled;
	}

	/**
	 * Return the end user's id.
	 * @return the id, or {@code null}
	 */
	public @Nullable String getUserId() {
		return this.userId;
	}

	/**
	 * Return a copy of these options.
	 * @return the copy
	 */
	public ZaiTextToSpeechOptions copy() {
		return builder().model(this.model)
			.voice(this.voice)
			.format(this.format)
			.speed(this.speed)
			.volume(this.volume)
			.watermarkEnabled(this.watermarkEnabled)
			.userId(this.userId)
			.build();
	}

	@Override
	public boolean equals(@Nullable Object obj) {
		return (this == obj)
				|| (obj instanceof ZaiTextToSpeechOptions other && Arrays.equals(components(), other.components()));
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(components());
	}

	private @Nullable Object[] components() {
		return new @Nullable Object[] { this.model, this.voice, this.format, this.speed, this.volume,
				this.watermarkEnabled, this.userId };
	}

	@Override
	public String toString() {
		return "ZaiTextToSpeechOptions[model=" + this.model + ", voice=" + this.voice + ", format=" + this.format
				+ ", speed=" + this.speed + ", volume=" + this.volume + ", watermarkEnabled=" + this.watermarkEnabled
				+ "]";
	}

	/**
	 * Builder of {@link ZaiTextToSpeechOptions}; every option is optional. It is Spring
	 * AI's {@link TextToSpeechOptions.Builder}, so it chains like Spring AI's own options
	 * builders.
	 */
	public static final class Builder implements TextToSpeechOptions.Builder {

		private @Nullable String model;

		private @Nullable String voice;

		private @Nullable String format;

		private @Nullable Double speed;

		private @Nullable Double volume;

		private @Nullable Boolean watermarkEnabled;

		private @Nullable String userId;

		Builder() {
		}

		/**
		 * Set the model.
		 * @param model the model id, such as {@code glm-tts}
		 * @return this builder
		 */
		@Override
		public Builder model(@Nullable String model) {
			this.model = model;
			return this;
		}

		/**
		 * Set the voice.
		 * @param voice a voice such as {@code tongtong}, {@code chuichui},
		 * {@code xiaochen}, {@code jam}, {@code kazi}, {@code douji}, {@code luodo}, or
		 * the id of a cloned voice
		 * @return this builder
		 */
		@Override
		public Builder voice(@Nullable String voice) {
			this.voice = voice;
			return this;
		}

		/**
		 * Set the audio format, Z.AI's {@code response_format}.
		 * @param format {@code wav} (playable as it is) or {@code pcm} (raw 16-bit
		 * samples); Z.AI has no other
		 * @return this builder
		 */
		@Override
		public Builder format(@Nullable String format) {
			this.format = format;
			return this;
		}

		/**
		 * Set the speed.
		 * @param speed from 0.5 to 2
		 * @return this builder
		 */
		@Override
		public Builder speed(@Nullable Double speed) {
			this.speed = speed;
			return this;
		}

		/**
		 * Set the volume.
		 * @param volume more than 0 and at most 10
		 * @return this builder
		 */
		public Builder volume(@Nullable Double volume) {
			this.volume = volume;
			return this;
		}

		/**
		 * Set whether the audio carries Z.AI's watermark ({@code watermark_enabled});
		 * turning it off works only for accounts cleared for it.
		 * @param watermarkEnabled whether it does
		 * @return this builder
		 */
		public Builder watermarkEnabled(@Nullable Boolean watermarkEnabled) {
			this.watermarkEnabled = watermarkEnabled;
			return this;
		}

		/**
		 * Set the end user's id, 6 to 128 characters.
		 * @param userId the id
		 * @return this builder
		 */
		public Builder userId(@Nullable String userId) {
			this.userId = userId;
			return this;
		}

		/**
		 * Build the options.
		 * @return the options
		 */
		@Override
		public ZaiTextToSpeechOptions build() {
			return new ZaiTextToSpeechOptions(this);
		}

	}

}
