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

import org.jspecify.annotations.Nullable;

import org.springframework.ai.moderation.ModerationOptions;

/**
 * Options of a Z.AI moderation: the model and the end user's id. Unset options take the
 * defaults of {@link ZaiModerationModel}.
 *
 * @author zai-spring-boot contributors
 */
public final class ZaiModerationOptions implements ModerationOptions {

	private final @Nullable String model;

	private final @Nullable String userId;

	private ZaiModerationOptions(@Nullable String model, @Nullable String userId) {
		this.model = model;
		this.userId = userId;
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
	 * Return the end user's id.
	 * @return the id, or {@code null}
	 */
	public @Nullable String getUserId() {
		return this.userId;
	}

	@Override
	public String toString() {
		return "ZaiModerationOptions[model=" + this.model + "]";
	}

	/**
	 * Builder of {@link ZaiModerationOptions}.
	 */
	public static final class Builder {

		private @Nullable String model;

		private @Nullable String userId;

		Builder() {
		}

		/**
		 * Set the model.
		 * @param model the model id, such as {@code moderation}
		 * @return this builder
		 */
		public Builder model(@Nullable String model) {
			this.model = model;
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
		public ZaiModerationOptions build() {
			return new ZaiModerationOptions(this.model, this.userId);
		}

	}

}
