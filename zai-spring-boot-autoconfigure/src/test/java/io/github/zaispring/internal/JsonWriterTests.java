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

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JsonWriter}.
 *
 * @author zai-spring-boot
 */
class JsonWriterTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void writesScalars() {
		assertThat(JsonWriter.write(null)).isEqualTo("null");
		assertThat(JsonWriter.write(true)).isEqualTo("true");
		assertThat(JsonWriter.write(42)).isEqualTo("42");
		assertThat(JsonWriter.write(-1.5)).isEqualTo("-1.5");
		assertThat(JsonWriter.write(new BigDecimal("12345678901234567890.5"))).isEqualTo("12345678901234567890.5");
		assertThat(JsonWriter.write("text")).isEqualTo("\"text\"");
		assertThat(JsonWriter.write('c')).isEqualTo("\"c\"");
	}

	@Test
	void writesNonFiniteNumbersAsNull() {
		assertThat(JsonWriter.write(Double.NaN)).isEqualTo("null");
		assertThat(JsonWriter.write(Float.POSITIVE_INFINITY)).isEqualTo("null");
	}

	@Test
	void escapesQuotesBackslashesAndControlCharacters() {
		String text = "a\"b\\c\bd\fe\nf\rg\th\u0000i\u001fj\u2028k/é😀";
		String json = JsonWriter.write(text);
		assertThat(json).isEqualTo("\"a\\\"b\\\\c\\bd\\fe\\nf\\rg\\th\\u0000i\\u001fj\\u2028k/é😀\"");
		assertThat(this.mapper.readValue(json, String.class)).isEqualTo(text);
	}

	@Test
	void writesNestedMapsAndListsCompactlyInOrder() {
		Map<String, Object> inner = new LinkedHashMap<>();
		inner.put("b", List.of(1, "two", false));
		inner.put("a", null);
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("location", "Florence,Italy");
		map.put("nested", inner);
		map.put("empty", Map.of());
		map.put("emptyList", new ArrayList<>());
		map.put("array", new Object[] { 1, new String[] { "x" } });
		assertThat(JsonWriter.write(map)).isEqualTo(
				"{\"location\":\"Florence,Italy\",\"nested\":{\"b\":[1,\"two\",false],\"a\":null},\"empty\":{},\"emptyList\":[],\"array\":[1,[\"x\"]]}");
	}

	@Test
	void writesWhatJacksonReadsBackEqually() {
		String json = "{\"q\":\"say \\\"hi\\\"\\n\",\"n\":[1,2.5,-3],\"o\":{\"t\":true,\"z\":null}}";
		Object value = this.mapper.readValue(json, Object.class);
		assertThat(this.mapper.readTree(JsonWriter.write(value))).isEqualTo(this.mapper.readTree(json));
	}

	@Test
	void writesMapKeysAsStrings() {
		Map<Object, Object> map = new LinkedHashMap<>();
		map.put(1, Arrays.asList("a", null));
		assertThat(JsonWriter.write(map)).isEqualTo("{\"1\":[\"a\",null]}");
	}

	@Test
	void writesOtherObjectsAsTheirStringForm() {
		assertThat(JsonWriter.write(new StringBuilder("sb"))).isEqualTo("\"sb\"");
		assertThat(JsonWriter.write(java.time.Duration.ofSeconds(1))).isEqualTo("\"PT1S\"");
	}

}
