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

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.TreeMap;

import com.sun.management.OperatingSystemMXBean;

/**
 * Wall time and this process's own CPU time over one measured phase.
 *
 * @author zai-spring-boot contributors
 */
final class Measure {

	private static final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private static final CompilationMXBean jit = ManagementFactory.getCompilationMXBean();

	// read first, so that reading /proc is not inside the measured phase
	private final Map<String, ThreadUsage> startThreads = threadUsage();

	private final long startWall = System.nanoTime();

	private final long startCompile = jit.getTotalCompilationTime();

	private final long startCpu = os.getProcessCpuTime();

	private long wall;

	private long cpu;

	private long compile;

	private long compilerCpu;

	private final Map<String, ThreadUsage> threads = new TreeMap<>();

	private Measure() {
	}

	static Measure start() {
		return new Measure();
	}

	void stop() {
		this.wall = System.nanoTime() - this.startWall;
		this.cpu = os.getProcessCpuTime() - this.startCpu;
		this.compile = jit.getTotalCompilationTime() - this.startCompile;
		threadUsage().forEach((group, usage) -> {
			ThreadUsage spent = usage.minus(this.startThreads.getOrDefault(group, ThreadUsage.NONE));
			this.threads.put(group, spent);
			if (group.startsWith("C1 Compiler") || group.startsWith("C2 Compiler")) {
				this.compilerCpu += spent.cpuNanos();
			}
		});
	}

	double wallSeconds() {
		return this.wall / 1e9;
	}

	double cpuMicros() {
		return this.cpu / 1e3;
	}

	/**
	 * Return the CPU time of the process without that of the JIT compiler threads: the
	 * clients' own work, with the garbage collector's, once the compiler's share (which
	 * on W3 does not fall below 10–40 % within any practical warm-up, since per-stream
	 * code runs only a few hundred times a round) is taken out. Zero compiler time where
	 * the threads cannot be read (outside Linux).
	 */
	double cpuMicrosWithoutCompiler() {
		return (this.cpu - this.compilerCpu) / 1e3;
	}

	/**
	 * What each thread group (a thread's name without its trailing number:
	 * {@code reactor-http-epoll-}, {@code GC Thread#}, {@code C2 CompilerThread}) used in
	 * the measured phase. Threads that ended within the phase are missing.
	 * @return the groups and their usage
	 */
	Map<String, ThreadUsage> threadGroups() {
		return this.threads;
	}

	/**
	 * Sum what the live threads have used, by group, from {@code /proc/self/task/<tid>}:
	 * {@code schedstat} (nanoseconds on a CPU), {@code stat} (user and kernel time in
	 * clock ticks) and {@code status} (voluntary context switches). Empty where the
	 * threads cannot be read (outside Linux).
	 */
	private static Map<String, ThreadUsage> threadUsage() {
		Map<String, ThreadUsage> groups = new TreeMap<>();
		Path tasks = Path.of("/proc/self/task");
		if (!Files.isDirectory(tasks)) {
			return groups;
		}
		try (DirectoryStream<Path> ids = Files.newDirectoryStream(tasks)) {
			for (Path task : ids) {
				try {
					String name = Files.readString(task.resolve("comm")).trim().replaceAll("\\d+$", "");
					groups.merge(name, ThreadUsage.of(task), ThreadUsage::plus);
				}
				catch (IOException | RuntimeException ex) {
					// the thread ended while it was read
				}
			}
		}
		catch (IOException ex) {
			return groups;
		}
		return groups;
	}

	/**
	 * What a thread or a group of threads used.
	 *
	 * @param cpuNanos nanoseconds on a CPU
	 * @param userTicks user time in clock ticks (10 ms)
	 * @param kernelTicks kernel time in clock ticks
	 * @param switches voluntary context switches: waits that ended in a wake-up
	 */
	record ThreadUsage(long cpuNanos, long userTicks, long kernelTicks, long switches) {

		static final ThreadUsage NONE = new ThreadUsage(0, 0, 0, 0);

		/** The length of a clock tick of {@code /proc}, in microseconds. */
		static final double TICK_MICROS = 10_000;

		static ThreadUsage of(Path task) throws IOException {
			String schedstat = Files.readString(task.resolve("schedstat")).trim();
			// after the name in brackets: utime and stime are the 12th and 13th fields
			String[] stat = Files.readString(task.resolve("stat")).replaceFirst(".*\\) ", "").split(" ");
			long switches = 0;
			for (String line : Files.readAllLines(task.resolve("status"))) {
				if (line.startsWith("voluntary_ctxt_switches:")) {
					switches = Long.parseLong(line.substring("voluntary_ctxt_switches:".length()).trim());
				}
			}
			return new ThreadUsage(Long.parseLong(schedstat.substring(0, schedstat.indexOf(' '))),
					Long.parseLong(stat[11]), Long.parseLong(stat[12]), switches);
		}

		ThreadUsage plus(ThreadUsage other) {
			return new ThreadUsage(this.cpuNanos + other.cpuNanos, this.userTicks + other.userTicks,
					this.kernelTicks + other.kernelTicks, this.switches + other.switches);
		}

		ThreadUsage minus(ThreadUsage other) {
			return new ThreadUsage(this.cpuNanos - other.cpuNanos, this.userTicks - other.userTicks,
					this.kernelTicks - other.kernelTicks, this.switches - other.switches);
		}

	}

	/**
	 * Return the time the JIT compiler threads spent compiling during the phase, as the
	 * JVM accounts it: part of the CPU time, and a sign that the phase was not yet
	 * steady.
	 */
	double compileMillis() {
		return this.compile;
	}

}
