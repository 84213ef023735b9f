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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.zaispring.QuietOutput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replicas of one application share {@code zai.concurrency.max-in-flight} through a real
 * Redis ({@code zai.concurrency.scope=redis}): the limit holds across replicas, a replica
 * killed with {@code SIGKILL} gives its permits back within one lease, and cancelled
 * streams give theirs back at once.
 *
 * @author zai-spring-boot contributors
 */
@QuietOutput
class RedisFleetTests {

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
	void threeReplicasWithALimitOfThreeNeverSendMoreThanThreeStreamsAtOnce() {
		String prefix = uniquePrefix();
		List<String> properties = Replica.fleet(standIn, redis, prefix, 3);
		try (Replica first = Replica.start(properties);
				Replica second = Replica.start(properties);
				Replica third = Replica.start(properties)) {
			List<Replica> replicas = List.of(first, second, third);
			standIn.resetCounters();
			List<Long> chunks = Flux.range(0, 30)
				.flatMap((i) -> replicas.get(i % 3).stream(6, Duration.ofMillis(50)).count(), 30)
				.collectList()
				.block(Duration.ofSeconds(60));
			assertThat(chunks).hasSize(30).containsOnly(6L);
			assertThat(standIn.completed()).isEqualTo(30);
			assertThat(standIn.peak()).as("most streams at the stand-in at once").isEqualTo(3);
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(semaphores.available(Replica.semaphoreKey(prefix))).isEqualTo(3));
		}
	}

	@Test
	void theOtherReplicasGetThePermitsOfAReplicaKilledWithSigkillWithinOneLease() throws Exception {
		String prefix = uniquePrefix();
		String key = Replica.semaphoreKey(prefix);
		Duration lease = Duration.ofSeconds(2);
		List<String> properties = Replica.fleet(standIn, redis, prefix, 3,
				"zai.concurrency.redis.lease-time=" + lease.toMillis() + "ms");
		standIn.resetCounters();
		ChildJvm holder = ChildJvm.launch(PermitHolderMain.class, "3", properties);
		Disposable.Composite survivorStreams = Disposables.composite();
		try (Replica survivor = Replica.start(properties)) {
			holder.awaitLine(PermitHolderMain.HOLDING + 3, Duration.ofSeconds(90));
			CountDownLatch survivorsStarted = new CountDownLatch(3);
			CountDownLatch survivorsDone = new CountDownLatch(3);
			Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
			for (int i = 0; i < 3; i++) {
				survivorStreams.add(survivor.stream(2, Duration.ofMillis(10))
					.index()
					.filter((chunk) -> chunk.getT1() == 0)
					.subscribe((chunk) -> survivorsStarted.countDown(), errors::add, survivorsDone::countDown));
			}
			// held for longer than a lease: the holder renews, and the survivor waits
			await().during(lease.plusMillis(lease.toMillis() / 2))
				.atMost(lease.multipliedBy(3))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> semaphores.available(key) == 0 && survivorsStarted.getCount() == 3
						&& standIn.inFlight() == 3);
			long killed = System.nanoTime();
			holder.kill();
			assertThat(survivorsStarted.await(lease.toMillis() * 5, TimeUnit.MILLISECONDS))
				.as("the survivor's streams started after the kill")
				.isTrue();
			Duration tookBack = Duration.ofNanos(System.nanoTime() - killed);
			System.out.println("Permits back " + tookBack.toMillis() + " ms after SIGKILL (lease " + lease + ")");
			assertThat(tookBack).as("time from SIGKILL to the survivor's streams").isLessThan(lease.plusSeconds(1));
			assertThat(survivorsDone.await(30, TimeUnit.SECONDS)).isTrue();
			assertThat(errors).isEmpty();
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(semaphores.available(key)).isEqualTo(3));
		}
		finally {
			survivorStreams.dispose();
			holder.kill();
		}
	}

	@Test
	void everyPermitIsBackInRedisAfterAThousandStreamsCancelledAtRandomPoints() {
		String prefix = uniquePrefix();
		String key = Replica.semaphoreKey(prefix);
		long seed = System.nanoTime();
		Random random = new Random(seed);
		// Redis answers slowly on a busy build machine; this test is about permits, not
		// latency
		List<String> properties = Replica.fleet(standIn, redis, prefix, 20, "spring.data.redis.timeout=10s");
		try (Replica first = Replica.start(properties); Replica second = Replica.start(properties)) {
			standIn.resetCounters();
			Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
			List<Mono<Void>> streams = new ArrayList<>();
			for (int i = 0; i < 1000; i++) {
				Flux<String> stream = ((i % 2 == 0) ? first : second).stream(10, Duration.ofMillis(20));
				Duration after = Duration.ofMillis(random.nextInt(300));
				Flux<String> cancelled = switch (random.nextInt(3)) {
					// anywhere: while queued, while acquiring, while connecting, while
					// streaming
					case 0 -> stream.take(after);
					// once some chunks arrived
					case 1 -> stream.take(1 + random.nextInt(9));
					// from outside, as a client that goes away
					default -> stream.takeUntilOther(Mono.delay(after));
				};
				streams.add(cancelled.then().onErrorResume((ex) -> {
					errors.add(ex);
					return Mono.empty();
				}));
			}
			// a hundred at a time: twenty streaming, eighty waiting for a permit
			Flux.merge(Flux.fromIterable(streams), 100).then().block(Duration.ofSeconds(120));
			assertThat(errors).as("errors of the streams (random seed %d)", seed).isEmpty();
			assertThat(standIn.cancelled()).as("streams cut off at the stand-in").isPositive();
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				assertThat(standIn.inFlight()).isZero();
				assertThat(semaphores.available(key)).as("free permits (random seed %d)", seed).isEqualTo(20);
			});
			assertThat(semaphores.permits(key)).isEqualTo(20);
		}
	}

	static String uniquePrefix() {
		return "zai:test:" + UUID.randomUUID();
	}

	/**
	 * A JVM of its own that runs a main class of the test class path.
	 */
	static final class ChildJvm {

		private final Process process;

		private final StringBuffer output = new StringBuffer();

		private final List<String> lines = new ArrayList<>();

		private ChildJvm(Process process) {
			this.process = process;
			Thread reader = new Thread(this::read, "child-jvm-" + process.pid() + "-output");
			reader.setDaemon(true);
			reader.start();
		}

		static ChildJvm launch(Class<?> mainClass, String firstArgument, List<String> properties) throws IOException {
			List<String> command = new ArrayList<>(
					List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
							"-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
							mainClass.getName(), firstArgument));
			properties.forEach((property) -> command.add("--" + property));
			command.add("--logging.level.root=WARN");
			return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
		}

		private void read() {
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = reader.readLine()) != null) {
					this.output.append(line).append('\n');
					synchronized (this.lines) {
						this.lines.add(line);
						this.lines.notifyAll();
					}
				}
			}
			catch (IOException ex) {
				// the process was killed
			}
			finally {
				synchronized (this.lines) {
					this.lines.add(null);
					this.lines.notifyAll();
				}
			}
		}

		void awaitLine(String expected, Duration timeout) throws InterruptedException {
			long deadline = System.nanoTime() + timeout.toNanos();
			synchronized (this.lines) {
				while (!this.lines.contains(expected)) {
					long left = deadline - System.nanoTime();
					if (left <= 0 || this.lines.contains(null)) {
						throw new AssertionError("The child JVM did not print '" + expected + "' within " + timeout
								+ (this.process.isAlive() ? "" : " (it exited with " + this.process.exitValue() + ")")
								+ "; its output:\n" + this.output);
					}
					TimeUnit.NANOSECONDS.timedWait(this.lines, left);
				}
			}
		}

		/**
		 * Kills the JVM with {@code SIGKILL}, as the kernel's out-of-memory killer or
		 * {@code kill -9} would, and waits until it is gone.
		 */
		void kill() throws InterruptedException {
			if (this.process.isAlive()) {
				this.process.destroyForcibly();
			}
			assertThat(this.process.waitFor(10, TimeUnit.SECONDS)).as("child JVM gone after SIGKILL").isTrue();
		}

	}

}
