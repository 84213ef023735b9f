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

package io.github.zaispring.chat;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Why the model stopped generating. Values the server adds later map to {@link #UNKNOWN}
 * instead of failing the parse; the value as sent stays available from
 * {@link Choice#finishReasonValue()}, {@link ChunkChoice#finishReasonValue()} and the
 * {@code finishReasonValue()} shortcuts of {@link ChatCompletion} and
 * {@link ChatCompletionChunk}.
 *
 * @author zai-spring-boot
 */
public enum FinishReason {

	/**
	 * The answer ended naturally or hit a stop word.
	 */
	STOP("stop"),

	/**
	 * The answer hit the {@code max_tokens} limit.
	 */
	LENGTH("length"),

	/**
	 * The model asked for one or more tool calls.
	 */
	TOOL_CALLS("tool_calls"),

	/**
	 * The content was blocked by the server's safety review.
	 */
	SENSITIVE("sensitive"),

	/**
	 * Model inference failed on the server; the answer is incomplete.
	 */
	NETWORK_ERROR("network_error"),

	/**
	 * The conversation exceeded the model's context window.
	 */
	MODEL_CONTEXT_WINDOW_EXCEEDED("model_context_window_exceeded"),

	/**
	 * A value this version of the library does not know.
	 */
	UNKNOWN("unknown");

	private final String value;

	FinishReason(String value) {
		this.value = value;
	}

	/**
	 * Return the wire value, for example {@code "tool_calls"}.
	 * @return the wire value; {@code "unknown"} for {@link #UNKNOWN}
	 */
	@JsonValue
	public String value() {
		return this.value;
	}

	/**
	 * Return the finish reason for a wire value, ignoring case. Never throws.
	 * @param value the wire value, may be {@code null}
	 * @return the matching finish reason, or {@link #UNKNOWN} for {@code null} and for
	 * any value this library does not know
	 */
	@JsonCreator
	public static FinishReason from(@Nullable String value) {
		if (value == null) {
			return UNKNOWN;
		}
		String candidate = value.trim().toLowerCase(Locale.ROOT);
		for (FinishReason reason : values()) {
			if (reason.value.equals(candidate)) {
				return reason;
			}
		}
		return UNKNOWN;
	}

	/**
	 * Return the enum form of a finish reason given in either form or both, as the
	 * choices of a completion and of a chunk take it: the wire value wins, and must agree
	 * with the enum form when both are given.
	 * @param reason the enum form, may be {@code null}
	 * @param value the wire value, may be {@code null}
	 * @return the enum form; {@code null} when neither is given
	 * @throws IllegalArgumentException if both are given and do not match
	 */
	static @Nullable FinishReason reconcile(@Nullable FinishReason reason, @Nullable String value) {
		if (value == null) {
			return reason;
		}
		FinishReason parsed = from(value);
		Assert.isTrue(reason == null || reason == parsed,
				() -> "finishReason " + reason + " does not match finishReasonValue '" + value + "'; pass one of them");
		return parsed;
	}

	/**
	 * Return the wire value of a finish reason given in either form or both: the value as
	 * sent when there is one, else the enum's.
	 * @param reason the enum form, may be {@code null}
	 * @param value the wire value, may be {@code null}
	 * @return the wire value; {@code null} when neither is given
	 */
	static @Nullable String wireValue(@Nullable FinishReason reason, @Nullable String value) {
		return (value != null) ? value : (reason != null) ? reason.value() : null;
	}

}
