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

package io.github.zaispring.chat;

import java.time.Duration;
import java.util.List;

import io.github.zaispring.ZaiAuthenticationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live tests against the real Z.AI API. They run only when {@code ZAI_API_KEY} is set;
 * {@code ZAI_BASE_URL} and {@code ZAI_MODEL} choose the endpoint and model (defaults: the
 * general endpoint and {@code glm-4.5-flash}, a free model).
 *
 * @author zai-spring-boot contributors
 */
@EnabledIfEnvironmentVariable(named = "ZAI_API_KEY", matches = ".+",
		disabledReason = "live test against the real Z.AI API: set ZAI_API_KEY to run it")
class ZaiChatTemplateIT {

	private static final Duration WAIT = Duration.ofMinutes(3);

	private ZaiChatTemplate template;

	@BeforeEach
	void create() {
		String baseUrl = System.getenv().getOrDefault("ZAI_BASE_URL", "https://api.z.ai/api/paas/v4");
		this.template = ZaiChatTemplate.builder()
			.apiKey(System.getenv("ZAI_API_KEY"))
			.baseUrl(baseUrl)
			.defaultModel(System.getenv().getOrDefault("ZAI_MODEL", "glm-4.5-flash"))
			.build();
	}

	@AfterEach
	void close() {
		this.template.close();
	}

	@Test
	void answersAQuestion() {
		ChatCompletion completion = this.template
			.chat(ChatRequest.builder().user("Reply with the single word: pong").thinking(Thinking.disabled()).build())
			.block(WAIT);
		assertThat(completion.content()).containsIgnoringCase("pong");
		assertThat(completion.usage().totalTokens()).isPositive();
	}

	@Test
	void streamsAnAnswerThatFoldsIntoOne() {
		List<ChatCompletionChunk> chunks = this.template
			.stream(ChatRequest.builder().user("Count from 1 to 5, separated by spaces.").build())
			.collectList()
			.block(WAIT);
		ChatCompletion folded = ChatCompletion.fromChunks(chunks);
		assertThat(chunks).hasSizeGreaterThan(1);
		assertThat(folded.content()).contains("1").contains("5");
		assertThat(folded.finishReason()).isEqualTo(FinishReason.STOP);
		assertThat(folded.usage()).isNotNull();
	}

	@Test
	void rejectsAWrongKey() {
		try (ZaiChatTemplate wrongKey = ZaiChatTemplate.builder().apiKey("wrong.key").build()) {
			StepVerifier.create(wrongKey.chat("hi")).expectError(ZaiAuthenticationException.class).verify(WAIT);
		}
	}

}
