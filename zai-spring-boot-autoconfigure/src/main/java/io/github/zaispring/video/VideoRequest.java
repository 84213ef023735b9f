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

package io.github.zaispring.video;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A video generation: a prompt, one or two images (a first and a last frame), or both,
 * and options. Immutable; create one with {@link #builder()}, derive variants with
 * {@link #mutate()}. Unset options are not sent, so the model's defaults apply; an unset
 * model takes the client's configured one ({@code zai.video.model}, {@code cogvideox-3}).
 * <p>
 * Checked before sending, for every model: a prompt or an image is required, a prompt has
 * at most 512 characters (every documented model's limit), there are one or two images,
 * each an http(s) URL or a {@code data:image/...} URI, a size is {@code WIDTHxHEIGHT},
 * numbers are positive. Limits the documentation gives for one model only (the sizes,
 * {@code fps} 30 or 60, {@code duration} 5 or 10 and {@code quality} of
 * {@code cogvideox-3}; {@code style}, {@code aspect_ratio} and {@code movement_amplitude}
 * of Vidu) are the server's to check, so that another model's values are not refused.
 * Fields the API takes but this type does not model (such as {@code watermark_enabled},
 * {@code off_peak} and {@code prompt_opt_model}, which only the official Java SDK sends)
 * go through {@link Builder#extraBody(String, Object)}.
 *
 * @author zai-spring-boot contributors
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "model", "prompt", "image_url", "quality", "with_audio", "size", "fps", "duration", "style",
		"aspect_ratio", "movement_amplitude", "request_id", "user_id" })
public final class VideoRequest {

	private final @Nullable String model;

	private final @Nullable String prompt;

	private final List<String> imageUrls;

	private final boolean imageAsArray;

	private final @Nullable String quality;

	private final @Nullable Boolean withAudio;

	private final @Nullable String size;

	private final @Nullable Integer fps;

	private final @Nullable Integer duration;

	private final @Nullable String style;

	private final @Nullable String aspectRatio;

	private final @Nullable String movementAmplitude;

	private final @Nullable String requestId;

	private final @Nullable String userId;

	private final Map<String, Object> extraBody;

	private VideoRequest(Builder builder) {
		this.model = builder.model;
		this.prompt = builder.prompt;
		this.imageUrls = builder.imageUrls;
		this.imageAsArray = builder.imageAsArray;
		this.quality = builder.quality;
		this.withAudio = builder.withAudio;
		this.size = builder.size;
		this.fps = builder.fps;
		this.duration = builder.duration;
		this.style = builder.style;
		this.aspectRatio = builder.aspectRatio;
		this.movementAmplitude = builder.movementAmplitude;
		this.requestId = builder.requestId;
		this.userId = builder.userId;
		this.extraBody = Collections.unmodifiableMap(new LinkedHashMap<>(builder.extraBody));
	}

	/**
	 * Create a builder of a request.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Create a builder that starts from this request.
	 * @return a new builder
	 */
	public Builder mutate() {
		return new Builder(this);
	}

	/**
	 * Return the model.
	 * @return the model, such as {@code cogvideox-3} or {@code viduq1-text}, or
	 * {@code null} for the configured one
	 */
	@JsonProperty("model")
	public @Nullable String model() {
		return this.model;
	}

	/**
	 * Return the description of the video.
	 * @return the prompt, or {@code null} when the video is made from images only
	 */
	@JsonProperty("prompt")
	public @Nullable String prompt() {
		return this.prompt;
	}

	/**
	 * Return the images the video starts from: one, or a first and a last frame.
	 * @return the URLs or {@code data:} URIs, unmodifiable; empty for a video from the
	 * prompt only
	 */
	public List<String> imageUrls() {
		return this.imageUrls;
	}

	/**
	 * Return the images as the API's {@code image_url}: an array when set with
	 * {@link Builder#imageUrls(String...)}, one string when set with
	 * {@link Builder#imageUrl(String)}.
	 * @return the string or the list, or {@code null} when there is no image
	 */
	@JsonProperty("image_url")
	@Nullable Object imageUrl() {
		if (this.imageUrls.isEmpty()) {
			return null;
		}
		return this.imageAsArray ? this.imageUrls : this.imageUrls.get(0);
	}

	/**
	 * Return the quality mode.
	 * @return {@code speed} or {@code quality}, or {@code null} for the model's default
	 */
	@JsonProperty("quality")
	public @Nullable String quality() {
		return this.quality;
	}

	/**
	 * Return whether the video gets AI sound effects.
	 * @return whether to add audio, or {@code null} for the model's default (none)
	 */
	@JsonProperty("with_audio")
	public @Nullable Boolean withAudio() {
		return this.withAudio;
	}

	/**
	 * Return the size.
	 * @return {@code WIDTHxHEIGHT}, or {@code null} for the model's default
	 */
	@JsonProperty("size")
	public @Nullable String size() {
		return this.size;
	}

	/**
	 * Return the frame rate.
	 * @return the frames per second, or {@code null} for the model's default
	 */
	@JsonProperty("fps")
	public @Nullable Integer fps() {
		return this.fps;
	}

	/**
	 * Return the length of the video.
	 * @return the seconds, or {@code null} for the model's default
	 */
	@JsonProperty("duration")
	public @Nullable Integer duration() {
		return this.duration;
	}

	/**
	 * Return the style (Vidu).
	 * @return {@code general} or {@code anime}, or {@code null}
	 */
	@JsonProperty("style")
	public @Nullable String style() {
		return this.style;
	}

	/**
	 * Return the aspect ratio (Vidu).
	 * @return {@code 16:9}, {@code 9:16} or {@code 1:1}, or {@code null}
	 */
	@JsonProperty("aspect_ratio")
	public @Nullable String aspectRatio() {
		return this.aspectRatio;
	}

	/**
	 * Return the movement amplitude (Vidu).
	 * @return {@code auto}, {@code small}, {@code medium} or {@code large}, or
	 * {@code null}
	 */
	@JsonProperty("movement_amplitude")
	public @Nullable String movementAmplitude() {
		return this.movementAmplitude;
	}

	/**
	 * Return the caller's request id.
	 * @return the request id, or {@code null} to let the server generate one
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

	/**
	 * Return the extra fields written at the top level of the JSON body.
	 * @return the extra fields, never {@code null}, unmodifiable
	 */
	@JsonAnyGetter
	public Map<String, Object> extraBody() {
		return this.extraBody;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (this == other) || (other instanceof VideoRequest that && this.imageAsArray == that.imageAsArray
				&& Objects.equals(this.model, that.model) && Objects.equals(this.prompt, that.prompt)
				&& this.imageUrls.equals(that.imageUrls) && Objects.equals(this.quality, that.quality)
				&& Objects.equals(this.withAudio, that.withAudio) && Objects.equals(this.size, that.size)
				&& Objects.equals(this.fps, that.fps) && Objects.equals(this.duration, that.duration)
				&& Objects.equals(this.style, that.style) && Objects.equals(this.aspectRatio, that.aspectRatio)
				&& Objects.equals(this.movementAmplitude, that.movementAmplitude)
				&& Objects.equals(this.requestId, that.requestId) && Objects.equals(this.userId, that.userId)
				&& this.extraBody.equals(that.extraBody));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.model, this.prompt, this.imageUrls, this.imageAsArray, this.quality, this.withAudio,
				this.size, this.fps, this.duration, this.style, this.aspectRatio, this.movementAmplitude,
				this.requestId, this.userId, this.extraBody);
	}

	@Override
	public String toString() {
		// lengths only: a prompt may be personal, and a data: URI megabytes long
		return "VideoRequest[model=" + this.model + ", prompt="
				+ ((this.prompt != null) ? this.prompt.length() + " chars" : "none") + ", images="
				+ this.imageUrls.size() + ", size=" + this.size + ", duration=" + this.duration + "]";
	}

	/**
	 * Builder of a {@link VideoRequest}; a prompt, an image, or both are required.
	 */
	public static final class Builder extends VideoRequestOptions<Builder> {

		private Builder() {
		}

		private Builder(VideoRequest request) {
			copy(request.model, request.prompt, request.imageUrls, request.imageAsArray, request.requestId,
					request.userId, request.extraBody);
			quality(request.quality).withAudio(request.withAudio)
				.size(request.size)
				.fps(request.fps)
				.duration(request.duration)
				.style(request.style)
				.aspectRatio(request.aspectRatio)
				.movementAmplitude(request.movementAmplitude);
		}

		/**
		 * Build the request.
		 * @return the request
		 * @throws IllegalArgumentException when neither a prompt nor an image was set
		 */
		public VideoRequest build() {
			Assert.isTrue(this.prompt != null || !this.imageUrls.isEmpty(),
					"prompt or imageUrl must be set: describe the video, give an image to start from, or both");
			return new VideoRequest(this);
		}

	}

}
