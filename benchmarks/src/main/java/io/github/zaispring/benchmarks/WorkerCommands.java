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

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The worker side of {@link Interleaved}: a client that stays up between measurements and
 * runs one command per line of its standard input, answering with
 * {@code RESULT <metric> <value>} lines and then {@code DONE}, or {@code FAILED
 * <reason>}.
 * <p>
 * Commands: {@code warm W1}, {@code warm W2}, {@code warm W3} (the warm-ups of
 * {@link Worker}, until the JIT compiler is quiet), {@code W1.seq <calls>},
 * {@code W1.conc <calls>}, {@code W2 <streams one after the other>},
 * {@code W3 <concurrent streams>}, {@code quit}.
 *
 * @author zai-spring-boot contributors
 */
final class WorkerCommands {

	private final Worker worker;

	private final Map<String, String> options;

	private final Map<String, BenchClient> clients = new LinkedHashMap<>();

	private final int w1Length;

	private final int w1Concurrency;

	private final int w3Chunks;

	private final Duration w3Timeout;

	WorkerCommands(Worker worker, Map<String, String> options) {
		this.worker = worker;
		this.options = options;
		this.w1Length = Options.textLength(Options.integer(options, "w1Chunks"));
		this.w1Concurrency = Options.integer(options, "w1Concurrency");
		this.w3Chunks = Options.integer(options, "w3Chunks");
		this.w3Timeout = Duration
			.ofMillis(Math.max(120_000, 30L * this.w3Chunks * Options.integer(options, "w3DelayMs")));
	}

	void serve() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(this.w1Concurrency);
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		try {
			for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
				try {
					run(line.split(" "), pool);
					System.out.println("DONE");
				}
				catch (Exception | Error ex) {
					ex.printStackTrace(System.out);
					System.out.println("FAILED " + ex);
				}
				System.out.flush();
			}
		}
		finally {
			pool.shutdownNow();
			for (BenchClient client : this.clients.values()) {
				client.close();
			}
		}
	}

	private void run(String[] command, ExecutorService pool) throws Exception {
		switch (command[0]) {
			case "warm" -> warm(command[1], pool);
			case "W1.seq" -> {
				int calls = Integer.parseInt(command[1]);
				Measure measure = Measure.start();
				this.worker.sequential(client("w1"), calls, this.w1Length);
				measure.stop();
				results("W1.seq", measure, calls);
			}
			case "W1.conc" -> {
				int calls = Integer.parseInt(command[1]);
				Measure measure = Measure.start();
				this.worker.concurrent(client("w1"), calls, this.w1Concurrency, this.w1Length, pool);
				measure.stop();
				results("W1.conc", measure, calls);
			}
			case "W2" -> {
				int streams = Integer.parseInt(command[1]);
				int chunks = Options.integer(this.options, "w2Chunks");
				Measure measure = Measure.start();
				for (int i = 0; i < streams; i++) {
					this.worker.streams(client("w2"), 1, chunks, Duration.ofMinutes(5), false);
				}
				measure.stop();
				results("W2", measure, streams * chunks);
			}
			case "W3" -> {
				int streams = Integer.parseInt(command[1]);
				Measure measure = Measure.start();
				this.worker.streams(client("w3"), streams, this.w3Chunks, this.w3Timeout, false);
				measure.stop();
				results("W3." + streams, measure, streams * this.w3Chunks);
				Worker.threadsPerChunk("W3." + streams + ".", measure, (double) streams * this.w3Chunks);
			}
			default -> throw new IllegalArgumentException("Unknown command " + String.join(" ", command));
		}
	}

	private void warm(String workload, ExecutorService pool) throws Exception {
		switch (workload) {
			case "W1" -> this.worker.warmUpW1(client("w1"), pool);
			case "W2" -> this.worker.warmUpW2(client("w2"));
			case "W3" -> this.worker.warmUpW3(client("w3"));
			default -> throw new IllegalArgumentException("No interleaved warm-up for " + workload);
		}
	}

	private BenchClient client(String workload) {
		return this.clients.computeIfAbsent(workload, this.worker::client);
	}

	/**
	 * Print the CPU per unit (call or chunk) with and without the JIT compiler's own
	 * threads, and the compiler's time, of one measured block.
	 */
	private static void results(String block, Measure measure, int units) {
		Worker.result(block + ".cpuUs", measure.cpuMicros() / units);
		Worker.result(block + ".cpuUsWithoutJit", measure.cpuMicrosWithoutCompiler() / units);
		Worker.result(block + ".jitMs", measure.compileMillis());
	}

}
