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

package io.github.zaispring.observation;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import io.github.zaispring.embedding.ZaiEmbeddingTemplate;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationHandler.FirstMatchingCompositeObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embeddings template observed against a server on 127.0.0.1: each batch is one
 * {@code gen_ai.client.operation} observation named {@code embeddings}, with its input
 * tokens.
 *
 * @author zai-spring-boot contributors
 */
class ObservedZaiEmbeddingTemplateTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private static final String REPLY = """
			{"model":"embedding-3","object":"list",
			 "data":[{"index":0,"object":"embedding","embedding":[-0.01932,0.04417,0.00261]},
			         {"index":1,"object":"embedding","embedding":[0.00718,-0.02245,0.03106]}],
			 "usage":{"prompt_tokens":14,"completion_tokens":0,"total_tokens":14}}""";

	private MockWebServer server;

	@BeforeEach
	void start() throws IOException {
		this.server = new MockWebServer();
		this.server.start(InetAddress.getLoopbackAddress(), 0);
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	private ZaiEmbeddingTemplate template(ObservationRegistry registry) {
		return ZaiEmbeddingTemplate.builder()
			.apiKey("k.secret")
			.baseUrl(this.server.url("/api/paas/v4").toString())
			.interceptor(new ObservationZaiInterceptor(registry, null, new DefaultZaiChatObservationConvention(), null))
			.build();
	}

	@Test
	void observesACallAsOneEmbeddingsOperation() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.server.enqueue(json(REPLY));
		try (ZaiEmbeddingTemplate template = template(registry)) {
			assertThat(template.embed(List.of("a", "b")).block(WAIT)).hasSize(2);
		}
		TestObservationRegistryAssert.assertThat(registry)
			.hasNumberOfObservationsWithNameEqualTo("gen_ai.client.operation", 1)
			.hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasContextualNameEqualTo("embeddings embedding-3")
			.hasLowCardinalityKeyValue("gen_ai.operation.name", "embeddings")
			.hasLowCardinalityKeyValue("gen_ai.request.model", "embedding-3")
			.hasLowCardinalityKeyValue("gen_ai.response.model", "embedding-3")
			.hasLowCardinalityKeyValue("error.type", "none")
			.hasBeenStopped();
	}

	@Test
	void observesEachBatchAsOneOperation() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		String[] batches = { reply(64), reply(64), reply(22) };
		for (String batch : batches) {
			this.server.enqueue(json(batch));
		}
		try (ZaiEmbeddingTemplate template = template(registry)) {
			assertThat(template.embed(texts(150)).block(WAIT)).hasSize(150);
		}
		TestObservationRegistryAssert.assertThat(registry)
			.hasNumberOfObservationsWithNameEqualTo("gen_ai.client.operation", 3);
	}

	@Test
	void recordsTheInputTokens() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig()
			.observationHandler(new FirstMatchingCompositeObservationHandler(new ZaiMeterObservationHandler(meters),
					new DefaultMeterObservationHandler(meters)));
		this.server.enqueue(json(REPLY));
		try (ZaiEmbeddingTemplate template = template(registry)) {
			template.embed(List.of("a", "b")).block(WAIT);
		}
		assertThat(meters.get("gen_ai.client.token.usage")
			.tag("gen_ai.token.type", "input")
			.tag("gen_ai.operation.name", "embeddings")
			.summary()
			.totalAmount()).isEqualTo(14);
	}

	private static List<String> texts(int count) {
		return java.util.stream.IntStream.range(0, count).mapToObj((i) -> "text " + i).toList();
	}

	private static String reply(int size) {
		StringBuilder json = new StringBuilder("{\"model\":\"embedding-3\",\"data\":[");
		for (int i = 0; i < size; i++) {
			json.append((i > 0) ? "," : "").append("{\"index\":").append(i).append(",\"embedding\":[0.5]}");
		}
		return json.append("],\"usage\":{\"prompt_tokens\":")
			.append(size)
			.append(",\"total_tokens\":")
			.append(size)
			.append("}}")
			.toString();
	}

	private static MockResponse json(String body) {
		return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
	}

}
