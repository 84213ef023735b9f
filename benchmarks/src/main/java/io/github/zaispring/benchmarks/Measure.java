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

	private final long startWall = System.nanoTime();

	private final long startCompile = jit.getTotalCompilationTime();

	private final long startCpu = os.getProcessCpuTime();

	private final Map<String, Long> startThreads = threadCpuNanos();

	private long wall;

	private long cpu;

	private long compile;

	private long compilerCpu;

	private final Map<String, Long> threads = new TreeMap<>();

	private Measure() {
	}

	static Measure start() {
		return new Measure();
	}

	void stop() {
		this.wall = System.nanoTime() - this.startWall;
		this.cpu = os.getProcessCpuTime() - this.startCpu;
		this.compile = jit.getTotalCompilationTime() - this.startCompile;
		threadCpuNanos().forEach((group, nanos) -> {
			long spent = nanos - this.startThreads.getOrDefault(group, 0L);
			this.threads.put(group, spent);
			if ((group.startsWith("C1 Compiler") || group.startsWith("C2 Compiler")) && !group.endsWith("ticks")
					&& !group.endsWith("switches")) {
				this.compilerCpu += spent;
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
	 * The CPU time of the measured phase by thread group (a thread's name without its
	 * trailing number: {@code reactor-http-epoll-}, {@code GC Thread#}, {@code C2
	 * CompilerThread}), in microseconds. Threads that ended within the phase are missing.
	 * @return the groups and their CPU microseconds
	 */
	Map<String, Double> threadGroupMicros() {
		Map<String, Double> micros = new TreeMap<>();
		this.threads.forEach((group, nanos) -> micros.put(group, nanos / 1e3));
		return micros;
	}

	/**
	 * Sum the CPU time of the live threads by group from
	 * {@code /proc/self/task/<tid>/schedstat}, whose first field is the nanoseconds a
	 * thread spent on a CPU; the group is the name in {@code comm} without its trailing
	 * digits. Empty where the threads cannot be read (outside Linux).
	 */
	private static Map<String, Long> threadCpuNanos() {
		Map<String, Long> groups = new TreeMap<>();
		Path tasks = Path.of("/proc/self/task");
		if (!Files.isDirectory(tasks)) {
			return groups;
		}
		try (DirectoryStream<Path> ids = Files.newDirectoryStream(tasks)) {
			for (Path task : ids) {
				try {
					String name = Files.readString(task.resolve("comm")).trim().replaceAll("\\d+$", "");
					String schedstat = Files.readString(task.resolve("schedstat")).trim();
					groups.merge(name, Long.parseLong(schedstat.substring(0, schedstat.indexOf(' '))), Long::sum);
					String[] stat = Files.readString(task.resolve("stat")).replaceFirst(".*\\) ", "").split(" ");
					// utime and stime, the 14th and 15th fields, in clock ticks (10 ms)
					groups.merge(name + " sys ticks", Long.parseLong(stat[12]), Long::sum);
					groups.merge(name + " user ticks", Long.parseLong(stat[11]), Long::sum);
					for (String line : Files.readAllLines(task.resolve("status"))) {
						if (line.startsWith("voluntary_ctxt_switches:")) {
							groups.merge(name + " switches", Long.parseLong(line.substring(24).trim()), Long::sum);
						}
					}
				}
				catch (IOException | RuntimeException ex) {
					// the thread ended while it was read
				}
			}
		}
		catch (IOException ex) {
			return groups;
		}
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
				if (line.startsWith("syscr:") || line.startsWith("syscw:")) {
					groups.put(line.substring(0, 5) + " count", Long.parseLong(line.substring(6).trim()));
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// not Linux
		}
		return groups;
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
