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

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One chunk of streamed speech: a piece of the audio, encoded as text in the request's
 * {@link SpeechEncoding encoding}.
 *
 * @param choices the choices; never {@code null}
 * @param requestId the request id, or {@code null}
 * @param created when the chunk was created, in seconds since the epoch, or {@code null}
 * @author zai-spring-boot contributors
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SpeechChunk(@JsonProperty("choices") List<Choice> choices,
		@JsonProperty("request_id") @Nullable String requestId, @JsonProperty("created") @Nullable Long created) {

	/**
	 * Create a chunk; missing choices become an empty list.
	 */
	public SpeechChunk {
		choices = (choices != null) ? choices.stream().filter(Objects::nonNull).toList() : List.of();
	}

	/**
	 * Return the encoded audio of the first choice.
	 * @return the encoded audio; empty when the chunk carries none
	 */
	public String content() {
		if (this.choices.isEmpty() || this.choices.get(0).delta() == null) {
			return "";
		}
		String content = this.choices.get(0).delta().content();
		return (content != null) ? content : "";
	}

	/**
	 * Return the decoded audio of the first choice.
	 * @param encoding the encoding the request asked for ({@link SpeechEncoding#BASE64}
	 * unless set)
	 * @return the bytes of the audio; empty when the chunk carries none
	 * @throws IllegalArgumentException when the audio is not valid in the encoding
	 */
	public byte[] audio(SpeechEncoding encoding) {
		String content = content();
		return content.isEmpty() ? new byte[0] : encoding.decode(content);
	}

	/**
	 * Return the finish reason of the first choice.
	 * @return the finish reason, such as {@code stop}, or {@code null} before the last
	 * chunk
	 */
	public @Nullable String finishReason() {
		return this.choices.isEmpty() ? null : this.choices.get(0).finishReason();
	}

	/**
	 * A choice of a chunk.
	 *
	 * @param index the index of the choice
	 * @param delta the new audio, or {@code null}
	 * @param finishReason why the speech ended, or {@code null} before the last chunk
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Choice(@JsonProperty("index") int index, @JsonProperty("delta") @Nullable Delta delta,
			@JsonProperty("finish_reason") @Nullable String finishReason) {

	}

	/**
	 * The new audio of a choice.
	 *
	 * @param role the role, such as {@code assistant}, or {@code null}
	 * @param content the encoded audio, or {@code null}
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Delta(@JsonProperty("role") @Nullable String role,
			@JsonProperty("content") @Nullable String content) {

	}

}
