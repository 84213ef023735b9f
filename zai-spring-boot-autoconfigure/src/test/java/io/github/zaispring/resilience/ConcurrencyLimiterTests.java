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

package io.github.zaispring.resilience;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.zaispring.QuietOutput;
import io.github.zaispring.ZaiRateLimitException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import reactor.test.publisher.TestPublisher;
import reactor.test.util.RaceTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ConcurrencyLimiter}.
 *
 * @author zai-spring-boot contributors
 */
class ConcurrencyLimiterTests {

	private static final String MODEL = "glm-4.6";

	private static final Duration LONG_WAIT = Duration.ofMinutes(10);

	@Test
	void limitOfTwoMakesTheThirdWaitUntilOneOfTheFirstTwoCompletes() {
		LocalConcurrencyLimiter limiter = new LocalConcurrencyLimiter(2, LONG_WAIT);
		TestPublisher<String> first = TestPublisher.create();
		TestPublisher<String> second = TestPublisher.create();
		TestPublisher<String> third = TestPublisher.create();
		record(limiter.limit(MODEL, first.flux()));
		Recorder<String> secondCall = record(limiter.limit(MODEL, second.flux()));
		Recorder<String> thirdCall = record(limiter.limit(MODEL, third.flux()));
		first.assertWasSubscribed();
		second.assertWasSubscribed();
		third.assertWasNotSubscribed();
		assertThat(limiter.inFlight(MODEL)).isEqualTo(2);
		assertThat(limiter.queued(MODEL)).isEqualTo(1);
		second.next("b").complete();
		assertThat(secondCall.values).containsExactly("b");
		assertThat(secondCall.completed).isTrue();
		third.assertWasSubscribed();
		assertThat(limiter.inFlight(MODEL)).isEqualTo(2);
		assertThat(limiter.queued(MODEL)).isZero();
		third.next("c").complete();
		first.complete();
		assertThat(thirdCall.values).containsExactly("c");
		assertThat(limiter.inFlight(MODEL)).isZero();
	}

	@Test
	void waitersStartInTheOrderTheySubscribed() {
		LocalConcurrencyLimiter limiter = new LocalConcurrencyLimiter(1, LONG_WAIT);
		TestPublisher<String> holder = TestPublisher.create();
		record(limiter.limit(MODEL, holder.flux()));
		List<Integer> started = new CopyOnWriteArrayList<>();
		List<TestPublisher<String>> sources = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			int index = i;
			TestPublisher<String> source = TestPublisher.create();
			sources.add(source);
			record(limiter.limit(MODEL, Flux.defer(() -> {
				started.add(index);
				return source.flux();
			})));
		}
		assertThat(limiter.queued(MODEL)).isEqualTo(5);
		holder.complete();
		for (int i = 0; i < 5; i++) {
			assertThat(started).hasSize(i + 1).endsWith(i);
			// A newcomer arriving while others wait must queue behind them.
			record(limiter.limit(MODEL, Mono.fromRunnable(() -> started.add(-1))));
			sources.get(i).complete();
		}
		assertThat(started).startsWith(0, 1, 2, 3, 4).containsOnlyOnce(0, 1, 2, 3, 4);
		assertThat(limiter.inFlight(MODEL)).isZero();
		assertThat(limiter.queued(MODEL)).isZero();
	}

	@Test
	void modelsDoNotSharePermits() {
		LocalConcurrencyLimiter limiter = new LocalConcurrencyLimiter(1, Duration.ZERO);
		TestPublisher<String> flash = TestPublisher.create();
		TestPublisher<String> plus = TestPublisher.create();
		record(limiter.limit("glm-4.5-flash", flash.flux()));
		Recorder<String> other = record(limiter.limit("glm-4.6", plus.flux()));
		plus.assertWasSubscribed();
		assertThat(other.error).isNull();
		assertThat(limiter.inFlight("glm-4.5-flash")).isOne();
		assertThat(limiter.inFlight("glm-4.6")).isOne();
		assertThat(limiter.totalInFlight()).isEqualTo(2);
		Recorder<String> rejected = record(limiter.limit("glm-4.6", Flux.just("x")));
		assertThat(rejected.error).isInstanceOf(ZaiRateLimitException.class);
		assertThat(limiter.inFlight("glm-4.5-flash")).isOne();
	}

	@Test
	void permitIsReleasedWhenTheSourceCompletes() {
		LocalConcurrencyLimiter limiter = new LocalConcurrencyLimiter(1, Duration.ZERO);
		StepVerifier.create(limiter.limit(MODEL, Flux.just("a", "b")))
			.expectNext("a", "b")
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		assertThat(limiter.inFlight(MODEL)).isZero();
		StepVerifier.create(limiter.limit(MODEL, Mono.just("c")))
			.expectNext("c")
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		assertThat(limiter.inFlight(MODEL)).isZero();
	}

	@Test
	void permitIsReleasedWhenTheSourceFails() {
		LocalConcurrencyLimiter limiter = new LocalConcurrencyLimiter(1, Duration.ZERO);
		StepVerifier.create(limiter.limit(MODEL, Flux.error(new IllegalStateException("boom"))))
			.expectErrorMessage("boom")
			.verify(Duration.ofSeconds(5));
		assertThat(limiter.inFlight(MODEL)).isZero();
	}

	@Test
	void permitIsReleasedWhenTheSubscriberCancelsAStream() {
		LocalConcurrencyLimiter limiter = new LocalConcurrencyLimiter(1, Duration.ZERO);
		TestPublisher<String> source = TestPublisher.create();
		Recorder<String> call = record(limiter.limit(MODEL, source.flux()).take(1));
		assertThat(limiter.inFlight(MODEL)).isOne();
		source.next("a");
		source.assertCancelled();
		assertThat(call.values).containsExactly("a");
		assertThat(limiter.inFlight(MODEL)).isZero();
	}

	@Test
	void cancellingTheStreamCancelsTheSourceBeforeTheNextRequestStarts() {
		LocalConcurrencyLimiter limiter = new LocalConcurrencyLimiter(1, LONG_WAIT);
		List<String> events = new CopyOnWriteArrayList<>();
		Recorder<String> stream = record(
				limiter.limit(MODEL, Flux.<String>never().doOnCancel(() -> events.add("cancelled"))));
		record(limiter.limit(MODEL, Mono.fromRunnable(() -> events.add("next started"))));
		stream.disposable.dispose();
		assertThat(events).containsExactly("cancelled", "next started");
	}

	@Test
	void cancellingWhileQueuedLeavesTheQueueAndNeverSubscribesTheSource() {
		LocalConcurrencyLimiter limiter = new LocalConcurrencyLimiter(1, LONG_WAIT);
		TestPublisher<String> holder = TestPublisher.create();
		TestPublisher<String> waiter = TestPublisher.create();
		record(limiter.limit(MODEL, holder.flux()));
		Recorder<String> waiting = record(limiter.limit(MODEL, waiter.flux()));
		assertThat(limiter.queued(MODEL)).isOne();
		waiting.disposable.dispose();
		assertThat(limiter.queued(MODEL)).isZero();
		holder.complete();
		waiter.assertWasNotSubscribed();
		assertThat(limiter.inFlight(MODEL)).isZero();
	}

	@Test
	void aStreamHoldsItsPermitUntilItEnds() {
		LocalConcurrencyLimiter limiter = new LocalConcurrencyLimiter(1, LONG_WAIT);
		TestPublisher<String> stream = TestPublisher.create();
		TestPublisher<String> next = TestPublisher.create();
		Recorder<String> streaming = record(limiter.limit(MODEL, stream.flux()));
		record(limiter.limit(MODEL, next.flux()));
		for (int i = 0; i < 100; i++) {
			stream.next("chunk " + i);
			assertThat(limiter.inFlight(MODEL)).isOne();
			next.assertWasNotSubscribed();
		}
		stream.complete();
		assertThat(streaming.values).hasSize(100);
		next.assertWasSubscribed();
	}

	@Test
	void aSingleRequestReleasesItsPermitAsSoonAsItsValueArrives() {
		LocalConcurrencyLimiter limiter = new LocalConcurrencyLimiter(1, Duration.ZERO);
		Mono<String> nested = limiter.limit(MODEL, Mono.just("first"))
			.flatMap((first) -> limiter.limit(MODEL, Mono.just(first + " then second")));
		StepVerifier.create(nested).expectNext("first then second").expectComplete().verify(Duration.ofSeconds(5));
		assertThat(limiter.inFlight(MODEL)).isZero();
	}

	@Test
	void aRetryTakesANewPermitAfterTheFailedAttemptReleasedIts() {
		LocalConcurrencyLimiter limiter = new LocalConcurrencyLimiter(1, Duration.ZERO);
		AtomicInteger attempts = new AtomicInteger();
		Mono<String> flaky = Mono.defer(() -> (attempts.incrementAndGet() == 1)
				? Mono.error(new IllegalStateException("transient")) : Mono.just("ok"));
		StepVerifier.create(limiter.limit(MODEL, flaky).retry(1))
			.expectNext("ok")
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		assertThat(attempts).hasValue(2);
		assertThat(limiter.inFlight(MODEL)).isZero();
	}

	@Test
	void waiterFailsWithRateLimitExceptionWhenNoPermitFreesWithinTheMaximumWait() {
		LocalConcurrencyLimiter limiter = new LocalConcurrencyLimiter(5, Duration.ofSeconds(30));
		for (int i = 0; i < 5; i++) {
			record(limiter.limit(MODEL, Flux.never()));
		}
		TestPublisher<String> late = TestPublisher.create();
		StepVerifier.withVirtualTime(() -> limiter.limit(MODEL, late.flux()))
			.expectSubscription()
			.then(() -> assertThat(limiter.queued(MODEL)).isOne())
			.expectNoEvent(Duration.ofSeconds(29))
			.thenAwait(Duration.ofSeconds(1))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(ZaiRateLimitException.class);
				ZaiRateLimitException rateLimit = (ZaiRateLimitException) ex;
				assertThat(rateLimit.getStatusCode()).isZero();
				assertThat(rateLimit.getErrorCode()).isNull();
				assertThat(rateLimit.getErrorMessage())
					.isEqualTo("zai.concurrency.max-in-flight of 5 reached for model glm-4.6; "
							+ "no slot freed within zai.concurrency.max-wait of PT30S");
			})
			.verify(Duration.ofSeconds(5));
		late.assertWasNotSubscribed();
		assertThat(limiter.queued(MODEL)).isZero();
		assertThat(limiter.inFlight(MODEL)).isEqualTo(5);
	}

	@Test
	void waiterThatGetsAPermitBeforeTheMaximumWaitDoesNotFailLater() {
		LocalConcurrencyLimiter limiter = new LocalConcurrencyLimiter(1, Duration.ofSeconds(30));
		TestPublisher<String> holder = TestPublisher.create();
		record(limiter.limit(MODEL, holder.flux()));
		StepVerifier.withVirtualTime(() -> limiter.limit(MODEL, Flux.just("a").concatWith(Flux.never())))
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(29))
			.then(holder::complete)
			.expectNext("a")
			.expectNoEvent(Duration.ofMinutes(5))
			.thenCancel()
			.verify(Duration.ofSeconds(5));
		assertThat(limiter.inFlight(MODEL)).isZero();
	}

	@Test
	void maxWaitOfZeroFailsAtOnceWhenNoPermitIsFree() {
		LocalConcurrencyLimiter limiter = new LocalConcurrencyLimiter(1, Duration.ZERO);
		record(limiter.limit(MODEL, Flux.never()));
		TestPublisher<String> rejected = TestPublisher.create();
		Recorder<String> call = record(limiter.limit(MODEL, rejected.flux()));
		assertThat(call.error).isInstanceOf(ZaiRateLimitException.class)
			.hasMessageContaining("zai.concurrency.max-in-flight of 1 reached for model glm-4.6")
			.hasMessageContaining("zai.concurrency.max-wait is PT0S");
		rejected.assertWasNotSubscribed();
		assertThat(limiter.queued(MODEL)).isZero();
		assertThat(limiter.inFlight(MODEL)).isOne();
	}

	@Test
	void grantRacingWithCancellationNeverLeaksAPermit() {
		for (int i = 0; i < 2_000; i++) {
			LocalConcurrencyLimiter limiter = new LocalConcurrencyLimiter(1, LONG_WAIT);
			TestPublisher<String> holder = TestPublisher.create();
			record(limiter.limit(MODEL, holder.flux()));
			Recorder<String> waiter = record(limiter.limit(MODEL, Flux.never()));
			RaceTestUtils.race(holder::complete, waiter.disposable::dispose);
			assertThat(limiter.inFlight(MODEL)).isZero();
			assertThat(limiter.queued(MODEL)).isZero();
		}
	}

	@Test
	void subscribingRacingWithCancellationNeverLeaksAPermit() {
		for (int i = 0; i < 2_000; i++) {
			LocalConcurrencyLimiter limiter = new LocalConcurrencyLimiter(1, LONG_WAIT);
			// Half the time the permit is taken, so that the cancellation races with the
			// enqueue instead of the acquisition.
			TestPublisher<String> holder = TestPublisher.create();
			Recorder<String> held = (i % 2 == 0) ? record(limiter.limit(MODEL, holder.flux())) : null;
			BaseSubscriber<String> subscriber = new BaseSubscriber<>() {
			};
			Flux<String> call = limiter.limit(MODEL, Flux.never());
			RaceTestUtils.race(() -> call.subscribe(subscriber), subscriber::dispose);
			assertThat(limiter.queued(MODEL)).isZero();
			assertThat(limiter.inFlight(MODEL)).isEqualTo((held != null) ? 1 : 0);
			holder.complete();
			assertThat(limiter.inFlight(MODEL)).isZero();
		}
	}

	@Test
	void aLongQueueOfRequestsThatFinishAtOnceDoesNotOverflowTheStack() {
		LocalConcurrencyLimiter limiter = new LocalConcurrencyLimiter(1, LONG_WAIT);
		TestPublisher<String> holder = TestPublisher.create();
		record(limiter.limit(MODEL, holder.flux()));
		AtomicInteger completed = new AtomicInteger();
		for (int i = 0; i < 50_000; i++) {
			limiter.limit(MODEL, Mono.just(i)).subscribe(null, null, completed::incrementAndGet);
		}
		holder.complete();
		assertThat(completed).hasValue(50_000);
		assertThat(limiter.inFlight(MODEL)).isZero();
		assertThat(limiter.queued(MODEL)).isZero();
	}

	@Test
	void listenerSeesQueuedAcquiredRejectedAndReleasedWithWaitsOnTheInjectedClock() {
		List<String> events = new CopyOnWriteArrayList<>();
		AtomicLong clock = new AtomicLong(1_000);
		LocalConcurrencyLimiter limiter = new LocalConcurrencyLimiter(1, Duration.ofSeconds(30),
				recordingListener(events), clock::get);
		TestPublisher<String> holder = TestPublisher.create();
		record(limiter.limit(MODEL, holder.flux()));
		TestPublisher<String> waiter = TestPublisher.create();
		record(limiter.limit(MODEL, waiter.flux()));
		clock.addAndGet(Duration.ofMillis(1500).toNanos());
		holder.complete();
		waiter.complete();
		record(limiter.limit(MODEL, Flux.never()));
		StepVerifier.withVirtualTime(() -> limiter.limit(MODEL, Flux.never()))
			.expectSubscription()
			.then(() -> clock.addAndGet(Duration.ofSeconds(30).toNanos()))
			.thenAwait(Duration.ofSeconds(30))
			.expectError(ZaiRateLimitException.class)
			.verify(Duration.ofSeconds(5));
		assertThat(events).containsExactly("acquired glm-4.6 PT0S", "queued glm-4.6", "released glm-4.6",
				"acquired glm-4.6 PT1.5S", "released glm-4.6", "acquired glm-4.6 PT0S", "queued glm-4.6",
				"rejected glm-4.6 PT30S");
	}

	@Test
	void listenerSeesRejectionWithoutWaitWhenTheMaximumWaitIsZero() {
		List<String> events = new CopyOnWriteArrayList<>();
		LocalConcurrencyLimiter limiter = new LocalConcurrencyLimiter(1, Duration.ZERO, recordingListener(events));
		record(limiter.limit(MODEL, Flux.never()));
		record(limiter.limit(MODEL, Flux.never()));
		assertThat(events).containsExactly("acquired glm-4.6 PT0S", "rejected glm-4.6 PT0S");
	}

	@Test
	@QuietOutput(expect = "failed in onReleased")
	void failingListenerDoesNotStrandTheRequestsBehindIt() {
		ConcurrencyLimiter.Listener failing = new ConcurrencyLimiter.Listener() {

			@Override
			public void onReleased(String model) {
				throw new IllegalStateException("listener bug");
			}

		};
		LocalConcurrencyLimiter limiter = new LocalConcurrencyLimiter(1, LONG_WAIT, failing);
		TestPublisher<String> holder = TestPublisher.create();
		record(limiter.limit(MODEL, holder.flux()));
		TestPublisher<String> waiter = TestPublisher.create();
		record(limiter.limit(MODEL, waiter.flux()));
		holder.complete();
		waiter.assertWasSubscribed();
	}

	@Test
	void gaugesAddUpOverModels() {
		LocalConcurrencyLimiter limiter = new LocalConcurrencyLimiter(1, LONG_WAIT);
		record(limiter.limit("a", Flux.never()));
		record(limiter.limit("a", Flux.never()));
		record(limiter.limit("b", Flux.never()));
		record(limiter.limit("b", Flux.never()));
		record(limiter.limit("b", Flux.never()));
		assertThat(limiter.totalInFlight()).isEqualTo(2);
		assertThat(limiter.totalQueued()).isEqualTo(3);
		assertThat(limiter.inFlight("unknown")).isZero();
		assertThat(limiter.queued("unknown")).isZero();
	}

	@Test
	void maxInFlightBelowOneIsRejectedNamingTheProperty() {
		assertThatIllegalArgumentException().isThrownBy(() -> new LocalConcurrencyLimiter(0, LONG_WAIT))
			.withMessageContaining("zai.concurrency.max-in-flight must be at least 1");
	}

	@Test
	void negativeMaxWaitIsRejectedNamingTheProperty() {
		assertThatIllegalArgumentException().isThrownBy(() -> new LocalConcurrencyLimiter(1, Duration.ofSeconds(-1)))
			.withMessageContaining("zai.concurrency.max-wait must be zero or positive");
	}

	@Test
	void manyStreamsOnSeveralThreadsNeverExceedTheLimitAndLeaveNoPermitBehind() {
		Scheduler scheduler = Schedulers.parallel();
		Scenario scenario = new Scenario(scheduler, 42);
		scenario.run().block(Duration.ofSeconds(30));
		scenario.assertClean();
		assertThat(scenario.threads).hasSizeGreaterThan(1);
	}

	@Test
	void manyStreamsOnASingleThreadCompleteSoNoThreadIsEverBlocked() {
		Scheduler single = Schedulers.newSingle("limiter-test");
		try {
			CountingScheduler counting = new CountingScheduler(single);
			Scenario scenario = new Scenario(counting, 7);
			// A limiter that parked a thread to wait would park the only thread, and the
			// permits it waits for could never be released: the block would time out.
			scenario.run().block(Duration.ofSeconds(30));
			scenario.assertClean();
			assertThat(scenario.threads).hasSize(1);
			assertThat(counting.tasks).hasValueLessThan(Scenario.REQUESTS * 8);
		}
		finally {
			single.dispose();
		}
	}

	private static ConcurrencyLimiter.Listener recordingListener(List<String> events) {
		return new ConcurrencyLimiter.Listener() {

			@Override
			public void onQueued(String model) {
				events.add("queued " + model);
			}

			@Override
			public void onAcquired(String model, Duration waited) {
				events.add("acquired " + model + " " + waited);
			}

			@Override
			public void onRejected(String model, Duration waited) {
				events.add("rejected " + model + " " + waited);
			}

			@Override
			public void onReleased(String model) {
				events.add("released " + model);
			}

		};
	}

	private static <T> Recorder<T> record(Publisher<T> publisher) {
		Recorder<T> recorder = new Recorder<>();
		recorder.disposable = Flux.from(publisher)
			.subscribe(recorder.values::add, (ex) -> recorder.error = ex, () -> recorder.completed = true);
		return recorder;
	}

	static final class Recorder<T> {

		final List<T> values = new CopyOnWriteArrayList<>();

		volatile @Nullable Throwable error;

		volatile boolean completed;

		Disposable disposable = Disposables.single();

	}

	/**
	 * A thousand streams of a few chunks each, limited to ten in flight, that complete,
	 * are cut short by {@code take} or cancelled after a random delay, possibly while
	 * still queued, all with their signals on the given scheduler.
	 */
	static final class Scenario {

		static final int REQUESTS = 1_000;

		static final int LIMIT = 10;

		final LocalConcurrencyLimiter limiter = new LocalConcurrencyLimiter(LIMIT, Duration.ofHours(1));

		final AtomicInteger active = new AtomicInteger();

		final AtomicInteger maxActive = new AtomicInteger();

		final AtomicInteger subscribed = new AtomicInteger();

		final AtomicInteger finished = new AtomicInteger();

		final Set<Thread> threads = ConcurrentHashMap.newKeySet();

		private final Scheduler scheduler;

		private final Random random;

		Scenario(Scheduler scheduler, long seed) {
			this.scheduler = scheduler;
			this.random = new Random(seed);
		}

		Mono<Void> run() {
			List<Mono<Void>> requests = new ArrayList<>();
			for (int i = 0; i < REQUESTS; i++) {
				requests.add(request());
			}
			return Flux.merge(Flux.fromIterable(requests), REQUESTS).then();
		}

		private Mono<Void> request() {
			int chunks = this.random.nextInt(5);
			Flux<Integer> call = this.limiter.limit(MODEL, source(chunks));
			switch (this.random.nextInt(3)) {
				case 1 -> call = call.take(this.random.nextInt(chunks + 1));
				case 2 ->
					call = call.takeUntilOther(Mono.delay(Duration.ofMillis(this.random.nextInt(3)), this.scheduler));
				default -> {
				}
			}
			return call.subscribeOn(this.scheduler).then().doOnTerminate(this.finished::incrementAndGet);
		}

		private Flux<Integer> source(int chunks) {
			return Flux.defer(() -> {
				this.subscribed.incrementAndGet();
				this.threads.add(Thread.currentThread());
				int now = this.active.incrementAndGet();
				this.maxActive.accumulateAndGet(now, Math::max);
				AtomicBoolean ended = new AtomicBoolean();
				Runnable end = () -> {
					if (ended.compareAndSet(false, true)) {
						this.active.decrementAndGet();
					}
				};
				return Flux.range(0, chunks)
					.concatMap((chunk) -> Mono.fromCallable(() -> chunk).subscribeOn(this.scheduler))
					.doOnTerminate(end)
					.doOnCancel(end);
			});
		}

		void assertClean() {
			assertThat(this.finished).hasValue(REQUESTS);
			assertThat(this.limiter.inFlight(MODEL)).isZero();
			assertThat(this.limiter.queued(MODEL)).isZero();
			assertThat(this.active).hasValue(0);
			assertThat(this.maxActive).hasValue(LIMIT);
			assertThat(this.subscribed.get()).isPositive().isLessThanOrEqualTo(REQUESTS);
		}

	}

	/**
	 * Counts the tasks given to a scheduler.
	 */
	static final class CountingScheduler implements Scheduler {

		final AtomicInteger tasks = new AtomicInteger();

		private final Scheduler delegate;

		CountingScheduler(Scheduler delegate) {
			this.delegate = delegate;
		}

		@Override
		public Disposable schedule(Runnable task) {
			this.tasks.incrementAndGet();
			return this.delegate.schedule(task);
		}

		@Override
		public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
			this.tasks.incrementAndGet();
			return this.delegate.schedule(task, delay, unit);
		}

		@Override
		public long now(TimeUnit unit) {
			return this.delegate.now(unit);
		}

		@Override
		public Worker createWorker() {
			Worker worker = this.delegate.createWorker();
			return new Worker() {

				@Override
				public Disposable schedule(Runnable task) {
					CountingScheduler.this.tasks.incrementAndGet();
					return worker.schedule(task);
				}

				@Override
				public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
					CountingScheduler.this.tasks.incrementAndGet();
					return worker.schedule(task, delay, unit);
				}

				@Override
				public void dispose() {
					worker.dispose();
				}

				@Override
				public boolean isDisposed() {
					return worker.isDisposed();
				}

			};
		}

	}

}
