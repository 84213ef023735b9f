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
 * Token usage of a completion; in a stream, only the last chunk carries it.
 *
 * @param promptTokens the input tokens
 * @param completionTokens the output tokens (reasoning included)
 * @param totalTokens the total tokens
 * @param promptTokensDetails the input details, {@code null} when not reported
 * @param completionTokensDetails the output details, {@code null} when not reported
 * @author zai-spring-boot
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Usage(@JsonProperty("prompt_tokens") int promptTokens,
		@JsonProperty("completion_tokens") int completionTokens, @JsonProperty("total_tokens") int totalTokens,
		@JsonProperty("prompt_tokens_details") @Nullable PromptTokensDetails promptTokensDetails,
		@JsonProperty("completion_tokens_details") @Nullable CompletionTokensDetails completionTokensDetails) {

	/**
	 * Create usage from its wire form, where a missing count means {@code 0}.
	 * @param promptTokens the input tokens
	 * @param completionTokens the output tokens
	 * @param totalTokens the total tokens
	 * @param promptTokensDetails the input details
	 * @param completionTokensDetails the output details
	 * @return the usage
	 */
	@JsonCreator
	public static Usage of(@JsonProperty("prompt_tokens") @Nullable Integer promptTokens,
			@JsonProperty("completion_tokens") @Nullable Integer completionTokens,
			@JsonProperty("total_tokens") @Nullable Integer totalTokens,
			@JsonProperty("prompt_tokens_details") @Nullable PromptTokensDetails promptTokensDetails,
			@JsonProperty("completion_tokens_details") @Nullable CompletionTokensDetails completionTokensDetails) {
		return new Usage(orZero(promptTokens), orZero(completionTokens), orZero(totalTokens), promptTokensDetails,
				completionTokensDetails);
	}

	private static int orZero(@Nullable Integer value) {
		return (value != null) ? value : 0;
	}

	/**
	 * Return the number of input tokens served from the context cache.
	 * @return the cached tokens, or {@code null} when the server did not report them
	 */
	public @Nullable Integer cachedTokens() {
		return (this.promptTokensDetails != null) ? this.promptTokensDetails.cachedTokens() : null;
	}

	/**
	 * Return the number of output tokens spent on reasoning.
	 * @return the reasoning tokens, or {@code null} when the server did not report them
	 * (for example glm-4.5 in 2025)
	 */
	public @Nullable Integer reasoningTokens() {
		return (this.completionTokensDetails != null) ? this.completionTokensDetails.reasoningTokens() : null;
	}

	/**
	 * Details of the input tokens.
	 *
	 * @param cachedTokens the tokens served from the context cache
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record PromptTokensDetails(@JsonProperty("cached_tokens") @Nullable Integer cachedTokens) {

	}

	/**
	 * Details of the output tokens.
	 *
	 * @param reasoningTokens the tokens spent on reasoning
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record CompletionTokensDetails(@JsonProperty("reasoning_tokens") @Nullable Integer reasoningTokens) {

	}

}
