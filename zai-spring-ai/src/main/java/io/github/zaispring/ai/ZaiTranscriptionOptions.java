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

import org.jspecify.annotations.Nullable;

import org.springframework.ai.audio.transcription.AudioTranscriptionOptions;

/**
 * Options of a Z.AI transcription: the model, a prompt (the text said before, as
 * context), hot words and the end user's id. Z.AI takes no language: it detects it. Unset
 * options take the defaults of {@link ZaiTranscriptionModel}.
 *
 * @author zai-spring-boot contributors
 */
public final class ZaiTranscriptionOptions implements AudioTranscriptionOptions {

	private final @Nullable String model;

	private final @Nullable String prompt;

	private final List<String> hotwords;

	private final @Nullable String userId;

	private ZaiTranscriptionOptions(Builder builder) {
		this.model = builder.model;
		this.prompt = builder.prompt;
		this.hotwords = (builder.hotwords != null) ? List.copyOf(builder.hotwords) : List.of();
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

	/**
	 * Return the prompt.
	 * @return the prompt, or {@code null}
	 */
	public @Nullable String getPrompt() {
		return this.prompt;
	}

	/**
	 * Return the hot words.
	 * @return the hot words, empty when none
	 */
	public List<String> getHotwords() {
		return this.hotwords;
	}

	/**
	 * Return the end user's id.
	 * @return the id, or {@code null}
	 */
	public @Nullable String getUserId() {
		return this.userId;
	}

	@Override
	public String toString() {
		return "ZaiTranscriptionOptions[model=" + this.model + ", hotwords=" + this.hotwords.size() + "]";
	}

	/**
	 * Builder of {@link ZaiTranscriptionOptions}.
	 */
	public static final class Builder {

		private @Nullable String model;

		private @Nullable String prompt;

		private @Nullable List<String> hotwords;

		private @Nullable String userId;

		Builder() {
		}

		/**
		 * Set the model.
		 * @param model the model id, such as {@code glm-asr-2512}
		 * @return this builder
		 */
		public Builder model(@Nullable String model) {
			this.model = model;
			return this;
		}

		/**
		 * Set the prompt, the text said before, as context.
		 * @param prompt the prompt
		 * @return this builder
		 */
		public Builder prompt(@Nullable String prompt) {
			this.prompt = prompt;
			return this;
		}

		/**
		 * Set the hot words, such as names, that the transcript should favour.
		 * @param hotwords the hot words
		 * @return this builder
		 */
		public Builder hotwords(@Nullable List<String> hotwords) {
			this.hotwords = hotwords;
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
		public ZaiTranscriptionOptions build() {
			return new ZaiTranscriptionOptions(this);
		}

	}

}
