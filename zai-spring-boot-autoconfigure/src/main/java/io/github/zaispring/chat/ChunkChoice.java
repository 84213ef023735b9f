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

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One choice of a {@link ChatCompletionChunk}: the increment it adds, and on the last
 * chunk the finish reason.
 *
 * @param index the position of the choice this increment belongs to
 * @param delta the increment, never {@code null}
 * @param finishReason why the model stopped; {@code null} before the last chunk
 * @author zai-spring-boot
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChunkChoice(int index, Delta delta, @JsonProperty("finish_reason") @Nullable FinishReason finishReason) {

	/**
	 * Create a new instance; a {@code null} delta becomes an empty one.
	 * @param index the position of the choice
	 * @param delta the increment
	 * @param finishReason why the model stopped
	 */
	public ChunkChoice(int index, @Nullable Delta delta, @Nullable FinishReason finishReason) {
		this.index = index;
		this.delta = (delta != null) ? delta : Delta.EMPTY;
		this.finishReason = finishReason;
	}

	/**
	 * Create a chunk choice from its wire form, where a missing index means {@code 0}.
	 * @param index the position of the choice
	 * @param delta the increment
	 * @param finishReason why the model stopped
	 * @return the chunk choice
	 */
	@JsonCreator
	public static ChunkChoice of(@JsonProperty("index") @Nullable Integer index,
			@JsonProperty("delta") @Nullable Delta delta,
			@JsonProperty("finish_reason") @Nullable FinishReason finishReason) {
		return new ChunkChoice((index != null) ? index : 0, delta, finishReason);
	}

}
