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

package io.github.zaispring.ai;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.github.zaispring.ZaiQuotaExceededException;
import io.github.zaispring.ai.autoconfigure.ZaiEmbeddingModelAutoConfiguration;
import io.github.zaispring.autoconfigure.ZaiAutoConfiguration;
import io.github.zaispring.test.ReceivedRequest;
import io.github.zaispring.test.ZaiEmbeddingReplies;
import io.github.zaispring.test.ZaiMockServer;
import io.github.zaispring.test.ZaiReply;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingOptions;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.embedding.observation.EmbeddingModelObservationContext;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The auto-configured {@link ZaiEmbeddingModel} against the loopback Z.AI simulator.
 *
 * @author zai-spring-boot contributors
 */
class ZaiEmbeddingModelTests {

	private ZaiMockServer server;

	private ApplicationContextRunner runner;

	@BeforeEach
	void start() {
		this.server = ZaiMockServer.start();
		this.runner = new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(ZaiAutoConfiguration.class, ZaiEmbeddingModelAutoConfiguration.class))
			.withPropertyValues("zai.api-key=embedding-test.key", "zai.base-url=" + this.server.baseUrl());
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	private void run(Consumer<EmbeddingModel> test, String... properties) {
		this.runner.withPropertyValues(properties).run((context) -> test.accept(embeddingModel(context)));
	}

	private static EmbeddingModel embeddingModel(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		return context.getBean(EmbeddingModel.class);
	}

	@Test
	void dimensionsComeFromConfigurationWithoutARequest() {
		run((model) -> {
			assertThat(model.dimensions()).isEqualTo(512);
			assertThat(this.server.requestCount()).isZero();
			float[] vector = model.embed("hello");
			assertThat(vector).hasSize(512).isEqualTo(ZaiEmbeddingReplies.vectorOf("hello", 512));
			ReceivedRequest request = this.server.takeRequest(Duration.ofSeconds(5));
			assertThat(ZaiEmbeddingReplies.dimensions(request)).isEqualTo(512);
			assertThat(request.model()).isEqualTo("embedding-3");
		}, "zai.embedding.dimensions=512");
	}

	@Test
	void dimensionsOfTheModelsDefaultWithoutARequest() {
		run((model) -> {
			assertThat(model.dimensions()).isEqualTo(2048);
			assertThat(this.server.requestCount()).isZero();
		});
	}

	@Test
	void dimensionsOfAnUnknownModelAreMeasuredOnceWhenFirstAsked() {
		run((model) -> {
			assertThat(this.server.requestCount()).isZero();
			assertThat(model.dimensions()).isEqualTo(ZaiEmbeddingReplies.DEFAULT_DIMENSIONS);
			assertThat(model.dimensions()).isEqualTo(ZaiEmbeddingReplies.DEFAULT_DIMENSIONS);
			assertThat(this.server.requestCount()).isOne();
		}, "zai.embedding.model=embedding-next");
	}

	@Test
	void manyTextsAreSentInBatchesInOrderWithTheUsageSummed() {
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < 70; i++) {
			texts.add("text " + i);
		}
		run((model) -> {
			EmbeddingResponse response = model
				.call(new EmbeddingRequest(texts, EmbeddingOptions.builder().dimensions(256).build()));
			assertThat(response.getResults()).hasSize(70);
			for (int i = 0; i < 70; i++) {
				assertThat(response.getResults().get(i).getIndex()).isEqualTo(i);
				assertThat(response.getResults().get(i).getOutput())
					.isEqualTo(ZaiEmbeddingReplies.vectorOf("text " + i, 256));
			}
			assertThat(response.getMetadata().getModel()).isNotEmpty();
			assertThat(response.getMetadata().getUsage().getPromptTokens()).isPositive();
			assertThat(response.getMetadata().getUsage().getTotalTokens())
				.isEqualTo(response.getMetadata().getUsage().getPromptTokens());
		});
		// the template's batches of at most 64 texts
		assertThat(this.server.requestCount()).isEqualTo(2);
	}

	@Test
	void documentsAreEmbeddedWithTheirTextAndTheMetadataMeantForEmbedding() {
		run((model) -> model.embed(new Document("a document", Map.of("title", "The guide"))));
		List<String> inputs = ZaiEmbeddingReplies.inputs(this.server.takeRequest(Duration.ofSeconds(5)));
		assertThat(inputs).singleElement().asString().contains("a document").contains("The guide");
	}

	@Test
	void noBalanceIsANonTransientExceptionWithTheTypedCause() {
		this.server.enqueue(ZaiReply.error(429, "1113", "Insufficient balance or no resource package."));
		run((model) -> assertThatExceptionOfType(NonTransientAiException.class).isThrownBy(() -> model.embed("x"))
			.withCauseInstanceOf(ZaiQuotaExceededException.class));
		assertThat(this.server.requestCount()).isOne();
	}

	@Test
	void oneObservationPerCall() {
		this.runner.withBean(ObservationRegistry.class, TestObservationRegistry::create).run((context) -> {
			TestObservationRegistry registry = (TestObservationRegistry) context.getBean(ObservationRegistry.class);
			embeddingModel(context).embed(List.of("one", "two"));
			TestObservationRegistryAssert.assertThat(registry)
				.hasNumberOfObservationsWithNameEqualTo("gen_ai.client.operation", 1)
				.hasObservationWithNameEqualTo("gen_ai.client.operation")
				.that()
				.isInstanceOf(EmbeddingModelObservationContext.class)
				.hasBeenStopped()
				.hasLowCardinalityKeyValue("gen_ai.system", "zai")
				.hasLowCardinalityKeyValue("gen_ai.request.model", "embedding-3");
		});
	}

}
