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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access to the recorded fixtures under {@code src/test/resources/fixtures}, and the JSON
 * mappers the model must work with.
 *
 * @author zai-spring-boot
 */
final class Fixtures {

	/**
	 * A mapper built as Spring Boot builds one by default.
	 */
	static final JsonMapper MAPPER = JsonMapper.builder().build();

	/**
	 * A mapper as strict as a user may configure it.
	 */
	static final JsonMapper STRICT_MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private Fixtures() {
	}

	static String read(String name) {
		try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
			if (in == null) {
				throw new IllegalStateException("No fixture " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Return the {@code data:} payloads of an SSE fixture up to, not including,
	 * {@code [DONE]}.
	 */
	static List<String> sseData(String name) {
		List<String> data = new ArrayList<>();
		for (String line : read(name).split("\n", -1)) {
			if (line.startsWith("data: ")) {
				String payload = line.substring("data: ".length());
				if (payload.equals("[DONE]")) {
					break;
				}
				data.add(payload);
			}
		}
		return data;
	}

	static List<ChatCompletionChunk> chunks(String name, JsonMapper mapper) {
		return sseData(name).stream().map((json) -> mapper.readValue(json, ChatCompletionChunk.class)).toList();
	}

}
