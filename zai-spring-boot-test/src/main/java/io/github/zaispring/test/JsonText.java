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

package io.github.zaispring.test;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes JSON strings by hand for the few values that change with every request (ids and
 * model names), so that the hot path never needs a JSON mapper; and checks and writes the
 * JSON documents of scripted answers, once per reply.
 *
 * @author zai-spring-boot contributors
 */
final class JsonText {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private JsonText() {
	}

	/**
	 * Append the given text as a quoted JSON string.
	 * @param builder the builder to append to
	 * @param text the text
	 * @return the builder
	 */
	static StringBuilder quote(StringBuilder builder, String text) {
		builder.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> builder.append("\\\"");
				case '\\' -> builder.append("\\\\");
				case '\n' -> builder.append("\\n");
				case '\r' -> builder.append("\\r");
				case '\t' -> builder.append("\\t");
				default -> {
					if (c < 0x20) {
						builder.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
					}
					else {
						builder.append(c);
					}
				}
			}
		}
		return builder.append('"');
	}

	/**
	 * Return whether the text is exactly one JSON object or array.
	 * @param text the text
	 * @return whether it parses as one, with nothing after it
	 */
	static boolean isDocument(String text) {
		try {
			JsonNode node = MAPPER.readTree(text);
			return node != null && (node.isObject() || node.isArray());
		}
		catch (JacksonException ex) {
			return false;
		}
	}

	/**
	 * Write a value as JSON.
	 * @param value the value
	 * @return the JSON text
	 * @throws IllegalArgumentException when Jackson cannot write the value
	 */
	static String write(Object value) {
		try {
			return MAPPER.writeValueAsString(value);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("value cannot be written as JSON by Jackson: " + ex.getOriginalMessage(),
					ex);
		}
	}

}
