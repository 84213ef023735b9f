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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.zaispring.ZaiTimeoutException;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import reactor.test.publisher.TestPublisher;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StreamTimeouts}, on virtual time.
 *
 * @author zai-spring-boot contributors
 */
class StreamTimeoutsTests {

	private static final Duration FIRST = Duration.ofSeconds(120);

	private static final Duration IDLE = Duration.ofSeconds(10);

	@Test
	void failsWhenTheFirstElementTakesTooLong() {
		StepVerifier.withVirtualTime(() -> Flux.<String>never().transform(StreamTimeouts.of(FIRST, IDLE)))
			.expectSubscription()
			.thenAwait(FIRST.minusMillis(2))
			.expectNoEvent(Duration.ofMillis(1))
			.thenAwait(Duration.ofMillis(1))
			.expectErrorSatisfies((ex) -> {
				assertThat(((ZaiTimeoutException) ex).getTimeoutName()).isEqualTo("zai.first-chunk-timeout");
				assertThat(((ZaiTimeoutException) ex).getTimeout()).isEqualTo(FIRST);
			})
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void keepsAStreamAliveWhileElementsArriveWithinTheIdleTimeout() {
		TestPublisher<String> source = TestPublisher.create();
		StepVerifier.withVirtualTime(() -> source.flux().transform(StreamTimeouts.of(FIRST, IDLE)))
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(100))
			.then(() -> source.next("a"))
			.expectNext("a")
			.thenAwait(Duration.ofSeconds(9))
			.then(() -> source.next("b"))
			.expectNext("b")
			.thenAwait(Duration.ofSeconds(9))
			.then(() -> source.next("c"))
			.expectNext("c")
			.then(source::complete)
			.verifyComplete();
	}

	@Test
	void failsWhenTheSilenceBetweenTwoElementsIsTooLong() {
		TestPublisher<String> source = TestPublisher.create();
		StepVerifier.withVirtualTime(() -> source.flux().transform(StreamTimeouts.of(FIRST, IDLE)))
			.expectSubscription()
			.then(() -> source.next("a"))
			.expectNext("a")
			.thenAwait(Duration.ofSeconds(5))
			.then(() -> source.next("b"))
			.expectNext("b")
			.thenAwait(IDLE.minusMillis(2))
			.expectNoEvent(Duration.ofMillis(1))
			.thenAwait(Duration.ofMillis(1))
			.expectErrorSatisfies((ex) -> assertThat(((ZaiTimeoutException) ex).getTimeoutName())
				.isEqualTo("zai.stream-idle-timeout"))
			.verify(Duration.ofSeconds(5));
		source.assertCancelled();
	}

	@Test
	void appliesTheIdleTimeoutFromTheFirstElementEvenWhenItIsShorter() {
		TestPublisher<String> source = TestPublisher.create();
		StepVerifier.withVirtualTime(() -> source.flux().transform(StreamTimeouts.of(FIRST, Duration.ofSeconds(1))))
			.expectSubscription()
			.then(() -> source.next("a"))
			.expectNext("a")
			.thenAwait(Duration.ofSeconds(1))
			.expectError(ZaiTimeoutException.class)
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void countsAnIdleTimeoutLongerThanTheFirstChunkTimeoutFromTheLastElement() {
		TestPublisher<String> source = TestPublisher.create();
		Duration first = Duration.ofSeconds(10);
		Duration idle = Duration.ofSeconds(30);
		StepVerifier.withVirtualTime(() -> source.flux().transform(StreamTimeouts.of(first, idle)))
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(5))
			.then(() -> source.next("a"))
			.expectNext("a")
			.thenAwait(Duration.ofSeconds(20))
			.then(() -> source.next("b"))
			.expectNext("b")
			.thenAwait(idle.minusMillis(2))
			.expectNoEvent(Duration.ofMillis(1))
			.thenAwait(Duration.ofMillis(1))
			.expectErrorSatisfies((ex) -> {
				assertThat(((ZaiTimeoutException) ex).getTimeoutName()).isEqualTo("zai.stream-idle-timeout");
				assertThat(((ZaiTimeoutException) ex).getTimeout()).isEqualTo(idle);
			})
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void schedulesOneTimerForAStreamWhoseFirstElementDoesNotShortenTheWait() {
		CountingScheduler scheduler = new CountingScheduler();
		TestPublisher<String> source = TestPublisher.create();
		StepVerifier
			.withVirtualTime(() -> source.flux().transform(StreamTimeouts.of(IDLE, IDLE)), () -> scheduler,
					Long.MAX_VALUE)
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(1))
			.then(() -> source.next("a"))
			.expectNext("a")
			.then(() -> source.next("b"))
			.expectNext("b")
			.then(source::complete)
			.verifyComplete();
		assertThat(scheduler.timers).hasValue(1);
	}

	/**
	 * Virtual time that counts the timers scheduled on it.
	 */
	static final class CountingScheduler extends VirtualTimeScheduler {

		final AtomicInteger timers = new AtomicInteger();

		CountingScheduler() {
			super(true);
		}

		@Override
		public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
			this.timers.incrementAndGet();
			return super.schedule(task, delay, unit);
		}

	}

	@Test
	void stopsWatchingWhenTheStreamEnds() {
		StepVerifier.withVirtualTime(() -> Flux.just("a", "b").transform(StreamTimeouts.of(FIRST, IDLE)))
			.expectNext("a", "b")
			.verifyComplete();
	}

}
