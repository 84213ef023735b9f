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

import io.github.zaispring.ZaiAsyncTimeoutException;
import io.github.zaispring.chat.ZaiChatOperations;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Auto-configuration of asynchronous chat polling ({@code zai.async.*}) on the chat bean.
 *
 * @author zai-spring-boot contributors
 */
class ZaiAsyncAutoConfigurationTests {

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
	void bindsTheDefaults() {
		this.contextRunner.withPropertyValues("zai.api-key=" + KEY).run((context) -> {
			ZaiProperties.Async async = context.getBean(ZaiProperties.class).getAsync();
			assertThat(async.getPollInterval()).isEqualTo(Duration.ofSeconds(1));
			assertThat(async.getMaxPollInterval()).isEqualTo(Duration.ofSeconds(15));
			assertThat(async.getMaxWait()).isEqualTo(Duration.ofMinutes(10));
		});
	}

	@Test
	void appliesThePollIntervalsToTheChatBean() {
		// 20 polls at 5-10 ms: well within the wait below, while the defaults (1s growing
		// to 15s) would need minutes
		for (int i = 0; i < 20; i++) {
			this.server.enqueue(json("{\"id\":\"task-7\",\"task_status\":\"PROCESSING\"}"));
		}
		this.server.enqueue(json("""
				{"id":"task-7","task_status":"SUCCESS",
				 "choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"Done"}}]}"""));
		this.contextRunner
			.withPropertyValues("zai.api-key=" + KEY, "zai.base-url=" + this.server.url("/api/paas/v4"),
					"zai.async.poll-interval=5ms", "zai.async.max-poll-interval=10ms", "zai.async.max-wait=1h")
			.run((context) -> {
				ZaiProperties.Async async = context.getBean(ZaiProperties.class).getAsync();
				assertThat(async.getPollInterval()).isEqualTo(Duration.ofMillis(5));
				assertThat(async.getMaxPollInterval()).isEqualTo(Duration.ofMillis(10));
				assertThat(async.getMaxWait()).isEqualTo(Duration.ofHours(1));
				assertThat(context.getBean(ZaiChatOperations.class)
					.awaitResult("task-7")
					.block(Duration.ofSeconds(20))
					.content()).isEqualTo("Done");
				assertThat(this.server.getRequestCount()).isEqualTo(21);
			});
	}

	@Test
	void appliesTheMaxWaitToTheChatBean() {
		this.contextRunner
			.withPropertyValues("zai.api-key=" + KEY, "zai.base-url=" + this.server.url("/api/paas/v4"),
					"zai.async.max-wait=1ms")
			.run((context) -> StepVerifier.create(context.getBean(ZaiChatOperations.class).awaitResult("task-7"))
				.expectErrorSatisfies((ex) -> {
					assertThat(ex).isInstanceOf(ZaiAsyncTimeoutException.class).hasMessageContaining("task-7");
					assertThat(((ZaiAsyncTimeoutException) ex).getTimeout()).isEqualTo(Duration.ofMillis(1));
				})
				.verify(Duration.ofSeconds(15)));
	}

	@Test
	void rejectsAPollIntervalThatIsNotPositive() {
		this.contextRunner.withPropertyValues("zai.api-key=" + KEY, "zai.async.poll-interval=0s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("zai.async.poll-interval must be a positive duration"));
	}

	@Test
	void rejectsAMaxPollIntervalBelowThePollInterval() {
		this.contextRunner
			.withPropertyValues("zai.api-key=" + KEY, "zai.async.poll-interval=10s", "zai.async.max-poll-interval=2s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("zai.async.max-poll-interval must be at least zai.async.poll-interval (10s)"));
	}

	private static MockResponse json(String body) {
		return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(body).build();
	}

}
