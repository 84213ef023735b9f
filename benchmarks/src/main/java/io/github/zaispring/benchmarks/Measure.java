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

import java.lang.management.CompilationMXBean;
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

	private long wall;

	private long cpu;

	private long compile;

	private Measure() {
	}

	static Measure start() {
		return new Measure();
	}

	void stop() {
		this.wall = System.nanoTime() - this.startWall;
		this.cpu = os.getProcessCpuTime() - this.startCpu;
		this.compile = jit.getTotalCompilationTime() - this.startCompile;
	}

	double wallSeconds() {
		return this.wall / 1e9;
	}

	double cpuMicros() {
		return this.cpu / 1e3;
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
