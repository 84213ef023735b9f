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

package io.github.zaispring.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.zaispring.chat.FinishReason;
import io.github.zaispring.chat.ToolCall;
import io.github.zaispring.chat.Usage;
import io.github.zaispring.chat.WebSearchResult;
import org.jspecify.annotations.Nullable;

/**
 * What a reply sends.
 */
enum ReplyKind {

	COMPLETION, ERROR, RAW, DROP

}

/**
 * How a stream goes wrong.
 */
enum ReplyFault {

	NONE, CUT_OFF, RESET, MALFORMED, SILENCE, SSE_ERROR

}

/**
 * The settings of a reply; never changed once the reply that holds them exists.
 */
final class ReplySettings implements Cloneable {

	final ReplyKind kind;

	@Nullable String content;

	@Nullable String reasoning;

	@Nullable String model;

	@Nullable String id;

	@Nullable Usage usage;

	@Nullable FinishReason finishReason;

	@Nullable String finishReasonValue;

	List<WebSearchResult> webSearch = List.of();

	boolean blankLines = true;

	List<ToolCall> toolCalls = List.of();

	boolean toolStream;

	/** The answer to the request that brings the results of the tool calls. */
	@Nullable ZaiReply onToolResult;

	int chunkSize;

	Duration delayBetweenChunks = Duration.ZERO;

	Duration delayBeforeFirstChunk = Duration.ZERO;

	@Nullable Duration retryAfter;

	Map<String, String> headers = Map.of();

	int status = 200;

	@Nullable String errorCode;

	@Nullable String errorMessage;

	@Nullable String contentType;

	@Nullable String body;

	/** The body of a {@link ReplyKind#RAW} reply that is not text, such as audio. */
	byte @Nullable [] bytes;

	ReplyFault fault = ReplyFault.NONE;

	int faultAfter = -1;

	ReplySettings(ReplyKind kind) {
		this.kind = kind;
	}

	ReplySettings copy() {
		try {
			return (ReplySettings) clone();
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
