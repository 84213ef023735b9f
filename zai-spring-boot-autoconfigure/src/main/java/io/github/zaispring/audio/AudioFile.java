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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.util.Assert;

/**
 * An audio file to transcribe: its bytes, file name and content type, read once when
 * created so that every attempt of a call (a retry) sends the same bytes. Z.AI takes
 * {@code .wav} and {@code .mp3} files of at most {@value #MAX_BYTES} bytes (25 MB) and 30
 * seconds.
 *
 * @author zai-spring-boot contributors
 */
public final class AudioFile {

	/** The largest file Z.AI transcribes: 25 MB. */
	public static final int MAX_BYTES = 25 * 1024 * 1024;

	private final byte[] content;

	private final String filename;

	private final MediaType contentType;

	private AudioFile(byte[] content, String filename, MediaType contentType) {
		Assert.isTrue(content.length > 0, "audio content must not be empty; use the bytes of a .wav or .mp3 file");
		Assert.isTrue(content.length <= MAX_BYTES, () -> "audio content must be at most 25 MB (" + MAX_BYTES
				+ " bytes), but has " + content.length + " bytes; split the recording");
		this.content = content;
		this.filename = filename;
		this.contentType = contentType;
	}

	/**
	 * Create an audio file from bytes; the content type follows the file name's extension
	 * ({@code audio/mpeg} for {@code .mp3}, for example).
	 * @param content the bytes of the file, copied
	 * @param filename the file name, such as {@code question.wav}
	 * @return the audio file
	 * @throws IllegalArgumentException when the content is empty or larger than 25 MB, or
	 * the file name is blank
	 */
	public static AudioFile of(byte[] content, String filename) {
		return of(content, filename, contentTypeOf(filename));
	}

	/**
	 * Create an audio file from bytes with the given content type.
	 * @param content the bytes of the file, copied
	 * @param filename the file name, such as {@code question.wav}
	 * @param contentType the content type, such as {@code audio/wav}
	 * @return the audio file
	 * @throws IllegalArgumentException when the content is empty or larger than 25 MB, or
	 * the file name is blank
	 */
	public static AudioFile of(byte[] content, String filename, MediaType contentType) {
		Assert.notNull(content, "audio content must not be null; use the bytes of a .wav or .mp3 file");
		Assert.notNull(contentType, "contentType must not be null; use a media type such as audio/wav");
		return new AudioFile(content.clone(), requireFilename(filename), contentType);
	}

	/**
	 * Read an audio file from a resource, named by the resource's file name.
	 * @param resource the resource, such as {@code new ClassPathResource("question.wav")}
	 * @return the audio file
	 * @throws IllegalArgumentException when the resource has no file name, or is empty or
	 * larger than 25 MB
	 * @throws UncheckedIOException when the resource cannot be read
	 */
	public static AudioFile of(Resource resource) {
		Assert.notNull(resource, "resource must not be null; use a file or class path resource of a .wav or .mp3 file");
		String filename = resource.getFilename();
		Assert.isTrue(filename != null && !filename.isBlank(),
				() -> "resource " + resource + " has no file name; use AudioFile.of(bytes, filename) instead");
		try {
			if (resource.isFile()) {
				// only then: other resources may read their whole stream to count it
				checkLength(resource.contentLength(), resource.toString());
			}
			return new AudioFile(resource.getContentAsByteArray(), filename, contentTypeOf(filename));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the audio file " + resource, ex);
		}
	}

	/**
	 * Read an audio file from a path, named by its last element.
	 * @param path the path of a {@code .wav} or {@code .mp3} file
	 * @return the audio file
	 * @throws IllegalArgumentException when the file is empty or larger than 25 MB
	 * @throws UncheckedIOException when the file cannot be read
	 */
	public static AudioFile of(Path path) {
		Assert.notNull(path, "path must not be null; use the path of a .wav or .mp3 file");
		Path name = path.getFileName();
		Assert.notNull(name, () -> "path " + path + " has no file name; use the path of a .wav or .mp3 file");
		try {
			checkLength(Files.size(path), path.toString());
			return new AudioFile(Files.readAllBytes(path), name.toString(), contentTypeOf(name.toString()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the audio file " + path, ex);
		}
	}

	private static void checkLength(long length, String source) {
		// before reading: a file of gigabytes should not be read to be refused
		Assert.isTrue(length <= MAX_BYTES, () -> "audio file " + source + " must be at most 25 MB (" + MAX_BYTES
				+ " bytes), but has " + length + " bytes; split the recording");
	}

	private static String requireFilename(@Nullable String filename) {
		Assert.isTrue(filename != null && !filename.isBlank(),
				"filename must not be empty; use the file's name, such as question.wav");
		return filename;
	}

	private static MediaType contentTypeOf(String filename) {
		return MediaTypeFactory.getMediaType(requireFilename(filename)).orElse(MediaType.APPLICATION_OCTET_STREAM);
	}

	/**
	 * Return the bytes of the file.
	 * @return a copy of the bytes
	 */
	public byte[] content() {
		return this.content.clone();
	}

	/**
	 * Return the bytes without copying them, for the form that sends them.
	 */
	byte[] bytes() {
		return this.content;
	}

	/**
	 * Return the number of bytes.
	 * @return the size of the file
	 */
	public int size() {
		return this.content.length;
	}

	/**
	 * Return the file name sent with the bytes.
	 * @return the file name
	 */
	public String filename() {
		return this.filename;
	}

	/**
	 * Return the content type sent with the bytes.
	 * @return the content type
	 */
	public MediaType contentType() {
		return this.contentType;
	}

	@Override
	public String toString() {
		return "AudioFile[" + this.filename + ", " + this.contentType + ", " + this.content.length + " bytes]";
	}

}
