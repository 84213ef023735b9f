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

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One event of a streamed transcription: a piece of the transcript ({@value #DELTA}),
 * then the end of it ({@value #DONE}).
 *
 * @param id the id of the answer, or {@code null}
 * @param created when the answer was created, in seconds since the epoch, or {@code null}
 * @param model the model that transcribes, or {@code null}
 * @param type the kind of event, such as {@value #DELTA}; never {@code null}, empty when
 * the server sent none
 * @param delta the text of the event; never {@code null}, empty when the server sent none
 * @author zai-spring-boot contributors
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TranscriptionEvent(@JsonProperty("id") @Nullable String id,
		@JsonProperty("created") @Nullable Long created, @JsonProperty("model") @Nullable String model,
		@JsonProperty("type") String type, @JsonProperty("delta") String delta) {

	/** The type of an event that carries the next piece of the transcript. */
	public static final String DELTA = "transcript.text.delta";

	/** The type of the event that ends the transcript. */
	public static final String DONE = "transcript.text.done";

	/**
	 * Create an event; a missing type or delta becomes empty.
	 */
	public TranscriptionEvent {
		type = (type != null) ? type : "";
		delta = (delta != null) ? delta : "";
	}

	/**
	 * Return whether the event carries the next piece of the transcript.
	 * @return whether the type is {@value #DELTA}
	 */
	public boolean isDelta() {
		return DELTA.equals(this.type);
	}

	/**
	 * Return whether the event ends the transcript.
	 * @return whether the type is {@value #DONE}
	 */
	public boolean isDone() {
		return DONE.equals(this.type);
	}

}
