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
 * The author of a {@link ChatMessage}, written to the wire in lower case ({@code system},
 * {@code user}, {@code assistant}, {@code tool}).
 *
 * @author zai-spring-boot
 */
public enum Role {

	/**
	 * Instructions that set up the assistant's behaviour.
	 */
	SYSTEM,

	/**
	 * Input from the end user.
	 */
	USER,

	/**
	 * A previous answer of the model, sent back as conversation history.
	 */
	ASSISTANT,

	/**
	 * The result of a tool call, answering an assistant's tool call by its id.
	 */
	TOOL;

	/**
	 * Return the wire value of this role.
	 * @return the lower-case role name
	 */
	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Return the role for the given wire value, ignoring case.
	 * @param value the wire value, for example {@code "user"}
	 * @return the matching role
	 * @throws IllegalArgumentException if the value names no role
	 */
	@JsonCreator
	public static Role from(String value) {
		Assert.notNull(value, "value must not be null; use one of system, user, assistant, tool");
		for (Role role : values()) {
			if (role.name().equalsIgnoreCase(value.trim())) {
				return role;
			}
		}
		throw new IllegalArgumentException(
				"value '" + value + "' is not a chat role; use one of system, user, assistant, tool");
	}

}
