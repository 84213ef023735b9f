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

import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * One part of a multimodal user message: text, an image, a video, a file or audio. Create
 * parts with the static factories; exactly the payload that matches {@link #type()} is
 * set. Fields the API adds later can be added with {@link #withExtra(String, Object)};
 * they are written into the part's object.
 * <p>
 * Shapes, as the API documents them:
 * <ul>
 * <li>{@code {"type":"text","text":"…"}}</li>
 * <li>{@code {"type":"image_url","image_url":{"url":"…"}}}: a URL or Base64 data</li>
 * <li>{@code {"type":"video_url","video_url":{"url":"…"}}}</li>
 * <li>{@code {"type":"file_url","file_url":{"url":"…"}}}: the legacy file part (GLM-4.6V,
 * GLM-4.5V)</li>
 * <li>{@code {"type":"file","file":{"file_id"|"file_url"|"file_data":"…","filename":"…"}}}:
 * the unified file part (GLM-5.x era), see {@link FileInput}</li>
 * <li>{@code {"type":"input_audio","input_audio":{"data":"<base64>","format":"wav"}}}:
 * audio input (BigModel's {@code glm-4-voice})</li>
 * </ul>
 *
 * @param type the part type: {@code text}, {@code image_url}, {@code video_url},
 * {@code file_url}, {@code file} or {@code input_audio}
 * @param text the text of a {@code text} part
 * @param imageUrl the image of an {@code image_url} part
 * @param videoUrl the video of a {@code video_url} part
 * @param fileUrl the file of a {@code file_url} part
 * @param file the file of a {@code file} part
 * @param inputAudio the audio of an {@code input_audio} part
 * @param extra fields written into the part's object besides the typed ones, never
 * {@code null}
 * @author zai-spring-boot
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({ "type", "text", "image_url", "video_url", "file_url", "file", "input_audio" })
public record ContentPart(String type, @Nullable String text, @JsonProperty("image_url") @Nullable Url imageUrl,
		@JsonProperty("video_url") @Nullable Url videoUrl, @JsonProperty("file_url") @Nullable Url fileUrl,
		@JsonProperty("file") @Nullable FileInput file, @JsonProperty("input_audio") @Nullable InputAudio inputAudio,
		@JsonAnyGetter Map<String, Object> extra) {

	private static final Set<String> TYPED_FIELDS = Set.of("type", "text", "image_url", "video_url", "file_url", "file",
			"input_audio");

	/**
	 * Create a new instance, checking that the type is set and copying the extra fields.
	 * @param type the part type
	 * @param text the text of a {@code text} part
	 * @param imageUrl the image of an {@code image_url} part
	 * @param videoUrl the video of a {@code video_url} part
	 * @param fileUrl the file of a {@code file_url} part
	 * @param file the file of a {@code file} part
	 * @param inputAudio the audio of an {@code input_audio} part
	 * @param extra fields besides the typed ones, {@code null} for none
	 */
	public ContentPart(String type, @Nullable String text, @Nullable Url imageUrl, @Nullable Url videoUrl,
			@Nullable Url fileUrl, @Nullable FileInput file, @Nullable InputAudio inputAudio,
			@Nullable Map<String, Object> extra) {
		Assert.hasText(type, "type must not be empty; use text, image_url, video_url, file_url, file or input_audio");
		this.type = type;
		this.text = text;
		this.imageUrl = imageUrl;
		this.videoUrl = videoUrl;
		this.fileUrl = fileUrl;
		this.file = file;
		this.inputAudio = inputAudio;
		this.extra = ModelSupport.extra("ContentPart", TYPED_FIELDS, extra);
	}

	/**
	 * Create a text, image, video or legacy file part without extra fields.
	 * @param type the part type
	 * @param text the text of a {@code text} part
	 * @param imageUrl the image of an {@code image_url} part
	 * @param videoUrl the video of a {@code video_url} part
	 * @param fileUrl the file of a {@code file_url} part
	 */
	public ContentPart(String type, @Nullable String text, @Nullable Url imageUrl, @Nullable Url videoUrl,
			@Nullable Url fileUrl) {
		this(type, text, imageUrl, videoUrl, fileUrl, null, null, null);
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
	 * Return a legacy file part (pdf, txt, word, jsonl, xlsx, pptx; GLM-4.6V and GLM-4.5V
	 * only; cannot be combined with images or videos in one request). Newer models take
	 * {@link #file(FileInput)}.
	 * @param url the file URL
	 * @return {@code {"type":"file_url","file_url":{"url":"…"}}}
	 */
	public static ContentPart fileUrl(String url) {
		return new ContentPart("file_url", null, null, null, new Url(url));
	}

	/**
	 * Return a file part of the unified {@code file} type (up to 50 MB; cannot be
	 * combined with images or videos in one request).
	 * @param file the file: an uploaded file's id, a URL or Base64 data, see
	 * {@link FileInput#id(String)}, {@link FileInput#url(String)} and
	 * {@link FileInput#data(String)}
	 * @return {@code {"type":"file","file":{…}}}
	 */
	public static ContentPart file(FileInput file) {
		Assert.notNull(file, "file must not be null; use FileInput.id(..), FileInput.url(..) or FileInput.data(..)");
		return new ContentPart("file", null, null, null, null, file, null, null);
	}

	/**
	 * Return an audio part (BigModel's voice models, such as {@code glm-4-voice}).
	 * @param base64Data the audio, Base64-encoded
	 * @param format the audio format, {@code wav} or {@code mp3}
	 * @return {@code {"type":"input_audio","input_audio":{"data":"…","format":"…"}}}
	 */
	public static ContentPart inputAudio(String base64Data, String format) {
		return new ContentPart("input_audio", null, null, null, null, null, new InputAudio(base64Data, format), null);
	}

	/**
	 * Return a copy of this part with a field the typed API does not cover yet, written
	 * into the part's object. A {@code null} value removes the field.
	 * @param name the JSON field name; must not be one of the typed fields
	 * @param value the value, anything the JSON codec can write
	 * @return a new part
	 * @throws IllegalArgumentException if the name is empty or a typed field
	 */
	public ContentPart withExtra(String name, @Nullable Object value) {
		return new ContentPart(this.type, this.text, this.imageUrl, this.videoUrl, this.fileUrl, this.file,
				this.inputAudio, ModelSupport.withExtra("ContentPart", TYPED_FIELDS, this.extra, name, value));
	}

	/**
	 * The location of an image, video or legacy file.
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

	/**
	 * The file of a {@code file} part: exactly one of an uploaded file's id, a URL or
	 * Base64 data, and optionally a file name. Create one with {@link #id(String)},
	 * {@link #url(String)} or {@link #data(String)}.
	 *
	 * @param fileId the id the file upload API returned (GLM-5.3-Flash series)
	 * @param fileUrl the file's URL
	 * @param fileData the file as a data URL, {@code data:<MIME>;base64,<BASE64_DATA>}
	 * @param filename the file name, or {@code null}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record FileInput(@JsonProperty("file_id") @Nullable String fileId,
			@JsonProperty("file_url") @Nullable String fileUrl, @JsonProperty("file_data") @Nullable String fileData,
			@Nullable String filename) {

		/**
		 * Create a new instance, checking that exactly one source is set and that data is
		 * a Base64 data URL.
		 * @param fileId the uploaded file's id
		 * @param fileUrl the file's URL
		 * @param fileData the file as a data URL
		 * @param filename the file name
		 */
		public FileInput {
			int sources = ((fileId != null) ? 1 : 0) + ((fileUrl != null) ? 1 : 0) + ((fileData != null) ? 1 : 0);
			Assert.isTrue(sources == 1, () -> "a file part takes exactly one of fileId, fileUrl and fileData, but "
					+ sources + " were set; use FileInput.id(..), FileInput.url(..) or FileInput.data(..)");
			Assert.isTrue(fileId == null || !fileId.isBlank(), "fileId must not be empty");
			Assert.isTrue(fileUrl == null || !fileUrl.isBlank(), "fileUrl must not be empty");
			Assert.isTrue(fileData == null || (fileData.startsWith("data:") && fileData.contains(";base64,")),
					"fileData must be a Base64 data URL such as data:application/pdf;base64,JVBERi0x…");
			Assert.isTrue(filename == null || !filename.isBlank(), "filename must not be empty when set");
		}

		/**
		 * Return a file given by the id the file upload API returned.
		 * @param fileId the file id
		 * @return the file
		 */
		public static FileInput id(String fileId) {
			Assert.hasText(fileId, "fileId must not be empty; use the id the file upload API returned");
			return new FileInput(fileId, null, null, null);
		}

		/**
		 * Return a file given by its URL.
		 * @param fileUrl the URL
		 * @return the file
		 */
		public static FileInput url(String fileUrl) {
			Assert.hasText(fileUrl, "fileUrl must not be empty; pass the file's URL");
			return new FileInput(null, fileUrl, null, null);
		}

		/**
		 * Return a file given inline as a Base64 data URL.
		 * @param dataUrl {@code data:<MIME>;base64,<BASE64_DATA>}
		 * @return the file
		 */
		public static FileInput data(String dataUrl) {
			Assert.notNull(dataUrl, "fileData must not be null; pass data:<MIME>;base64,<BASE64_DATA>");
			return new FileInput(null, null, dataUrl, null);
		}

		/**
		 * Return a copy of this file with a file name.
		 * @param filename the file name, for example {@code report.pdf}
		 * @return a new file
		 */
		public FileInput withFilename(String filename) {
			Assert.hasText(filename, "filename must not be empty");
			return new FileInput(this.fileId, this.fileUrl, this.fileData, filename);
		}

		@Override
		public String toString() {
			// The data can be megabytes: name its size, not its content
			return "FileInput["
					+ ((this.fileId != null) ? "fileId=" + this.fileId
							: (this.fileUrl != null) ? "fileUrl=" + this.fileUrl
									: "fileData=" + this.fileData.length() + " chars")
					+ ((this.filename != null) ? ", filename=" + this.filename : "") + "]";
		}

	}

	/**
	 * The audio of an {@code input_audio} part.
	 *
	 * @param data the audio, Base64-encoded
	 * @param format the audio format, {@code wav} or {@code mp3}
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record InputAudio(String data, String format) {

		/**
		 * Create a new instance, checking that data and format are set.
		 * @param data the audio, Base64-encoded
		 * @param format the audio format
		 */
		public InputAudio {
			Assert.hasText(data, "data must not be empty; pass the audio Base64-encoded");
			Assert.hasText(format, "format must not be empty; use wav or mp3");
		}

		@Override
		public String toString() {
			return "InputAudio[format=" + this.format + ", data=" + this.data.length() + " chars]";
		}

	}

}
