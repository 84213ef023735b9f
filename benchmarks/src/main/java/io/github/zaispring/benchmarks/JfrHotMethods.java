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
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Aggregates a JFR recording (JDK 17 has no {@code jfr view hot-methods}): the hottest
 * methods by own samples, the starter's frames nearest the top of each sample, and the
 * starter's allocation sites.
 *
 * @author zai-spring-boot contributors
 */
final class JfrHotMethods {

	private static final String STARTER = "io.github.zaispring.";

	private static final String HARNESS = "io.github.zaispring.benchmarks.";

	private static final Predicate<RecordedFrame> STARTER_FRAME = (frame) -> {
		String type = frame.getMethod().getType().getName();
		return type.startsWith(STARTER) && !type.startsWith(HARNESS);
	};

	private JfrHotMethods() {
	}

	/**
	 * Summarise a recording.
	 * @param recording the JFR file
	 * @param top how many methods per list
	 * @return a Markdown summary
	 * @throws IOException when the file cannot be read
	 */
	static String summarise(Path recording, int top) throws IOException {
		Map<String, Long> self = new HashMap<>();
		Map<String, Long> nearestStarter = new HashMap<>();
		Map<String, Long> starterSelf = new HashMap<>();
		Map<String, Long> allocations = new HashMap<>();
		Map<String, Map<String, Long>> callees = new HashMap<>();
		long samples = 0;
		long withStarter = 0;
		long allocated = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
			RecordedStackTrace stack = event.getStackTrace();
			if (stack == null || stack.getFrames().isEmpty()) {
				continue;
			}
			List<RecordedFrame> frames = stack.getFrames();
			String name = event.getEventType().getName();
			if (name.equals("jdk.ExecutionSample")) {
				samples++;
				self.merge(method(frames.get(0)), 1L, Long::sum);
				if (STARTER_FRAME.test(frames.get(0))) {
					starterSelf.merge(method(frames.get(0)), 1L, Long::sum);
				}
				RecordedFrame nearest = frames.stream().filter(STARTER_FRAME).findFirst().orElse(null);
				if (nearest != null) {
					withStarter++;
					nearestStarter.merge(method(nearest) + ":" + nearest.getLineNumber(), 1L, Long::sum);
					int at = frames.indexOf(nearest);
					// what the starter's line spends its time in: the two frames below it
					String callee = (at >= 1)
							? method(frames.get(at - 1)) + ((at >= 2) ? " → " + method(frames.get(at - 2)) : "")
							: "(own code)";
					callees.computeIfAbsent(method(nearest) + ":" + nearest.getLineNumber(), (key) -> new HashMap<>())
						.merge(callee, 1L, Long::sum);
				}
			}
			else if (name.equals("jdk.ObjectAllocationSample")) {
				long weight = event.getLong("weight");
				allocated += weight;
				RecordedFrame nearest = frames.stream().filter(STARTER_FRAME).findFirst().orElse(null);
				if (nearest != null) {
					allocations.merge(method(nearest) + ":" + nearest.getLineNumber(), weight, Long::sum);
				}
			}
		}
		StringBuilder out = new StringBuilder();
		out.append("Execution samples: ")
			.append(samples)
			.append(", with a starter frame on the stack: ")
			.append(withStarter)
			.append(" (")
			.append(percent(withStarter, samples))
			.append(")\n\n");
		table(out, "Hottest methods, own samples (all code)", self, samples, top, "samples");
		table(out, "Starter methods, own samples", starterSelf, samples, top, "samples");
		table(out, "Starter frame nearest the top of each sample (the starter call that led to the work)",
				nearestStarter, samples, top, "samples");
		table(out, "Starter allocation sites (sampled weight)", allocations, allocated, top, "bytes");
		nearestStarter.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(4)
			.forEach((entry) -> table(out, "What `" + entry.getKey() + "` calls (" + entry.getValue() + " samples)",
					callees.get(entry.getKey()), entry.getValue(), 8, "samples"));
		return out.toString();
	}

	private static void table(StringBuilder out, String title, Map<String, Long> counts, long total, int top,
			String unit) {
		out.append("#### ")
			.append(title)
			.append("\n\n| ")
			.append(unit)
			.append(" | share | method |\n|---:|---:|---|\n");
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(top)
			.forEach((entry) -> out.append("| ")
				.append(entry.getValue())
				.append(" | ")
				.append(percent(entry.getValue(), total))
				.append(" | `")
				.append(entry.getKey())
				.append("` |\n"));
		out.append('\n');
	}

	private static String method(RecordedFrame frame) {
		String type = frame.getMethod().getType().getName();
		return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
	}

	private static String percent(long part, long total) {
		return (total > 0) ? String.format("%.1f%%", 100.0 * part / total) : "-";
	}

}
