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
 * One alternative answer of a {@link ChatCompletion}.
 *
 * @param index the position of this choice
 * @param message the answer, never {@code null}
 * @param finishReason why the model stopped; {@code null} if the server did not say
 * @author zai-spring-boot
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Choice(int index, ChatCompletionMessage message,
		@JsonProperty("finish_reason") @Nullable FinishReason finishReason) {

	/**
	 * Create a new instance; a {@code null} message becomes an empty one.
	 * @param index the position of this choice
	 * @param message the answer
	 * @param finishReason why the model stopped
	 */
	public Choice(int index, @Nullable ChatCompletionMessage message, @Nullable FinishReason finishReason) {
		this.index = index;
		this.message = (message != null) ? message : ChatCompletionMessage.EMPTY;
		this.finishReason = finishReason;
	}

	/**
	 * Create a choice from its wire form, where a missing index means {@code 0}.
	 * @param index the position of this choice
	 * @param message the answer
	 * @param finishReason why the model stopped
	 * @return the choice
	 */
	@JsonCreator
	public static Choice of(@JsonProperty("index") @Nullable Integer index,
			@JsonProperty("message") @Nullable ChatCompletionMessage message,
			@JsonProperty("finish_reason") @Nullable FinishReason finishReason) {
		return new Choice((index != null) ? index : 0, message, finishReason);
	}

}
