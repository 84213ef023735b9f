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

package io.github.zaispring.moderation;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * The risk the server found in a piece of content, from no risk to blocked. Values the
 * server adds later map to {@link #UNKNOWN} instead of failing the parse; the value as
 * sent stays available from {@link ModerationResult#riskLevelValue()}.
 *
 * @author zai-spring-boot contributors
 */
public enum RiskLevel {

	/**
	 * No risk found.
	 */
	PASS(0),

	/**
	 * Possibly risky: a human should review the content.
	 */
	REVIEW(2),

	/**
	 * Risky: the content should be blocked.
	 */
	REJECT(3),

	/**
	 * A value this version of the library does not know, or none; ranked above
	 * {@link #PASS} so that it never reads as a pass.
	 */
	UNKNOWN(1);

	private final int severity;

	RiskLevel(int severity) {
		this.severity = severity;
	}

	/**
	 * Return the wire value, for example {@code "REJECT"}.
	 * @return the wire value; {@code "UNKNOWN"} for {@link #UNKNOWN}
	 */
	@JsonValue
	public String value() {
		return name();
	}

	/**
	 * Return whether this level is a greater risk than another: {@link #PASS}, then
	 * {@link #UNKNOWN}, {@link #REVIEW} and {@link #REJECT}.
	 * @param other the other level
	 * @return whether this level is worse
	 */
	public boolean isWorseThan(RiskLevel other) {
		return this.severity > other.severity;
	}

	/**
	 * Return the risk level for a wire value, ignoring case. Never throws.
	 * @param value the wire value, may be {@code null}
	 * @return the matching risk level, or {@link #UNKNOWN} for {@code null} and for any
	 * value this library does not know
	 */
	@JsonCreator
	public static RiskLevel from(@Nullable String value) {
		if (value == null) {
			return UNKNOWN;
		}
		try {
			return valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return UNKNOWN;
		}
	}

}
