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

import org.springframework.ai.image.ImageOptions;

/**
 * Options of a Z.AI image request: Spring AI's {@link ImageOptions} (model, width and
 * height; {@code n} only 1, {@code responseFormat} only {@code url}, no style, as Z.AI
 * generates one image per request and answers a URL) and Z.AI's own quality, end-user id
 * and watermark. Unset options take the defaults of {@link ZaiImageModel}.
 *
 * @author zai-spring-boot contributors
 */
public final class ZaiImageOptions implements ImageOptions {

	private final @Nullable String model;

	private final @Nullable Integer width;

	private final @Nullable Integer height;

	private final @Nullable Integer n;

	private final @Nullable String responseFormat;

	private final @Nullable String style;

	private final @Nullable String quality;

	private final @Nullable String userId;

	private final @Nullable Boolean watermark;

	private ZaiImageOptions(Builder builder) {
		this.model = builder.model;
		this.width = builder.width;
		this.height = builder.height;
		this.n = builder.n;
		this.responseFormat = builder.responseFormat;
		this.style = builder.style;
		this.quality = builder.quality;
		this.userId = builder.userId;
		this.watermark = builder.watermark;
	}

	/**
	 * Create a builder of options.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public @Nullable Integer getN() {
		return this.n;
	}

	@Override
	public @Nullable String getModel() {
		return this.model;
	}

	@Override
	public @Nullable Integer getWidth() {
		return this.width;
	}

	@Override
	public @Nullable Integer getHeight() {
		return this.height;
	}

	@Override
	public @Nullable String getResponseFormat() {
		return this.responseFormat;
	}

	@Override
	public @Nullable String getStyle() {
		return this.style;
	}

	/**
	 * Return the quality.
	 * @return {@code hd}, {@code standard}, or {@code null} for the model's default
	 */
	public @Nullable String getQuality() {
		return this.quality;
	}

	/**
	 * Return the end user's id.
	 * @return the id, or {@code null}
	 */
	public @Nullable String getUserId() {
		return this.userId;
	}

	/**
	 * Return whether the image carries a watermark.
	 * @return whether to watermark, or {@code null} for the server's default
	 */
	public @Nullable Boolean getWatermark() {
		return this.watermark;
	}

	@Override
	public String toString() {
		return "ZaiImageOptions[model=" + this.model + ", width=" + this.width + ", height=" + this.height + ", n="
				+ this.n + ", responseFormat=" + this.responseFormat + ", quality=" + this.quality + ", watermark="
				+ this.watermark + "]";
	}

	/**
	 * Builder of {@link ZaiImageOptions}; every option is optional.
	 */
	public static final class Builder {

		private @Nullable String model;

		private @Nullable Integer width;

		private @Nullable Integer height;

		private @Nullable Integer n;

		private @Nullable String responseFormat;

		private @Nullable String style;

		private @Nullable String quality;

		private @Nullable String userId;

		private @Nullable Boolean watermark;

		Builder() {
		}

		/**
		 * Set the model.
		 * @param model the model id, such as {@code cogview-4-250304} or
		 * {@code glm-image}
		 * @return this builder
		 */
		public Builder model(@Nullable String model) {
			this.model = model;
			return this;
		}

		/**
		 * Set the width in pixels; set the height too.
		 * @param width the width
		 * @return this builder
		 */
		public Builder width(@Nullable Integer width) {
			this.width = width;
			return this;
		}

		/**
		 * Set the height in pixels; set the width too.
		 * @param height the height
		 * @return this builder
		 */
		public Builder height(@Nullable Integer height) {
			this.height = height;
			return this;
		}

		/**
		 * Set the number of images; Z.AI generates exactly one per request.
		 * @param n 1, or {@code null}
		 * @return this builder
		 */
		public Builder n(@Nullable Integer n) {
			this.n = n;
			return this;
		}

		/**
		 * Set the response format; Z.AI answers a URL only.
		 * @param responseFormat {@code url}, or {@code null}
		 * @return this builder
		 */
		public Builder responseFormat(@Nullable String responseFormat) {
			this.responseFormat = responseFormat;
			return this;
		}

		/**
		 * Set the style; Z.AI has none, so only {@code null} is accepted by the model.
		 * @param style the style
		 * @return this builder
		 */
		public Builder style(@Nullable String style) {
			this.style = style;
			return this;
		}

		/**
		 * Set the quality.
		 * @param quality {@code hd} or {@code standard}
		 * @return this builder
		 */
		public Builder quality(@Nullable String quality) {
			this.quality = quality;
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
		 * Set whether the image carries a watermark ({@code watermark_enabled}).
		 * @param watermark whether to watermark
		 * @return this builder
		 */
		public Builder watermark(@Nullable Boolean watermark) {
			this.watermark = watermark;
			return this;
		}

		/**
		 * Build the options.
		 * @return the options
		 */
		public ZaiImageOptions build() {
			return new ZaiImageOptions(this);
		}

	}

}
