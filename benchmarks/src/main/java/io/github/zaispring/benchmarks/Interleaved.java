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
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * W1 and W3 measured in short blocks that alternate between the systems, each system in a
 * JVM of its own that stays up for the whole measurement ({@code --interleaved}).
 * <p>
 * A normal run measures one system after the other, minutes apart; on a shared machine
 * the cost of the same work drifts by up to 2× over minutes, and a ratio of two such
 * measurements carries that drift. Here every system is warmed up first, then each round
 * measures one block of every workload for every system back to back (the first system
 * rotating between rounds), so that the blocks of one round are seconds apart. The ratio
 * of a system to the baseline is taken per round, and the report gives their median,
 * quartiles and range over the rounds.
 *
 * @author zai-spring-boot contributors
 */
final class Interleaved {

	/**
	 * One measured block of a round: the command sent to every system, the metric it
	 * reports, and issue 10's target as a ratio to the baseline ({@code 0} for W2, whose
	 * target is the best peer).
	 */
	private record Block(String name, String command, String metric, double target) {

	}

	private final Map<String, String> options;

	private final Path out;

	/** system → metric → one value per round. */
	private final Map<String, Map<String, List<Double>>> values = new LinkedHashMap<>();

	/** system → metric → one ratio to the baseline of the same round per round. */
	private final Map<String, Map<String, List<Double>>> ratios = new LinkedHashMap<>();

	Interleaved(Map<String, String> options, Path out) {
		this.options = options;
		this.out = out;
	}

	/**
	 * Warm every system up, measure the rounds, and return the report.
	 * @param systems the systems; the first must be the baseline
	 * @return the report in Markdown
	 */
	String run(List<String> systems) throws IOException, InterruptedException {
		if (!systems.get(0).equals("baseline")) {
			throw new IllegalArgumentException("--interleaved needs baseline as its first system, got " + systems);
		}
		int rounds = Options.integer(this.options, "blocks");
		List<String> workloads = List.of(this.options.get("blockWorkloads").split(","));
		List<Block> blocks = blocks(workloads);
		List<Child> children = new ArrayList<>();
		try {
			for (String system : systems) {
				children.add(Child.start(system, this.options, this.out));
			}
			for (Child child : children) {
				for (String workload : workloads) {
					child.command("warm " + workload);
				}
			}
			for (int round = 0; round < rounds; round++) {
				List<Child> order = new ArrayList<>(children);
				Collections.rotate(order, -round);
				Map<String, Map<String, Double>> thisRound = new LinkedHashMap<>();
				for (Block block : blocks) {
					for (Child child : order) {
						thisRound.computeIfAbsent(child.system, (key) -> new LinkedHashMap<>())
							.putAll(child.command(block.command()));
					}
				}
				record(thisRound);
				System.out.printf("round %d: %s%n", round + 1, thisRound);
			}
		}
		finally {
			for (Child child : children) {
				child.stop();
			}
		}
		return report(systems, blocks, rounds);
	}

	private List<Block> blocks(List<String> workloads) {
		int calls = Options.integer(this.options, "blockCalls");
		int streams = Integer.parseInt(this.options.get("w3Streams").split(",")[0].trim());
		int concurrency = Options.integer(this.options, "w1Concurrency");
		List<Block> blocks = new ArrayList<>();
		if (workloads.contains("W1")) {
			blocks.add(new Block("W1: " + calls + " sequential calls", "W1.seq " + calls, "W1.seq.cpuUs", 1.2));
			blocks.add(new Block("W1: " + calls + " calls at concurrency " + concurrency, "W1.conc " + calls,
					"W1.conc.cpuUs", 1.2));
		}
		if (workloads.contains("W2")) {
			int w2Streams = Options.integer(this.options, "w2StreamsPerRepeat");
			blocks.add(new Block(
					"W2: " + w2Streams + " streams of " + this.options.get("w2Chunks") + " chunks, one after the other",
					"W2 " + w2Streams, "W2.cpuUs", 0));
		}
		if (workloads.contains("W3")) {
			blocks.add(new Block("W3: " + streams + " concurrent streams", "W3 " + streams, "W3." + streams + ".cpuUs",
					0.85));
		}
		return blocks;
	}

	private void record(Map<String, Map<String, Double>> round) {
		Map<String, Double> baseline = round.get("baseline");
		round.forEach((system, results) -> results.forEach((metric, value) -> {
			this.values.computeIfAbsent(system, (key) -> new LinkedHashMap<>())
				.computeIfAbsent(metric, (key) -> new ArrayList<>())
				.add(value);
			Double base = baseline.get(metric);
			if (base != null && base > 0) {
				this.ratios.computeIfAbsent(system, (key) -> new LinkedHashMap<>())
					.computeIfAbsent(metric, (key) -> new ArrayList<>())
					.add(value / base);
			}
		}));
	}

	private String report(List<String> systems, List<Block> blocks, int rounds) {
		StringBuilder report = new StringBuilder();
		report.append("### Interleaved: ").append(rounds).append(" rounds\n\n");
		report.append("CPU per call (W1) or per chunk (W2, W3), median over the rounds; ratios per round, to the ")
			.append("baseline of the same round (W2: also to each peer of the same round).\n\n");
		report.append("| block | system | median µs (against µs) | ratio: median | quartiles | range | rounds at ")
			.append("or under the target |\n|---|---|---:|---:|---:|---:|---:|\n");
		for (Block block : blocks) {
			for (String system : systems.subList(1, systems.size())) {
				row(report, block, system, "baseline",
						this.ratios.getOrDefault(system, Map.of()).getOrDefault(block.metric(), List.of()),
						block.target());
			}
			if (block.target() == 0 && systems.contains("starter")) {
				for (String peer : systems.subList(1, systems.size())) {
					if (!peer.startsWith("starter")) {
						row(report, block, "starter", peer, pairRatios("starter", peer, block.metric()), 1.0);
					}
				}
			}
		}
		report.append("\nJIT ms while measured, largest block: ");
		this.values.forEach((system, metrics) -> report.append(system)
			.append(' ')
			.append(metrics.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().endsWith(".jitMs"))
				.flatMap((entry) -> entry.getValue().stream())
				.mapToDouble(Double::doubleValue)
				.max()
				.orElse(0))
			.append("; "));
		report.append('\n');
		return report.toString();
	}

	private void row(StringBuilder report, Block block, String system, String against, List<Double> ratio,
			double target) {
		String met = "";
		if (target > 0) {
			long count = ratio.stream().filter((value) -> value <= target).count();
			met = String.format(Locale.ROOT, "%d of %d (≤ %.2f×)", count, ratio.size(), target);
		}
		report.append(String.format(Locale.ROOT,
				"| %s | %s / %s | %.2f (%.2f) | %.2f× | %.2f–%.2f× | %.2f–%.2f× | %s |%n", block.name(), system,
				against, median(system, block.metric()), median(against, block.metric()), Stats.median(ratio),
				quantile(ratio, 0.25), quantile(ratio, 0.75), quantile(ratio, 0), quantile(ratio, 1), met));
	}

	/**
	 * Return the ratios of one system to another, round by round.
	 */
	private List<Double> pairRatios(String system, String other, String metric) {
		List<Double> mine = this.values.getOrDefault(system, Map.of()).getOrDefault(metric, List.of());
		List<Double> theirs = this.values.getOrDefault(other, Map.of()).getOrDefault(metric, List.of());
		List<Double> ratios = new ArrayList<>();
		for (int i = 0; i < Math.min(mine.size(), theirs.size()); i++) {
			ratios.add(mine.get(i) / theirs.get(i));
		}
		return ratios;
	}

	private double median(String system, String metric) {
		return Stats.median(this.values.getOrDefault(system, Map.of()).getOrDefault(metric, List.of()));
	}

	private static double quantile(List<Double> values, double q) {
		if (values.isEmpty()) {
			return Double.NaN;
		}
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		double position = q * (sorted.size() - 1);
		int below = (int) Math.floor(position);
		int above = (int) Math.ceil(position);
		return sorted.get(below) + (sorted.get(above) - sorted.get(below)) * (position - below);
	}

	/**
	 * One system's JVM, running {@link WorkerCommands}; its output also goes to
	 * {@code <system>-interleaved.log}.
	 */
	private static final class Child {

		private final String system;

		private final Process process;

		private final PrintWriter commands;

		private final BufferedReader answers;

		private final Writer log;

		private Child(String system, Process process, Writer log) {
			this.system = system;
			this.process = process;
			this.commands = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8),
					true);
			this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
			this.log = log;
		}

		static Child start(String system, Map<String, String> options, Path out) throws IOException {
			List<String> arguments = new ArrayList<>(List.of("-Xmx" + options.get("workerHeap"), "-XX:+UseG1GC",
					"io.github.zaispring.benchmarks.Worker", system, "serve=true"));
			options.forEach((name, value) -> arguments.add(name + "=" + value));
			Process process = new ProcessBuilder(
					Java.commandWithOverrides(BenchmarkMain.overrides(system), arguments.toArray(String[]::new)))
				.redirectErrorStream(true)
				.start();
			Writer log = Files.newBufferedWriter(out.resolve(system + "-interleaved.log"), StandardCharsets.UTF_8);
			return new Child(system, process, log);
		}

		/**
		 * Send one command and wait for its results.
		 */
		Map<String, Double> command(String command) throws IOException {
			this.log.write("> " + command + "\n");
			this.commands.println(command);
			Map<String, Double> results = new LinkedHashMap<>();
			for (String line = this.answers.readLine(); line != null; line = this.answers.readLine()) {
				this.log.write(line + "\n");
				if (line.equals("DONE")) {
					this.log.flush();
					return results;
				}
				if (line.startsWith("FAILED ")) {
					this.log.flush();
					throw new IllegalStateException(this.system + ": '" + command + "' " + line);
				}
				if (line.startsWith("RESULT ")) {
					String[] parts = line.split(" ");
					results.put(parts[1], Double.parseDouble(parts[2]));
				}
			}
			this.log.flush();
			throw new IllegalStateException(this.system + " ended during '" + command + "'");
		}

		void stop() throws IOException, InterruptedException {
			this.commands.println("quit");
			if (!this.process.waitFor(1, TimeUnit.MINUTES)) {
				this.process.destroyForcibly();
			}
			this.log.close();
		}

	}

}
