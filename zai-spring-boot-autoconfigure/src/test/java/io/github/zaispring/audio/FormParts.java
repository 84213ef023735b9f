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

package io.github.zaispring.audio;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parts of a {@code multipart/form-data} body as a server reads them, for the
 * assertions of tests.
 *
 * @param parts the parts in the order sent
 * @author zai-spring-boot contributors
 */
record FormParts(List<Part> parts) {

	static FormParts parse(String contentType, byte[] body) {
		MediaType type = MediaType.parseMediaType(contentType);
		assertThat(type.isCompatibleWith(MediaType.MULTIPART_FORM_DATA)).as(contentType).isTrue();
		String boundary = type.getParameter("boundary");
		assertThat(boundary).isNotBlank();
		String text = new String(body, StandardCharsets.ISO_8859_1);
		String delimiter = "--" + boundary;
		assertThat(text).startsWith(delimiter + "\r\n").endsWith(delimiter + "--\r\n");
		List<Part> parts = new ArrayList<>();
		String[] pieces = text.substring(0, text.length() - (delimiter + "--\r\n").length())
			.split(java.util.regex.Pattern.quote(delimiter + "\r\n"), -1);
		for (String piece : Arrays.asList(pieces).subList(1, pieces.length)) {
			int end = piece.indexOf("\r\n\r\n");
			Map<String, String> headers = new LinkedHashMap<>();
			for (String line : piece.substring(0, end).split("\r\n")) {
				int colon = line.indexOf(':');
				headers.put(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim());
			}
			assertThat(piece).endsWith("\r\n");
			byte[] content = piece.substring(end + 4, piece.length() - 2).getBytes(StandardCharsets.ISO_8859_1);
			parts.add(new Part(headers, content));
		}
		return new FormParts(parts);
	}

	List<String> names() {
		return this.parts.stream().map(Part::name).toList();
	}

	Part part(String name) {
		return this.parts.stream().filter((part) -> part.name().equals(name)).findFirst().orElseThrow();
	}

	List<String> values(String name) {
		return this.parts.stream().filter((part) -> part.name().equals(name)).map(Part::text).toList();
	}

	record Part(Map<String, String> headers, byte[] content) {

		String disposition() {
			return this.headers.get("content-disposition");
		}

		String name() {
			String disposition = disposition();
			int start = disposition.indexOf("name=\"") + 6;
			return disposition.substring(start, disposition.indexOf('"', start));
		}

		String text() {
			return new String(this.content, StandardCharsets.UTF_8);
		}

	}

}
