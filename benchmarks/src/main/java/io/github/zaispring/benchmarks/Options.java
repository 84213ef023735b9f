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

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sizes of the workloads: the defaults, a quick variant for smoke runs, and
 * {@code -Dzai.bench.<name>=<value>} overrides.
 *
 * @author zai-spring-boot contributors
 */
final class Options {

	/** Sizes of issue #6. */
	private static final Map<String, String> DEFAULTS = Map.ofEntries(Map.entry("runs", "3"),
			Map.entry("systems", "baseline,starter,zai-sdk,spring-ai,langchain4j"),
			Map.entry("workloads", "W1,W2,W3,W4"), Map.entry("w1Calls", "5000"), Map.entry("w1Concurrency", "32"),
			Map.entry("w1Repeats", "3"), Map.entry("w1Warmup", "2000"), Map.entry("w1Chunks", "20"),
			Map.entry("w2Chunks", "20000"), Map.entry("w2Warmup", "5"), Map.entry("w2Repeats", "3"),
			Map.entry("w2StreamsPerRepeat", "5"), Map.entry("warmupRounds", "3"), Map.entry("warmupMaxRounds", "20"),
			Map.entry("w3Streams", "500,2000"), Map.entry("w3Chunks", "100"), Map.entry("w3DelayMs", "20"),
			Map.entry("w3Warmup", "500"), Map.entry("maxConnections", "2500"), Map.entry("startupRuns", "15"),
			Map.entry("templates", "200"), Map.entry("workerHeap", "2g"), Map.entry("w5Texts", "10000"),
			Map.entry("w5Dimensions", "1024"), Map.entry("w5Repeats", "3"), Map.entry("jfrSystems", "baseline,starter"),
			Map.entry("maxInFlight", "64"), Map.entry("blocks", "15"), Map.entry("blockCalls", "5000"),
			Map.entry("blockWorkloads", "W1,W3"));

	/** Sizes of {@code --quick}: seconds per client, to check that everything works. */
	private static final Map<String, String> QUICK = Map.ofEntries(Map.entry("runs", "1"), Map.entry("w1Calls", "300"),
			Map.entry("w1Warmup", "100"), Map.entry("w2Chunks", "2000"), Map.entry("w2Warmup", "1"),
			Map.entry("w2Repeats", "1"), Map.entry("w2StreamsPerRepeat", "1"), Map.entry("w1Repeats", "1"),
			Map.entry("warmupRounds", "1"), Map.entry("warmupMaxRounds", "1"), Map.entry("w3Streams", "50,200"),
			Map.entry("w3Chunks", "50"), Map.entry("w3Warmup", "20"), Map.entry("startupRuns", "1"),
			Map.entry("templates", "20"), Map.entry("w5Texts", "640"), Map.entry("w5Repeats", "1"),
			Map.entry("blocks", "2"), Map.entry("blockCalls", "200"));

	private Options() {
	}

	/**
	 * Resolve the options of a run.
	 * @param quick whether to take the quick sizes
	 * @return every option, overridden by system properties {@code zai.bench.<name>}
	 */
	static Map<String, String> resolve(boolean quick) {
		Map<String, String> options = new LinkedHashMap<>(DEFAULTS);
		if (quick) {
			options.putAll(QUICK);
		}
		for (String name : DEFAULTS.keySet()) {
			String value = System.getProperty("zai.bench." + name);
			if (value != null) {
				options.put(name, value);
			}
		}
		return options;
	}

	static Map<String, String> parse(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (String arg : args) {
			int equals = arg.indexOf('=');
			options.put(arg.substring(0, equals), arg.substring(equals + 1));
		}
		return options;
	}

	static int integer(Map<String, String> options, String name) {
		String value = options.get(name);
		if (value == null) {
			throw new IllegalArgumentException("Missing option " + name);
		}
		return Integer.parseInt(value.trim());
	}

	/**
	 * Return the length of the simulator's fixed reply of the given number of chunks:
	 * {@code "Lorem"} then {@code " ipsum"} per further chunk.
	 */
	static int textLength(int chunks) {
		return 5 + 6 * (chunks - 1);
	}

}
