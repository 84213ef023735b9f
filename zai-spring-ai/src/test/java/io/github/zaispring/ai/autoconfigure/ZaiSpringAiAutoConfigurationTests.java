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

package io.github.zaispring.ai.autoconfigure;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.zaispring.ai.ZaiChatModel;
import io.github.zaispring.ai.ZaiChatOptions;
import io.github.zaispring.ai.ZaiEmbeddingModel;
import io.github.zaispring.ai.ZaiTextToSpeechModel;
import io.github.zaispring.ai.ZaiTextToSpeechOptions;
import io.github.zaispring.audio.ZaiSpeechOperations;
import io.github.zaispring.autoconfigure.ZaiAutoConfiguration;
import io.github.zaispring.chat.ThinkingType;
import io.github.zaispring.chat.ZaiChatTemplate;
import io.github.zaispring.test.ZaiMockServer;
import io.github.zaispring.test.ZaiReply;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.audio.tts.TextToSpeechModel;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.observation.ChatModelObservationConvention;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.model.tool.ToolExecutionResult;
import org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Tests of {@link ZaiChatModelAutoConfiguration},
 * {@link ZaiEmbeddingModelAutoConfiguration} and
 * {@link ZaiTextToSpeechModelAutoConfiguration}.
 *
 * @author zai-spring-boot contributors
 */
class ZaiSpringAiAutoConfigurationTests {

	private ZaiMockServer server;

	private ApplicationContextRunner runner;

	@BeforeEach
	void start() {
		this.server = ZaiMockServer.start();
		this.runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ZaiAutoConfiguration.class, ToolCallingAutoConfiguration.class,
					ChatClientAutoConfiguration.class, ZaiChatModelAutoConfiguration.class,
					ZaiEmbeddingModelAutoConfiguration.class, ZaiTextToSpeechModelAutoConfiguration.class))
			.withPropertyValues("zai.api-key=autoconfiguration-test.key", "zai.base-url=" + this.server.baseUrl());
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void providesAChatModelAnEmbeddingModelAndAChatClientBuilder() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(ZaiChatModel.class)
				.hasSingleBean(ZaiEmbeddingModel.class)
				.hasSingleBean(ChatClient.Builder.class);
			assertThat(context.getBean(ChatModel.class)).isSameAs(context.getBean(ZaiChatModel.class));
			assertThat(context.getBean(EmbeddingModel.class)).isSameAs(context.getBean(ZaiEmbeddingModel.class));
		});
		// nothing is sent at startup
		assertThat(this.server.requestCount()).isZero();
	}

	@Test
	void defaultOptionsComeFromTheChatProperties() {
		this.runner
			.withPropertyValues("zai.chat.model=glm-4.5-air", "zai.chat.temperature=0.3", "zai.chat.top-p=0.9",
					"zai.chat.max-tokens=512", "zai.chat.thinking=disabled")
			.run((context) -> {
				ZaiChatOptions options = context.getBean(ZaiChatModel.class).getOptions();
				assertThat(options.getModel()).isEqualTo("glm-4.5-air");
				assertThat(options.getTemperature()).isEqualTo(0.3);
				assertThat(options.getTopP()).isEqualTo(0.9);
				assertThat(options.getMaxTokens()).isEqualTo(512);
				assertThat(options.getThinking().type()).isEqualTo(ThinkingType.DISABLED);
			});
	}

	@Test
	void anotherChatProviderSelectedLeavesTheEmbeddingModel() {
		this.runner.withBean("otherChatModel", ChatModel.class, OtherChatModel::new)
			.withPropertyValues("spring.ai.model.chat=other")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(ZaiChatModel.class).hasSingleBean(ZaiEmbeddingModel.class);
				ChatClient chatClient = context.getBean(ChatClient.Builder.class).build();
				assertThat(chatClient.prompt().user("Hi").call().content()).isEqualTo("from the other provider");
			});
		assertThat(this.server.requestCount()).isZero();
	}

	@Test
	void zaiSelectedByNameBesideAnotherProvidersEmbeddingModel() {
		this.runner.withPropertyValues("spring.ai.model.chat=zai", "spring.ai.model.embedding=other")
			.run((context) -> assertThat(context).hasSingleBean(ZaiChatModel.class)
				.doesNotHaveBean(ZaiEmbeddingModel.class));
	}

	@Test
	void noneSelectedLeavesNoModel() {
		this.runner.withPropertyValues("spring.ai.model.chat=none", "spring.ai.model.embedding=none")
			.run((context) -> assertThat(context).doesNotHaveBean(ChatModel.class)
				.doesNotHaveBean(EmbeddingModel.class));
	}

	@Test
	void theApplicationsOwnModelsWin() {
		try (ZaiChatTemplate template = ZaiChatTemplate.builder()
			.apiKey("own.key")
			.baseUrl(this.server.baseUrl())
			.build()) {
			ZaiChatModel chatModel = new ZaiChatModel(template);
			this.runner.withBean(ZaiChatModel.class, () -> chatModel)
				.run((context) -> assertThat(context.getBean(ZaiChatModel.class)).isSameAs(chatModel));
		}
	}

	@Test
	void backsOffWhenTheStarterIsDisabled() {
		this.runner.withPropertyValues("zai.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ChatModel.class)
				.doesNotHaveBean(EmbeddingModel.class)
				.doesNotHaveBean(TextToSpeechModel.class));
	}

	@Test
	void providesATextToSpeechModelWithTheSpeechPropertiesAsDefaults() {
		this.runner
			.withPropertyValues("zai.speech.model=glm-tts-next", "zai.speech.voice=jam",
					"zai.speech.response-format=pcm")
			.run((context) -> {
				assertThat(context).hasSingleBean(ZaiTextToSpeechModel.class);
				TextToSpeechModel model = context.getBean(TextToSpeechModel.class);
				assertThat(model).isSameAs(context.getBean(ZaiTextToSpeechModel.class));
				assertThat(model.getDefaultOptions()).isEqualTo(
						ZaiTextToSpeechOptions.builder().model("glm-tts-next").voice("jam").format("pcm").build());
			});
		// nothing is sent at startup
		assertThat(this.server.requestCount()).isZero();
	}

	@Test
	void textToSpeechModelFollowsSpringAiModelSelection() {
		this.runner.withPropertyValues("spring.ai.model.audio.speech=zai")
			.run((context) -> assertThat(context).hasSingleBean(ZaiTextToSpeechModel.class));
		this.runner.withPropertyValues("spring.ai.model.audio.speech=other")
			.run((context) -> assertThat(context).doesNotHaveBean(TextToSpeechModel.class)
				.hasSingleBean(ZaiChatModel.class));
		this.runner.withPropertyValues("spring.ai.model.audio.speech=none")
			.run((context) -> assertThat(context).doesNotHaveBean(TextToSpeechModel.class));
	}

	@Test
	void theApplicationsOwnTextToSpeechModelWins() {
		ZaiTextToSpeechModel own = new ZaiTextToSpeechModel(mock(ZaiSpeechOperations.class));
		this.runner.withBean(ZaiTextToSpeechModel.class, () -> own)
			.run((context) -> assertThat(context).getBean(TextToSpeechModel.class).isSameAs(own));
	}

	@Test
	void noTextToSpeechModelWithoutSpeechOperations() {
		this.runner.withClassLoader(new FilteredClassLoader(ZaiSpeechOperations.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(TextToSpeechModel.class)
				.hasSingleBean(ZaiChatModel.class));
	}

	@Test
	void usesTheApplicationsToolCallingManagerAndObservationConvention() {
		this.server.enqueue(ZaiReply.text("Hello"));
		CountingToolCallingManager toolCallingManager = new CountingToolCallingManager();
		this.runner.withBean(ToolCallingManager.class, () -> toolCallingManager)
			.withBean(ObservationRegistry.class, TestObservationRegistry::create)
			.withBean(ChatModelObservationConvention.class, CustomConvention::new)
			.run((context) -> {
				context.getBean(ChatModel.class).call(new Prompt("Hi"));
				assertThat(toolCallingManager.resolved).hasValue(1);
				TestObservationRegistryAssert
					.assertThat((TestObservationRegistry) context.getBean(ObservationRegistry.class))
					.hasObservationWithNameEqualTo("custom.chat")
					.that()
					.hasLowCardinalityKeyValue("custom", "yes");
			});
	}

	static class OtherChatModel implements ChatModel {

		@Override
		public ChatResponse call(Prompt prompt) {
			return new ChatResponse(List.of(new Generation(new AssistantMessage("from the other provider"))));
		}

	}

	static class CountingToolCallingManager implements ToolCallingManager {

		final AtomicInteger resolved = new AtomicInteger();

		private final ToolCallingManager delegate = ToolCallingManager.builder().build();

		@Override
		public List<ToolDefinition> resolveToolDefinitions(ToolCallingChatOptions chatOptions) {
			this.resolved.incrementAndGet();
			return this.delegate.resolveToolDefinitions(chatOptions);
		}

		@Override
		public ToolExecutionResult executeToolCalls(Prompt prompt, ChatResponse chatResponse) {
			return this.delegate.executeToolCalls(prompt, chatResponse);
		}

	}

	static class CustomConvention implements ChatModelObservationConvention {

		@Override
		public String getName() {
			return "custom.chat";
		}

		@Override
		public KeyValues getLowCardinalityKeyValues(ChatModelObservationContext context) {
			return KeyValues.of("custom", "yes");
		}

	}

}
