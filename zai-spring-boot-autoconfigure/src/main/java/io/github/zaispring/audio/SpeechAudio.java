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

import java.io.ByteArrayInputStream;
import java.io.InputStream;

import org.springframework.http.MediaType;
import org.springframework.util.Assert;

/**
 * Synthesized speech: the bytes of the audio as Z.AI sent them, and their content type.
 *
 * @author zai-spring-boot contributors
 */
public final class SpeechAudio {

	private final byte[] audio;

	private final MediaType contentType;

	/**
	 * Create speech audio.
	 * @param audio the bytes of the audio, copied
	 * @param contentType the content type, such as {@code audio/wav}
	 */
	public SpeechAudio(byte[] audio, MediaType contentType) {
		this(audio, contentType, true);
	}

	private SpeechAudio(byte[] audio, MediaType contentType, boolean copy) {
		Assert.notNull(audio, "audio must not be null");
		Assert.notNull(contentType, "contentType must not be null; use a media type such as audio/wav");
		this.audio = copy ? audio.clone() : audio;
		this.contentType = contentType;
	}

	/**
	 * Create speech audio from bytes that nobody else holds.
	 */
	static SpeechAudio wrap(byte[] audio, MediaType contentType) {
		return new SpeechAudio(audio, contentType, false);
	}

	/**
	 * Return the bytes of the audio.
	 * @return a copy of the bytes
	 */
	public byte[] bytes() {
		return this.audio.clone();
	}

	/**
	 * Return a stream of the bytes of the audio, without copying them.
	 * @return a new stream
	 */
	public InputStream inputStream() {
		return new ByteArrayInputStream(this.audio);
	}

	/**
	 * Return the number of bytes.
	 * @return the size of the audio
	 */
	public int size() {
		return this.audio.length;
	}

	/**
	 * Return the content type of the audio: as the answer named it, or that of the
	 * requested format when it named none.
	 * @return the content type
	 */
	public MediaType contentType() {
		return this.contentType;
	}

	@Override
	public String toString() {
		return "SpeechAudio[" + this.contentType + ", " + this.audio.length + " bytes]";
	}

}
