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
import io.github.zaispring.video.VideoRequest;
import io.github.zaispring.video.VideoResult;
import io.github.zaispring.video.VideoTask;
import io.github.zaispring.video.ZaiVideoOperations;
import io.github.zaispring.video.ZaiVideoTemplate;
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
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for the auto-configured video generation client.
 *
 * @author zai-spring-boot contributors
 */
class ZaiVideoAutoConfigurationTests {

	private static final String KEY = "test-id.test-secret-0123456789";

	private static final String SUBMITTED = "{\"model\":\"cogvideox-3\",\"id\":\"task-1\",\"request_id\":\"r-000001\","
			+ "\"task_status\":\"PROCESSING\"}";

	private static final String SUCCESS = "{\"model\":\"cogvideox-3\",\"task_status\":\"SUCCESS\",\"video_result\":"
			+ "[{\"url\":\"https://cdn.example.com/v.mp4\",\"cover_image_url\":\"https://cdn.example.com/v.jpg\"}]}";

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
		this.server.enqueue(json(SUBMITTED));
		this.contextRunner.withPropertyValues("zai.api-key=" + KEY, "zai.base-url=" + this.server.url("/api/paas/v4"))
			.run((context) -> {
				assertThat(context).hasSingleBean(ZaiVideoOperations.class);
				assertThat(context.getBean(ZaiVideoOperations.class)).isInstanceOf(ZaiVideoTemplate.class);
				assertThat(context.getBean(ZaiProperties.class).getVideo().getModel()).isEqualTo("cogvideox-3");
				VideoTask task = context.getBean(ZaiVideoOperations.class)
					.submit(VideoRequest.builder().prompt("A cat").build())
					.block(Duration.ofSeconds(10));
				assertThat(task.id()).isEqualTo("task-1");
				RecordedRequest request = this.server.takeRequest(5, TimeUnit.SECONDS);
				assertThat(request.getUrl().encodedPath()).isEqualTo("/api/paas/v4/videos/generations");
				assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
				assertThat(request.getBody().utf8()).isEqualTo("{\"model\":\"cogvideox-3\",\"prompt\":\"A cat\"}");
				assertThat(context).hasSingleBean(ExchangeCore.class);
			});
	}

	@Test
	void sendsTheConfiguredModelAndPollsAsZaiAsyncSays() throws Exception {
		this.server.enqueue(json(SUBMITTED));
		this.server.enqueue(json("{\"task_status\":\"PROCESSING\"}"));
		this.server.enqueue(json(SUCCESS));
		this.contextRunner
			.withPropertyValues("zai.api-key=" + KEY, "zai.base-url=" + this.server.url("/api/paas/v4"),
					"zai.video.model=viduq1-text", "zai.async.poll-interval=1ms", "zai.async.max-poll-interval=2ms")
			.run((context) -> {
				VideoResult result = context.getBean(ZaiVideoOperations.class)
					.generate(VideoRequest.builder().prompt("A cat").build())
					.block(Duration.ofSeconds(10));
				assertThat(result.url()).isEqualTo("https://cdn.example.com/v.mp4");
				assertThat(this.server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8())
					.isEqualTo("{\"model\":\"viduq1-text\",\"prompt\":\"A cat\"}");
				assertThat(this.server.getRequestCount()).isEqualTo(3);
			});
	}

	@Test
	void failsNamingThePropertyWhenTheModelIsBlank() {
		this.contextRunner.withPropertyValues("zai.api-key=" + KEY, "zai.video.model= ").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("zai.video.model must not be empty");
		});
	}

	@Test
	void failsNamingThePropertyWhenThePollIntervalsAreInverted() {
		this.contextRunner
			.withPropertyValues("zai.api-key=" + KEY, "zai.async.poll-interval=20s", "zai.async.max-poll-interval=5s")
			.withBean(ZaiChatOperations.class, ZaiExchangeCoreAutoConfigurationTests.OwnChat::new)
			.run((context) -> assertThatException().isThrownBy(() -> context.getBean(ZaiVideoOperations.class))
				.satisfies((ex) -> assertThat(ex).hasStackTraceContaining(
						"zai.async.max-poll-interval must be at least zai.async.poll-interval (20s), but was 5s")));
	}

	@Test
	void backsOffForAnApplicationBean() {
		this.contextRunner.withPropertyValues("zai.api-key=" + KEY)
			.withBean(ZaiVideoOperations.class, OwnVideo::new)
			.run((context) -> {
				assertThat(context).hasSingleBean(ZaiVideoOperations.class);
				assertThat(context).doesNotHaveBean(ZaiVideoTemplate.class);
			});
	}

	@Test
	void isOffWithZaiEnabledFalse() {
		this.contextRunner.withPropertyValues("zai.api-key=" + KEY, "zai.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ZaiVideoOperations.class));
	}

	@Test
	void needsNoKeyWhileNobodyUsesIt() {
		this.contextRunner.withBean(ZaiChatOperations.class, ZaiExchangeCoreAutoConfigurationTests.OwnChat::new)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeanFactory().containsBeanDefinition("zaiVideoTemplate")).isTrue();
			});
	}

	private static MockResponse json(String body) {
		return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(body).build();
	}

	static class OwnVideo implements ZaiVideoOperations {

		@Override
		public Mono<VideoTask> submit(VideoRequest request) {
			return Mono.empty();
		}

		@Override
		public Mono<VideoResult> result(String taskId) {
			return Mono.empty();
		}

		@Override
		public Mono<VideoResult> awaitResult(String taskId) {
			return Mono.empty();
		}

		@Override
		public Mono<VideoResult> generate(VideoRequest request) {
			return Mono.empty();
		}

		@Override
		public Mono<String> generate(String prompt) {
			return Mono.empty();
		}

	}

}
