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

	private final long startCompilerCpu = compilerThreadsCpuNanos();

	private long wall;

	private long cpu;

	private long compile;

	private long compilerCpu;

	private Measure() {
	}

	static Measure start() {
		return new Measure();
	}

	void stop() {
		this.wall = System.nanoTime() - this.startWall;
		this.cpu = os.getProcessCpuTime() - this.startCpu;
		this.compile = jit.getTotalCompilationTime() - this.startCompile;
		this.compilerCpu = compilerThreadsCpuNanos() - this.startCompilerCpu;
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
	 * Sum the CPU time of the JIT compiler threads (named {@code C1 CompilerThread…} and
	 * {@code C2 CompilerThread…}) from {@code /proc/self/task/<tid>/schedstat}, whose
	 * first field is the nanoseconds a thread spent on a CPU.
	 */
	private static long compilerThreadsCpuNanos() {
		Path tasks = Path.of("/proc/self/task");
		if (!Files.isDirectory(tasks)) {
			return 0;
		}
		long total = 0;
		try (DirectoryStream<Path> ids = Files.newDirectoryStream(tasks)) {
			for (Path task : ids) {
				try {
					String name = Files.readString(task.resolve("comm")).trim();
					if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
						String schedstat = Files.readString(task.resolve("schedstat")).trim();
						total += Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
					}
				}
				catch (IOException | RuntimeException ex) {
					// the thread ended while it was read
				}
			}
		}
		catch (IOException ex) {
			return 0;
		}
		return total;
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
