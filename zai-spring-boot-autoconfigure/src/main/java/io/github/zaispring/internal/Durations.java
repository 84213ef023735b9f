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

package io.github.zaispring.internal;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Durations in messages, written the way {@code application.yml} writes them
 * ({@code 500ms}, {@code 30s}, {@code -5s}) rather than as ISO-8601 ({@code PT-5S}).
 *
 * @author zai-spring-boot contributors
 */
public final class Durations {

	private Durations() {
	}

	/**
	 * Format a duration in the largest unit that represents it exactly.
	 * @param duration the duration, or {@code null}
	 * @return the text, such as {@code 30s}, or {@code "null"}
	 */
	public static String format(@Nullable Duration duration) {
		if (duration == null) {
			return "null";
		}
		long nanos;
		try {
			nanos = duration.toNanos();
		}
		catch (ArithmeticException ex) {
			return duration.toSeconds() + "s";
		}
		if (nanos == 0) {
			return "0s";
		}
		long[] sizes = { 86_400_000_000_000L, 3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L };
		String[] units = { "d", "h", "m", "s", "ms", "us" };
		for (int i = 0; i < sizes.length; i++) {
			if (nanos % sizes[i] == 0) {
				return (nanos / sizes[i]) + units[i];
			}
		}
		return nanos + "ns";
	}

}
