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

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.codec.Decoder;
import org.springframework.http.codec.json.JacksonJsonDecoder;

/**
 * The JSON of the Z.AI wire: one mapper of the library's own, so that the bytes sent and
 * the values read do not depend on the application's JSON settings.
 * <p>
 * An application's {@code spring.jackson.*} properties (naming strategies, inclusion,
 * indentation, unknown properties, date formats) configure the mapper of its web layer,
 * which is right for its own API and wrong for Z.AI's: with {@code UPPER_CAMEL_CASE} the
 * client would send {@code "Type"} and read tool calls as nulls. The wire types say
 * everything about their JSON with annotations; this mapper adds only what the protocol
 * needs: unknown properties are ignored (the API adds fields every few months) and
 * nothing is indented.
 *
 * @author zai-spring-boot contributors
 */
public final class WireJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.disable(SerializationFeature.INDENT_OUTPUT)
		.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
		.build();

	private static final Decoder<Object> DECODER = new JacksonJsonDecoder(MAPPER);

	private WireJson() {
	}

	/**
	 * Write a value as the bytes of its wire JSON.
	 * @param value the value, such as a request
	 * @return the UTF-8 JSON bytes
	 */
	public static byte[] write(Object value) {
		return MAPPER.writeValueAsBytes(value);
	}

	/**
	 * Return a reader of the given wire type.
	 * @param type the type to read
	 * @return the reader
	 */
	public static ObjectReader reader(Class<?> type) {
		return MAPPER.readerFor(type);
	}

	/**
	 * Return a codec decoder that reads with the wire mapper.
	 * @return the decoder
	 */
	public static Decoder<Object> decoder() {
		return DECODER;
	}

}
