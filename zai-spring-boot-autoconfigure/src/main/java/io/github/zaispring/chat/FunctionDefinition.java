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
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * A function the model may call: its name, what it does and its parameters as a JSON
 * schema. Written as {@code {"name":…,"description":…,"parameters":{…},"strict":…}};
 * unset fields are not sent.
 *
 * @param name the function name, 1 to 64 characters of {@code a-z A-Z 0-9 _ -}
 * @param description what the function does, so the model knows when to call it
 * @param parameters the JSON schema object of the arguments (for example
 * {@code {"type":"object","properties":{…},"required":[…]}}); {@code null} when the
 * function takes no parameters
 * @param strict whether the model must follow the schema exactly (OpenAI's
 * {@code strict}, accepted by the server); {@code null} (not sent) for the server's
 * default
 * @param extra fields written into the function's object besides the typed ones, never
 * {@code null}
 * @author zai-spring-boot
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({ "name", "description", "parameters", "strict" })
public record FunctionDefinition(String name, @Nullable String description, @Nullable Map<String, Object> parameters,
		@Nullable Boolean strict, @JsonAnyGetter Map<String, Object> extra) {

	private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");

	private static final Set<String> TYPED_FIELDS = Set.of("name", "description", "parameters", "strict");

	/**
	 * Create a new instance, checking the name and copying the parameters and extra
	 * fields.
	 * @param name the function name
	 * @param description what the function does
	 * @param parameters the JSON schema of the arguments
	 * @param strict whether the model must follow the schema exactly
	 * @param extra fields besides the typed ones, {@code null} for none
	 */
	public FunctionDefinition(String name, @Nullable String description, @Nullable Map<String, Object> parameters,
			@Nullable Boolean strict, @Nullable Map<String, Object> extra) {
		Assert.isTrue(name != null && NAME.matcher(name).matches(), () -> "name '" + name
				+ "' is not a valid function name; use 1 to 64 characters matching ^[a-zA-Z0-9_-]+$");
		this.name = name;
		this.description = description;
		this.parameters = (parameters != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(parameters)) : null;
		this.strict = strict;
		this.extra = ModelSupport.extra("FunctionDefinition", TYPED_FIELDS, extra);
	}

	/**
	 * Create a new instance without {@code strict} and extra fields.
	 * @param name the function name
	 * @param description what the function does
	 * @param parameters the JSON schema of the arguments
	 */
	public FunctionDefinition(String name, @Nullable String description, @Nullable Map<String, Object> parameters) {
		this(name, description, parameters, null, null);
	}

	/**
	 * Return a copy of this function with {@code strict} set.
	 * @param strict whether the model must follow the schema exactly
	 * @return a new function definition
	 */
	public FunctionDefinition withStrict(boolean strict) {
		return new FunctionDefinition(this.name, this.description, this.parameters, strict, this.extra);
	}

	/**
	 * Return a copy of this function with a field the typed API does not cover yet,
	 * written into the function's object. A {@code null} value removes the field.
	 * @param name the JSON field name; must not be one of the typed fields
	 * @param value the value, anything the JSON codec can write
	 * @return a new function definition
	 * @throws IllegalArgumentException if the name is empty or a typed field
	 */
	public FunctionDefinition withExtra(String name, @Nullable Object value) {
		return new FunctionDefinition(this.name, this.description, this.parameters, this.strict,
				ModelSupport.withExtra("FunctionDefinition", TYPED_FIELDS, this.extra, name, value));
	}

}
