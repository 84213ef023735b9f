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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.zaispring.QuietOutput;
import io.github.zaispring.ZaiRateLimitException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * A stream that lives three times the lease keeps its permit: the lease is renewed while
 * the stream is alive, so no other replica gets the permit. Takes 90 seconds, as the
 * issue accepts.
 *
 * @author zai-spring-boot contributors
 */
@QuietOutput
class RedisLeaseTests {

	private static final Duration LEASE = Duration.ofSeconds(30);

	private static final int SECONDS = 90;

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	@Test
	void aNinetySecondStreamKeepsItsPermitWithAThirtySecondLease() throws Exception {
		String prefix = RedisFleetTests.uniquePrefix();
		String key = Replica.semaphoreKey(prefix);
		try (ZaiStandIn standIn = ZaiStandIn.start();
				FleetSemaphores semaphores = new FleetSemaphores(redis);
				Replica holder = Replica.start(Replica.fleet(standIn, redis, prefix, 1,
						"zai.concurrency.redis.lease-time=" + LEASE.toSeconds() + "s"));
				Replica other = Replica.start(Replica.fleet(standIn, redis, prefix, 1,
						"zai.concurrency.redis.lease-time=" + LEASE.toSeconds() + "s",
						"zai.concurrency.max-wait=200ms"))) {
			AtomicInteger chunks = new AtomicInteger();
			CompletableFuture<Void> done = new CompletableFuture<>();
			Disposable stream = holder.stream(SECONDS, Duration.ofSeconds(1))
				.subscribe((text) -> chunks.incrementAndGet(), done::completeExceptionally, () -> done.complete(null));
			try {
				await().atMost(Duration.ofSeconds(10)).until(() -> chunks.get() >= 1);
				long started = System.nanoTime();
				// checked every five seconds for 80 seconds (nearly three leases), the
				// last ten left for slow polls
				await().during(Duration.ofSeconds(SECONDS - 10))
					.atMost(Duration.ofSeconds(SECONDS - 2))
					.pollDelay(Duration.ZERO)
					.pollInterval(Duration.ofSeconds(5))
					.untilAsserted(() -> {
						assertThat(done).as("the %d-second stream", SECONDS).isNotDone();
						assertThat(semaphores.available(key)).as("free permits in Redis").isZero();
						assertThat(probe(other)).as("what another replica gets")
							.isInstanceOf(ZaiRateLimitException.class);
						assertThat(standIn.received()).as("requests at the stand-in").isOne();
					});
				done.get(30, TimeUnit.SECONDS);
				assertThat(chunks).hasValue(SECONDS);
				assertThat(Duration.ofNanos(System.nanoTime() - started)).as("time the stream lived, held")
					.isGreaterThan(Duration.ofSeconds(SECONDS - 2));
				StepVerifier.create(other.stream(1, Duration.ofMillis(10)))
					.expectNext("c")
					.expectComplete()
					.verify(Duration.ofSeconds(10));
			}
			finally {
				stream.dispose();
			}
		}
	}

	private static @Nullable Throwable probe(Replica other) {
		return catchThrowable(() -> other.stream(1, Duration.ofMillis(10)).blockLast(Duration.ofSeconds(30)));
	}

}
