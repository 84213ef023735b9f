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

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The checks of a {@link VideoRequest} before it is sent. Only what holds for every model
 * is checked; limits that the documentation gives per model (the sizes, frame rates,
 * durations and qualities of {@code cogvideox-3}, the styles and aspect ratios of Vidu)
 * are left to the server, so that a model added later is not refused.
 *
 * @author zai-spring-boot contributors
 */
final class VideoChecks {

	/** The longest prompt every documented model accepts. */
	static final int MAX_PROMPT_LENGTH = 512;

	/** The most images a request carries: a first and a last frame. */
	static final int MAX_IMAGES = 2;

	/** The JSON names the builder sets with methods of their own. */
	static final Set<String> TYPED_FIELDS = Set.of("model", "prompt", "image_url", "quality", "with_audio", "size",
			"fps", "duration", "style", "aspect_ratio", "movement_amplitude", "request_id", "user_id");

	private static final Pattern SIZE = Pattern.compile("[1-9][0-9]{0,4}x[1-9][0-9]{0,4}");

	private VideoChecks() {
	}

	static @Nullable String prompt(@Nullable String prompt) {
		Assert.isTrue(prompt == null || !prompt.isBlank(),
				"prompt must not be blank; describe the video, or leave it unset and give an imageUrl");
		Assert.isTrue(prompt == null || prompt.length() <= MAX_PROMPT_LENGTH,
				() -> "prompt must be at most " + MAX_PROMPT_LENGTH + " characters long, but has " + prompt.length());
		return prompt;
	}

	static List<String> images(@Nullable List<String> imageUrls) {
		Assert.notNull(imageUrls, "imageUrls must not be null; give one image, or a first and a last frame");
		Assert.isTrue(!imageUrls.isEmpty() && imageUrls.size() <= MAX_IMAGES,
				() -> "imageUrls must hold one image, or two (a first and a last frame), but holds "
						+ imageUrls.size());
		imageUrls.forEach(VideoChecks::image);
		return List.copyOf(imageUrls);
	}

	static String image(@Nullable String imageUrl) {
		Assert.isTrue(
				imageUrl != null && (imageUrl.startsWith("https://") || imageUrl.startsWith("http://")
						|| imageUrl.startsWith("data:image/")),
				() -> "imageUrl must be an http(s) URL or a data:image/...;base64 URI of a png, jpeg or jpg image, "
						+ "but was " + describe(imageUrl));
		return imageUrl;
	}

	static @Nullable String size(@Nullable String size) {
		Assert.isTrue(size == null || SIZE.matcher(size).matches(),
				() -> "size must be WIDTHxHEIGHT in pixels, such as 1920x1080 (cogvideox-3 documents 1280x720, "
						+ "720x1280, 1024x1024, 1920x1080, 1080x1920, 2048x1080 and 3840x2160), but was '" + size
						+ "'");
		return size;
	}

	static @Nullable Integer positive(String name, @Nullable Integer value, String example) {
		Assert.isTrue(value == null || value > 0,
				() -> name + " must be positive, such as " + example + ", but was " + value);
		return value;
	}

	static @Nullable String text(String name, @Nullable String value, String example) {
		Assert.isTrue(value == null || !value.isBlank(),
				() -> name + " must not be blank; use a value such as " + example + ", or null for the default");
		return value;
	}

	private static String describe(@Nullable String imageUrl) {
		if (imageUrl == null) {
			return "null";
		}
		// a data URI can be megabytes long: name its start only
		return "'" + ((imageUrl.length() > 40)
				? imageUrl.substring(0, 40) + "...' (" + imageUrl.length() + " characters)" : imageUrl + "'");
	}

}
