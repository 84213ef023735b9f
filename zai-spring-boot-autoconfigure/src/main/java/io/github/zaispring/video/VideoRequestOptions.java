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

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.zaispring.internal.Checks;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The settable fields of a {@link VideoRequest}, each checked as it is set; the base of
 * {@link VideoRequest.Builder}, a class of its own so that the request stays readable.
 *
 * @param <B> the type of the builder
 * @author zai-spring-boot contributors
 */
abstract class VideoRequestOptions<B extends VideoRequestOptions<B>> {

	@Nullable String model;

	@Nullable String prompt;

	List<String> imageUrls = List.of();

	boolean imageAsArray;

	@Nullable String quality;

	@Nullable Boolean withAudio;

	@Nullable String size;

	@Nullable Integer fps;

	@Nullable Integer duration;

	@Nullable String style;

	@Nullable String aspectRatio;

	@Nullable String movementAmplitude;

	@Nullable String requestId;

	@Nullable String userId;

	final Map<String, Object> extraBody = new LinkedHashMap<>();

	VideoRequestOptions() {
	}

	void copy(@Nullable String model, @Nullable String prompt, List<String> imageUrls, boolean imageAsArray,
			@Nullable String requestId, @Nullable String userId, Map<String, Object> extraBody) {
		this.model = model;
		this.prompt = prompt;
		this.imageUrls = imageUrls;
		this.imageAsArray = imageAsArray;
		this.requestId = requestId;
		this.userId = userId;
		this.extraBody.putAll(extraBody);
	}

	@SuppressWarnings("unchecked")
	private B self() {
		return (B) this;
	}

	/**
	 * Set the model.
	 * @param model the model, such as {@code cogvideox-3}, {@code viduq1-text},
	 * {@code viduq1-image} or {@code vidu2-start-end}, or {@code null} for the configured
	 * one
	 * @return this builder
	 */
	public B model(@Nullable String model) {
		this.model = VideoChecks.text("model", model, "cogvideox-3");
		return self();
	}

	/**
	 * Set the description of the video.
	 * @param prompt at most 512 characters, not blank, or {@code null} for a video from
	 * images only
	 * @return this builder
	 */
	public B prompt(@Nullable String prompt) {
		this.prompt = VideoChecks.prompt(prompt);
		return self();
	}

	/**
	 * Set the one image the video starts from, sent as a single string, the form the Vidu
	 * image models ({@code viduq1-image}, {@code vidu2-image}) document. For
	 * {@code cogvideox-3}, whose documentation shows an array, use
	 * {@link #imageUrls(String...)}.
	 * @param imageUrl an http(s) URL or a {@code data:image/...;base64,} URI (png, jpeg
	 * or jpg; cogvideox-3 takes up to 5 MB)
	 * @return this builder
	 */
	public B imageUrl(String imageUrl) {
		this.imageUrls = List.of(VideoChecks.image(imageUrl));
		this.imageAsArray = false;
		return self();
	}

	/**
	 * Set the images the video starts from, sent as an array, the form
	 * {@code cogvideox-3} and the start-end models document: one image, or two, the first
	 * and the last frame.
	 * @param imageUrls one or two http(s) URLs or {@code data:image/...;base64,} URIs
	 * @return this builder
	 */
	public B imageUrls(String... imageUrls) {
		Assert.notNull(imageUrls, "imageUrls must not be null; give one image, or a first and a last frame");
		return imageUrls(Arrays.asList(imageUrls.clone()));
	}

	/**
	 * Set the images the video starts from, sent as an array: one image, or two, the
	 * first and the last frame.
	 * @param imageUrls one or two http(s) URLs or {@code data:image/...;base64,} URIs
	 * @return this builder
	 */
	public B imageUrls(List<String> imageUrls) {
		Assert.isTrue(imageUrls == null || imageUrls.stream().noneMatch(Objects::isNull),
				"imageUrls must not contain null");
		this.imageUrls = VideoChecks.images(imageUrls);
		this.imageAsArray = true;
		return self();
	}

	/**
	 * Set the quality mode ({@code cogvideox-3}: {@code speed}, the default, or
	 * {@code quality}; with a first and a last frame only {@code speed}).
	 * @param quality the mode, or {@code null} for the model's default
	 * @return this builder
	 */
	public B quality(@Nullable String quality) {
		this.quality = VideoChecks.text("quality", quality, "speed or quality");
		return self();
	}

	/**
	 * Set whether the video gets AI sound effects ({@code cogvideox-3}; off by default).
	 * @param withAudio whether to add audio, or {@code null} for the model's default
	 * @return this builder
	 */
	public B withAudio(@Nullable Boolean withAudio) {
		this.withAudio = withAudio;
		return self();
	}

	/**
	 * Set the size. {@code cogvideox-3} documents {@code 1280x720}, {@code 720x1280},
	 * {@code 1024x1024}, {@code 1920x1080}, {@code 1080x1920}, {@code 2048x1080} and
	 * {@code 3840x2160}; by default its short side is 1080 with the image's aspect.
	 * @param size {@code WIDTHxHEIGHT}, or {@code null} for the model's default
	 * @return this builder
	 */
	public B size(@Nullable String size) {
		this.size = VideoChecks.size(size);
		return self();
	}

	/**
	 * Set the frame rate ({@code cogvideox-3}: 30, the default, or 60).
	 * @param fps the frames per second, positive, or {@code null} for the model's default
	 * @return this builder
	 */
	public B fps(@Nullable Integer fps) {
		this.fps = VideoChecks.positive("fps", fps, "30 or 60");
		return self();
	}

	/**
	 * Set the length of the video ({@code cogvideox-3}: 5, the default, or 10; Vidu: 5).
	 * @param duration the seconds, positive, or {@code null} for the model's default
	 * @return this builder
	 */
	public B duration(@Nullable Integer duration) {
		this.duration = VideoChecks.positive("duration", duration, "5 or 10");
		return self();
	}

	/**
	 * Set the style ({@code viduq1-text}: {@code general} or {@code anime}).
	 * @param style the style, or {@code null} for the model's default
	 * @return this builder
	 */
	public B style(@Nullable String style) {
		this.style = VideoChecks.text("style", style, "general or anime");
		return self();
	}

	/**
	 * Set the aspect ratio ({@code viduq1-text}: {@code 16:9}, {@code 9:16} or
	 * {@code 1:1}).
	 * @param aspectRatio the ratio, or {@code null} for the model's default
	 * @return this builder
	 */
	public B aspectRatio(@Nullable String aspectRatio) {
		this.aspectRatio = VideoChecks.text("aspectRatio", aspectRatio, "16:9");
		return self();
	}

	/**
	 * Set how much moves (Vidu: {@code auto}, {@code small}, {@code medium} or
	 * {@code large}).
	 * @param movementAmplitude the amplitude, or {@code null} for the model's default
	 * @return this builder
	 */
	public B movementAmplitude(@Nullable String movementAmplitude) {
		this.movementAmplitude = VideoChecks.text("movementAmplitude", movementAmplitude, "auto");
		return self();
	}

	/**
	 * Set the caller's request id; it must be unique.
	 * @param requestId 6 to 64 characters, or {@code null}
	 * @return this builder
	 */
	public B requestId(@Nullable String requestId) {
		this.requestId = Checks.requestId(requestId);
		return self();
	}

	/**
	 * Set the end user's id; avoid sensitive information.
	 * @param userId 6 to 128 characters, or {@code null}
	 * @return this builder
	 */
	public B userId(@Nullable String userId) {
		this.userId = Checks.userId(userId);
		return self();
	}

	/**
	 * Add a field the API accepts but this request does not model, written at the top
	 * level of the JSON body, such as {@code watermark_enabled}, {@code off_peak} or
	 * {@code prompt_opt_model} (sent by the official Java SDK, not documented).
	 * @param name the JSON name, not one of the typed fields
	 * @param value the value, written as JSON
	 * @return this builder
	 */
	public B extraBody(String name, Object value) {
		Checks.extraBodyField(name, value, VideoChecks.TYPED_FIELDS);
		this.extraBody.put(name, value);
		return self();
	}

}
