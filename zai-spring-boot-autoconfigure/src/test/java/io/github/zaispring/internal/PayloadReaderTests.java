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

import java.nio.charset.StandardCharsets;

import io.github.zaispring.chat.ChatCompletionChunk;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.core.io.buffer.NettyDataBufferFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PayloadReader}.
 *
 * @author zai-spring-boot contributors
 */
class PayloadReaderTests {

	private static final String CHUNK = "{\"id\":\"s1\",\"created\":1,\"model\":\"glm-4.6\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Olá\"}}],\"extra\":true}";

	private final PayloadReader<ChatCompletionChunk> reader = PayloadReader.of(ChatCompletionChunk.class);

	@Test
	void readsAHeapBuffer() {
		DataBuffer payload = DefaultDataBufferFactory.sharedInstance.wrap(CHUNK.getBytes(StandardCharsets.UTF_8));
		assertThat(this.reader.read(payload).content()).isEqualTo("Olá");
	}

	@Test
	void readsAHeapBufferThatIsASliceOfALargerArray() {
		byte[] padded = ("xx" + CHUNK + "yy").getBytes(StandardCharsets.UTF_8);
		DataBuffer payload = DefaultDataBufferFactory.sharedInstance
			.wrap(java.nio.ByteBuffer.wrap(padded, 2, padded.length - 4).slice());
		assertThat(this.reader.read(payload).id()).isEqualTo("s1");
	}

	@Test
	void readsOnlyTheReadableBytesOfAHeapBufferPartlyReadAlready() {
		byte[] bytes = ("data: " + CHUNK + "\n\n").getBytes(StandardCharsets.UTF_8);
		DataBuffer payload = DefaultDataBufferFactory.sharedInstance.allocateBuffer(bytes.length * 2);
		payload.write(bytes);
		payload.readPosition("data: ".length());
		payload.writePosition(bytes.length - 2);
		assertThat(this.reader.read(payload).content()).isEqualTo("Olá");
	}

	@Test
	void readsACompositeDirectBufferAndReleasesIt() {
		byte[] bytes = CHUNK.getBytes(StandardCharsets.UTF_8);
		CompositeByteBuf composite = UnpooledByteBufAllocator.DEFAULT.compositeDirectBuffer();
		ByteBuf head = Unpooled.directBuffer().writeBytes(bytes, 0, 10);
		ByteBuf tail = Unpooled.directBuffer().writeBytes(bytes, 10, bytes.length - 10);
		composite.addComponents(true, head, tail);
		DataBuffer payload = new NettyDataBufferFactory(UnpooledByteBufAllocator.DEFAULT).wrap(composite);
		assertThat(this.reader.read(payload).content()).isEqualTo("Olá");
		assertThat(composite.refCnt()).isZero();
	}

	@Test
	void failsOnJsonThatIsNotAChunk() {
		DataBuffer payload = DefaultDataBufferFactory.sharedInstance.wrap("{\"id\":".getBytes(StandardCharsets.UTF_8));
		assertThatExceptionOfType(JacksonException.class).isThrownBy(() -> this.reader.read(payload));
	}

}
