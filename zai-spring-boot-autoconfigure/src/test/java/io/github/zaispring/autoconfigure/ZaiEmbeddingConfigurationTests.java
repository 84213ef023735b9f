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

package io.github.zaispring.autoconfigure;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import io.github.zaispring.embedding.EmbeddingRequest;
import io.github.zaispring.embedding.EmbeddingResponse;
import io.github.zaispring.embedding.ZaiEmbeddingOperations;
import io.github.zaispring.embedding.ZaiEmbeddingTemplate;
import io.github.zaispring.internal.ExchangeCore;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the auto-configured {@link ZaiEmbeddingOperations}.
 *
 * @author zai-spring-boot contributors
 */
class ZaiEmbeddingConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, ZaiAutoConfiguration.class))
		.withPropertyValues("zai.api-key=test-id.test-secret");

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

	@Test
	void aTemplateOnTheSharedCore() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(ZaiEmbeddingOperations.class);
			assertThat(context.getBean(ZaiEmbeddingTemplate.class).exchangeCore())
				.isSameAs(context.getBean(ExchangeCore.class));
		});
	}

	@Test
	void propertiesHaveTheirDefaults() {
		this.contextRunner.run((context) -> {
			ZaiProperties.Embedding embedding = context.getBean(ZaiProperties.class).getEmbedding();
			assertThat(embedding.getModel()).isEqualTo("embedding-3");
			assertThat(embedding.getDimensions()).isNull();
			assertThat(context.getBean(ZaiEmbeddingTemplate.class).toString())
				.contains("defaultModel=embedding-3, defaultDimensions=null");
		});
	}

	@Test
	void sendsTheModelAndDimensionsOfTheProperties() {
		this.server.enqueue(new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "application/json")
			.body("{\"model\":\"embedding-2\",\"data\":[{\"index\":0,\"embedding\":[0.25,0.5]}],"
					+ "\"usage\":{\"prompt_tokens\":3,\"total_tokens\":3}}")
			.build());
		this.contextRunner
			.withPropertyValues("zai.base-url=" + this.server.url("/api/paas/v4"), "zai.embedding.model=embedding-2",
					"zai.embedding.dimensions=512")
			.run((context) -> {
				List<float[]> vectors = context.getBean(ZaiEmbeddingOperations.class)
					.embed(List.of("hello"))
					.block(Duration.ofSeconds(10));
				assertThat(vectors).containsExactly(new float[] { 0.25f, 0.5f });
				assertThat(this.server.takeRequest().getBody().utf8())
					.isEqualTo("{\"model\":\"embedding-2\",\"input\":[\"hello\"],\"dimensions\":512}");
			});
	}

	@Test
	void rejectsDimensionsThatAreNotPositive() {
		this.contextRunner.withPropertyValues("zai.embedding.dimensions=0").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(ZaiConfigurationException.class)
				.hasMessageContaining("zai.embedding.dimensions must be positive, but was 0")
				.hasMessageContaining("256, 512, 1024 and 2048");
		});
	}

	@Test
	void rejectsAnEmptyModel() {
		this.contextRunner.withPropertyValues("zai.embedding.model= ").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("zai.embedding.model must not be empty");
		});
	}

	@Test
	void backsOffForAnOperationsBeanOfTheApplication() {
		this.contextRunner.withBean(ZaiEmbeddingOperations.class, OwnEmbeddings::new).run((context) -> {
			assertThat(context).hasSingleBean(ZaiEmbeddingOperations.class);
			assertThat(context).doesNotHaveBean(ZaiEmbeddingTemplate.class);
		});
	}

	@Test
	void isOffWhenZaiIsDisabled() {
		this.contextRunner.withPropertyValues("zai.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ZaiEmbeddingOperations.class));
	}

	static class OwnEmbeddings implements ZaiEmbeddingOperations {

		@Override
		public Mono<EmbeddingResponse> embed(EmbeddingRequest request) {
			return Mono.empty();
		}

		@Override
		public Mono<List<float[]>> embed(List<String> texts) {
			return Mono.empty();
		}

	}

}
