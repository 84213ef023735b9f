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

import java.util.Base64;
import java.util.HexFormat;

import com.fasterxml.jackson.annotation.JsonValue;

import org.springframework.util.Assert;

/**
 * How the chunks of streamed speech carry their audio as text ({@code encode_format}).
 *
 * @author zai-spring-boot contributors
 */
public enum SpeechEncoding {

	/** Base64, Z.AI's default. */
	BASE64("base64"),

	/** Hexadecimal digits, two per byte. */
	HEX("hex");

	private final String value;

	SpeechEncoding(String value) {
		this.value = value;
	}

	/**
	 * Return the value on the wire.
	 * @return the value, such as {@code base64}
	 */
	@JsonValue
	public String value() {
		return this.value;
	}

	/**
	 * Decode the audio of a chunk.
	 * @param text the encoded audio
	 * @return the bytes of the audio
	 * @throws IllegalArgumentException when the text is not valid in this encoding
	 */
	public byte[] decode(String text) {
		Assert.notNull(text, "text must not be null");
		try {
			return (this == BASE64) ? Base64.getMimeDecoder().decode(text) : HexFormat.of().parseHex(text.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"audio of a speech chunk is not valid " + this.value + ": " + ex.getMessage(), ex);
		}
	}

}
