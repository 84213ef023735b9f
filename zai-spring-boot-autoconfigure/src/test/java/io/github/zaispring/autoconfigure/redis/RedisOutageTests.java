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

import java.time.Duration;
import java.util.List;

import io.github.zaispring.QuietOutput;
import io.github.zaispring.ZaiException;
import io.github.zaispring.ZaiRateLimitException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis stopped in the middle of a run and started again, empty, on the same port: no
 * call hangs, calls fail or fall back to the JVM's limit as
 * {@code zai.concurrency.redis.fallback} says, and the fleet-wide limit comes back by
 * itself.
 *
 * @author zai-spring-boot contributors
 */
@QuietOutput
class RedisOutageTests {

	/** {@code zai.connect-timeout}, within which a call that cannot reach Redis fails. */
	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

	/** {@code zai.concurrency.max-wait}. */
	private static final Duration MAX_WAIT = Duration.ofSeconds(10);

	/** The promise for the shared limit after Redis is back. */
	private static final Duration RESUMES_WITHIN = Duration.ofMinutes(1);

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	private static ZaiStandIn standIn;

	private static FleetSemaphores semaphores;

	@BeforeAll
	static void startStandIn() {
		standIn = ZaiStandIn.start();
		semaphores = new FleetSemaphores(redis);
	}

	@AfterAll
	static void stopStandIn() {
		semaphores.close();
		standIn.close();
	}

	@Test
	void withFallbackFailCallsFailFastNamingRedisAndTheSharedLimitResumesAfterARestart() {
		String prefix = RedisFleetTests.uniquePrefix();
		List<String> properties = properties(prefix, "fail");
		try (Replica first = Replica.start(properties); Replica second = Replica.start(properties)) {
			assertSharedLimit(first, second, prefix);
			List<Mono<Long>> streams = startStreams(first);
			redis.stop();
			assertEveryOneEnds(streams);
			int received = standIn.received();
			for (int i = 0; i < 3; i++) {
				Duration took = StepVerifier.create(first.stream(1, Duration.ofMillis(10)))
					.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ZaiException.class)
						.isNotInstanceOf(ZaiRateLimitException.class)
						.hasMessageContaining("Redis")
						.hasMessageContaining(redis.getHost())
						.hasMessageContaining(String.valueOf(redis.getPort()))
						.hasMessageContaining("spring.data.redis"))
					.verify(Duration.ofSeconds(30));
				System.out.println("Call without Redis failed after " + took.toMillis() + " ms");
				assertThat(took).as("time to fail without Redis").isLessThan(CONNECT_TIMEOUT.plusSeconds(1));
			}
			assertThat(standIn.received()).as("requests sent to Z.AI without a permit").isEqualTo(received);
			redis.start();
			awaitSharedLimit(first, second, prefix);
		}
	}

	@Test
	void withFallbackJvmTheLimitOfTheJvmAppliesWhileRedisIsDownAndTheSharedLimitResumesAfterARestart() {
		String prefix = RedisFleetTests.uniquePrefix();
		List<String> properties = properties(prefix, "jvm");
		try (Replica first = Replica.start(properties); Replica second = Replica.start(properties)) {
			assertSharedLimit(first, second, prefix);
			List<Mono<Long>> streams = startStreams(first);
			redis.stop();
			assertEveryOneEnds(streams);
			standIn.resetCounters();
			List<Long> chunks = Flux.range(0, 9)
				.flatMap((i) -> first.stream(4, Duration.ofMillis(25)).count(), 9)
				.collectList()
				.block(Duration.ofSeconds(30));
			assertThat(chunks).as("streams of one replica without Redis").hasSize(9).containsOnly(4L);
			assertThat(standIn.peak()).as("most streams at once of one replica without Redis").isEqualTo(3);
			redis.start();
			awaitSharedLimit(first, second, prefix);
		}
	}

	private static List<String> properties(String prefix, String fallback) {
		return Replica.fleet(standIn, redis, prefix, 3, "zai.concurrency.redis.fallback=" + fallback,
				"zai.concurrency.redis.lease-time=3s", "zai.concurrency.max-wait=" + MAX_WAIT.toSeconds() + "s",
				"zai.connect-timeout=" + CONNECT_TIMEOUT.toMillis() + "ms");
	}

	/**
	 * Starts streams that hold every permit, and two more that wait in the queue.
	 */
	private static List<Mono<Long>> startStreams(Replica replica) {
		List<Mono<Long>> streams = Flux.range(0, 5)
			.map((i) -> replica.stream(10, Duration.ofMillis(100)).count().onErrorReturn(-1L).cache())
			.collectList()
			.block();
		streams.forEach(Mono::subscribe);
		await().atMost(Duration.ofSeconds(10)).until(() -> standIn.inFlight() == 3);
		return streams;
	}

	private static void assertEveryOneEnds(List<Mono<Long>> streams) {
		// the waiting ones too, at the latest when their wait or Redis's timeout ends
		long deadline = System.nanoTime() + MAX_WAIT.plus(CONNECT_TIMEOUT).plusSeconds(5).toNanos();
		for (Mono<Long> stream : streams) {
			assertThat(stream.block(Duration.ofNanos(Math.max(1, deadline - System.nanoTime()))))
				.as("chunks of a stream, or -1 for an error")
				.isNotNull();
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> standIn.inFlight() == 0);
	}

	private static void assertSharedLimit(Replica first, Replica second, String prefix) {
		// one call each first, so that the batch does not time the replicas' first
		// connection to Redis
		first.stream(1, Duration.ofMillis(1)).blockLast(Duration.ofSeconds(30));
		second.stream(1, Duration.ofMillis(1)).blockLast(Duration.ofSeconds(30));
		standIn.resetCounters();
		List<Long> chunks = Flux.range(0, 12)
			.flatMap((i) -> ((i % 2 == 0) ? first : second).stream(4, Duration.ofMillis(25)).count(), 12)
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(chunks).as("streams of two replicas").hasSize(12).containsOnly(4L);
		assertThat(standIn.peak()).as("most streams of two replicas at once").isLessThanOrEqualTo(3);
		assertThat(semaphores.permits(Replica.semaphoreKey(prefix))).as("permits set in Redis").isEqualTo(3);
	}

	private static void awaitSharedLimit(Replica first, Replica second, String prefix) {
		long restarted = System.nanoTime();
		await().atMost(RESUMES_WITHIN)
			.pollInterval(Duration.ofMillis(500))
			.ignoreExceptions()
			.untilAsserted(() -> assertSharedLimit(first, second, prefix));
		System.out.println("Shared limit back " + Duration.ofNanos(System.nanoTime() - restarted).toMillis()
				+ " ms after Redis restarted");
		// and it stays
		assertSharedLimit(first, second, prefix);
	}

}
