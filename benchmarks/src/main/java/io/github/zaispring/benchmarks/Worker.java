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
package io.github.zaispring.benchmarks;

import java.lang.ref.Reference;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import jdk.jfr.Recording;
import org.jspecify.annotations.Nullable;

/**
 * One client in a JVM of its own: runs the workloads after their warm-ups, checks every
 * answer and prints {@code RESULT <metric> <value>} lines for {@link BenchmarkMain}.
 *
 * @author zai-spring-boot contributors
 */
public final class Worker {

	private static final String PROMPT = "Hi";

	private static final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	private final String system;

	private final Map<String, String> options;

	private String heapPrefix = "w3.";

	private Worker(String system, Map<String, String> options) {
		this.system = system;
		this.options = options;
	}

	/**
	 * Run one client: {@code Worker <system> key=value...}.
	 * @param args the system and the options set by {@link BenchmarkMain}
	 * @throws Exception when a workload fails or a count is wrong
	 */
	public static void main(String[] args) throws Exception {
		Worker worker = new Worker(args[0], Options.parse(Arrays.copyOfRange(args, 1, args.length)));
		String jfr = worker.options.get("jfr");
		List<String> workloads = List.of(worker.options.get("workloads").split(","));
		if (jfr != null) {
			worker.profile(Path.of(jfr));
		}
		else if (worker.options.containsKey("serve")) {
			new WorkerCommands(worker, worker.options).serve();
		}
		else {
			if (workloads.contains("W1")) {
				try (BenchClient client = worker.client("w1")) {
					worker.w1(client);
					printMeters(client);
				}
			}
			if (workloads.contains("W2")) {
				try (BenchClient client = worker.client("w2")) {
					worker.w2(client);
				}
			}
			if (workloads.contains("W3")) {
				try (BenchClient client = worker.client("w3")) {
					worker.w3(client);
					printMeters(client);
				}
			}
			if (workloads.contains("W5")) {
				try (BenchClient client = worker.client("w5")) {
					worker.w5(client);
					printMeters(client);
				}
			}
		}
		System.out.flush();
		// Some clients keep non-daemon threads (OkHttp, RxJava): end the JVM explicitly
		System.exit(0);
	}

	/**
	 * Create a client of the simulator of the given workload: every workload has a
	 * simulator process of its own with a fixed reply, so each gets a client of its own.
	 */
	BenchClient client(String workload) {
		String baseUrl = this.options.get(workload + "Url");
		int maxConnections = Options.integer(this.options, "maxConnections");
		// "starter@before" is the starter with the jars of lib-before ahead of the class
		// path (BenchmarkMain.overrides): two builds of one system in one run
		return switch (BenchmarkMain.baseSystem(this.system)) {
			case "starter" -> new StarterClient(baseUrl, maxConnections, true);
			case "starter-no-obs" -> new StarterClient(baseUrl, maxConnections, false);
			// with a registry, but one of the two observations of a call turned off, as a
			// user can with Boot's management.observations.enable.*: where an observed
			// call's cost goes
			case "starter-no-http-obs" -> new StarterClient(baseUrl, maxConnections, true,
					"management.observations.enable.http.client.requests=false");
			case "starter-no-genai-obs" -> new StarterClient(baseUrl, maxConnections, true,
					"management.observations.enable.gen_ai.client.operation=false");
			// the template called as ChatModel.call is: blocking, on W1's 32 threads
			case "starter-blocking" -> new StarterClient(baseUrl, maxConnections, true).blocking();
			// the same limit per model, high enough that W1's 32 calls never queue:
			// in this JVM, or shared through the redis-server BenchmarkMain started
			case "starter-limit-jvm" -> new StarterClient(baseUrl, maxConnections, true,
					"zai.concurrency.max-in-flight=" + this.options.get("maxInFlight"));
			case "starter-limit-redis" -> new StarterClient(baseUrl, maxConnections, true,
					"zai.concurrency.max-in-flight=" + this.options.get("maxInFlight"), "zai.concurrency.scope=redis",
					"spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + this.options.get("redisPort"));
			case "baseline" -> new WebClientBaseline(baseUrl, maxConnections);
			// W3 only: WebClient's buffers scanned for the content, no parser (the floor)
			case "floor" -> new WebClientFloor(baseUrl, maxConnections);
			case "zai-sdk" -> new ZaiSdkClient(baseUrl, maxConnections);
			case "spring-ai" -> new SpringAiClient(baseUrl, false);
			case "spring-ai-chatclient" -> new SpringAiClient(baseUrl, true);
			case "spring-ai-zai" -> new SpringAiZaiClient(baseUrl, maxConnections, true);
			case "zai-chat-model" -> new SpringAiZaiClient(baseUrl, maxConnections, false);
			case "langchain4j" -> new LangChain4jClient(baseUrl);
			default -> throw new IllegalArgumentException("Unknown system " + this.system);
		};
	}

	private void w1(BenchClient client) throws Exception {
		int calls = Options.integer(this.options, "w1Calls");
		int concurrency = Options.integer(this.options, "w1Concurrency");
		int expectedLength = Options.textLength(Options.integer(this.options, "w1Chunks"));
		ExecutorService pool = Executors.newFixedThreadPool(concurrency);
		try {
			warmUpW1(client, pool);
			Map<String, List<Double>> results = new LinkedHashMap<>();
			for (int i = 0; i < Options.integer(this.options, "w1Repeats"); i++) {
				Measure measure = Measure.start();
				sequential(client, calls, expectedLength);
				measure.stop();
				record(results, "w1.seq.", measure, calls);
				measure = Measure.start();
				concurrent(client, calls, concurrency, expectedLength, pool);
				measure.stop();
				record(results, "w1.conc.", measure, calls);
			}
			results.forEach((metric, values) -> result(metric, Stats.median(values)));
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static void record(Map<String, List<Double>> results, String prefix, Measure measure, int calls) {
		results.computeIfAbsent(prefix + "cpuUsPerCall", (metric) -> new ArrayList<>())
			.add(measure.cpuMicros() / calls);
		results.computeIfAbsent(prefix + "cpuUsPerCallWithoutJit", (metric) -> new ArrayList<>())
			.add(measure.cpuMicrosWithoutCompiler() / calls);
		results.computeIfAbsent(prefix + "callsPerSec", (metric) -> new ArrayList<>())
			.add(calls / measure.wallSeconds());
		results.computeIfAbsent(prefix + "jitMs", (metric) -> new ArrayList<>()).add(measure.compileMillis());
	}

	void sequential(BenchClient client, int calls, int expectedLength) {
		for (int i = 0; i < calls; i++) {
			check("W1 sequential", client.call(PROMPT), expectedLength);
		}
	}

	void concurrent(BenchClient client, int calls, int concurrency, int expectedLength, ExecutorService pool)
			throws InterruptedException {
		Semaphore inFlight = new Semaphore(concurrency);
		CountDownLatch done = new CountDownLatch(calls);
		AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
		for (int i = 0; i < calls && failure.get() == null; i++) {
			inFlight.acquire();
			client.callAsync(PROMPT, pool).whenComplete((text, ex) -> {
				try {
					if (ex != null) {
						failure.compareAndSet(null, ex);
					}
					else {
						check("W1 concurrent", text, expectedLength);
					}
				}
				catch (RuntimeException checkFailure) {
					failure.compareAndSet(null, checkFailure);
				}
				finally {
					inFlight.release();
					done.countDown();
				}
			});
		}
		await(done, Duration.ofMinutes(5), failure, "W1 concurrent");
	}

	private void w2(BenchClient client) throws Exception {
		int chunks = Options.integer(this.options, "w2Chunks");
		int repeats = Options.integer(this.options, "w2Repeats");
		int streamsPerRepeat = Options.integer(this.options, "w2StreamsPerRepeat");
		warmUpW2(client);
		List<Double> cpu = new ArrayList<>();
		List<Double> rate = new ArrayList<>();
		List<Double> jit = new ArrayList<>();
		for (int i = 0; i < repeats; i++) {
			// one stream after the other; several per measurement, so that the 10 ms
			// steps of the process CPU clock stay below 2 % of what is measured
			Measure measure = Measure.start();
			for (int j = 0; j < streamsPerRepeat; j++) {
				streams(client, 1, chunks, Duration.ofMinutes(5), false);
			}
			measure.stop();
			cpu.add(measure.cpuMicros() / ((double) chunks * streamsPerRepeat));
			rate.add(chunks * streamsPerRepeat / measure.wallSeconds());
			jit.add(measure.compileMillis());
		}
		result("w2.cpuUsPerChunk", Stats.median(cpu));
		result("w2.chunksPerSec", Stats.median(rate));
		result("w2.jitMs", Stats.median(jit));
	}

	/**
	 * Warm W1 up: sequential calls, then calls at W1's concurrency on the given pool.
	 */
	void warmUpW1(BenchClient client, ExecutorService pool) throws Exception {
		int warmup = Options.integer(this.options, "w1Warmup");
		int expectedLength = Options.textLength(Options.integer(this.options, "w1Chunks"));
		warmUp("W1", () -> {
			sequential(client, warmup, expectedLength);
			concurrent(client, warmup, Options.integer(this.options, "w1Concurrency"), expectedLength, pool);
		});
	}

	/**
	 * Warm W2 up: long streams, one after the other.
	 */
	void warmUpW2(BenchClient client) throws Exception {
		int chunks = Options.integer(this.options, "w2Chunks");
		warmUp("W2", () -> {
			for (int i = 0; i < Options.integer(this.options, "w2Warmup"); i++) {
				streams(client, 1, chunks, Duration.ofMinutes(5), false);
			}
		});
	}

	/**
	 * Warm W3 up: concurrent slow streams.
	 */
	void warmUpW3(BenchClient client) throws Exception {
		warmUp("W3", () -> streams(client, Options.integer(this.options, "w3Warmup"),
				Options.integer(this.options, "w3Chunks"), w3Timeout(), false));
	}

	/**
	 * Return the longest wait for a pass of W3's streams.
	 */
	Duration w3Timeout() {
		return Duration.ofMillis(Math.max(120_000,
				30L * Options.integer(this.options, "w3Chunks") * Options.integer(this.options, "w3DelayMs")));
	}

	/**
	 * Repeat a warm-up round until the JIT compiler has become quiet: until a round
	 * spends less than 2 % of its CPU time compiling, at least {@code warmupRounds}
	 * rounds and at most {@code warmupMaxRounds}. A fixed number of rounds left the
	 * compiler busy in the measured phase: a third of the process's CPU on W1, and four
	 * times the steady CPU per chunk on W2.
	 */
	void warmUp(String workload, WarmUpRound round) throws Exception {
		int min = Options.integer(this.options, "warmupRounds");
		int max = Options.integer(this.options, "warmupMaxRounds");
		int rounds = 0;
		double share;
		do {
			Measure measure = Measure.start();
			round.run();
			measure.stop();
			rounds++;
			share = measure.compileMillis() * 1000 / Math.max(1, measure.cpuMicros());
		}
		while (rounds < min || (share > 0.02 && rounds < max));
		System.out.printf("WARMUP %s %d rounds, the last compiling %.1f %% of its CPU%n", workload, rounds,
				share * 100);
	}

	/**
	 * Print, to the worker's log, where the CPU of a measured pass went by thread group,
	 * per chunk: the event loops against GC, the compilers and the calling thread.
	 */
	static void threadsPerChunk(String prefix, Measure measure, double chunks) {
		StringBuilder line = new StringBuilder("THREADS " + prefix + " µs/chunk:");
		measure.threadGroups().forEach((group, usage) -> {
			double cpu = usage.cpuNanos() / 1e3 / chunks;
			if (cpu >= 0.05) {
				line.append(String.format(" [%s] %.2f (user %.2f, kernel %.2f, %.3f switches)", group, cpu,
						usage.userTicks() * Measure.ThreadUsage.TICK_MICROS / chunks,
						usage.kernelTicks() * Measure.ThreadUsage.TICK_MICROS / chunks, usage.switches() / chunks));
			}
		});
		System.out.println(line);
	}

	@FunctionalInterface
	interface WarmUpRound {

		void run() throws Exception;

	}

	private void w3(BenchClient client) throws Exception {
		int chunks = Options.integer(this.options, "w3Chunks");
		Duration timeout = w3Timeout();
		warmUpW3(client);
		for (String count : this.options.get("w3Streams").split(",")) {
			int n = Integer.parseInt(count.trim());
			String prefix = "w3." + n + ".";
			// a pass of its own first: more streams take paths (a larger pool, longer
			// queues) that the warm-up did not compile
			streams(client, n, chunks, timeout, false);
			System.gc();
			threads.resetPeakThreadCount();
			Measure measure = Measure.start();
			streams(client, n, chunks, timeout, false);
			measure.stop();
			result(prefix + "wallMs", measure.wallSeconds() * 1000);
			result(prefix + "cpuUsPerChunk", measure.cpuMicros() / ((double) n * chunks));
			result(prefix + "cpuUsPerChunkWithoutJit", measure.cpuMicrosWithoutCompiler() / ((double) n * chunks));
			result(prefix + "peakThreads", threads.getPeakThreadCount());
			result(prefix + "jitMs", measure.compileMillis());
			threadsPerChunk(prefix, measure, (double) n * chunks);
			// a second pass for the heap: the forced GC would distort the CPU of the
			// first
			this.heapPrefix = prefix;
			result(prefix + "heapMb", streams(client, n, chunks, timeout, true) / (1024.0 * 1024.0));
		}
	}

	/**
	 * W5: embed {@code w5Texts} texts into {@code w5Dimensions} dimensions in one call;
	 * the CPU per vector, and the live heap of the result against the raw {@code float}
	 * data (4 bytes per dimension).
	 */
	private void w5(BenchClient client) throws Exception {
		int count = Options.integer(this.options, "w5Texts");
		int dimensions = Options.integer(this.options, "w5Dimensions");
		List<String> texts = IntStream.range(0, count)
			.mapToObj((i) -> "Text number " + i + " of the embeddings workload")
			.toList();
		warmUp("W5", () -> checkVectors(client.embed(texts, dimensions), count, dimensions));
		List<Double> cpu = new ArrayList<>();
		List<Double> rate = new ArrayList<>();
		List<Double> jit = new ArrayList<>();
		for (int i = 0; i < Options.integer(this.options, "w5Repeats"); i++) {
			Measure measure = Measure.start();
			List<float[]> vectors = client.embed(texts, dimensions);
			measure.stop();
			checkVectors(vectors, count, dimensions);
			cpu.add(measure.cpuMicros() / count);
			rate.add(count / measure.wallSeconds());
			jit.add(measure.compileMillis());
		}
		result("w5.cpuUsPerVector", Stats.median(cpu));
		result("w5.vectorsPerSec", Stats.median(rate));
		result("w5.jitMs", Stats.median(jit));
		long before = Heap.usedAfterGc();
		List<float[]> vectors = client.embed(texts, dimensions);
		long retained = Heap.usedAfterGc() - before;
		checkVectors(vectors, count, dimensions);
		Reference.reachabilityFence(vectors);
		result("w5.heapMb", retained / (1024.0 * 1024.0));
		result("w5.heapToRaw", retained / (4.0 * count * dimensions));
	}

	private static void checkVectors(List<float[]> vectors, int count, int dimensions) {
		if (vectors.size() != count) {
			throw new IllegalStateException("W5: expected " + count + " vectors but got " + vectors.size());
		}
		for (float[] vector : vectors) {
			if (vector.length != dimensions) {
				throw new IllegalStateException("W5: expected " + dimensions + " dimensions but got " + vector.length);
			}
		}
	}

	/**
	 * Run concurrent streams and check every one of them.
	 * @return the heap retained while they were all open, if asked, else 0
	 */
	long streams(BenchClient client, int count, int chunks, Duration timeout, boolean measureHeap)
			throws InterruptedException {
		int expectedLength = Options.textLength(chunks);
		CountDownLatch done = new CountDownLatch(count);
		CountDownLatch opened = new CountDownLatch(count);
		AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
		long heapBefore = 0;
		if (measureHeap) {
			heapBefore = Heap.usedAfterGc();
		}
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			client.stream(PROMPT, new CheckingSink(chunks, expectedLength, opened, done, failure));
		}
		long retained = 0;
		if (measureHeap) {
			// all open and about half-way through, so that buffers and decoders are live
			opened.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
			long halfWay = start
					+ TimeUnit.MILLISECONDS.toNanos(chunks * Options.integer(this.options, "w3DelayMs") / 2);
			long wait = halfWay - System.nanoTime();
			if (wait > 0) {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			// clients that queue streams never have them all open: say how many were
			long open = done.getCount();
			result(this.heapPrefix + "openAtHeap", open);
			retained = Heap.usedAfterGc() - heapBefore;
		}
		await(done, timeout, failure, "streams of " + chunks + " chunks");
		return retained;
	}

	private static void await(CountDownLatch done, Duration timeout, AtomicReference<@Nullable Throwable> failure,
			String what) throws InterruptedException {
		if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new IllegalStateException(what + ": " + done.getCount() + " not finished within " + timeout);
		}
		Throwable ex = failure.get();
		if (ex != null) {
			throw new IllegalStateException(what + " failed: " + ex, ex);
		}
	}

	private static void check(String what, @Nullable String text, int expectedLength) {
		if (text == null || text.length() != expectedLength) {
			throw new IllegalStateException(what + ": expected " + expectedLength + " characters but got "
					+ ((text != null) ? text.length() : "none"));
		}
	}

	/**
	 * Record JFR profiles of the steady state of the workloads asked for, one file per
	 * workload ({@code <jfr>-w1.jfr} ...): W1 at its concurrency, one W2 stream after the
	 * other, and the W3 streams, each after its warm-up.
	 */
	private void profile(Path jfr) throws Exception {
		List<String> workloads = List.of(this.options.get("workloads").split(","));
		if (workloads.contains("W1")) {
			int calls = Options.integer(this.options, "w1Calls");
			int concurrency = Options.integer(this.options, "w1Concurrency");
			int expectedLength = Options.textLength(Options.integer(this.options, "w1Chunks"));
			ExecutorService pool = Executors.newFixedThreadPool(concurrency);
			try (BenchClient w1 = client("w1")) {
				warmUp("W1", () -> concurrent(w1, Options.integer(this.options, "w1Warmup"), concurrency,
						expectedLength, pool));
				record(jfr, "w1", () -> {
					for (int i = 0; i < Options.integer(this.options, "w1Repeats"); i++) {
						concurrent(w1, calls, concurrency, expectedLength, pool);
					}
				});
			}
			finally {
				pool.shutdownNow();
			}
		}
		if (workloads.contains("W2")) {
			int chunks = Options.integer(this.options, "w2Chunks");
			try (BenchClient w2 = client("w2")) {
				warmUp("W2", () -> streams(w2, Options.integer(this.options, "w2Warmup"), chunks, Duration.ofMinutes(5),
						false));
				record(jfr, "w2", () -> {
					for (int i = 0; i < 10; i++) {
						streams(w2, 1, chunks, Duration.ofMinutes(5), false);
					}
				});
			}
		}
		if (workloads.contains("W3")) {
			int chunks = Options.integer(this.options, "w3Chunks");
			try (BenchClient w3 = client("w3")) {
				warmUp("W3", () -> streams(w3, Options.integer(this.options, "w3Warmup"), chunks, Duration.ofMinutes(2),
						false));
				record(jfr, "w3", () -> {
					for (String count : this.options.get("w3Streams").split(",")) {
						streams(w3, Integer.parseInt(count.trim()), chunks, Duration.ofMinutes(5), false);
					}
				});
			}
		}
	}

	private static void record(Path jfr, String workload, WarmUpRound measured) throws Exception {
		try (Recording recording = new Recording()) {
			recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(2));
			recording.enable("jdk.ObjectAllocationSample");
			recording.start();
			measured.run();
			recording.stop();
			recording.dump(jfr.resolveSibling(jfr.getFileName() + "-" + workload + ".jfr"));
		}
	}

	/**
	 * Print the meters the starter's observations recorded, which shows they were on.
	 */
	private static void printMeters(BenchClient client) {
		if (client instanceof StarterClient starter) {
			System.out.println("METERS\n" + starter.meters());
		}
	}

	static void result(String metric, double value) {
		System.out.println("RESULT " + metric + " " + value);
	}

	/**
	 * Checks the pieces of one stream.
	 */
	private static final class CheckingSink implements BenchClient.StreamSink {

		private final int chunks;

		private final int expectedLength;

		private final CountDownLatch opened;

		private final CountDownLatch done;

		private final AtomicReference<@Nullable Throwable> failure;

		private final AtomicInteger pieces = new AtomicInteger();

		private final AtomicInteger length = new AtomicInteger();

		CheckingSink(int chunks, int expectedLength, CountDownLatch opened, CountDownLatch done,
				AtomicReference<@Nullable Throwable> failure) {
			this.chunks = chunks;
			this.expectedLength = expectedLength;
			this.opened = opened;
			this.done = done;
			this.failure = failure;
		}

		@Override
		public void piece(String content) {
			if (this.pieces.incrementAndGet() == 1) {
				this.opened.countDown();
			}
			this.length.addAndGet(content.length());
		}

		@Override
		public void complete() {
			if (this.pieces.get() != this.chunks || this.length.get() != this.expectedLength) {
				this.failure.compareAndSet(null, new IllegalStateException("Expected " + this.chunks + " chunks and "
						+ this.expectedLength + " characters but got " + this.pieces + " and " + this.length));
			}
			this.done.countDown();
		}

		@Override
		public void error(Throwable ex) {
			this.failure.compareAndSet(null, ex);
			this.opened.countDown();
			this.done.countDown();
		}

	}

}
