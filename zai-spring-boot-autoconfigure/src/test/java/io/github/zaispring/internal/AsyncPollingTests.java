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

package io.github.zaispring.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.zaispring.ZaiAsyncTimeoutException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AsyncPolling}, the one wait for asynchronous tasks of every endpoint
 * family, on virtual time.
 *
 * @author zai-spring-boot contributors
 */
class AsyncPollingTests {

	private final AsyncPolling polling = new AsyncPolling(Duration.ofSeconds(2), Duration.ofSeconds(5),
			Duration.ofMinutes(1));

	@Test
	void pollsAtOnceThenAtIntervalsGrowingByHalfUpToTheCap() {
		List<Long> pollTimes = new ArrayList<>();
		AtomicInteger polls = new AtomicInteger();
		StepVerifier.withVirtualTime(() -> this.polling.await("task-1", (id) -> Mono.fromSupplier(() -> {
			pollTimes.add(Schedulers.parallel().now(java.util.concurrent.TimeUnit.MILLISECONDS));
			return (polls.incrementAndGet() < 6) ? "PROCESSING" : "SUCCESS";
		}), (status) -> "SUCCESS".equals(status) ? Mono.just("done") : Mono.<String>empty()))
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(30))
			.expectNext("done")
			.verifyComplete();
		List<Long> waits = new ArrayList<>();
		for (int i = 1; i < pollTimes.size(); i++) {
			waits.add(pollTimes.get(i) - pollTimes.get(i - 1));
		}
		assertThat(waits).containsExactly(2000L, 3000L, 4500L, 5000L, 5000L);
	}

	@Test
	void anEmptyOutcomeKeepsPollingUntilMaxWaitAndTheTimeoutNamesTheTask() {
		AtomicInteger polls = new AtomicInteger();
		StepVerifier
			.withVirtualTime(() -> this.polling.await("task-7", (id) -> Mono.fromSupplier(polls::incrementAndGet),
					(answer) -> Mono.<String>empty()))
			.expectSubscription()
			.thenAwait(Duration.ofMinutes(1))
			.expectErrorSatisfies(
					(ex) -> assertThat(ex).isInstanceOf(ZaiAsyncTimeoutException.class).hasMessageContaining("task-7"))
			.verify(Duration.ofSeconds(5));
		// 0, 2, 5, 9.5, then every 5 s up to 59.5: fourteen polls within the minute
		assertThat(polls.get()).isEqualTo(14);
	}

	@Test
	void aFailedOutcomeEndsTheWaitAtOnce() {
		AtomicInteger polls = new AtomicInteger();
		StepVerifier
			.create(this.polling.await("task-2", (id) -> Mono.fromSupplier(polls::incrementAndGet),
					(answer) -> Mono.error(AsyncPolling.failed("video generation", "task-2",
							new AsyncPolling.TaskError("1301", "Unsafe"), "req-000001"))))
			.expectErrorSatisfies(
					(ex) -> assertThat(ex).hasMessage("Z.AI video generation task 'task-2' failed: Unsafe (code 1301)"))
			.verify(Duration.ofSeconds(5));
		assertThat(polls.get()).isEqualTo(1);
	}

}
