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

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * The {@code thinking} option of a request: whether the model reasons before answering
 * and whether the server clears the reasoning of earlier turns.
 *
 * @param type whether thinking is enabled
 * @param clearThinking {@code false} to keep the {@code reasoning_content} sent back in
 * earlier assistant messages (preserved thinking, GLM-4.7 and later); {@code null} for
 * the server's default
 * @author zai-spring-boot
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Thinking(ThinkingType type, @JsonProperty("clear_thinking") @Nullable Boolean clearThinking) {

	/**
	 * Create a new instance, checking that the type is set.
	 * @param type whether thinking is enabled
	 * @param clearThinking whether to clear earlier reasoning, {@code null} for the
	 * default
	 */
	public Thinking {
		Assert.notNull(type, "type must not be null; use ThinkingType.ENABLED or ThinkingType.DISABLED");
	}

	/**
	 * Return a thinking option that enables thinking.
	 * @return {@code {"type":"enabled"}}
	 */
	public static Thinking enabled() {
		return new Thinking(ThinkingType.ENABLED, null);
	}

	/**
	 * Return a thinking option that disables thinking.
	 * @return {@code {"type":"disabled"}}
	 */
	public static Thinking disabled() {
		return new Thinking(ThinkingType.DISABLED, null);
	}

	/**
	 * Return a copy of this option with {@code clear_thinking} set.
	 * @param clearThinking {@code false} to preserve earlier turns' reasoning
	 * @return a new option
	 */
	public Thinking withClearThinking(boolean clearThinking) {
		return new Thinking(this.type, clearThinking);
	}

}
