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
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.zaispring.ZaiException;
import io.github.zaispring.ZaiQuotaExceededException;
import io.github.zaispring.ZaiRateLimitException;
import io.github.zaispring.ZaiServerException;
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
 * Tests of the resilience settings of {@link ZaiAutoConfiguration}: properties, and the
 * application's Resilience4j registries.
 *
 * @author zai-spring-boot contributors
 */
class ZaiResilienceAutoConfigurationTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private static final String REPLY = """
			{"choices":[{"finish_reason":"stop","index":0,"message":{"content":"Olá!","role":"assistant"}}],\
			"created":1,"id":"r1","model":"glm-4.6"}""";

	private MockWebServer server;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void start() throws IOException {
		this.server = new MockWebServer();
		this.server.start(InetAddress.getLoopbackAddress(), 0);
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, ZaiAutoConfiguration.class))
			.withPropertyValues("zai.api-key=k.secret", "zai.base-url=" + this.server.url("/api/paas/v4"),
					"zai.retry.initial-backoff=1ms", "zai.retry.max-backoff=5ms");
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void retriesWithThePropertiesByDefault() {
		this.contextRunner.withPropertyValues("zai.retry.max-attempts=4").run((context) -> {
			for (int i = 0; i < 3; i++) {
				this.server.enqueue(error(503, "1234", "Network error"));
			}
			this.server.enqueue(json(REPLY));
			assertThat(context.getBean(ZaiChatOperations.class).chat("hi").block(WAIT)).isEqualTo("Olá!");
			assertThat(this.server.getRequestCount()).isEqualTo(4);
		});
	}

	@Test
	void sendsEveryRequestOnceWhenRetriesAreDisabled() {
		this.contextRunner.withPropertyValues("zai.retry.enabled=false").run((context) -> {
			this.server.enqueue(error(500, "500", "Internal Error"));
			this.server.enqueue(json(REPLY));
			StepVerifier.create(context.getBean(ZaiChatOperations.class).chat("hi"))
				.expectError(ZaiServerException.class)
				.verify(WAIT);
			assertThat(this.server.getRequestCount()).isEqualTo(1);
		});
	}

	@Test
	void takesTheZaiRetryOfTheApplicationsRegistry() {
		RetryRegistry registry = RetryRegistry
			.of(Map.of("zai", RetryConfig.custom().maxAttempts(2).waitDuration(Duration.ofMillis(1)).build()));
		this.contextRunner.withBean(RetryRegistry.class, () -> registry).run((context) -> {
			for (int i = 0; i < 3; i++) {
				this.server.enqueue(error(500, "500", "Internal Error"));
			}
			StepVerifier.create(context.getBean(ZaiChatOperations.class).chat("hi"))
				.expectError(ZaiServerException.class)
				.verify(WAIT);
			assertThat(this.server.getRequestCount()).as("the registry's max attempts").isEqualTo(2);
			assertThat(registry.find("zai")).isPresent();
			assertThat(registry.retry("zai").getMetrics().getNumberOfFailedCallsWithRetryAttempt()).isEqualTo(1);
		});
	}

	@Test
	void neverRetriesPermanentFailuresEvenWhenTheRegistryRetriesEverything() {
		RetryRegistry registry = RetryRegistry
			.of(Map.of("zai", RetryConfig.custom().maxAttempts(5).waitDuration(Duration.ofMillis(1)).build()));
		this.contextRunner.withBean(RetryRegistry.class, () -> registry).run((context) -> {
			this.server.enqueue(error(429, "1113", "Insufficient balance or no resource package. Please recharge."));
			StepVerifier.create(context.getBean(ZaiChatOperations.class).chat("hi"))
				.expectError(ZaiQuotaExceededException.class)
				.verify(WAIT);
			assertThat(this.server.getRequestCount()).isEqualTo(1);
		});
	}

	@Test
	void registersTheRetryFromThePropertiesInARegistryWithoutAZaiInstance() {
		RetryRegistry registry = RetryRegistry.ofDefaults();
		this.contextRunner.withBean(RetryRegistry.class, () -> registry)
			.withPropertyValues("zai.retry.max-attempts=5")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(registry.find("zai"))
					.hasValueSatisfying((retry) -> assertThat(retry.getRetryConfig().getMaxAttempts()).isEqualTo(5));
			});
	}

	@Test
	void opensTheCircuitBreakerWhenEnabled() {
		CircuitBreakerRegistry registry = CircuitBreakerRegistry
			.of(Map.of("zai", CircuitBreakerConfig.custom().minimumNumberOfCalls(2).slidingWindowSize(2).build()));
		this.contextRunner.withBean(CircuitBreakerRegistry.class, () -> registry)
			.withPropertyValues("zai.circuit-breaker.enabled=true", "zai.retry.enabled=false")
			.run((context) -> {
				ZaiChatOperations zai = context.getBean(ZaiChatOperations.class);
				for (int i = 0; i < 2; i++) {
					this.server.enqueue(error(500, "500", "Internal Error"));
					StepVerifier.create(zai.chat("hi")).expectError(ZaiServerException.class).verify(WAIT);
				}
				assertThat(registry.circuitBreaker("zai").getState()).isEqualTo(CircuitBreaker.State.OPEN);
				StepVerifier.create(zai.chat("hi"))
					.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(ZaiException.class)
						.hasMessageContaining("circuit breaker"))
					.verify(WAIT);
				assertThat(this.server.getRequestCount()).as("failing fast sends nothing").isEqualTo(2);
			});
	}

	@Test
	void hasNoCircuitBreakerByDefault() {
		CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
		this.contextRunner.withBean(CircuitBreakerRegistry.class, () -> registry)
			.withPropertyValues("zai.retry.enabled=false")
			.run((context) -> {
				ZaiChatOperations zai = context.getBean(ZaiChatOperations.class);
				for (int i = 0; i < 3; i++) {
					this.server.enqueue(error(500, "500", "Internal Error"));
					StepVerifier.create(zai.chat("hi")).expectError(ZaiServerException.class).verify(WAIT);
				}
				assertThat(registry.find("zai")).isEmpty();
			});
	}

	@Test
	void limitsRequestsInFlightWhenMaxInFlightIsSet() {
		this.contextRunner.withPropertyValues("zai.concurrency.max-in-flight=1", "zai.concurrency.max-wait=0s")
			.run((context) -> {
				this.server.enqueue(new MockResponse.Builder().headersDelay(2, java.util.concurrent.TimeUnit.SECONDS)
					.addHeader("Content-Type", "application/json")
					.body(REPLY)
					.build());
				ZaiChatOperations zai = context.getBean(ZaiChatOperations.class);
				StepVerifier.create(zai.chat("one").mergeWith(zai.chat("two")))
					.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ZaiRateLimitException.class)
						.hasMessageContaining("zai.concurrency.max-in-flight of 1"))
					.verify(WAIT);
			});
	}

	private static MockResponse json(String body) {
		return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(body).build();
	}

	private static MockResponse error(int status, String code, String message) {
		return new MockResponse.Builder().code(status)
			.addHeader("Content-Type", "application/json")
			.body("{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}")
			.build();
	}

}
