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

import io.github.zaispring.ZaiException;
import io.github.zaispring.autoconfigure.redis.RedisServer;
import io.github.zaispring.chat.ZaiChatOperations;
import io.github.zaispring.resilience.redis.RedisConcurrencyLimiter;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.config.Config;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fleet-wide limit on a Redis that speaks only TLS and lets in only clients with a
 * certificate it trusts: {@code spring.data.redis.ssl.bundle} names the Spring Boot SSL
 * bundle that the limiter's Redisson client uses, as Boot's own Redis clients do.
 *
 * @author zai-spring-boot contributors
 */
class ZaiRedisSslBundleTests {

	@RegisterExtension
	static final RedisServer redis = RedisServer.withTls();

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
			.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, WebClientAutoConfiguration.class,
					ZaiAutoConfiguration.class))
			.withPropertyValues("zai.api-key=" + KEY, "zai.base-url=" + this.server.url("/api/paas/v4"),
					"zai.retry.enabled=false", "zai.concurrency.max-in-flight=2", "zai.concurrency.scope=redis",
					"zai.connect-timeout=2s", "spring.data.redis.host=127.0.0.1",
					"spring.data.redis.port=" + redis.getTlsPort());
	}

	@AfterEach
	void stop() {
		this.server.close();
		if (redis.isRunning()) {
			redis.flushAll();
		}
	}

	@Test
	void connectsWithTheSslBundleThatSpringDataRedisSslBundleNames() {
		this.contextRunner.withPropertyValues(bundle("redis")).run((context) -> {
			this.server.enqueue(json(REPLY));
			assertThat(context.getBean(ZaiChatOperations.class).chat("hi").block(WAIT)).isEqualTo("Olá!");
			String semaphore = "zai:concurrency:" + RedisConcurrencyLimiter.fingerprint(KEY) + ":glm-4.6";
			await().atMost(WAIT).until(() -> "2".equals(redis.execute("GET", semaphore)));
		});
	}

	@Test
	void withSslButWithoutTheBundleTheSameRedisIsNotReached() {
		this.contextRunner.withPropertyValues("spring.data.redis.ssl.enabled=true").run((context) -> {
			StepVerifier.create(context.getBean(ZaiChatOperations.class).chat("hi"))
				.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(ZaiException.class)
					.hasMessageContaining("Redis at 127.0.0.1:" + redis.getTlsPort()))
				.verify(WAIT);
			assertThat(this.server.getRequestCount()).isZero();
		});
	}

	@Test
	void failsStartupNamingThePropertyWhenTheBundleIsNotDefined() {
		this.contextRunner.withPropertyValues(bundle("redis"))
			.withPropertyValues("spring.data.redis.ssl.bundle=reddis")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(ZaiConfigurationException.class)
					.hasMessageContaining("spring.data.redis.ssl.bundle is 'reddis'")
					.hasMessageContaining("[redis]")
					.hasMessageContaining("spring.ssl.bundle.pem.reddis");
			});
	}

	@Test
	void aBundleAloneTurnsSslOnAndSslEnabledFalseTurnsItOff() {
		this.contextRunner.withPropertyValues(bundle("redis")).run((context) -> {
			Config config = ZaiRedisConnection.of(context.getEnvironment(), context.getBean(SslBundles.class))
				.toRedissonConfig(Duration.ofSeconds(10));
			assertThat(config.useSingleServer().getAddress()).isEqualTo("rediss://127.0.0.1:" + redis.getTlsPort());
			assertThat(config.getSslTrustManagerFactory()).isNotNull();
			assertThat(config.getSslKeyManagerFactory()).isNotNull();
		});
		this.contextRunner.withPropertyValues(bundle("redis"))
			.withPropertyValues("spring.data.redis.ssl.enabled=false")
			.run((context) -> {
				Config config = ZaiRedisConnection.of(context.getEnvironment(), context.getBean(SslBundles.class))
					.toRedissonConfig(Duration.ofSeconds(10));
				assertThat(config.useSingleServer().getAddress()).isEqualTo("redis://127.0.0.1:" + redis.getTlsPort());
				assertThat(config.getSslTrustManagerFactory()).isNull();
			});
	}

	@Test
	void appliesTheProtocolsAndCiphersOfTheBundle() {
		this.contextRunner.withPropertyValues(bundle("redis"))
			.withPropertyValues("spring.ssl.bundle.pem.redis.options.enabled-protocols=TLSv1.3",
					"spring.ssl.bundle.pem.redis.options.ciphers=TLS_AES_128_GCM_SHA256")
			.run((context) -> {
				Config config = ZaiRedisConnection.of(context.getEnvironment(), context.getBean(SslBundles.class))
					.toRedissonConfig(Duration.ofSeconds(10));
				assertThat(config.getSslProtocols()).containsExactly("TLSv1.3");
				assertThat(config.getSslCiphers()).containsExactly("TLS_AES_128_GCM_SHA256");
				this.server.enqueue(json(REPLY));
				assertThat(context.getBean(ZaiChatOperations.class).chat("hi").block(WAIT)).isEqualTo("Olá!");
			});
	}

	private static String[] bundle(String name) {
		String prefix = "spring.ssl.bundle.pem." + name;
		return new String[] { "spring.data.redis.ssl.bundle=" + name,
				prefix + ".truststore.certificate=file:" + redis.getCertificate(),
				prefix + ".keystore.certificate=file:" + redis.getCertificate(),
				prefix + ".keystore.private-key=file:" + redis.getPrivateKey() };
	}

	private static MockResponse json(String body) {
		return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(body).build();
	}

}
