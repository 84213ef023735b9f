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
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Helpers shared by the model: null-tolerant list copies and lenient content decoding,
 * because the response model must never fail on what the server sends, and the check of
 * the timeouts that requests and the template's builder take.
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
		Assert.isTrue(value != null && !value.isNegative() && !value.isZero(),
				() -> name + " must be a positive duration such as 30s, but was " + value);
		return value;
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

}
