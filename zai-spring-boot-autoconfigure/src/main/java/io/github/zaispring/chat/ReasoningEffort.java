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

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.springframework.util.Assert;

/**
 * How much the model reasons before answering: the request's {@code reasoning_effort}.
 * <p>
 * Documented for GLM-5.2 and later, where {@link #MAX} is the default; it does not apply
 * to the GLM-4.x models (the server accepts the field there and ignores it, as recorded
 * traffic shows). Thinking itself is switched with {@link Thinking}.
 *
 * @author zai-spring-boot
 */
public enum ReasoningEffort {

	/**
	 * The most reasoning (the server's default on GLM-5.2 and later).
	 */
	MAX,

	/**
	 * Extra high effort.
	 */
	XHIGH,

	/**
	 * High effort.
	 */
	HIGH,

	/**
	 * Medium effort.
	 */
	MEDIUM,

	/**
	 * Low effort.
	 */
	LOW,

	/**
	 * Minimal effort.
	 */
	MINIMAL,

	/**
	 * No reasoning.
	 */
	NONE;

	/**
	 * Return the wire value of this effort.
	 * @return for example {@code "high"}
	 */
	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Return the effort for a wire value, ignoring case and surrounding blanks.
	 * @param value one of {@code max}, {@code xhigh}, {@code high}, {@code medium},
	 * {@code low}, {@code minimal} and {@code none}
	 * @return the matching effort
	 * @throws IllegalArgumentException if the value is none of these
	 */
	@JsonCreator
	public static ReasoningEffort from(String value) {
		Assert.notNull(value, () -> "reasoningEffort must not be null; use one of " + validValues());
		for (ReasoningEffort effort : values()) {
			if (effort.name().equalsIgnoreCase(value.trim())) {
				return effort;
			}
		}
		throw new IllegalArgumentException(
				"reasoningEffort '" + value + "' is not a reasoning effort; use one of " + validValues());
	}

	private static String validValues() {
		return Arrays.stream(values()).map(ReasoningEffort::value).collect(Collectors.joining(", "));
	}

}
