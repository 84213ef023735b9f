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

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBuffer;

/**
 * Reads one JSON payload, such as the data of a server-sent event or a whole answer, into
 * a wire type with {@link WireJson}: one {@code ObjectReader} per type, straight from the
 * payload's bytes (see BENCHMARKS.md for why not the codec's {@code decode}).
 *
 * @param <T> the type of the objects read
 * @author zai-spring-boot contributors
 */
public final class PayloadReader<T> {

	private final ObjectReader reader;

	private PayloadReader(ObjectReader reader) {
		this.reader = reader;
	}

	/**
	 * Create a reader of the given wire type.
	 * @param <T> the type of the objects read
	 * @param type the type of the objects read
	 * @return the reader
	 */
	public static <T> PayloadReader<T> of(Class<T> type) {
		return new PayloadReader<>(WireJson.reader(type));
	}

	/**
	 * Read the payload and release it.
	 * @param payload the payload
	 * @return the object read
	 * @throws RuntimeException when the payload is not valid JSON for the type
	 */
	public T read(DataBuffer payload) {
		try {
			if (payload instanceof DefaultDataBuffer heap) {
				// readableByteBuffers() would hand out a read-only view, which has no
				// array: every event's bytes would be copied once more
				ByteBuffer bytes = heap.getNativeBuffer();
				if (bytes.hasArray()) {
					return this.reader.readValue(bytes.array(), bytes.arrayOffset() + bytes.position(),
							bytes.remaining());
				}
			}
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
