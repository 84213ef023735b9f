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

import java.time.Duration;
import java.util.List;

import io.github.zaispring.embedding.ZaiEmbeddingOperations;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's test of their own code that embeds texts, against the mock server of
 * {@link AutoConfigureZaiMockServer}.
 *
 * @author zai-spring-boot contributors
 */
@SpringBootTest(properties = "zai.embedding.dimensions=8")
@AutoConfigureZaiMockServer
class AutoConfigureZaiMockServerEmbeddingTests {

	@Autowired
	ZaiMockServer zai;

	@Autowired
	SimilarityService service;

	@Test
	void serviceEmbedsWithScriptedVectors() {
		this.zai.respondWith(ZaiEmbeddingReplies
			.responder((text) -> text.contains("cat") ? new float[] { 1, 0 } : new float[] { 0, 1 }));
		assertThat(this.service.similarity("a cat", "another cat").block(Duration.ofSeconds(10))).isEqualTo(1.0);
		assertThat(this.service.similarity("a cat", "a dog").block(Duration.ofSeconds(10))).isEqualTo(0.0);
		ReceivedRequest request = this.zai.takeRequest(Duration.ofSeconds(1));
		assertThat(ZaiEmbeddingReplies.inputs(request)).containsExactly("a cat", "another cat");
		assertThat(ZaiEmbeddingReplies.dimensions(request)).isEqualTo(8);
	}

	@Test
	void serviceEmbedsWithTheDefaultVectors() {
		assertThat(this.service.similarity("same", "same").block(Duration.ofSeconds(10))).isCloseTo(1.0,
				org.assertj.core.data.Offset.offset(1e-5));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class SimilarityApplication {

		@Bean
		SimilarityService similarityService(ZaiEmbeddingOperations embeddings) {
			return new SimilarityService(embeddings);
		}

	}

	static class SimilarityService {

		private final ZaiEmbeddingOperations embeddings;

		SimilarityService(ZaiEmbeddingOperations embeddings) {
			this.embeddings = embeddings;
		}

		Mono<Double> similarity(String first, String second) {
			return this.embeddings.embed(List.of(first, second)).map((vectors) -> {
				float[] a = vectors.get(0);
				float[] b = vectors.get(1);
				double dot = 0;
				for (int i = 0; i < a.length; i++) {
					dot += a[i] * b[i];
				}
				return dot;
			});
		}

	}

}
