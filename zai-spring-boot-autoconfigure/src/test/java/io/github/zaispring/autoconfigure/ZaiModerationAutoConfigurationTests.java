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
import java.util.concurrent.TimeUnit;

import io.github.zaispring.chat.ZaiChatOperations;
import io.github.zaispring.internal.ExchangeCore;
import io.github.zaispring.moderation.ModerationRequest;
import io.github.zaispring.moderation.ModerationResponse;
import io.github.zaispring.moderation.ZaiModerationOperations;
import io.github.zaispring.moderation.ZaiModerationTemplate;
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
 * Tests for the auto-configured moderation client.
 *
 * @author zai-spring-boot contributors
 */
class ZaiModerationAutoConfigurationTests {

	private static final String KEY = "test-id.test-secret-0123456789";

	private static final String REPLY = "{\"id\":\"m1\",\"result_list\":[{\"content_type\":\"text\","
			+ "\"risk_level\":\"PASS\",\"risk_type\":[]}],\"usage\":{\"moderation_text\":{\"call_count\":1}}}";

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
	void registersATemplateOnTheSharedCoreWithTheDefaultModel() throws Exception {
		this.server
			.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body(REPLY).build());
		this.contextRunner.withPropertyValues("zai.api-key=" + KEY, "zai.base-url=" + this.server.url("/api/paas/v4"))
			.run((context) -> {
				assertThat(context).hasSingleBean(ZaiModerationOperations.class);
				assertThat(context.getBean(ZaiModerationOperations.class)).isInstanceOf(ZaiModerationTemplate.class);
				assertThat(context.getBean(ZaiProperties.class).getModeration().getModel()).isEqualTo("moderation");
				ModerationResponse response = context.getBean(ZaiModerationOperations.class)
					.moderate("hi")
					.block(Duration.ofSeconds(10));
				assertThat(response.results()).hasSize(1);
				assertThat(response.flagged()).isFalse();
				RecordedRequest request = this.server.takeRequest(5, TimeUnit.SECONDS);
				assertThat(request.getUrl().encodedPath()).isEqualTo("/api/paas/v4/moderations");
				assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
				assertThat(request.getBody().utf8()).isEqualTo("{\"model\":\"moderation\",\"input\":\"hi\"}");
				assertThat(context).hasSingleBean(ExchangeCore.class);
			});
	}

	@Test
	void sendsTheConfiguredModel() throws Exception {
		this.server
			.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body(REPLY).build());
		this.contextRunner
			.withPropertyValues("zai.api-key=" + KEY, "zai.base-url=" + this.server.url("/api/paas/v4"),
					"zai.moderation.model=moderation-pro")
			.run((context) -> {
				context.getBean(ZaiModerationOperations.class).moderate("hi").block(Duration.ofSeconds(10));
				assertThat(this.server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8())
					.isEqualTo("{\"model\":\"moderation-pro\",\"input\":\"hi\"}");
			});
	}

	@Test
	void failsNamingThePropertyWhenTheModelIsBlank() {
		this.contextRunner.withPropertyValues("zai.api-key=" + KEY, "zai.moderation.model= ").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("zai.moderation.model must not be empty");
		});
	}

	@Test
	void backsOffForAnApplicationBean() {
		this.contextRunner.withPropertyValues("zai.api-key=" + KEY)
			.withBean(ZaiModerationOperations.class, OwnModeration::new)
			.run((context) -> {
				assertThat(context).hasSingleBean(ZaiModerationOperations.class);
				assertThat(context).doesNotHaveBean(ZaiModerationTemplate.class);
			});
	}

	@Test
	void isOffWithZaiEnabledFalse() {
		this.contextRunner.withPropertyValues("zai.api-key=" + KEY, "zai.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ZaiModerationOperations.class));
	}

	@Test
	void needsNoKeyWhileNobodyUsesIt() {
		this.contextRunner.withBean(ZaiChatOperations.class, ZaiExchangeCoreAutoConfigurationTests.OwnChat::new)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeanFactory().containsBeanDefinition("zaiModerationTemplate")).isTrue();
			});
	}

	static class OwnModeration implements ZaiModerationOperations {

		@Override
		public Mono<ModerationResponse> moderate(ModerationRequest request) {
			return Mono.empty();
		}

		@Override
		public Mono<ModerationResponse> moderate(String text) {
			return Mono.empty();
		}

	}

}
