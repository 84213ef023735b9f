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

package io.github.zaispring.embedding;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Token usage of an embedding call. Embeddings produce no output tokens, so the server
 * reports the input tokens and their total only; when the texts were sent in several
 * batches, the counts are summed over them.
 * <p>
 * A type of this package rather than the chat one, since endpoint packages depend on none
 * of each other (design.md) and the chat usage carries output and reasoning counts that
 * have no meaning here.
 *
 * @param promptTokens the input tokens
 * @param totalTokens the total tokens
 * @author zai-spring-boot contributors
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Usage(@JsonProperty("prompt_tokens") int promptTokens, @JsonProperty("total_tokens") int totalTokens) {

	/** No tokens. */
	public static final Usage NONE = new Usage(0, 0);

	/**
	 * Create usage from its wire form, where a missing count means {@code 0}.
	 * @param promptTokens the input tokens
	 * @param totalTokens the total tokens
	 * @return the usage
	 */
	@JsonCreator
	public static Usage of(@JsonProperty("prompt_tokens") @Nullable Integer promptTokens,
			@JsonProperty("total_tokens") @Nullable Integer totalTokens) {
		return new Usage((promptTokens != null) ? promptTokens : 0, (totalTokens != null) ? totalTokens : 0);
	}

	/**
	 * Return the sum of this usage and another.
	 * @param other the other usage
	 * @return the summed usage
	 */
	public Usage plus(Usage other) {
		return new Usage(this.promptTokens + other.promptTokens, this.totalTokens + other.totalTokens);
	}

}
