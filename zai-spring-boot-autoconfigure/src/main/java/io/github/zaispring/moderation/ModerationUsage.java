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

package io.github.zaispring.moderation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * What a moderation was billed: the server counts calls, not tokens.
 *
 * @param moderationText the text moderation calls, or {@code null} when not reported
 * @author zai-spring-boot contributors
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModerationUsage(@JsonProperty("moderation_text") @Nullable Calls moderationText) {

	/**
	 * A number of billed calls.
	 *
	 * @param callCount the number of calls
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Calls(@JsonProperty("call_count") long callCount) {

		/**
		 * Create the count from its wire form, a number in the API's documentation and a
		 * string in the official Java SDK.
		 * @param callCount the number of calls, as a number or a string of digits
		 * @return the count; {@code 0} when missing or not a number
		 */
		@JsonCreator
		public static Calls of(@JsonProperty("call_count") @Nullable Object callCount) {
			if (callCount instanceof Number number) {
				return new Calls(number.longValue());
			}
			if (callCount instanceof String text && text.strip().matches("\\d{1,18}")) {
				return new Calls(Long.parseLong(text.strip()));
			}
			return new Calls(0);
		}

	}

}
