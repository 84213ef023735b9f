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

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a {@code multipart/form-data} body, as {@code POST /audio/transcriptions} sends
 * it, into its parts: the text fields and the files.
 *
 * @author zai-spring-boot contributors
 */
final class FormData {

	private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");

	private static final Pattern NAME = Pattern.compile("(?:^|;)\\s*name=\"([^\"]*)\"");

	private static final Pattern FILENAME = Pattern.compile("(?:^|;)\\s*filename=\"([^\"]*)\"");

	private final Map<String, List<ReceivedFile>> parts;

	private FormData(Map<String, List<ReceivedFile>> parts) {
		this.parts = parts;
	}

	/**
	 * Read the form of a body, or return {@code null} when the body is not a form.
	 */
	static @Nullable FormData parse(@Nullable String contentType, byte[] body) {
		if (contentType == null || !contentType.toLowerCase().startsWith("multipart/form-data")) {
			return null;
		}
		Matcher boundary = BOUNDARY.matcher(contentType);
		if (!boundary.find()) {
			return null;
		}
		// ISO-8859-1 maps every byte to one char, so that file bytes survive the split
		String text = new String(body, StandardCharsets.ISO_8859_1);
		String delimiter = "--" + boundary.group(1);
		Map<String, List<ReceivedFile>> parts = new LinkedHashMap<>();
		int start = text.indexOf(delimiter);
		while (start >= 0) {
			int headersStart = start + delimiter.length();
			if (text.startsWith("--", headersStart)) {
				break;
			}
			int next = text.indexOf("\r\n" + delimiter, headersStart);
			int headersEnd = text.indexOf("\r\n\r\n", headersStart);
			if (next < 0 || headersEnd < 0 || headersEnd > next) {
				break;
			}
			ReceivedFile part = part(text.substring(headersStart, headersEnd), text.substring(headersEnd + 4, next));
			if (part != null) {
				parts.computeIfAbsent(part.name(), (name) -> new ArrayList<>()).add(part);
			}
			start = next + 2;
		}
		return new FormData(parts);
	}

	private static @Nullable ReceivedFile part(String headers, String content) {
		String disposition = null;
		String type = null;
		for (String line : headers.split("\r\n")) {
			int colon = line.indexOf(':');
			if (colon > 0) {
				String header = line.substring(0, colon).trim();
				if (header.equalsIgnoreCase("Content-Disposition")) {
					disposition = line.substring(colon + 1).trim();
				}
				else if (header.equalsIgnoreCase("Content-Type")) {
					type = line.substring(colon + 1).trim();
				}
			}
		}
		Matcher name = (disposition != null) ? NAME.matcher(disposition) : null;
		if (name == null || !name.find()) {
			return null;
		}
		Matcher filename = FILENAME.matcher(disposition);
		return new ReceivedFile(utf8(name.group(1)), filename.find() ? utf8(filename.group(1)) : null, type,
				content.getBytes(StandardCharsets.ISO_8859_1));
	}

	private static String utf8(String latin1) {
		return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
	}

	/**
	 * Return the parts of a name, in the order sent.
	 */
	List<ReceivedFile> parts(String name) {
		return this.parts.getOrDefault(name, List.of());
	}

	/**
	 * Return the form as a JSON object, as the endpoint would read it from JSON: a text
	 * field as a string ({@code stream} as a boolean), a repeated one as an array, a file
	 * as its file name, content type and size.
	 */
	ObjectNode toJson(JsonMapper mapper) {
		ObjectNode json = mapper.createObjectNode();
		this.parts.forEach((name, values) -> {
			if (values.size() > 1) {
				values.forEach((value) -> json.withArray(name).add(value.text()));
			}
			else if (values.get(0).filename() != null) {
				ReceivedFile file = values.get(0);
				json.putObject(name)
					.put("filename", file.filename())
					.put("content_type", file.contentType())
					.put("size", file.content().length);
			}
			else if (name.equals("stream")) {
				json.put(name, Boolean.parseBoolean(values.get(0).text()));
			}
			else {
				json.put(name, values.get(0).text());
			}
		});
		return json;
	}

}
