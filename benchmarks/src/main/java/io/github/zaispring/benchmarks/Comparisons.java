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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Ratios of the client CPU of one system to another's, for issue 12's targets: the Spring
 * AI provider through {@code ChatClient} against Spring AI's OpenAI model through
 * {@code ChatClient}, and the bridge alone ({@code ZaiChatModel} called directly) against
 * the bare template. Each ratio is taken per run, between the two systems' values of that
 * run, then the median of the runs.
 *
 * @author zai-spring-boot contributors
 */
final class Comparisons {

	/** system, the system it is compared with, the target ratio or 0 for none. */
	private static final List<Object[]> PAIRS = List.of(new Object[] { "spring-ai-zai", "spring-ai-chatclient", 0.6 },
			new Object[] { "zai-chat-model", "starter", 1.3 }, new Object[] { "zai-chat-model", "spring-ai", 0.0 },
			new Object[] { "spring-ai-zai", "starter", 0.0 });

	private Comparisons() {
	}

	/**
	 * Return the table of the ratios of the pairs whose two systems ran.
	 * @param values system, metric, one value per run
	 * @param options the sizes of the run ({@code w3Streams})
	 * @return Markdown, empty when no pair ran
	 */
	static String table(Map<String, Map<String, List<Double>>> values, Map<String, String> options) {
		List<String[]> metrics = new ArrayList<>();
		metrics.add(new String[] { "w1.seq.cpuUsPerCall", "W1 sequential, CPU/call" });
		metrics.add(new String[] { "w1.conc.cpuUsPerCall", "W1 concurrency 32, CPU/call" });
		metrics.add(new String[] { "w2.cpuUsPerChunk", "W2, CPU/chunk" });
		for (String streams : options.get("w3Streams").split(",")) {
			metrics.add(new String[] { "w3." + streams.trim() + ".cpuUsPerChunk",
					"W3 " + streams.trim() + " streams, CPU/chunk" });
		}
		StringBuilder table = new StringBuilder();
		for (Object[] pair : PAIRS) {
			Map<String, List<Double>> system = values.get((String) pair[0]);
			Map<String, List<Double>> other = values.get((String) pair[1]);
			if (system == null || other == null) {
				continue;
			}
			double target = (double) pair[2];
			for (String[] metric : metrics) {
				List<Double> ratios = ratios(system.get(metric[0]), other.get(metric[0]));
				if (ratios.isEmpty()) {
					continue;
				}
				double median = Stats.median(ratios);
				table.append(String.format("| `%s` / `%s` | %s | %.2f× | %s | %s |%n", pair[0], pair[1], metric[1],
						median, ratios.stream().map((ratio) -> String.format("%.2f", ratio)).toList(), (target == 0)
								? "" : String.format("≤ %.1f×: %s", target, (median <= target) ? "met" : "not met")));
			}
		}
		if (table.isEmpty()) {
			return "";
		}
		return "### Client CPU of one system over another (median of the per-run ratios)\n\n"
				+ "| systems | measure | ratio | every run | target |\n|---|---|---:|---|---|\n" + table + "\n";
	}

	private static List<Double> ratios(@Nullable List<Double> values, @Nullable List<Double> others) {
		List<Double> ratios = new ArrayList<>();
		if (values == null || others == null || values.size() != others.size()) {
			return ratios;
		}
		for (int i = 0; i < values.size(); i++) {
			if (others.get(i) != 0) {
				ratios.add(values.get(i) / others.get(i));
			}
		}
		return ratios;
	}

}
