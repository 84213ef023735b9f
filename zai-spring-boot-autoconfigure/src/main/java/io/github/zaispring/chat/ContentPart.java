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

package io.github.zaispring.chat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * One part of a multimodal user message (vision models): text, an image, a video or a
 * file. Create parts with the static factories; exactly the payload that matches
 * {@link #type()} is set.
 *
 * @param type the part type: {@code text}, {@code image_url}, {@code video_url} or
 * {@code file_url}
 * @param text the text of a {@code text} part
 * @param imageUrl the image of an {@code image_url} part
 * @param videoUrl the video of a {@code video_url} part
 * @param fileUrl the file of a {@code file_url} part
 * @author zai-spring-boot
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContentPart(String type, @Nullable String text, @JsonProperty("image_url") @Nullable Url imageUrl,
		@JsonProperty("video_url") @Nullable Url videoUrl, @JsonProperty("file_url") @Nullable Url fileUrl) {

	/**
	 * Create a new instance, checking that the type is set.
	 * @param type the part type
	 * @param text the text of a {@code text} part
	 * @param imageUrl the image of an {@code image_url} part
	 * @param videoUrl the video of a {@code video_url} part
	 * @param fileUrl the file of a {@code file_url} part
	 */
	public ContentPart {
		Assert.hasText(type, "type must not be empty; use text, image_url, video_url or file_url");
	}

	/**
	 * Return a text part.
	 * @param text the text
	 * @return {@code {"type":"text","text":"…"}}
	 */
	public static ContentPart text(String text) {
		Assert.notNull(text, "text must not be null");
		return new ContentPart("text", text, null, null, null);
	}

	/**
	 * Return an image part. Images must be jpg, png or jpeg under 5 MB and 6000x6000
	 * pixels.
	 * @param urlOrBase64 the image URL or its Base64 data
	 * @return {@code {"type":"image_url","image_url":{"url":"…"}}}
	 */
	public static ContentPart imageUrl(String urlOrBase64) {
		return new ContentPart("image_url", null, new Url(urlOrBase64), null, null);
	}

	/**
	 * Return a video part (mp4, mkv or mov up to 200 MB).
	 * @param url the video URL
	 * @return {@code {"type":"video_url","video_url":{"url":"…"}}}
	 */
	public static ContentPart videoUrl(String url) {
		return new ContentPart("video_url", null, null, new Url(url), null);
	}

	/**
	 * Return a file part (pdf, txt, word, jsonl, xlsx, pptx; GLM-4.6V and GLM-4.5V only;
	 * cannot be combined with images or videos in one request).
	 * @param url the file URL
	 * @return {@code {"type":"file_url","file_url":{"url":"…"}}}
	 */
	public static ContentPart fileUrl(String url) {
		return new ContentPart("file_url", null, null, null, new Url(url));
	}

	/**
	 * The location of an image, video or file.
	 *
	 * @param url a URL, or Base64 data for images
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Url(String url) {

		/**
		 * Create a new instance, checking that the URL is set.
		 * @param url a URL, or Base64 data for images
		 */
		public Url {
			Assert.hasText(url, "url must not be empty; pass a URL (or Base64 data for an image)");
		}

	}

}
