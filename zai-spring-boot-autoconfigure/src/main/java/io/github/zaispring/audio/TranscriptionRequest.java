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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.github.zaispring.internal.Checks;
import io.github.zaispring.internal.MultipartForm;
import io.github.zaispring.internal.Operation;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;
import org.springframework.util.Assert;

/**
 * A speech-to-text request ({@code POST /audio/transcriptions}): the audio, as a file or
 * as base64, and the options. Immutable; create one with {@link #builder()}. Sent as a
 * {@code multipart/form-data} form, not JSON; whether the answer is streamed is chosen by
 * the method called, {@link ZaiTranscriptionOperations#transcribe(TranscriptionRequest)}
 * or {@link ZaiTranscriptionOperations#stream(TranscriptionRequest)}.
 *
 * @author zai-spring-boot contributors
 */
public final class TranscriptionRequest {

	/** The most hotwords one request takes. */
	public static final int MAX_HOTWORDS = 100;

	/**
	 * The longest base64 text of an audio file of {@link AudioFile#MAX_BYTES} bytes.
	 */
	private static final long MAX_BASE64_CHARS = 4L * ((AudioFile.MAX_BYTES + 2) / 3);

	private final @Nullable String model;

	private final @Nullable AudioFile file;

	private final @Nullable String fileBase64;

	private final @Nullable String prompt;

	private final List<String> hotwords;

	private final @Nullable String requestId;

	private final @Nullable String userId;

	private TranscriptionRequest(Builder builder) {
		this.model = builder.model;
		this.file = builder.file;
		this.fileBase64 = builder.fileBase64;
		this.prompt = builder.prompt;
		this.hotwords = List.copyOf(builder.hotwords);
		this.requestId = builder.requestId;
		this.userId = builder.userId;
	}

	/**
	 * Create a builder of a request.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return a builder with the values of this request.
	 * @return a new builder
	 */
	public Builder mutate() {
		return new Builder(this);
	}

	/**
	 * Return the model.
	 * @return the model, or {@code null} for the configured one
	 */
	public @Nullable String model() {
		return this.model;
	}

	/**
	 * Return the audio file.
	 * @return the file, or {@code null} when the audio is sent as base64
	 */
	public @Nullable AudioFile file() {
		return this.file;
	}

	/**
	 * Return the audio as base64.
	 * @return the base64 text, or {@code null} when the audio is sent as a file
	 */
	public @Nullable String fileBase64() {
		return this.fileBase64;
	}

	/**
	 * Return the earlier transcript given as context.
	 * @return the prompt, or {@code null}
	 */
	public @Nullable String prompt() {
		return this.prompt;
	}

	/**
	 * Return the words the recognition should favour.
	 * @return the hotwords, never {@code null}, unmodifiable
	 */
	public List<String> hotwords() {
		return this.hotwords;
	}

	/**
	 * Return the caller's request id.
	 * @return the request id, or {@code null}
	 */
	public @Nullable String requestId() {
		return this.requestId;
	}

	/**
	 * Return the end user's id.
	 * @return the user id, or {@code null}
	 */
	public @Nullable String userId() {
		return this.userId;
	}

	/**
	 * Write the form of this request.
	 * @param stream whether the answer is to be streamed
	 */
	Operation.Body toForm(boolean stream) {
		MultipartForm form = new MultipartForm();
		if (this.file != null) {
			form.file("file", this.file.filename(), this.file.contentType(), this.file.bytes());
		}
		if (this.fileBase64 != null) {
			form.field("file_base64", this.fileBase64);
		}
		if (this.model != null) {
			form.field("model", this.model);
		}
		if (this.prompt != null) {
			form.field("prompt", this.prompt);
		}
		// An array in a form: one part per item under the same name, as HTML forms and
		// Spring's MultipartBodyBuilder send repeated values. Z.AI documents hotwords as
		// a
		// string array without saying how a form carries it, and neither official SDK
		// sends hotwords (the Python SDK's transcriptions.create has no such argument).
		for (String hotword : this.hotwords) {
			form.field("hotwords", hotword);
		}
		form.field("stream", Boolean.toString(stream));
		if (this.requestId != null) {
			form.field("request_id", this.requestId);
		}
		if (this.userId != null) {
			form.field("user_id", this.userId);
		}
		return form.toBody();
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (this == other) || (other instanceof TranscriptionRequest that && Objects.equals(this.model, that.model)
				&& Objects.equals(this.file, that.file) && Objects.equals(this.fileBase64, that.fileBase64)
				&& Objects.equals(this.prompt, that.prompt) && this.hotwords.equals(that.hotwords)
				&& Objects.equals(this.requestId, that.requestId) && Objects.equals(this.userId, that.userId));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.model, this.file, this.fileBase64, this.prompt, this.hotwords, this.requestId,
				this.userId);
	}

	@Override
	public String toString() {
		return "TranscriptionRequest[model=" + this.model + ", "
				+ ((this.file != null) ? "file=" + this.file : "fileBase64=" + this.fileBase64.length() + " chars")
				+ ", hotwords=" + this.hotwords.size() + "]";
	}

	/**
	 * Builder of a {@link TranscriptionRequest}; the audio, as a file or as base64, is
	 * required.
	 */
	public static final class Builder {

		private @Nullable String model;

		private @Nullable AudioFile file;

		private @Nullable String fileBase64;

		private @Nullable String prompt;

		private final List<String> hotwords = new ArrayList<>();

		private @Nullable String requestId;

		private @Nullable String userId;

		private Builder() {
		}

		private Builder(TranscriptionRequest request) {
			this.model = request.model;
			this.file = request.file;
			this.fileBase64 = request.fileBase64;
			this.prompt = request.prompt;
			this.hotwords.addAll(request.hotwords);
			this.requestId = request.requestId;
			this.userId = request.userId;
		}

		/**
		 * Set the model.
		 * @param model the model, such as {@code glm-asr-2512}, or {@code null} for the
		 * configured one
		 * @return this builder
		 */
		public Builder model(@Nullable String model) {
			Assert.isTrue(model == null || !model.isBlank(),
					"model must not be blank; use a model id such as glm-asr-2512, or null for the configured one");
			this.model = model;
			return this;
		}

		/**
		 * Set the audio file, sent as the form's {@code file} part.
		 * @param file the file
		 * @return this builder
		 */
		public Builder file(AudioFile file) {
			Assert.notNull(file, "file must not be null; create one with AudioFile.of(..)");
			this.file = file;
			return this;
		}

		/**
		 * Set the audio file from bytes; the content type follows the file name.
		 * @param content the bytes of a {@code .wav} or {@code .mp3} file
		 * @param filename the file name, such as {@code question.wav}
		 * @return this builder
		 * @see AudioFile#of(byte[], String)
		 */
		public Builder file(byte[] content, String filename) {
			return file(AudioFile.of(content, filename));
		}

		/**
		 * Set the audio file from a resource, read now.
		 * @param resource the resource of a {@code .wav} or {@code .mp3} file
		 * @return this builder
		 * @see AudioFile#of(Resource)
		 */
		public Builder file(Resource resource) {
			return file(AudioFile.of(resource));
		}

		/**
		 * Set the audio file from a path, read now.
		 * @param path the path of a {@code .wav} or {@code .mp3} file
		 * @return this builder
		 * @see AudioFile#of(Path)
		 */
		public Builder file(Path path) {
			return file(AudioFile.of(path));
		}

		/**
		 * Set the audio as base64 text, sent as the form's {@code file_base64} field
		 * instead of a file.
		 * @param fileBase64 the base64 of a {@code .wav} or {@code .mp3} file of at most
		 * 25 MB
		 * @return this builder
		 */
		public Builder fileBase64(String fileBase64) {
			Assert.isTrue(fileBase64 != null && !fileBase64.isBlank(),
					"fileBase64 must not be empty; use the base64 of a .wav or .mp3 file");
			Assert.isTrue(fileBase64.length() <= MAX_BASE64_CHARS,
					() -> "fileBase64 must encode at most 25 MB (" + MAX_BASE64_CHARS + " base64 characters), but has "
							+ fileBase64.length() + " characters; split the recording");
			this.fileBase64 = fileBase64;
			return this;
		}

		/**
		 * Set the transcript of the audio before this one, as context; Z.AI recommends
		 * less than 8000 characters.
		 * @param prompt the earlier transcript, or {@code null}
		 * @return this builder
		 */
		public Builder prompt(@Nullable String prompt) {
			Assert.isTrue(prompt == null || !prompt.isBlank(),
					"prompt must not be blank; use the earlier transcript, or null for none");
			this.prompt = prompt;
			return this;
		}

		/**
		 * Add a word the recognition should favour, such as a name or a term of the
		 * domain.
		 * @param hotword the word, not blank
		 * @return this builder
		 */
		public Builder hotword(String hotword) {
			Assert.isTrue(hotword != null && !hotword.isBlank(),
					"hotword must not be blank; use a word such as a product name");
			Assert.isTrue(this.hotwords.size() < MAX_HOTWORDS,
					() -> "hotwords must have at most " + MAX_HOTWORDS + " items");
			this.hotwords.add(hotword);
			return this;
		}

		/**
		 * Set the words the recognition should favour, replacing any set before.
		 * @param hotwords at most 100 words, none blank
		 * @return this builder
		 */
		public Builder hotwords(List<String> hotwords) {
			Assert.notNull(hotwords, "hotwords must not be null; use an empty list for none");
			Assert.isTrue(hotwords.size() <= MAX_HOTWORDS,
					() -> "hotwords must have at most " + MAX_HOTWORDS + " items, but has " + hotwords.size());
			this.hotwords.clear();
			hotwords.forEach(this::hotword);
			return this;
		}

		/**
		 * Set the caller's request id; it must be unique.
		 * @param requestId 6 to 64 characters, or {@code null}
		 * @return this builder
		 */
		public Builder requestId(@Nullable String requestId) {
			this.requestId = Checks.requestId(requestId);
			return this;
		}

		/**
		 * Set the end user's id; avoid sensitive information.
		 * @param userId 6 to 128 characters, or {@code null}
		 * @return this builder
		 */
		public Builder userId(@Nullable String userId) {
			this.userId = Checks.userId(userId);
			return this;
		}

		/**
		 * Build the request.
		 * @return the request
		 * @throws IllegalArgumentException when no audio was set, or both a file and
		 * base64
		 */
		public TranscriptionRequest build() {
			Assert.isTrue(this.file != null || this.fileBase64 != null,
					"file must not be null; set the audio with file(..) or fileBase64(..)");
			Assert.isTrue(this.file == null || this.fileBase64 == null,
					"file and fileBase64 must not both be set; Z.AI would ignore fileBase64");
			return new TranscriptionRequest(this);
		}

	}

}
