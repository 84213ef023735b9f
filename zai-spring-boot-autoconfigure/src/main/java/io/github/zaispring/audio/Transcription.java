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
 * The answer of a transcription that is not streamed.
 *
 * @param id the id of the answer, or {@code null}
 * @param created when the answer was created, in seconds since the epoch, or {@code null}
 * @param requestId the request id, or {@code null}
 * @param model the model that transcribed, or {@code null}
 * @param text the transcript; never {@code null}, empty when the server sent none
 * @param segments the timed parts of the transcript when the server sends them
 * (undocumented); never {@code null}
 * @author zai-spring-boot contributors
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Transcription(@JsonProperty("id") @Nullable String id, @JsonProperty("created") @Nullable Long created,
		@JsonProperty("request_id") @Nullable String requestId, @JsonProperty("model") @Nullable String model,
		@JsonProperty("text") String text, @JsonProperty("segments") List<Segment> segments) {

	/**
	 * Create a transcription; a missing text becomes empty and missing segments an empty
	 * list.
	 */
	public Transcription {
		text = (text != null) ? text : "";
		segments = (segments != null) ? segments.stream().filter(Objects::nonNull).toList() : List.of();
	}

	/**
	 * A timed part of a transcript.
	 *
	 * @param id the index of the segment, or {@code null}
	 * @param start where it starts in the audio, in seconds, or {@code null}
	 * @param end where it ends in the audio, in seconds, or {@code null}
	 * @param text the text of the segment; never {@code null}
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Segment(@JsonProperty("id") @Nullable Integer id, @JsonProperty("start") @Nullable Double start,
			@JsonProperty("end") @Nullable Double end, @JsonProperty("text") String text) {

		/**
		 * Create a segment; a missing text becomes empty.
		 */
		public Segment {
			text = (text != null) ? text : "";
		}

	}

}
