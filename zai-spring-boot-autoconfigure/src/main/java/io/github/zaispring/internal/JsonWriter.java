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

package io.github.zaispring.internal;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A tiny, dependency-free JSON writer for plain Java values: {@link Map},
 * {@link Iterable}, arrays, {@link CharSequence}, {@link Number}, {@link Boolean} and
 * {@code null}. The model uses it to turn a tool call's {@code arguments}, which the API
 * documents as an object but sends as a JSON string, back into its compact JSON string
 * form without holding a mapper.
 *
 * @author zai-spring-boot
 */
public final class JsonWriter {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private JsonWriter() {
	}

	/**
	 * Write the given value as compact JSON. Map keys are written with
	 * {@link String#valueOf(Object)}; non-finite floating point numbers, which JSON
	 * cannot represent, are written as {@code null}; any other object is written as the
	 * JSON string of its {@code toString()}.
	 * @param value the value to write, may be {@code null}
	 * @return the JSON text, never {@code null}
	 */
	public static String write(@Nullable Object value) {
		StringBuilder out = new StringBuilder();
		write(value, out);
		return out.toString();
	}

	private static void write(@Nullable Object value, StringBuilder out) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof CharSequence || value instanceof Character) {
			writeString(value.toString(), out);
		}
		else if (value instanceof Boolean) {
			out.append(value);
		}
		else if (value instanceof Number number) {
			writeNumber(number, out);
		}
		else if (value instanceof Map<?, ?> map) {
			out.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				if (!first) {
					out.append(',');
				}
				first = false;
				writeString(String.valueOf(entry.getKey()), out);
				out.append(':');
				write(entry.getValue(), out);
			}
			out.append('}');
		}
		else if (value instanceof Iterable<?> iterable) {
			out.append('[');
			boolean first = true;
			for (Object element : iterable) {
				if (!first) {
					out.append(',');
				}
				first = false;
				write(element, out);
			}
			out.append(']');
		}
		else if (value instanceof Object[] array) {
			out.append('[');
			for (int i = 0; i < array.length; i++) {
				if (i > 0) {
					out.append(',');
				}
				write(array[i], out);
			}
			out.append(']');
		}
		else {
			writeString(value.toString(), out);
		}
	}

	private static void writeNumber(Number number, StringBuilder out) {
		if ((number instanceof Double d && !Double.isFinite(d)) || (number instanceof Float f && !Float.isFinite(f))) {
			out.append("null");
		}
		else {
			out.append(number);
		}
	}

	private static void writeString(String text, StringBuilder out) {
		out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20 || c == '\u2028' || c == '\u2029') {
						out.append("\\u")
							.append(HEX[(c >> 12) & 0xF])
							.append(HEX[(c >> 8) & 0xF])
							.append(HEX[(c >> 4) & 0xF])
							.append(HEX[c & 0xF]);
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

}
