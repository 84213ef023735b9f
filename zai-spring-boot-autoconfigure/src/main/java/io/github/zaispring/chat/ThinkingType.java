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

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.springframework.util.Assert;

/**
 * Whether the model thinks (reasons) before answering; the {@code type} of
 * {@link Thinking}.
 *
 * @author zai-spring-boot
 */
public enum ThinkingType {

	/**
	 * Thinking is enabled (the server's default for GLM-4.5 and later).
	 */
	ENABLED,

	/**
	 * Thinking is disabled.
	 */
	DISABLED;

	/**
	 * Return the wire value of this type.
	 * @return {@code "enabled"} or {@code "disabled"}
	 */
	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Return the thinking type for a wire value, ignoring case.
	 * @param value {@code "enabled"} or {@code "disabled"}
	 * @return the matching type
	 * @throws IllegalArgumentException if the value is neither
	 */
	@JsonCreator
	public static ThinkingType from(String value) {
		Assert.notNull(value, "value must not be null; use enabled or disabled");
		for (ThinkingType type : values()) {
			if (type.name().equalsIgnoreCase(value.trim())) {
				return type;
			}
		}
		throw new IllegalArgumentException("value '" + value + "' is not a thinking type; use enabled or disabled");
	}

}
