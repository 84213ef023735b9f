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

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * The {@code tool_choice} option of a request, in either of its two wire forms: a mode
 * string such as {@code "auto"}, or an object such as
 * {@code {"type":"function","function":{"name":"get_weather"}}} that forces one function.
 * <p>
 * The API reference documents only {@code "auto"} (the default); the function-calling
 * guide also names {@code "none"} and a function to call. Both forms are sent as given,
 * and the server decides.
 *
 * @author zai-spring-boot
 */
public final class ToolChoice {

	private static final ToolChoice AUTO = new ToolChoice("auto", null);

	private static final ToolChoice NONE = new ToolChoice("none", null);

	private final @Nullable String mode;

	private final @Nullable Map<String, Object> object;

	private ToolChoice(@Nullable String mode, @Nullable Map<String, Object> object) {
		this.mode = mode;
		this.object = object;
	}

	/**
	 * Return the {@code "auto"} choice: the model decides whether to call a tool.
	 * @return {@code "auto"}
	 */
	public static ToolChoice auto() {
		return AUTO;
	}

	/**
	 * Return the {@code "none"} choice: the model answers without calling a tool.
	 * @return {@code "none"}
	 */
	public static ToolChoice none() {
		return NONE;
	}

	/**
	 * Return a choice in its string form.
	 * @param mode the mode, for example {@code auto}
	 * @return the choice, written as the string
	 */
	public static ToolChoice mode(String mode) {
		Assert.hasText(mode, "toolChoice must not be empty; use \"auto\" or ToolChoice.function(name)");
		return switch (mode) {
			case "auto" -> AUTO;
			case "none" -> NONE;
			default -> new ToolChoice(mode, null);
		};
	}

	/**
	 * Return the choice that forces a call of the given function.
	 * @param name the function name, as in {@link FunctionDefinition#name()}
	 * @return {@code {"type":"function","function":{"name":"…"}}}
	 */
	public static ToolChoice function(String name) {
		Assert.hasText(name, "function name of toolChoice must not be empty; use the name of one of the tools");
		Map<String, Object> object = new LinkedHashMap<>();
		object.put("type", "function");
		object.put("function", Map.of("name", name));
		return new ToolChoice(null, Collections.unmodifiableMap(object));
	}

	/**
	 * Return a choice in an object form this class has no factory for, written as given.
	 * @param object the JSON object, for example
	 * {@code Map.of("type", "function", "function", Map.of("name", "f"))}
	 * @return the choice
	 */
	public static ToolChoice object(Map<String, ?> object) {
		Assert.notEmpty(object, "toolChoice object must not be empty");
		Assert.isTrue(object.get("type") instanceof String,
				"toolChoice object must have a \"type\" string, for example \"function\"");
		return new ToolChoice(null, Collections.unmodifiableMap(new LinkedHashMap<>(object)));
	}

	/**
	 * Return the string form.
	 * @return the mode, such as {@code "auto"}, or {@code null} for the object form
	 */
	public @Nullable String mode() {
		return this.mode;
	}

	/**
	 * Return the object form.
	 * @return the object, or {@code null} for the string form; unmodifiable
	 */
	public @Nullable Map<String, Object> object() {
		return this.object;
	}

	/**
	 * Return the value written to the wire: the mode string or the object.
	 * @return the JSON value
	 */
	@JsonValue
	public Object jsonValue() {
		return (this.mode != null) ? this.mode : this.object;
	}

	@Override
	public boolean equals(@Nullable Object obj) {
		return (this == obj) || (obj instanceof ToolChoice other && jsonValue().equals(other.jsonValue()));
	}

	@Override
	public int hashCode() {
		return jsonValue().hashCode();
	}

	/**
	 * Return the mode, or the object form as a map.
	 * @return the description
	 */
	@Override
	public String toString() {
		return String.valueOf(jsonValue());
	}

}
