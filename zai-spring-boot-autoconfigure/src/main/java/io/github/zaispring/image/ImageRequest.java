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

package io.github.zaispring.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.zaispring.internal.Checks;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A request to {@code POST /images/generations}. Build one with {@link #builder()}; unset
 * fields are not sent, and an unset model takes the client's default
 * ({@code zai.image.model}).
 *
 * @param model the model, such as {@code cogview-4-250304} or {@code glm-image}
 * @param prompt the description of the image
 * @param size the size as {@code WIDTHxHEIGHT}, such as {@code 1024x1024}
 * @param quality {@code hd} (finer, about 20 s) or {@code standard} (5 to 10 s)
 * @param userId the end user's id, 6 to 128 characters
 * @param watermarkEnabled whether the image carries a watermark; turning it off is only
 * honoured for accounts cleared for it
 * @author zai-spring-boot contributors
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "model", "prompt", "size", "quality", "user_id", "watermark_enabled" })
public record ImageRequest(@JsonProperty("model") @Nullable String model, @JsonProperty("prompt") String prompt,
		@JsonProperty("size") @Nullable String size, @JsonProperty("quality") @Nullable String quality,
		@JsonProperty("user_id") @Nullable String userId,
		@JsonProperty("watermark_enabled") @Nullable Boolean watermarkEnabled) {

	/**
	 * Check the request.
	 * @throws IllegalArgumentException naming the invalid field and what would be valid
	 */
	public ImageRequest {
		Assert.isTrue(model == null || !model.isBlank(), "model must not be blank; use null for the default");
		Assert.hasText(prompt, "prompt must not be empty; describe the image to generate");
		if (size != null) {
			ImageSizes.check(model, size);
		}
		Assert.isTrue(quality == null || "hd".equals(quality) || "standard".equals(quality),
				() -> "quality must be hd or standard, but was '" + quality + "'");
		Checks.userId(userId);
	}

	/**
	 * Create a builder of a request.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return a copy of this request for the given model, checking the size against that
	 * model's limits.
	 * @param model the model
	 * @return the copy
	 */
	public ImageRequest withModel(String model) {
		return new ImageRequest(model, this.prompt, this.size, this.quality, this.userId, this.watermarkEnabled);
	}

	/**
	 * Builder of an {@link ImageRequest}; only the prompt is required.
	 */
	public static final class Builder {

		private @Nullable String model;

		private @Nullable String prompt;

		private @Nullable String size;

		private @Nullable String quality;

		private @Nullable String userId;

		private @Nullable Boolean watermark;

		Builder() {
		}

		/**
		 * Set the model; unset takes the client's default.
		 * @param model the model id, such as {@code cogview-4-250304}
		 * @return this builder
		 */
		public Builder model(@Nullable String model) {
			this.model = model;
			return this;
		}

		/**
		 * Set the description of the image.
		 * @param prompt the prompt, not empty
		 * @return this builder
		 */
		public Builder prompt(String prompt) {
			this.prompt = prompt;
			return this;
		}

		/**
		 * Set the size. cogview models: default {@code 1024x1024}, also {@code 768x1344},
		 * {@code 864x1152}, {@code 1344x768}, {@code 1152x864}, {@code 1440x720},
		 * {@code 720x1440}, or custom sides of 512 to 2048 px in multiples of 16 with at
		 * most 2^21 pixels. glm-image: default {@code 1280x1280}, also {@code 1568x1056},
		 * {@code 1056x1568}, {@code 1472x1088}, {@code 1088x1472}, {@code 1728x960},
		 * {@code 960x1728}, or custom sides of 1024 to 2048 px in multiples of 32 with at
		 * most 2^22 pixels.
		 * @param size the size as {@code WIDTHxHEIGHT}, or {@code null} for the model's
		 * default
		 * @return this builder
		 */
		public Builder size(@Nullable String size) {
			this.size = size;
			return this;
		}

		/**
		 * Set the quality.
		 * @param quality {@code hd} or {@code standard}, or {@code null} for the model's
		 * default
		 * @return this builder
		 */
		public Builder quality(@Nullable String quality) {
			this.quality = quality;
			return this;
		}

		/**
		 * Set the end user's id, which Z.AI uses against abuse.
		 * @param userId 6 to 128 characters, or {@code null}
		 * @return this builder
		 */
		public Builder userId(@Nullable String userId) {
			this.userId = userId;
			return this;
		}

		/**
		 * Set whether the image carries a watermark ({@code watermark_enabled}, sent by
		 * both official SDKs; not in the docs.z.ai schema).
		 * @param watermark whether to watermark, or {@code null} for the server's default
		 * @return this builder
		 */
		public Builder watermark(@Nullable Boolean watermark) {
			this.watermark = watermark;
			return this;
		}

		/**
		 * Build the request.
		 * @return the request
		 * @throws IllegalArgumentException when a field is invalid
		 */
		public ImageRequest build() {
			Assert.hasText(this.prompt, "prompt must not be empty; describe the image to generate");
			return new ImageRequest(this.model, this.prompt, this.size, this.quality, this.userId, this.watermark);
		}

	}

}
