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
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import io.github.zaispring.ZaiException;
import io.github.zaispring.autoconfigure.redis.RedisServer;
import io.github.zaispring.chat.ZaiChatOperations;
import io.github.zaispring.resilience.ZaiConcurrencyMetrics;
import io.github.zaispring.resilience.redis.RedisConcurrencyLimiter;
import io.github.zaispring.resilience.redis.RedisLimiterMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests of the fleet-wide concurrency limit of {@link ZaiAutoConfiguration}
 * ({@code zai.concurrency.scope=redis}), on a real {@code redis-server} where one is
 * needed.
 *
 * @author zai-spring-boot contributors
 */
class ZaiRedisConcurrencyAutoConfigurationTests {

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	private static final Duration WAIT = Duration.ofSeconds(15);

	private static final String KEY = "redis-id.redis-secret-123";

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
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, WebClientAutoConfiguration.class,
					ZaiAutoConfiguration.class))
			.withPropertyValues("zai.api-key=" + KEY, "zai.base-url=" + this.server.url("/api/paas/v4"),
					"zai.retry.enabled=false", "zai.concurrency.max-in-flight=2");
	}

	@AfterEach
	void stop() {
		this.server.close();
		if (redis.isRunning()) {
			redis.flushAll();
		}
	}

	@Test
	void keepsTheLimitInThisJvmByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).doesNotHaveBean(ZaiRedisLimiterFactory.class);
			ZaiProperties.Concurrency concurrency = context.getBean(ZaiProperties.class).getConcurrency();
			assertThat(concurrency.getScope()).isEqualTo(ZaiProperties.Concurrency.Scope.JVM);
			assertThat(concurrency.getRedis().getLeaseTime()).isEqualTo(Duration.ofSeconds(30));
			assertThat(concurrency.getRedis().getKeyPrefix()).isEqualTo("zai:concurrency");
			assertThat(concurrency.getRedis().getFallback()).isEqualTo(ZaiProperties.Concurrency.Fallback.FAIL);
		});
	}

	@Test
	void sharesTheLimitThroughTheRedisOfSpringDataRedisProperties() {
		this.contextRunner.withPropertyValues(redis.getProperties())
			.withPropertyValues("zai.concurrency.scope=redis", "zai.concurrency.redis.key-prefix=app:limit")
			.run((context) -> {
				assertThat(context).hasSingleBean(ZaiRedisLimiterFactory.class);
				this.server.enqueue(json(REPLY));
				assertThat(context.getBean(ZaiChatOperations.class).chat("hi").block(WAIT)).isEqualTo("Olá!");
				String semaphore = "app:limit:" + RedisConcurrencyLimiter.fingerprint(KEY) + ":glm-4.6";
				await().atMost(WAIT).until(() -> "2".equals(redis.execute("GET", semaphore)));
				@SuppressWarnings("unchecked")
				List<String> keys = (List<String>) redis.execute("KEYS", "*");
				assertThat(keys).contains(semaphore).noneMatch((key) -> key.contains("redis-secret-123"));
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.get(RedisLimiterMetrics.ROUND_TRIP)
					.tag("gen_ai.request.model", "glm-4.6")
					.tag("operation", "acquire")
					.tag("outcome", "success")
					.timer()
					.count()).isOne();
				assertThat(meters.get(ZaiConcurrencyMetrics.QUEUE_WAIT).tag("outcome", "acquired").timer().count())
					.isOne();
				assertThat(meters.get(ZaiConcurrencyMetrics.IN_FLIGHT).gauge().value()).isZero();
				assertThat(meters.get(RedisLimiterMetrics.FALLBACK).gauge().value()).isZero();
			});
	}

	@Test
	void startsWithoutRedisAndFailsACallWithinTheConnectTimeoutNamingRedis() throws IOException {
		int closedPort = closedPort();
		this.contextRunner
			.withPropertyValues("zai.concurrency.scope=redis", "zai.connect-timeout=1s",
					"spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + closedPort)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				StepVerifier.create(context.getBean(ZaiChatOperations.class).chat("hi"))
					.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(ZaiException.class)
						.hasMessageContaining("Redis at 127.0.0.1:" + closedPort)
						.hasMessageContaining("spring.data.redis.*")
						.hasMessageNotContaining("redis-secret-123"))
					.verify(WAIT);
				assertThat(this.server.getRequestCount()).isZero();
			});
	}

	@Test
	void appliesTheLimitOfThisJvmWhileRedisIsDownWithFallbackJvm() throws IOException {
		int closedPort = closedPort();
		this.contextRunner.withPropertyValues("zai.concurrency.scope=redis", "zai.concurrency.redis.fallback=jvm",
				"zai.connect-timeout=1s", "spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + closedPort)
			.run((context) -> {
				this.server.enqueue(json(REPLY));
				assertThat(context.getBean(ZaiChatOperations.class).chat("hi").block(WAIT)).isEqualTo("Olá!");
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.get(RedisLimiterMetrics.FALLBACK).gauge().value()).isOne();
				assertThat(meters.get(RedisLimiterMetrics.ROUND_TRIP).tag("outcome", "error").timer().count()).isOne();
			});
	}

	@Test
	void failsStartupNamingRedissonWhenTheRedisScopeHasNoRedisson() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.redisson"))
			.withPropertyValues("zai.concurrency.scope=redis")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new ZaiMissingDependencyFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("zai.concurrency.scope=redis")
					.contains("org.redisson:redisson");
				assertThat(analysis.getAction()).contains("<groupId>org.redisson</groupId>")
					.contains("<artifactId>redisson</artifactId>")
					.contains("<version>" + ZaiResilienceFactory.REDISSON_VERSION + "</version>")
					.contains("remove zai.concurrency.scope=redis")
					.doesNotContain("\t");
			});
	}

	@Test
	void needsNoRedissonForTheJvmScope() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.redisson"))
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(ZaiChatOperations.class));
	}

	@Test
	void needsNoRedissonForTheRedisScopeWithoutALimit() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.redisson"))
			.withPropertyValues("zai.concurrency.scope=redis", "zai.concurrency.max-in-flight=0")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void rejectsALeaseTimeShorterThan300Milliseconds() {
		this.contextRunner.withPropertyValues("zai.concurrency.redis.lease-time=100ms")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining(
						"zai.concurrency.redis.lease-time must be at least 300ms, such as 30s, but " + "was 100ms"));
	}

	@Test
	void rejectsAKeyPrefixWithSpaces() {
		this.contextRunner.withPropertyValues("zai.concurrency.redis.key-prefix=my app")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("zai.concurrency.redis.key-prefix must be a Redis key prefix without spaces"));
	}

	@Test
	void rejectsAnUnknownScopeNamingTheProperty() {
		this.contextRunner.withPropertyValues("zai.concurrency.scope=cluster").run((context) -> {
			BindException failure = findCause(context.getStartupFailure(), BindException.class);
			assertThat(failure.getProperty().getName()).hasToString("zai.concurrency.scope");
		});
	}

	@Test
	void reportsAMisspeltRedisPropertyWithTheRightName() {
		this.contextRunner.withPropertyValues("zai.concurrency.redis.leas-time=10s").run((context) -> {
			ZaiUnknownPropertiesException failure = findCause(context.getStartupFailure(),
					ZaiUnknownPropertiesException.class);
			assertThat(failure.getProperties()).singleElement()
				.satisfies((property) -> assertThat(property.suggestion())
					.hasToString("zai.concurrency.redis.lease-time"));
		});
	}

	@Test
	void readsTheRedisUrlWithCredentialsAndDatabase() {
		this.contextRunner
			.withPropertyValues("spring.data.redis.url=rediss://user:pa55@redis.example:6380/3",
					"spring.data.redis.timeout=2s")
			.run((context) -> {
				ZaiRedisConnection connection = ZaiRedisConnection.of(context.getEnvironment(), null);
				assertThat(connection.describe()).isEqualTo("redis.example:6380").doesNotContain("pa55");
				org.redisson.config.Config config = connection.toRedissonConfig(Duration.ofSeconds(10));
				assertThat(config.isLazyInitialization()).isTrue();
				assertThat(config.getUsername()).isEqualTo("user");
				assertThat(config.getPassword()).isEqualTo("pa55");
				assertThat(config.useSingleServer().getAddress()).isEqualTo("rediss://redis.example:6380");
				assertThat(config.useSingleServer().getDatabase()).isEqualTo(3);
				assertThat(config.useSingleServer().getTimeout()).isEqualTo(2000);
				assertThat(config.useSingleServer().getConnectTimeout()).isEqualTo(10000);
			});
	}

	@Test
	void readsSentinelAndCluster() {
		this.contextRunner
			.withPropertyValues("spring.data.redis.sentinel.master=mymaster",
					"spring.data.redis.sentinel.nodes=s1:26379,s2:26379", "spring.data.redis.ssl.enabled=true",
					"spring.data.redis.connect-timeout=3s")
			.run((context) -> {
				ZaiRedisConnection connection = ZaiRedisConnection.of(context.getEnvironment(), null);
				assertThat(connection.describe()).isEqualTo("sentinel master mymaster at s1:26379,s2:26379");
				org.redisson.config.Config config = connection.toRedissonConfig(Duration.ofSeconds(10));
				assertThat(config.useSentinelServers().getSentinelAddresses()).containsExactly("rediss://s1:26379",
						"rediss://s2:26379");
				assertThat(config.useSentinelServers().getConnectTimeout()).isEqualTo(3000);
			});
		this.contextRunner.withPropertyValues("spring.data.redis.cluster.nodes=c1:7000,c2:7000").run((context) -> {
			ZaiRedisConnection connection = ZaiRedisConnection.of(context.getEnvironment(), null);
			assertThat(connection.describe()).isEqualTo("cluster c1:7000,c2:7000");
			assertThat(connection.toRedissonConfig(Duration.ofSeconds(10)).useClusterServers().getNodeAddresses())
				.containsExactly("redis://c1:7000", "redis://c2:7000");
		});
	}

	private static MockResponse json(String body) {
		return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(body).build();
	}

	private static <E extends Throwable> E findCause(Throwable failure, Class<E> type) {
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (type.isInstance(candidate)) {
				return type.cast(candidate);
			}
		}
		throw new AssertionError("No " + type.getSimpleName() + " in " + failure);
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
