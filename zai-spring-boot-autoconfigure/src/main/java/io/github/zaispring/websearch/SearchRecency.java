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

package io.github.zaispring.websearch;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How recent the pages a web search returns must be ({@code search_recency_filter}).
 *
 * @author zai-spring-boot contributors
 */
public enum SearchRecency {

	/**
	 * Pages of the last day.
	 */
	ONE_DAY("oneDay"),

	/**
	 * Pages of the last week.
	 */
	ONE_WEEK("oneWeek"),

	/**
	 * Pages of the last month.
	 */
	ONE_MONTH("oneMonth"),

	/**
	 * Pages of the last year.
	 */
	ONE_YEAR("oneYear"),

	/**
	 * Pages of any date, the server's default.
	 */
	NO_LIMIT("noLimit");

	private final String value;

	SearchRecency(String value) {
		this.value = value;
	}

	/**
	 * Return the value sent on the wire.
	 * @return the wire value, such as {@code oneWeek}
	 */
	@JsonValue
	public String value() {
		return this.value;
	}

	/**
	 * Return the recency of a wire value or constant name, ignoring case.
	 * @param value a value such as {@code oneWeek} or {@code one-week}
	 * @return the recency
	 * @throws IllegalArgumentException when the value names none
	 */
	public static SearchRecency from(String value) {
		String key = value.strip().replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
		for (SearchRecency recency : values()) {
			if (recency.value.toLowerCase(Locale.ROOT).equals(key)) {
				return recency;
			}
		}
		throw new IllegalArgumentException("recencyFilter must be one of oneDay, oneWeek, oneMonth, oneYear and "
				+ "noLimit, but was '" + value + "'");
	}

}
