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

import java.nio.ByteBuffer;

import tools.jackson.databind.ObjectReader;

import org.springframework.core.ResolvableType;
import org.springframework.core.codec.Decoder;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.codec.AbstractJacksonDecoder;
import org.springframework.util.ClassUtils;

/**
 * Reads one JSON payload, such as the data of a server-sent event, into an object, with
 * the JSON codec of the client's {@code WebClient}.
 * <p>
 * Measured reason for not simply calling
 * {@link Decoder#decode(DataBuffer, ResolvableType, org.springframework.util.MimeType, java.util.Map)}
 * per chunk: it builds a new {@code ObjectReader}, wraps the buffer in an
 * {@code InputStream} and checks the codec's debug logging for every chunk, which was a
 * quarter of the client's CPU per chunk in the benchmarks. With a Jackson codec, this
 * reads with one {@code ObjectReader} made from the codec's own mapper (so the
 * application's JSON settings still apply) straight from the payload's bytes.
 *
 * @param <T> the type of the objects read
 * @author zai-spring-boot contributors
 */
public abstract class PayloadReader<T> {

	private static final boolean JACKSON_PRESENT = ClassUtils.isPresent("tools.jackson.databind.ObjectReader",
			PayloadReader.class.getClassLoader());

	/**
	 * Read the payload and release it.
	 * @param payload the payload
	 * @return the object read
	 * @throws RuntimeException when the payload is not valid JSON for the type
	 */
	public abstract T read(DataBuffer payload);

	/**
	 * Create a reader of the given type with the given decoder.
	 * @param <T> the type of the objects read
	 * @param decoder the JSON decoder of the client
	 * @param type the type of the objects read
	 * @return the reader
	 */
	public static <T> PayloadReader<T> of(Decoder<?> decoder, Class<T> type) {
		if (JACKSON_PRESENT && decoder instanceof AbstractJacksonDecoder<?> jacksonDecoder) {
			return new JacksonPayloadReader<>(jacksonDecoder.getMapper().readerFor(type));
		}
		return new DecoderPayloadReader<>(decoder, type);
	}

	/**
	 * Reads with a Jackson {@link ObjectReader}.
	 */
	private static final class JacksonPayloadReader<T> extends PayloadReader<T> {

		private final ObjectReader reader;

		JacksonPayloadReader(ObjectReader reader) {
			this.reader = reader;
		}

		@Override
		public T read(DataBuffer payload) {
			try {
				try (DataBuffer.ByteBufferIterator buffers = payload.readableByteBuffers()) {
					ByteBuffer first = buffers.hasNext() ? buffers.next() : ByteBuffer.allocate(0);
					if (first.hasArray() && !buffers.hasNext()) {
						return this.reader.readValue(first.array(), first.arrayOffset() + first.position(),
								first.remaining());
					}
				}
				byte[] bytes = new byte[payload.readableByteCount()];
				payload.read(bytes);
				return this.reader.readValue(bytes);
			}
			finally {
				DataBufferUtils.release(payload);
			}
		}

	}

	/**
	 * Reads with any other decoder.
	 */
	private static final class DecoderPayloadReader<T> extends PayloadReader<T> {

		private final Decoder<?> decoder;

		private final Class<T> type;

		private final ResolvableType resolvableType;

		DecoderPayloadReader(Decoder<?> decoder, Class<T> type) {
			this.decoder = decoder;
			this.type = type;
			this.resolvableType = ResolvableType.forClass(type);
		}

		@Override
		public T read(DataBuffer payload) {
			return this.type.cast(this.decoder.decode(payload, this.resolvableType, MediaType.APPLICATION_JSON, null));
		}

	}

}
