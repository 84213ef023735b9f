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
import java.util.List;
import java.util.function.Consumer;

import io.github.zaispring.ZaiQuotaExceededException;
import io.github.zaispring.ai.autoconfigure.ZaiImageModelAutoConfiguration;
import io.github.zaispring.autoconfigure.ZaiAutoConfiguration;
import io.github.zaispring.image.ZaiImageOperations;
import io.github.zaispring.test.ReceivedRequest;
import io.github.zaispring.test.ZaiEndpointReplies;
import io.github.zaispring.test.ZaiMockServer;
import io.github.zaispring.test.ZaiReply;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.image.ImageModel;
import org.springframework.ai.image.ImageOptions;
import org.springframework.ai.image.ImagePrompt;
import org.springframework.ai.image.ImageResponse;
import org.springframework.ai.image.observation.ImageModelObservationContext;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.Mockito.mock;

/**
 * The auto-configured {@link ZaiImageModel} against the loopback Z.AI simulator.
 *
 * @author zai-spring-boot contributors
 */
class ZaiImageModelTests {

	private ZaiMockServer server;

	private ApplicationContextRunner runner;

	@BeforeEach
	void start() {
		this.server = ZaiMockServer.start();
		this.runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ZaiAutoConfiguration.class, ZaiImageModelAutoConfiguration.class))
			.withPropertyValues("zai.api-key=image-test.key", "zai.base-url=" + this.server.baseUrl());
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	private void run(Consumer<ImageModel> test, String... properties) {
		this.runner.withPropertyValues(properties).run((context) -> test.accept(imageModel(context)));
	}

	private static ImageModel imageModel(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		return context.getBean(ImageModel.class);
	}

	@Test
	void promptWithDefaultsSendsTheConfiguredModelAndAnswersTheUrl() {
		this.server.enqueue(ZaiEndpointReplies.images("https://cdn.example.com/cat.png"));
		run((model) -> {
			ImageResponse response = model.call(new ImagePrompt("a cat"));
			assertThat(response.getResult().getOutput().getUrl()).isEqualTo("https://cdn.example.com/cat.png");
			assertThat(response.getResult().getOutput().getB64Json()).isNull();
			assertThat(response.getMetadata().getCreated()).isNotNull();
			ReceivedRequest request = this.server.takeRequest(Duration.ofSeconds(5));
			assertThat(request.path()).endsWith("/images/generations");
			assertThat(request.model()).isEqualTo("glm-image");
			assertThat(request.body().get("prompt").asText()).isEqualTo("a cat");
			assertThat(request.body().has("size")).isFalse();
			assertThat(request.body().has("quality")).isFalse();
		}, "zai.image.model=glm-image");
	}

	@Test
	void optionsAreSentOnTheWire() {
		this.server.enqueue(ZaiEndpointReplies.images("https://cdn.example.com/1.png"));
		run((model) -> {
			model.call(new ImagePrompt("a dog",
					ZaiImageOptions.builder()
						.model("cogview-4-250304")
						.width(768)
						.height(1344)
						.n(1)
						.responseFormat("url")
						.quality("hd")
						.userId("user-123456")
						.watermark(false)
						.build()));
			ReceivedRequest request = this.server.takeRequest(Duration.ofSeconds(5));
			assertThat(request.model()).isEqualTo("cogview-4-250304");
			assertThat(request.body().get("size").asText()).isEqualTo("768x1344");
			assertThat(request.body().get("quality").asText()).isEqualTo("hd");
			assertThat(request.body().get("user_id").asText()).isEqualTo("user-123456");
			assertThat(request.body().get("watermark_enabled").asBoolean()).isFalse();
			assertThat(request.body().has("n")).isFalse();
			assertThat(request.body().has("response_format")).isFalse();
		});
	}

	@Test
	void springAiOptionsOfAnotherProviderMapModelAndSize() {
		this.server.enqueue(ZaiEndpointReplies.images("https://cdn.example.com/1.png"));
		run((model) -> {
			ImageOptions options = new ImageOptions() {

				@Override
				public Integer getN() {
					return null;
				}

				@Override
				public String getModel() {
					return "cogview-4";
				}

				@Override
				public Integer getWidth() {
					return 1024;
				}

				@Override
				public Integer getHeight() {
					return 1024;
				}

				@Override
				public String getResponseFormat() {
					return null;
				}

				@Override
				public String getStyle() {
					return null;
				}

			};
			model.call(new ImagePrompt("a bird", options));
			ReceivedRequest request = this.server.takeRequest(Duration.ofSeconds(5));
			assertThat(request.model()).isEqualTo("cogview-4");
			assertThat(request.body().get("size").asText()).isEqualTo("1024x1024");
		});
	}

	@Test
	void contentFilterVerdictsAreInTheMetadata() {
		this.server.enqueue(ZaiEndpointReplies.filteredImage("https://cdn.example.com/1.png", "assistant", 2));
		run((model) -> {
			ImageResponse response = model.call(new ImagePrompt("a tree"));
			List<io.github.zaispring.image.ImageResponse.ContentFilter> verdicts = response.getMetadata()
				.get(ZaiImageModel.CONTENT_FILTER);
			assertThat(verdicts)
				.containsExactly(new io.github.zaispring.image.ImageResponse.ContentFilter("assistant", 2));
		});
	}

	@Test
	void noBalanceIsANonTransientExceptionWithTheTypedCause() {
		this.server.enqueue(ZaiReply.error(429, "1113", "Insufficient balance or no resource package."));
		run((model) -> assertThatExceptionOfType(NonTransientAiException.class)
			.isThrownBy(() -> model.call(new ImagePrompt("x")))
			.withCauseInstanceOf(ZaiQuotaExceededException.class));
	}

	@Test
	void invalidOptionsFailBeforeAnyRequestNamingTheOption() {
		run((model) -> {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> model.call(new ImagePrompt("x", ZaiImageOptions.builder().n(2).build())))
				.withMessageContaining("n must be 1");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> model
					.call(new ImagePrompt("x", ZaiImageOptions.builder().responseFormat("b64_json").build())))
				.withMessageContaining("responseFormat must be url");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> model.call(new ImagePrompt("x", ZaiImageOptions.builder().style("vivid").build())))
				.withMessageContaining("style must be unset");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> model.call(new ImagePrompt("x", ZaiImageOptions.builder().width(1024).build())))
				.withMessageContaining("width and height must be set together");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> model.call(new ImagePrompt("x",
						ZaiImageOptions.builder().model("cogview-4").width(100).height(100).build())))
				.withMessageContaining("size 100x100");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> model.call(new ImagePrompt("x", ZaiImageOptions.builder().quality("ultra").build())))
				.withMessageContaining("quality must be hd or standard");
			assertThatIllegalArgumentException().isThrownBy(() -> model.call(new ImagePrompt(" ")))
				.withMessageContaining("prompt must not be empty");
			assertThat(this.server.requestCount()).isZero();
		});
	}

	@Test
	void eachCallIsOneObservation() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.server.enqueue(ZaiEndpointReplies.images("https://cdn.example.com/1.png"));
		this.runner.withBean(ObservationRegistry.class, () -> registry).run((context) -> {
			imageModel(context).call(new ImagePrompt("a cat"));
			TestObservationRegistryAssert.assertThat(registry)
				.hasObservationWithNameEqualTo("gen_ai.client.operation")
				.that()
				.isInstanceOf(ImageModelObservationContext.class)
				.hasBeenStopped();
		});
	}

	@Test
	void autoConfigurationFollowsSpringAiModelSelection() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(ZaiImageModel.class));
		this.runner.withPropertyValues("spring.ai.model.image=zai")
			.run((context) -> assertThat(context).hasSingleBean(ZaiImageModel.class));
		this.runner.withPropertyValues("spring.ai.model.image=other")
			.run((context) -> assertThat(context).doesNotHaveBean(ImageModel.class));
		this.runner.withPropertyValues("zai.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ImageModel.class));
		ZaiImageModel own = new ZaiImageModel(mock(ZaiImageOperations.class), "glm-image", ObservationRegistry.NOOP);
		this.runner.withBean(ZaiImageModel.class, () -> own)
			.run((context) -> assertThat(context).getBean(ImageModel.class).isSameAs(own));
	}

	@Test
	void toStringNamesTheModelButNotTheKey() {
		run((model) -> assertThat(model.toString()).contains("cogview-4-250304").doesNotContain("image-test.key"));
	}

}
