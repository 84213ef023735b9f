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
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * A function the model may call: its name, what it does and its parameters as a JSON
 * schema.
 *
 * @param name the function name, 1 to 64 characters of {@code a-z A-Z 0-9 _ -}
 * @param description what the function does, so the model knows when to call it
 * @param parameters the JSON schema object of the arguments (for example
 * {@code {"type":"object","properties":{…},"required":[…]}}); {@code null} when the
 * function takes no parameters
 * @author zai-spring-boot
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record FunctionDefinition(String name, @Nullable String description, @Nullable Map<String, Object> parameters) {

	private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");

	/**
	 * Create a new instance, checking the name and copying the parameters.
	 * @param name the function name
	 * @param description what the function does
	 * @param parameters the JSON schema of the arguments
	 */
	public FunctionDefinition {
		Assert.isTrue(name != null && NAME.matcher(name).matches(), () -> "name '" + name
				+ "' is not a valid function name; use 1 to 64 characters matching ^[a-zA-Z0-9_-]+$");
		parameters = (parameters != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(parameters)) : null;
	}

}
