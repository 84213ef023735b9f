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

import java.util.Collection;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.zaispring.internal.JsonWriter;
import org.jspecify.annotations.Nullable;

/**
 * The function a model wants to call: its name and its arguments as a JSON string.
 * <p>
 * The wire carries {@code arguments} as a JSON-encoded string, while the API docs declare
 * an object; both are accepted, and an object is re-encoded to its compact JSON string,
 * so {@link #arguments()} is always the raw JSON text. It is always written as a string.
 *
 * @param name the function name; {@code null} in later fragments of a streamed call
 * @param arguments the arguments as JSON text; {@code ""} when absent (a stream fragment
 * may carry only part of the text)
 * @author zai-spring-boot
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record FunctionCall(@Nullable String name, String arguments) {

	/**
	 * Create a new instance; a {@code null} arguments value becomes {@code ""}.
	 * @param name the function name
	 * @param arguments the arguments as JSON text
	 */
	public FunctionCall(@Nullable String name, @Nullable String arguments) {
		this.name = name;
		this.arguments = (arguments != null) ? arguments : "";
	}

	/**
	 * Create a function call from its wire form, where {@code arguments} may be a JSON
	 * string or a JSON object (or any other JSON value).
	 * @param name the function name
	 * @param arguments a {@link String} kept as is, or a map, list, number or boolean
	 * that is re-encoded to compact JSON
	 * @return the function call
	 */
	@JsonCreator
	public static FunctionCall of(@JsonProperty("name") @Nullable String name,
			@JsonProperty("arguments") @Nullable Object arguments) {
		if (arguments == null || arguments instanceof String) {
			return new FunctionCall(name, (String) arguments);
		}
		if (arguments instanceof Map || arguments instanceof Collection || arguments instanceof Number
				|| arguments instanceof Boolean) {
			return new FunctionCall(name, JsonWriter.write(arguments));
		}
		return new FunctionCall(name, arguments.toString());
	}

}
