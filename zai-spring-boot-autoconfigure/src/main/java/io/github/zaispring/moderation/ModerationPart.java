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

package io.github.zaispring.moderation;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * One part of the content of a {@link ModerationRequest}: a text, or the URL of an image,
 * a video or an audio file. Written as the API's {@code {"type":"text","text":"..."}} or
 * {@code {"type":"image_url","image_url":{"url":"..."}}} (likewise {@code video_url} and
 * {@code audio_url}). Create one with {@link #text}, {@link #imageUrl}, {@link #videoUrl}
 * or {@link #audioUrl}.
 *
 * @author zai-spring-boot contributors
 */
public final class ModerationPart {

	private final String type;

	private final String value;

	private ModerationPart(String type, String value) {
		this.type = type;
		this.value = value;
	}

	/**
	 * Create a text part.
	 * @param text the text, not blank
	 * @return the part
	 * @throws IllegalArgumentException when the text is {@code null} or blank
	 */
	public static ModerationPart text(String text) {
		return new ModerationPart("text", requireText(text));
	}

	/**
	 * Check a text to moderate, as a part or as a request's whole content.
	 * @param text the text
	 * @return the text
	 * @throws IllegalArgumentException when the text is {@code null} or blank
	 */
	static String requireText(@Nullable String text) {
		Assert.isTrue(text != null && !text.isBlank(), "text must not be empty; pass the text to moderate");
		return text;
	}

	/**
	 * Create an image part.
	 * @param url the URL of the image, such as {@code https://example.com/photo.jpg}
	 * @return the part
	 * @throws IllegalArgumentException when the URL is {@code null} or blank
	 */
	public static ModerationPart imageUrl(String url) {
		return media("image_url", "imageUrl", url, "https://example.com/photo.jpg");
	}

	/**
	 * Create a video part.
	 * @param url the URL of the video, such as {@code https://example.com/clip.mp4}
	 * @return the part
	 * @throws IllegalArgumentException when the URL is {@code null} or blank
	 */
	public static ModerationPart videoUrl(String url) {
		return media("video_url", "videoUrl", url, "https://example.com/clip.mp4");
	}

	/**
	 * Create an audio part.
	 * @param url the URL of the audio file, such as {@code https://example.com/voice.mp3}
	 * @return the part
	 * @throws IllegalArgumentException when the URL is {@code null} or blank
	 */
	public static ModerationPart audioUrl(String url) {
		return media("audio_url", "audioUrl", url, "https://example.com/voice.mp3");
	}

	private static ModerationPart media(String type, String argument, @Nullable String url, String example) {
		Assert.isTrue(url != null && !url.isBlank(),
				() -> argument + " must not be empty; pass the URL of the content, such as " + example);
		return new ModerationPart(type, url);
	}

	/**
	 * Return the type of the part.
	 * @return {@code text}, {@code image_url}, {@code video_url} or {@code audio_url}
	 */
	@JsonProperty("type")
	public String type() {
		return this.type;
	}

	/**
	 * Return the content of the part.
	 * @return the text of a text part, else the URL
	 */
	public String value() {
		return this.value;
	}

	/**
	 * Return the field named after the type: the text, or an object holding the URL.
	 * @return the one field besides the type
	 */
	@JsonAnyGetter
	Map<String, Object> content() {
		return Map.of(this.type, this.type.equals("text") ? this.value : Map.of("url", this.value));
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (this == other) || (other instanceof ModerationPart that && this.type.equals(that.type)
				&& this.value.equals(that.value));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.type, this.value);
	}

	@Override
	public String toString() {
		return "ModerationPart[type=" + this.type + ", "
				+ (this.type.equals("text") ? this.value.length() + " chars" : this.value) + "]";
	}

}
