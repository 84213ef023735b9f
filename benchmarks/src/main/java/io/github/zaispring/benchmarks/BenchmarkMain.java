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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Runs issue #6's benchmarks: starts one simulator JVM per workload configuration, runs
 * every client in JVMs of their own, several times, and writes the medians and the ratios
 * to the baseline of the same run as Markdown. Options: {@code --quick} for a smoke run,
 * {@code --jfr} to profile the systems of {@code jfrSystems} on the workloads (W1 at its
 * concurrency, W2, W3; with {@code -Dzai.bench.runs=0} nothing else), {@code --out=
 *
<dir>
 * }; sizes with {@code -Dzai.bench.<name>=<value>} (see {@link Options}).
 *
 * @author zai-spring-boot contributors
 */
public final class BenchmarkMain {

	private static final List<String[]> METRICS = List.of(
			new String[] { "w1.seq.cpuUsPerCall", "W1 sequential: CPU µs/call" },
			new String[] { "w1.seq.cpuUsPerCallWithoutJit", "W1 sequential: CPU µs/call without the JIT compiler" },
			new String[] { "w1.seq.callsPerSec", "W1 sequential: calls/s" },
			new String[] { "w1.conc.cpuUsPerCall", "W1 concurrency 32: CPU µs/call" },
			new String[] { "w1.conc.cpuUsPerCallWithoutJit",
					"W1 concurrency 32: CPU µs/call without the JIT compiler" },
			new String[] { "w1.conc.callsPerSec", "W1 concurrency 32: calls/s" },
			new String[] { "w1.seq.jitMs", "W1 sequential: JIT ms while measured" },
			new String[] { "w1.conc.jitMs", "W1 concurrency 32: JIT ms while measured" },
			new String[] { "w2.cpuUsPerChunk", "W2 one stream: CPU µs/chunk" },
			new String[] { "w2.chunksPerSec", "W2 one stream: chunks/s" },
			new String[] { "w2.jitMs", "W2 one stream: JIT ms while measured (100,000 chunks)" },
			new String[] { "w5.cpuUsPerVector", "W5 embeddings: CPU µs/vector" },
			new String[] { "w5.vectorsPerSec", "W5 embeddings: vectors/s" },
			new String[] { "w5.heapMb", "W5 embeddings: live heap MB of the result" },
			new String[] { "w5.heapToRaw", "W5 embeddings: live heap / raw float data" },
			new String[] { "w5.jitMs", "W5 embeddings: JIT ms while measured" });

	private static final List<String[]> W3_METRICS = List.of(new String[] { "wallMs", "wall ms" },
			new String[] { "cpuUsPerChunk", "CPU µs/chunk" },
			new String[] { "cpuUsPerChunkWithoutJit", "CPU µs/chunk without the JIT compiler" },
			new String[] { "peakThreads", "peak live threads" }, new String[] { "jitMs", "JIT ms while measured" },
			new String[] { "heapMb", "live heap MB while open" },
			new String[] { "openAtHeap", "streams open at the heap measurement" });

	private final Map<String, String> options;

	private final Path out;

	/** system, metric, one value per run. */
	private final Map<String, Map<String, List<Double>>> values = new LinkedHashMap<>();

	/** system, metric, one ratio to the baseline per run. */
	private final Map<String, Map<String, List<Double>>> ratios = new LinkedHashMap<>();

	private final List<String> failures = new ArrayList<>();

	private BenchmarkMain(Map<String, String> options, Path out) {
		this.options = options;
		this.out = out;
	}

	/**
	 * Run the benchmarks.
	 * @param args {@code --quick}, {@code --jfr}, {@code --interleaved},
	 * {@code --out=<dir>}
	 * @throws Exception when the simulators cannot be started
	 */
	public static void main(String[] args) throws Exception {
		boolean quick = List.of(args).contains("--quick");
		boolean jfr = List.of(args).contains("--jfr");
		boolean interleaved = List.of(args).contains("--interleaved");
		Path out = Path.of("benchmarks/target/results");
		for (String arg : args) {
			if (arg.startsWith("--out=")) {
				out = Path.of(arg.substring("--out=".length()));
			}
		}
		Files.createDirectories(out);
		BenchmarkMain main = new BenchmarkMain(Options.resolve(quick), out);
		int status = interleaved ? main.runInterleaved() : main.run(jfr);
		System.exit(status);
	}

	/**
	 * Measure W1 and W3 in blocks that alternate between the systems (see
	 * {@link Interleaved}).
	 */
	private int runInterleaved() throws Exception {
		List<String> systems = List.of(this.options.get("systems").split(","));
		String report;
		try (Simulator w1 = Simulator.start(Options.integer(this.options, "w1Chunks"), 0);
				Simulator w2 = Simulator.start(Options.integer(this.options, "w2Chunks"), 0);
				Simulator w3 = Simulator.start(Options.integer(this.options, "w3Chunks"),
						Options.integer(this.options, "w3DelayMs"))) {
			this.options.put("w1Url", w1.baseUrl());
			this.options.put("w2Url", w2.baseUrl());
			this.options.put("w3Url", w3.baseUrl());
			report = "Sizes: " + this.options + "\n\n" + new Interleaved(this.options, this.out).run(systems);
		}
		Path results = this.out.resolve("interleaved.md");
		Files.writeString(results, report, StandardCharsets.UTF_8);
		System.out.println(report);
		System.out.println("Written to " + results);
		return 0;
	}

	private int run(boolean jfr) throws Exception {
		List<String> systems = List.of(this.options.get("systems").split(","));
		List<String> workloads = List.of(this.options.get("workloads").split(","));
		int runs = Options.integer(this.options, "runs");
		StringBuilder report = new StringBuilder();
		report.append("Sizes: ").append(this.options).append("\n\n");
		try (Simulator w1 = Simulator.start(Options.integer(this.options, "w1Chunks"), 0);
				Simulator w2 = Simulator.start(Options.integer(this.options, "w2Chunks"), 0);
				Simulator w3 = Simulator.start(Options.integer(this.options, "w3Chunks"),
						Options.integer(this.options, "w3DelayMs"));
				Simulator w5 = Simulator.startDefault();
				// only for the Redis scope's system; a null resource is not closed
				LocalRedis redis = systems.contains("starter-limit-redis") ? LocalRedis.start() : null) {
			if (redis != null) {
				this.options.put("redisPort", String.valueOf(redis.port()));
			}
			this.options.put("w1Url", w1.baseUrl());
			this.options.put("w2Url", w2.baseUrl());
			this.options.put("w3Url", w3.baseUrl());
			this.options.put("w5Url", w5.baseUrl());
			if (runs > 0 && workloads.stream().anyMatch((workload) -> !workload.equals("W4"))) {
				for (int run = 1; run <= runs; run++) {
					Map<String, Map<String, Double>> thisRun = new LinkedHashMap<>();
					// a different client goes first in every run, so that none always
					// meets
					// a simulator that has just been warmed up
					for (int i = 0; i < systems.size(); i++) {
						String system = systems.get((i + run - 1) % systems.size());
						thisRun.put(system, worker(system, run));
					}
					record(thisRun);
				}
				report.append(table(systems, workloads, runs));
				report.append(Comparisons.table(this.values, this.options));
			}
			if (jfr) {
				report.append(profile(List.of(this.options.get("jfrSystems").split(",")), workloads));
			}
		}
		if (workloads.contains("W4")) {
			report.append(startup());
		}
		if (!this.failures.isEmpty()) {
			report.append("\n**Failures:**\n\n");
			this.failures.forEach((failure) -> report.append("- ").append(failure).append('\n'));
		}
		Path results = this.out.resolve("results.md");
		Files.writeString(results, report, StandardCharsets.UTF_8);
		System.out.println(report);
		System.out.println("Written to " + results);
		return this.failures.isEmpty() ? 0 : 1;
	}

	private Map<String, Double> worker(String system, int run) throws IOException, InterruptedException {
		List<String> arguments = new ArrayList<>(List.of("-Xmx" + this.options.get("workerHeap"), "-XX:+UseG1GC",
				"io.github.zaispring.benchmarks.Worker", system));
		this.options.forEach((name, value) -> arguments.add(name + "=" + value));
		Path log = this.out.resolve(system + "-run" + run + ".log");
		System.out.printf("run %d %-12s ...%n", run, system);
		Map<String, Double> results = launch(
				Java.commandWithOverrides(overrides(system), arguments.toArray(String[]::new)), log,
				system + " run " + run);
		System.out.printf("run %d %-12s %s%n", run, system, results);
		return results;
	}

	/**
	 * Return the folder of jars in front of a system's class path: the Spring AI provider
	 * systems add zai-spring-ai and the auto-configurations it brings, the Redis scope's
	 * system Redisson, which no other system has on its class path. A system named
	 * {@code <system>@<name>} takes the folder {@code lib-<name>}: another build of the
	 * starter's jars, measured against this one in the same run.
	 */
	static @Nullable String overrides(String system) {
		if (!baseSystem(system).equals(system)) {
			return "lib-" + system.substring(system.indexOf('@') + 1);
		}
		return switch (system) {
			case "zai-sdk" -> "lib-zai-sdk";
			case "spring-ai-zai", "zai-chat-model" -> "lib-spring-ai-zai";
			case "starter-limit-redis" -> "lib-redisson";
			default -> null;
		};
	}

	/**
	 * Return the system a name stands for: {@code starter} for {@code starter@before},
	 * the name itself otherwise.
	 */
	static String baseSystem(String system) {
		int at = system.indexOf('@');
		return (at >= 0) ? system.substring(0, at) : system;
	}

	private Map<String, Double> launch(List<String> command, Path log, String what)
			throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!process.waitFor(60, TimeUnit.MINUTES)) {
			process.destroyForcibly();
		}
		Map<String, Double> results = new LinkedHashMap<>();
		for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
			if (line.startsWith("RESULT ")) {
				String[] parts = line.split(" ");
				results.put(parts[1], Double.parseDouble(parts[2]));
			}
		}
		if (process.exitValue() != 0) {
			this.failures.add(what + " failed (exit " + process.exitValue() + "), see " + log);
		}
		return results;
	}

	private void record(Map<String, Map<String, Double>> run) {
		Map<String, Double> baseline = run.getOrDefault("baseline", Map.of());
		run.forEach((system, results) -> results.forEach((metric, value) -> {
			this.values.computeIfAbsent(system, (key) -> new LinkedHashMap<>())
				.computeIfAbsent(metric, (key) -> new ArrayList<>())
				.add(value);
			Double base = baseline.get(metric);
			if (base != null && base != 0) {
				this.ratios.computeIfAbsent(system, (key) -> new LinkedHashMap<>())
					.computeIfAbsent(metric, (key) -> new ArrayList<>())
					.add(value / base);
			}
		}));
	}

	private String table(List<String> systems, List<String> workloads, int runs) {
		StringBuilder table = new StringBuilder();
		table.append("### W1–W3: median of ")
			.append(runs)
			.append(" runs (× = ratio to the baseline of the same run, median)\n\n| Workload |");
		systems.forEach((system) -> table.append(' ').append(system).append(" |"));
		table.append("\n|---|");
		systems.forEach((system) -> table.append("---:|"));
		table.append('\n');
		List<String[]> metrics = new ArrayList<>();
		for (String[] metric : METRICS) {
			if (workloads.contains(metric[0].substring(0, 2).toUpperCase())) {
				metrics.add(metric);
			}
		}
		if (workloads.contains("W3")) {
			for (String streams : this.options.get("w3Streams").split(",")) {
				for (String[] metric : W3_METRICS) {
					metrics.add(new String[] { "w3." + streams.trim() + "." + metric[0],
							"W3 " + streams.trim() + " streams: " + metric[1] });
				}
			}
		}
		for (String[] metric : metrics) {
			table.append("| ").append(metric[1]).append(" |");
			for (String system : systems) {
				List<Double> runValues = this.values.getOrDefault(system, Map.of()).get(metric[0]);
				List<Double> runRatios = this.ratios.getOrDefault(system, Map.of()).get(metric[0]);
				table.append(' ');
				if (runValues == null || runValues.size() < runs) {
					table.append("failed");
				}
				else {
					table.append(format(Stats.median(runValues)));
					if (runRatios != null && !system.equals("baseline")) {
						table.append(String.format(" (%.2f×)", Stats.median(runRatios)));
					}
				}
				table.append(" |");
			}
			table.append('\n');
		}
		table.append("\nEvery run's values: ").append(this.values).append("\n\n");
		return table.toString();
	}

	/**
	 * Profile the given systems on the workloads of the run (W4 and W5 aside), one JVM
	 * per system, and summarise each workload's recording.
	 */
	private String profile(List<String> systems, List<String> workloads) throws IOException, InterruptedException {
		StringBuilder report = new StringBuilder();
		for (String system : systems) {
			Path recording = this.out.resolve(system).toAbsolutePath();
			List<String> arguments = new ArrayList<>(List.of("-Xmx" + this.options.get("workerHeap"), "-XX:+UseG1GC",
					"io.github.zaispring.benchmarks.Worker", system));
			this.options.forEach((name, value) -> arguments.add(name + "=" + value));
			arguments.add("jfr=" + recording);
			System.out.println("profiling " + system + " on " + workloads + " ...");
			launch(Java.commandWithOverrides(overrides(system), arguments.toArray(String[]::new)),
					this.out.resolve(system + "-jfr.log"), "JFR profile of " + system);
			for (String workload : List.of("W1", "W2", "W3")) {
				Path file = recording.resolveSibling(recording.getFileName() + "-" + workload.toLowerCase() + ".jfr");
				if (!workloads.contains(workload) || !Files.exists(file)) {
					continue;
				}
				String summary = JfrHotMethods.summarise(file, 15);
				String name = system + "-" + workload.toLowerCase() + "-hot-methods.md";
				Files.writeString(this.out.resolve(name), summary, StandardCharsets.UTF_8);
				report.append("### JFR profile of ")
					.append(system)
					.append(" on ")
					.append(workload)
					.append(" (")
					.append(file.getFileName())
					.append(")\n\n")
					.append(summary);
			}
		}
		return report.toString();
	}

	private String startup() throws IOException, InterruptedException {
		int starts = Options.integer(this.options, "startupRuns");
		Map<String, List<Double>> results = new LinkedHashMap<>();
		for (int i = 1; i <= starts; i++) {
			for (String mode : List.of("without", "with")) {
				System.out.printf("W4 %d %s ...%n", i, mode);
				Map<String, Double> run = launch(
						Java.command("-Xmx" + this.options.get("workerHeap"), "-XX:+UseG1GC",
								"io.github.zaispring.benchmarks.StartupWorker", mode, this.options.get("templates")),
						this.out.resolve("startup-" + mode + "-" + i + ".log"), "W4 " + mode + " " + i);
				run.forEach((metric, value) -> results.computeIfAbsent(metric + "." + mode, (key) -> new ArrayList<>())
					.add(value));
			}
		}
		for (int i = 1; i <= starts; i++) {
			for (String mode : List.of("webclient", "template")) {
				Map<String, Double> run = launch(
						Java.command("-Xmx" + this.options.get("workerHeap"), "-XX:+UseG1GC",
								"io.github.zaispring.benchmarks.StartupWorker", mode),
						this.out.resolve("startup-" + mode + "-" + i + ".log"), "W4 " + mode + " " + i);
				run.forEach((metric, value) -> results.computeIfAbsent(metric + "." + mode, (key) -> new ArrayList<>())
					.add(value));
			}
		}
		StringBuilder beans = new StringBuilder();
		StringBuilder createdFirst = new StringBuilder();
		for (String line : Files.readAllLines(this.out.resolve("startup-with-1.log"), StandardCharsets.UTF_8)) {
			if (line.startsWith("BEAN ")) {
				beans.append("| `").append(line.split(" ")[1]).append("` | ").append(line.split(" ")[2]).append(" |\n");
			}
			if (line.startsWith("CREATED-FIRST-BY-THE-STARTER ")) {
				createdFirst.append("| `")
					.append(line.split(" ")[1])
					.append("` | ")
					.append(line.split(" ")[2])
					.append(" |\n");
			}
		}
		double coldWith = Stats.median(results.getOrDefault("w4.coldMs.with", List.of()));
		double coldWithout = Stats.median(results.getOrDefault("w4.coldMs.without", List.of()));
		double warmWith = Stats.median(results.getOrDefault("w4.warmMs.with", List.of()));
		double warmWithout = Stats.median(results.getOrDefault("w4.warmMs.without", List.of()));
		return "### W4: startup and footprint of the starter, median of " + starts + " JVMs per side\n\n"
				+ "| Measure | without ZaiAutoConfiguration | with | added |\n|---|---:|---:|---:|\n"
				+ "| context start, first in a fresh JVM (ms) | " + format(coldWithout) + " | " + format(coldWith)
				+ " | " + format(coldWith - coldWithout) + " |\n" + "| context start, warm JVM, median of 5 (ms) | "
				+ format(warmWithout) + " | " + format(warmWith) + " | " + format(warmWith - warmWithout) + " |\n"
				+ "| the starter's beans, instantiation time in the first (cold) start (ms) | | "
				+ format(Stats.median(results.getOrDefault("w4.zaiBeansMs.with", List.of()))) + " | "
				+ format(Stats.median(results.getOrDefault("w4.zaiBeansMs.with", List.of()))) + " |\n"
				+ "| the same without the beans of other auto-configurations that a starter bean is the first to "
				+ "ask for (ms) | | " + format(Stats.median(results.getOrDefault("w4.zaiOwnBeansMs.with", List.of())))
				+ " | " + format(Stats.median(results.getOrDefault("w4.zaiOwnBeansMs.with", List.of()))) + " |\n"
				+ "| live heap per template (KB, " + this.options.get("templates") + " templates) | | "
				+ format(Stats.median(results.getOrDefault("w4.templateKb.with", List.of()))) + " | |\n\n"
				+ "| first template or bare WebClient built in a fresh JVM, no context (ms) | WebClient: "
				+ format(Stats.median(results.getOrDefault("w4.firstBuildMs.webclient", List.of()))) + " | template: "
				+ format(Stats.median(results.getOrDefault("w4.firstBuildMs.template", List.of()))) + " | |\n\n"
				+ "Slowest starter beans in the first cold start with the auto-configuration (Boot's "
				+ "`BufferingApplicationStartup`; a bean's time includes the beans it creates first):\n\n"
				+ "| bean | ms |\n|---|---:|\n" + beans + "\n"
				+ "Beans of other auto-configurations that a starter bean was the first to ask for, in the same "
				+ "start:\n\n| bean | ms |\n|---|---:|\n" + createdFirst + "\n" + "Every JVM's values: " + results
				+ "\n\n";
	}

	private static String format(double value) {
		if (Double.isNaN(value)) {
			return "failed";
		}
		double magnitude = Math.abs(value);
		return (magnitude >= 100) ? String.format("%,.0f", value)
				: (magnitude >= 10) ? String.format("%.1f", value) : String.format("%.2f", value);
	}

}
