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

import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.core.ResolvableType;
import org.springframework.util.Assert;
import org.springframework.core.codec.Decoder;
import org.springframework.core.codec.Encoder;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ClientCodecConfigurer;
import org.springframework.http.codec.DecoderHttpMessageReader;
import org.springframework.http.codec.EncoderHttpMessageWriter;
import org.springframework.http.codec.HttpMessageReader;
import org.springframework.http.codec.HttpMessageWriter;

/**
 * Access to the JSON codecs of the {@code WebClient} the client was given, so that chunks
 * and error bodies are decoded exactly as the application configured JSON (Spring Boot's
 * {@code JsonMapper}, for instance) without holding a mapper of our own.
 *
 * @author zai-spring-boot contributors
 */
public final class JsonCodecs {

	/**
	 * Largest body the client reads whole: a non-streamed answer of a model with 128K
	 * output tokens is several hundred kilobytes, more than WebFlux's 256 KB default.
	 */
	public static final int MAX_IN_MEMORY_SIZE = 16 * 1024 * 1024;

	private JsonCodecs() {
	}

	/**
	 * A codec customizer, registered last on the client's {@code WebClient.Builder}, that
	 * raises the in-memory limit and remembers the readers the client ends up with.
	 */
	public static final class Capture implements Consumer<ClientCodecConfigurer> {

		private @Nullable List<HttpMessageReader<?>> readers;

		private @Nullable List<HttpMessageWriter<?>> writers;

		@Override
		public void accept(ClientCodecConfigurer configurer) {
			configurer.defaultCodecs().maxInMemorySize(MAX_IN_MEMORY_SIZE);
			this.readers = configurer.getReaders();
			this.writers = configurer.getWriters();
		}

		/**
		 * Return the encoder that writes the given type as JSON.
		 * @param type the type to encode
		 * @return the encoder
		 * @throws IllegalStateException when the client was built without a JSON codec
		 */
		public Encoder<?> jsonEncoder(ResolvableType type) {
			List<HttpMessageWriter<?>> captured = this.writers;
			Assert.state(captured != null, "Codecs were not captured; build the WebClient first");
			for (HttpMessageWriter<?> writer : captured) {
				if (writer instanceof EncoderHttpMessageWriter<?> encoderWriter
						&& encoderWriter.canWrite(type, MediaType.APPLICATION_JSON)) {
					return encoderWriter.getEncoder();
				}
			}
			throw new IllegalStateException("The WebClient has no JSON encoder for " + type
					+ "; add Jackson 3 (tools.jackson.core:jackson-databind) to the classpath");
		}

		/**
		 * Return the decoder that reads the given type from JSON.
		 * @param type the type to decode
		 * @return the decoder
		 * @throws IllegalStateException when the client was built without a JSON codec
		 */
		public Decoder<?> jsonDecoder(ResolvableType type) {
			List<HttpMessageReader<?>> captured = this.readers;
			Assert.state(captured != null, "Codecs were not captured; build the WebClient first");
			for (HttpMessageReader<?> reader : captured) {
				if (reader instanceof DecoderHttpMessageReader<?> decoderReader
						&& decoderReader.canRead(type, MediaType.APPLICATION_JSON)) {
					return decoderReader.getDecoder();
				}
			}
			throw new IllegalStateException("The WebClient has no JSON decoder for " + type
					+ "; add Jackson 3 (tools.jackson.core:jackson-databind) to the classpath");
		}

	}

}
