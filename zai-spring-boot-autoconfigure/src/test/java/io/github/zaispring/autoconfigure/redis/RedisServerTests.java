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

package io.github.zaispring.autoconfigure.redis;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Tests for {@link RedisServer}.
 *
 * @author zai-spring-boot contributors
 */
class RedisServerTests {

	private static final Path MISSING = Path.of("/nonexistent/redis-server");

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	private static volatile long failingTestPid;

	@Test
	void answersCommandsOnLoopback() {
		assertThat(redis.getHost()).isEqualTo("127.0.0.1");
		assertThat(redis.getUri()).isEqualTo("redis://127.0.0.1:" + redis.getPort());
		assertThat(redis.getProperties()).containsExactly("spring.data.redis.host=127.0.0.1",
				"spring.data.redis.port=" + redis.getPort());
		assertThat(redis.execute("PING")).isEqualTo("PONG");
		assertThat(redis.execute("SET", "answer", "42")).isEqualTo("OK");
		assertThat(redis.execute("GET", "answer")).isEqualTo("42");
		assertThat(redis.execute("INCR", "counter")).isEqualTo("1");
		assertThat(redis.execute("GET", "missing")).isNull();
		assertThat(redis.execute("CONFIG", "GET", "save")).isEqualTo(java.util.List.of("save", ""));
		assertThat(redis.execute("CONFIG", "GET", "appendonly")).isEqualTo(java.util.List.of("appendonly", "no"));
	}

	@Test
	void startsAgainOnTheSamePortAndEmpty() {
		int port = redis.getPort();
		long pid = redis.getPid();
		redis.execute("SET", "survives", "no");
		redis.stop();
		assertThat(redis.isRunning()).isFalse();
		assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
		assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> redis.execute("PING"));
		redis.start();
		assertThat(redis.getPort()).isEqualTo(port);
		assertThat(redis.getPid()).isNotEqualTo(pid);
		assertThat(redis.execute("GET", "survives")).isNull();
	}

	@Test
	void killEndsTheProcessAndTheNextTestGetsAServerAgain() {
		long pid = redis.getPid();
		redis.kill();
		assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
		assertThat(redis.isRunning()).isFalse();
		// no start(): beforeEach starts it again for the next test
	}

	@Test
	void isRunningBeforeEveryTest() {
		assertThat(redis.isRunning()).isTrue();
		assertThat(redis.execute("PING")).isEqualTo("PONG");
	}

	@Test
	void stopsTheServerAfterTheTestsOfAClassEvenWhenTheyFail() {
		Events events = run(FailingWithRedis.class);
		assertThat(events.failed().count()).isEqualTo(1);
		assertThat(failingTestPid).isPositive();
		assertThat(ProcessHandle.of(failingTestPid).filter(ProcessHandle::isAlive)).isEmpty();
	}

	@Test
	void skipsTheTestsWithHowToInstallWhenRedisIsMissing() {
		Events containers = EngineTestKit.engine("junit-jupiter")
			.selectors(selectClass(WithoutRedis.class))
			.execute()
			.containerEvents();
		assertThat(containers.skipped().count()).isEqualTo(1);
		assertThat(containers.skipped().stream().map((event) -> event.getPayload(String.class).orElse("")))
			.singleElement()
			.asString()
			.contains("/nonexistent/redis-server is missing")
			.contains("bash .ci/install-redis")
			.contains("sudo apt-get install redis-server");
	}

	@Test
	void failsTheTestsWhenRedisIsMissingOnCi() {
		Events containers = EngineTestKit.engine("junit-jupiter")
			.selectors(selectClass(WithoutRedisOnCi.class))
			.execute()
			.containerEvents();
		assertThat(containers.skipped().count()).isZero();
		assertThat(containers.failed()
			.stream()
			.map((event) -> event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable))
			.map((throwable) -> throwable.map(Throwable::getMessage))).singleElement()
			.isEqualTo(Optional
				.of("/nonexistent/redis-server is missing and CI=true requires it; " + RedisServer.INSTALL_HINT));
	}

	@Test
	void refusesToStartTwice() {
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(redis::start)
			.withMessageContaining("already running on port " + redis.getPort());
	}

	private static Events run(Class<?> testClass) {
		return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
	}

	static class FailingWithRedis {

		@RegisterExtension
		static final RedisServer redis = new RedisServer();

		@Test
		void fails() {
			failingTestPid = redis.getPid();
			throw new AssertionError("failed on purpose");
		}

	}

	static class WithoutRedis {

		@RegisterExtension
		static final RedisServer redis = new RedisServer(MISSING, Map.of());

		@Test
		void needsRedis() {
			throw new AssertionError("must be skipped");
		}

	}

	static class WithoutRedisOnCi {

		@RegisterExtension
		static final RedisServer redis = new RedisServer(MISSING, Map.of("CI", "true"));

		@Test
		void needsRedis() {
			throw new AssertionError("must not run without Redis");
		}

	}

}
