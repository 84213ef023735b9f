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

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.github.zaispring.QuietOutput;
import io.github.zaispring.chat.ZaiChatOperations;
import io.github.zaispring.observation.DefaultZaiChatObservationConvention;
import io.github.zaispring.observation.ObservationZaiInterceptor;
import io.github.zaispring.observation.ZaiMeterObservationHandler;
import io.github.zaispring.observation.ZaiChatObservationConvention;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the observation, metrics and logging side of {@link ZaiAutoConfiguration}.
 *
 * @author zai-spring-boot contributors
 */
@QuietOutput
class ZaiObservationAutoConfigurationTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private static final String KEY = "obs-id.obs-secret-123";

	private static final String REPLY = """
			{"choices":[{"finish_reason":"stop","index":0,"message":{"content":"Olá!","role":"assistant"}}],\
			"created":1,"id":"r1","model":"glm-4.6","usage":{"completion_tokens":5,"prompt_tokens":3,"total_tokens":8}}""";

	private MockWebServer server;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void start() throws IOException {
		this.server = new MockWebServer();
		this.server.start(InetAddress.getLoopbackAddress(), 0);
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, WebClientAutoConfiguration.class,
					WebClientObservationAutoConfiguration.class, ZaiAutoConfiguration.class))
			.withPropertyValues("zai.api-key=" + KEY, "zai.base-url=" + this.server.url("/api/paas/v4"));
	}

	@AfterEach
	void stop() {
		this.server.close();
		((Logger) LoggerFactory.getLogger("io.github.zaispring.http")).setLevel(null);
	}

	@Test
	void recordsTheOperationTimerAndTokenUsage() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(ObservationZaiInterceptor.class)
				.hasSingleBean(ZaiMeterObservationHandler.class);
			this.server.enqueue(json(REPLY));
			context.getBean(ZaiChatOperations.class).chat("hi").block(WAIT);
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.get("gen_ai.client.operation")
				.tag("gen_ai.operation.name", "chat")
				.tag("gen_ai.provider.name", "z_ai")
				.tag("error.type", "none")
				.timer()
				.count()).isEqualTo(1);
			io.micrometer.core.instrument.Timer timer = meters.get("gen_ai.client.operation").timer();
			assertThat(timer.getId().getTag("error")).as("one error tag: error.type").isNull();
			assertThat(timer.getId().getDescription()).startsWith("Z.AI client operations");
			assertThat(
					meters.get("gen_ai.client.token.usage").tag("gen_ai.token.type", "input").summary().totalAmount())
				.isEqualTo(3);
			assertThat(meters.get("http.client.requests").tag("uri", "/api/paas/v4/chat/completions").timer().count())
				.as("the URI template is recorded although the request is given its URI ready-made")
				.isEqualTo(1);
		});
	}

	@Test
	void honoursBootsIgnoredMeters() {
		this.contextRunner.withPropertyValues("management.metrics.observations.ignored-meters=long-task-timer")
			.run((context) -> {
				this.server.enqueue(json(REPLY));
				context.getBean(ZaiChatOperations.class).chat("hi").block(WAIT);
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.get("gen_ai.client.operation").timer().count()).isOne();
				assertThat(meters.find("gen_ai.client.operation.active").longTaskTimers()).isEmpty();
			});
		this.contextRunner.run((context) -> {
			this.server.enqueue(json(REPLY));
			context.getBean(ZaiChatOperations.class).chat("hi").block(WAIT);
			assertThat(context.getBean(MeterRegistry.class).find("gen_ai.client.operation.active").longTaskTimers())
				.hasSize(1);
		});
	}

	@Test
	void countsRetries() {
		this.contextRunner.withPropertyValues("zai.retry.initial-backoff=1ms").run((context) -> {
			this.server.enqueue(new MockResponse.Builder().code(429)
				.addHeader("Content-Type", "application/json")
				.body("{\"error\":{\"code\":\"1302\",\"message\":\"Rate limit reached for requests\"}}")
				.build());
			this.server.enqueue(json(REPLY));
			context.getBean(ZaiChatOperations.class).chat("hi").block(WAIT);
			assertThat(context.getBean(MeterRegistry.class)
				.get("zai.client.retries")
				.tag("reason", "1302")
				.counter()
				.count()).isEqualTo(1);
		});
	}

	@Test
	void publishesTheConcurrencyQueue() {
		this.contextRunner.withPropertyValues("zai.concurrency.max-in-flight=2").run((context) -> {
			this.server.enqueue(json(REPLY));
			context.getBean(ZaiChatOperations.class).chat("hi").block(WAIT);
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.get("zai.client.concurrency.queue.wait").tag("outcome", "acquired").timer().count())
				.isEqualTo(1);
			assertThat(meters.get("zai.client.concurrency.in_flight").gauge().value()).isZero();
		});
	}

	@Test
	void switchesObservationsOffWithManagementObservationsEnable() {
		this.contextRunner.withPropertyValues("management.observations.enable.gen_ai=false").run((context) -> {
			this.server.enqueue(json(REPLY));
			assertThat(context.getBean(ZaiChatOperations.class).chat("hi").block(WAIT)).isEqualTo("Olá!");
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.find("gen_ai.client.operation").timer()).isNull();
			assertThat(meters.find("gen_ai.client.token.usage").summary()).isNull();
		});
	}

	@Test
	void usesTheApplicationsConvention() {
		this.contextRunner
			.withBean(ZaiChatObservationConvention.class, () -> new DefaultZaiChatObservationConvention() {

				@Override
				public String getName() {
					return "my.chat";
				}

			})
			.run((context) -> {
				this.server.enqueue(json(REPLY));
				context.getBean(ZaiChatOperations.class).chat("hi").block(WAIT);
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.get("my.chat").timer().count()).isEqualTo(1);
				assertThat(meters.find("gen_ai.client.operation").timer()).isNull();
			});
	}

	@Test
	void recordsContentOnlyWhenOptedInAndWarnsAboutIt(CapturedOutput output) {
		this.contextRunner.run((context) -> assertThat(output).doesNotContain("include-content"));
		this.contextRunner.withPropertyValues("zai.observations.include-content=true")
			.run((context) -> assertThat(output).contains("zai.observations.include-content is true")
				.contains("personal data"));
	}

	@Test
	void worksWithoutMicrometerMeters() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MeterRegistry.class)).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(ObservationZaiInterceptor.class)
				.doesNotHaveBean(ZaiMeterObservationHandler.class);
			this.server.enqueue(json(REPLY));
			assertThat(context.getBean(ZaiChatOperations.class).chat("hi").block(WAIT)).isEqualTo("Olá!");
		});
	}

	@Test
	void worksWithoutMicrometerAtAll() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, ZaiAutoConfiguration.class))
			.withPropertyValues("zai.api-key=" + KEY, "zai.base-url=" + this.server.url("/api/paas/v4"))
			.withClassLoader(new FilteredClassLoader(ObservationRegistry.class, MeterRegistry.class))
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(ObservationZaiInterceptor.class);
				this.server.enqueue(json(REPLY));
				assertThat(context.getBean(ZaiChatOperations.class).chat("hi").block(WAIT)).isEqualTo("Olá!");
			});
	}

	@Test
	void logsOneLinePerExchangeAtDebugWithoutTheKey(CapturedOutput output) {
		((Logger) LoggerFactory.getLogger("io.github.zaispring.http")).setLevel(Level.DEBUG);
		this.contextRunner.run((context) -> {
			this.server.enqueue(json(REPLY));
			context.getBean(ZaiChatOperations.class).chat("a secret prompt").block(WAIT);
		});
		assertThat(output).contains("Z.AI POST /api/paas/v4/chat/completions model=glm-4.6")
			.contains("attempt=1")
			.contains("-> HTTP 200 in ")
			.doesNotContain(KEY)
			.doesNotContain("obs-secret")
			.doesNotContain("a secret prompt");
	}

	@Test
	void logsBodiesOnlyWhenOptedIn(CapturedOutput output) {
		((Logger) LoggerFactory.getLogger("io.github.zaispring.http")).setLevel(Level.DEBUG);
		this.contextRunner.withPropertyValues("zai.logging.include-bodies=true").run((context) -> {
			this.server.enqueue(json(REPLY));
			context.getBean(ZaiChatOperations.class).chat("a secret prompt").block(WAIT);
		});
		assertThat(output).contains("Z.AI request body: {\"model\":\"glm-4.6\"")
			.contains("a secret prompt")
			.contains("Z.AI response body: {\"choices\"")
			.doesNotContain(KEY);
	}

	private static MockResponse json(String body) {
		return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(body).build();
	}

}
