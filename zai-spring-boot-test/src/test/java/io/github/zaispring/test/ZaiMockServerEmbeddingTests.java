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
import java.util.stream.IntStream;

import io.github.zaispring.ZaiException;
import io.github.zaispring.ZaiQuotaExceededException;
import io.github.zaispring.embedding.EmbeddingRequest;
import io.github.zaispring.embedding.EmbeddingResponse;
import io.github.zaispring.embedding.ZaiEmbeddingTemplate;
import io.github.zaispring.resilience.ZaiRetryPolicy.RetrySettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mock server answering the embeddings API: default and scripted vectors, faults and
 * recorded requests.
 *
 * @author zai-spring-boot contributors
 */
class ZaiMockServerEmbeddingTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private final ZaiMockServer server = ZaiMockServer.start();

	private final ZaiEmbeddingTemplate template = ZaiEmbeddingTemplate.builder()
		.apiKey("test-id.test-secret")
		.baseUrl(this.server.baseUrl())
		.retry(new RetrySettings(3, Duration.ofMillis(1), 2, Duration.ofMillis(5), Duration.ofSeconds(60)))
		.build();

	@AfterEach
	void stop() {
		this.template.close();
		this.server.close();
	}

	@Test
	void answersEachTextWithItsDefaultVectorOfTheRequestedDimensions() {
		EmbeddingResponse response = this.template
			.embed(EmbeddingRequest.builder().input(List.of("cats", "dogs")).dimensions(256).build())
			.block(WAIT);
		assertThat(response.vectors()).containsExactly(ZaiEmbeddingReplies.vectorOf("cats", 256),
				ZaiEmbeddingReplies.vectorOf("dogs", 256));
		assertThat(response.usage().promptTokens()).isEqualTo(2);
		ReceivedRequest request = this.server.takeRequest(WAIT);
		assertThat(request.path()).isEqualTo("/api/paas/v4/embeddings");
		assertThat(ZaiEmbeddingReplies.inputs(request)).containsExactly("cats", "dogs");
		assertThat(ZaiEmbeddingReplies.dimensions(request)).isEqualTo(256);
		assertThat(request.model()).isEqualTo("embedding-3");
	}

	@Test
	void answersWithoutDimensionsAsEmbedding3Does() {
		assertThat(this.template.embed(List.of("cats")).block(WAIT).get(0)).hasSize(2048);
	}

	@Test
	void answersEveryBatchWithScriptedVectors() {
		this.server.respondWith(ZaiEmbeddingReplies
			.responder((text) -> new float[] { Float.parseFloat(text.substring("text ".length())), 1 }));
		List<String> texts = IntStream.range(0, 150).mapToObj((i) -> "text " + i).toList();
		List<float[]> vectors = this.template.embed(texts).block(WAIT);
		assertThat(vectors).hasSize(150);
		for (int i = 0; i < 150; i++) {
			assertThat(vectors.get(i)).containsExactly(i, 1);
		}
		assertThat(this.server.requests()).hasSizeGreaterThanOrEqualTo(3)
			.allSatisfy((request) -> assertThat(ZaiEmbeddingReplies.inputs(request)).hasSizeLessThanOrEqualTo(64));
	}

	@Test
	void answersAnEnqueuedVectorReplyAsIs() {
		this.server.enqueue(ZaiEmbeddingReplies.vectors(new float[] { 0.5f, -0.25f }));
		assertThat(this.template.embed(List.of("one")).block(WAIT)).containsExactly(new float[] { 0.5f, -0.25f });
		this.server.enqueue(ZaiEmbeddingReplies.vectors(new float[] { 0.5f }));
		StepVerifier.create(this.template.embed(List.of("one", "two")))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ZaiException.class)
				.hasMessageContaining("1 embeddings for the 2 texts"))
			.verify(WAIT);
	}

	@Test
	void servesQuotaFaultsWithoutARetry() {
		this.server
			.enqueue(ZaiReply.error(429, "1113", "Insufficient balance or no resource package. Please recharge."));
		StepVerifier.create(this.template.embed(List.of("one")))
			.expectError(ZaiQuotaExceededException.class)
			.verify(WAIT);
		assertThat(this.server.requestCount()).isEqualTo(1);
	}

	@Test
	void servesServerErrorsThatAreRetried() {
		this.server.enqueue(ZaiReply.error(500, "500", "Internal Error"));
		assertThat(this.template.embed(List.of("one")).block(WAIT)).hasSize(1);
		assertThat(this.server.requestCount()).isEqualTo(2);
	}

}
