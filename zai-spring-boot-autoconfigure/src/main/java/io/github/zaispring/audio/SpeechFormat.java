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

package io.github.zaispring.audio;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;

/**
 * The audio format of synthesized speech ({@code response_format}).
 *
 * @author zai-spring-boot contributors
 */
public enum SpeechFormat {

	/** A WAV file: playable as it is. */
	WAV("wav", MediaType.parseMediaType("audio/wav")),

	/** Raw 16-bit PCM samples without a header; Z.AI's default. */
	PCM("pcm", MediaType.APPLICATION_OCTET_STREAM);

	private final String value;

	private final MediaType mediaType;

	SpeechFormat(String value, MediaType mediaType) {
		this.value = value;
		this.mediaType = mediaType;
	}

	/**
	 * Return the value on the wire.
	 * @return the value, such as {@code wav}
	 */
	@JsonValue
	public String value() {
		return this.value;
	}

	/**
	 * Return the content type of audio in this format, for an answer that names none.
	 * @return the media type
	 */
	public MediaType mediaType() {
		return this.mediaType;
	}

	/**
	 * Return the format of a value, ignoring case.
	 * @param value the value, such as {@code wav}
	 * @return the format
	 * @throws IllegalArgumentException when the value is none of {@code wav} and
	 * {@code pcm}
	 */
	public static SpeechFormat of(@Nullable String value) {
		for (SpeechFormat format : values()) {
			if (format.value.equalsIgnoreCase((value != null) ? value.strip() : null)) {
				return format;
			}
		}
		throw new IllegalArgumentException("response format must be wav or pcm, but was " + value);
	}

}
