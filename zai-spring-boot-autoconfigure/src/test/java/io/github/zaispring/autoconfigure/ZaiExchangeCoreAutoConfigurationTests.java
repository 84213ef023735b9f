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

import java.time.Duration;

import io.github.zaispring.chat.ChatCompletion;
import io.github.zaispring.chat.ChatRequest;
import io.github.zaispring.chat.ZaiChatOperations;
import io.github.zaispring.chat.ZaiChatTemplate;
import io.github.zaispring.internal.ExchangeCore;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for the one {@link ExchangeCore} the auto-configuration gives every Z.AI client.
 *
 * @author zai-spring-boot contributors
 */
class ZaiExchangeCoreAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, ZaiAutoConfiguration.class))
		.withPropertyValues("zai.api-key=test-id.test-secret");

	@Test
	void theSharedCoreIsTheChatTemplates() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(ExchangeCore.class);
			assertThat(context.getBean(ExchangeCore.class))
				.isSameAs(context.getBean(ZaiChatTemplate.class).exchangeCore());
		});
	}

	@Test
	void anApplicationThatReplacedTheChatClientStillGetsACoreFromTheProperties() {
		this.contextRunner.withPropertyValues("zai.base-url=https://example.test/api/paas/v4")
			.withBean(ZaiChatOperations.class, OwnChat::new)
			.run((context) -> {
				assertThat(context).hasSingleBean(ExchangeCore.class);
				assertThat(context.getBean(ExchangeCore.class).baseUrl()).isEqualTo("https://example.test/api/paas/v4");
			});
	}

	@Test
	void aClientThatSharesACoreRejectsSettingsOfItsOwn() {
		try (ExchangeCore core = ExchangeCore.builder().apiKey("test-id.test-secret").build()) {
			assertThat(ZaiChatTemplate.builder().exchangeCore(core).defaultModel("glm-4.5").build().exchangeCore())
				.isSameAs(core);
			assertThatIllegalStateException().isThrownBy(
					() -> ZaiChatTemplate.builder().exchangeCore(core).connectTimeout(Duration.ofSeconds(1)).build())
				.withMessageContaining("connection, resilience and logging settings come from that core");
		}
	}

	static class OwnChat implements ZaiChatOperations {

		@Override
		public Mono<ChatCompletion> chat(ChatRequest request) {
			return Mono.empty();
		}

		@Override
		public Flux<io.github.zaispring.chat.ChatCompletionChunk> stream(ChatRequest request) {
			return Flux.empty();
		}

		@Override
		public Mono<String> chat(String userMessage) {
			return Mono.empty();
		}

		@Override
		public Flux<String> streamText(String userMessage) {
			return Flux.empty();
		}

		@Override
		public Mono<Integer> countTokens(ChatRequest request) {
			return Mono.empty();
		}

		@Override
		public Mono<String> submit(ChatRequest request) {
			return Mono.empty();
		}

		@Override
		public Mono<ChatCompletion> awaitResult(String taskId) {
			return Mono.empty();
		}

	}

}
