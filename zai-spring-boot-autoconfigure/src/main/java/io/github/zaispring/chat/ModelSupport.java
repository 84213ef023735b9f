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

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.github.zaispring.internal.Checks;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Helpers shared by the model: null-tolerant list copies and lenient content decoding,
 * because the response model must never fail on what the server sends; the checks of the
 * timeouts that requests and the template's builder both take; and the extra fields of
 * the request's typed objects.
 *
 * @author zai-spring-boot
 */
final class ModelSupport {

	private ModelSupport() {
	}

	/**
	 * Check that a timeout is positive, naming it when it is not.
	 * @param name the name of the argument
	 * @param value the timeout
	 * @return the timeout
	 */
	static Duration positive(String name, @Nullable Duration value) {
		return Checks.positive(name, value);
	}

	/**
	 * Check that a timeout is positive or absent.
	 * @param name the name of the argument
	 * @param value the timeout, or {@code null}
	 * @return the timeout
	 */
	static @Nullable Duration positiveOrNull(String name, @Nullable Duration value) {
		return (value != null) ? positive(name, value) : null;
	}

	/**
	 * Return a copy of the extra fields of a typed request object with one field added,
	 * replaced or (for a {@code null} value) removed.
	 * @param owner the simple name of the object, used in the message
	 * @param typedNames the JSON names the object writes itself; an extra field must not
	 * use them
	 * @param extra the current extra fields
	 * @param key the JSON name of the field
	 * @param value the value, anything the JSON codec can write, or {@code null} to
	 * remove the field
	 * @return the new extra fields, unmodifiable
	 * @throws IllegalArgumentException if the key is empty or a typed field
	 */
	static Map<String, Object> withExtra(String owner, Set<String> typedNames, Map<String, Object> extra, String key,
			@Nullable Object value) {
		checkExtraName(owner, typedNames, key);
		Map<String, Object> copy = new LinkedHashMap<>(extra);
		if (value != null) {
			copy.put(key, value);
		}
		else {
			copy.remove(key);
		}
		return Collections.unmodifiableMap(copy);
	}

	/**
	 * Return an unmodifiable copy of the extra fields given to the constructor of a typed
	 * request object, without {@code null} values.
	 * @param owner the simple name of the object, used in the message
	 * @param typedNames the JSON names the object writes itself
	 * @param extra the fields, or {@code null} for none
	 * @return the copy, empty for none
	 * @throws IllegalArgumentException if a name is empty or a typed field
	 */
	static Map<String, Object> extra(String owner, Set<String> typedNames, @Nullable Map<String, ?> extra) {
		if (extra == null || extra.isEmpty()) {
			return Map.of();
		}
		Map<String, Object> copy = new LinkedHashMap<>(extra.size());
		extra.forEach((key, value) -> {
			checkExtraName(owner, typedNames, key);
			if (value != null) {
				copy.put(key, value);
			}
		});
		return Collections.unmodifiableMap(copy);
	}

	private static void checkExtraName(String owner, Set<String> typedNames, @Nullable String key) {
		Assert.hasText(key, () -> owner + " extra field name must not be empty");
		Assert.isTrue(!typedNames.contains(key), () -> "extra field '" + key + "' is a typed field of " + owner
				+ "; set it with " + owner + "'s own factories instead");
	}

	static <T> List<T> copy(@Nullable List<T> list) {
		if (list == null || list.isEmpty()) {
			return List.of();
		}
		List<T> copy = new ArrayList<>(list.size());
		for (T element : list) {
			if (element != null) {
				copy.add(element);
			}
		}
		return Collections.unmodifiableList(copy);
	}

	/**
	 * Decode a content value that is usually a string but may be an array of parts (the
	 * GLM-4V series on BigModel): the text of the parts is concatenated.
	 */
	static @Nullable String text(@Nullable Object content) {
		if (content == null || content instanceof String) {
			return (String) content;
		}
		if (content instanceof Collection<?> parts) {
			StringBuilder text = new StringBuilder();
			for (Object part : parts) {
				if (part instanceof Map<?, ?> map && map.get("text") instanceof String partText) {
					text.append(partText);
				}
				else if (part instanceof String partText) {
					text.append(partText);
				}
			}
			return text.toString();
		}
		return Objects.toString(content);
	}

	/**
	 * Copy a map, keeping its order, unmodifiable.
	 */
	static <V> Map<String, V> copy(Map<String, V> map) {
		return map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
	}

	/**
	 * Describe a request without its content, for {@link ChatRequest#toString()}.
	 */
	static String describe(ChatRequest request) {
		List<String> fields = new ArrayList<>();
		fields.add("model=" + request.model());
		fields.add("messages=" + request.messages().size());
		addIfSet(fields, "doSample", request.doSample());
		addIfSet(fields, "stream", request.stream());
		addIfSet(fields, "thinking", (request.thinking() != null) ? request.thinking().type().value() : null);
		addIfSet(fields, "temperature", request.temperature());
		addIfSet(fields, "topP", request.topP());
		addIfSet(fields, "maxTokens", request.maxTokens());
		addIfSet(fields, "tools", request.tools().isEmpty() ? null : request.tools().stream().map(Tool::type).toList());
		addIfSet(fields, "toolChoice", request.toolChoice());
		addIfSet(fields, "toolStream", request.toolStream());
		addIfSet(fields, "stop", request.stop().isEmpty() ? null : request.stop().size());
		addIfSet(fields, "responseFormat", (request.responseFormat() != null) ? request.responseFormat().type() : null);
		addIfSet(fields, "requestId", request.requestId());
		addIfSet(fields, "reasoningEffort",
				(request.reasoningEffort() != null) ? request.reasoningEffort().value() : null);
		addIfSet(fields, "extraBody", request.extraBody().isEmpty() ? null : request.extraBody().keySet());
		addIfSet(fields, "headers", request.headers().isEmpty() ? null : request.headers().keySet());
		return "ChatRequest{" + String.join(", ", fields) + "}";
	}

	private static void addIfSet(List<String> fields, String name, @Nullable Object value) {
		if (value != null) {
			fields.add(name + "=" + value);
		}
	}

}
