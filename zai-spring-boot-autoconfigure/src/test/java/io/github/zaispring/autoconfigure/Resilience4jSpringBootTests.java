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

import io.github.resilience4j.retry.RetryRegistry;
import io.github.zaispring.ZaiServerException;
import io.github.zaispring.chat.ZaiChatOperations;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's route to {@code resilience4j.retry.instances.zai.*}: with
 * {@code io.github.resilience4j:resilience4j-spring-boot4} on the classpath, a Boot 4
 * application starts through the real auto-configuration chain, and the Resilience4j
 * properties decide how often the starter retries.
 *
 * @author zai-spring-boot contributors
 */
class Resilience4jSpringBootTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

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
	void resilience4jMaxAttemptsLimitsTheStartersRetries() {
		for (int i = 0; i < 5; i++) {
			this.server.enqueue(serverError());
		}
		try (ConfigurableApplicationContext context = run("--zai.retry.max-attempts=5",
				"--resilience4j.retry.instances.zai.max-attempts=2",
				"--resilience4j.retry.instances.zai.wait-duration=10ms")) {
			assertThat(context.getBean(RetryRegistry.class).retry("zai").getRetryConfig().getMaxAttempts())
				.isEqualTo(2);
			StepVerifier.create(context.getBean(ZaiChatOperations.class).chat("hi"))
				.expectError(ZaiServerException.class)
				.verify(WAIT);
			assertThat(this.server.getRequestCount()).as("requests with resilience4j max-attempts 2").isEqualTo(2);
		}
	}

	@Test
	void resilience4jMaxAttemptsRaisesTheStartersRetries() {
		for (int i = 0; i < 3; i++) {
			this.server.enqueue(serverError());
		}
		this.server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body("""
				{"choices":[{"finish_reason":"stop","index":0,"message":{"content":"Olá!","role":"assistant"}}],\
				"created":1,"id":"r1","model":"glm-4.6"}""").build());
		try (ConfigurableApplicationContext context = run("--resilience4j.retry.instances.zai.max-attempts=4",
				"--resilience4j.retry.instances.zai.wait-duration=10ms")) {
			assertThat(context.getBean(ZaiChatOperations.class).chat("hi").block(WAIT)).isEqualTo("Olá!");
			assertThat(this.server.getRequestCount()).as("requests with resilience4j max-attempts 4").isEqualTo(4);
		}
	}

	private ConfigurableApplicationContext run(String... args) {
		SpringApplication application = new SpringApplication(Application.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		String[] common = { "--zai.api-key=resilience4j-test.key", "--zai.base-url=" + this.server.url("/api/paas/v4"),
				"--spring.main.banner-mode=off" };
		String[] all = new String[common.length + args.length];
		System.arraycopy(common, 0, all, 0, common.length);
		System.arraycopy(args, 0, all, common.length, args.length);
		return application.run(all);
	}

	private static MockResponse serverError() {
		return new MockResponse.Builder().code(500)
			.addHeader("Content-Type", "application/json")
			.body("{\"error\":{\"code\":\"500\",\"message\":\"Internal Error\"}}")
			.build();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
