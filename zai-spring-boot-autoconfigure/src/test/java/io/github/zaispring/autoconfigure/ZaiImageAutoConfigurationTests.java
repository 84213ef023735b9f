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

import java.net.InetAddress;
import java.time.Duration;

import io.github.zaispring.chat.ZaiChatTemplate;
import io.github.zaispring.image.ImageRequest;
import io.github.zaispring.image.ImageResponse;
import io.github.zaispring.image.ZaiImageOperations;
import io.github.zaispring.image.ZaiImageTemplate;
import io.github.zaispring.internal.ExchangeCore;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Auto-configuration of the image generation client ({@code zai.image.*}).
 *
 * @author zai-spring-boot contributors
 */
class ZaiImageAutoConfigurationTests {

	private static final String KEY = "key-id.very-secret-key-value";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, ZaiAutoConfiguration.class));

	private MockWebServer server;

	@BeforeEach
	void startServer() throws Exception {
		this.server = new MockWebServer();
		this.server.start(InetAddress.getLoopbackAddress(), 0);
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void registersTheImageTemplateOnTheSharedCoreWithTheDefaultModel() {
		this.contextRunner.withPropertyValues("zai.api-key=" + KEY).run((context) -> {
			assertThat(context).hasSingleBean(ZaiImageOperations.class);
			assertThat(context.getBean(ZaiProperties.class).getImage().getModel()).isEqualTo("cogview-4-250304");
			ZaiImageTemplate images = context.getBean(ZaiImageTemplate.class);
			assertThat(images.exchangeCore()).isSameAs(context.getBean(ExchangeCore.class))
				.isSameAs(context.getBean(ZaiChatTemplate.class).exchangeCore());
			assertThat(images.toString()).contains("defaultModel=cogview-4-250304");
		});
	}

	@Test
	void sendsTheConfiguredModel() throws Exception {
		this.server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
			.body("{\"created\":1,\"data\":[{\"url\":\"https://cdn.example.com/1.png\"}]}")
			.build());
		this.contextRunner
			.withPropertyValues("zai.api-key=" + KEY, "zai.base-url=" + this.server.url("/api/paas/v4"),
					"zai.image.model=glm-image")
			.run((context) -> assertThat(
					context.getBean(ZaiImageOperations.class).generate("A cat").block(Duration.ofSeconds(15)))
				.isEqualTo("https://cdn.example.com/1.png"));
		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getUrl().encodedPath()).isEqualTo("/api/paas/v4/images/generations");
		assertThat(request.getBody().utf8()).contains("\"model\":\"glm-image\"");
	}

	@Test
	void backsOffWhenTheApplicationHasItsOwn() {
		this.contextRunner.withPropertyValues("zai.api-key=" + KEY)
			.withBean("ownImages", ZaiImageOperations.class, OwnImages::new)
			.run((context) -> {
				assertThat(context).hasSingleBean(ZaiImageOperations.class);
				assertThat(context).doesNotHaveBean(ZaiImageTemplate.class);
			});
	}

	@Test
	void isOffWhenZaiIsDisabled() {
		this.contextRunner.withPropertyValues("zai.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ZaiImageOperations.class));
	}

	@Test
	void rejectsABlankModel() {
		this.contextRunner.withPropertyValues("zai.api-key=" + KEY, "zai.image.model= ")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("zai.image.model must not be empty"));
	}

	static class OwnImages implements ZaiImageOperations {

		@Override
		public Mono<ImageResponse> generate(ImageRequest request) {
			return Mono.empty();
		}

		@Override
		public Mono<String> generate(String prompt) {
			return Mono.just("own");
		}

	}

}
