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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import io.github.zaispring.chat.Usage;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The timing, header and fault options of {@link ZaiReply}, kept apart so that each file
 * stays short; users only see {@code ZaiReply}.
 *
 * @author zai-spring-boot contributors
 */
abstract class ZaiReplyOptions {

	/**
	 * Return a copy that reasons before it answers: a streamed reply sends the reasoning
	 * deltas before the content deltas.
	 * @param reasoning the reasoning text
	 * @return the new reply
	 */
	public ZaiReply reasoning(String reasoning) {
		Assert.notNull(reasoning, "reasoning must not be null; use text such as \"The user greets me.\"");
		return completion("reasoning", (settings) -> settings.reasoning = reasoning);
	}

	/**
	 * Return a copy that names the given model. Without it the reply echoes the request's
	 * model.
	 * @param model the model id, such as {@code glm-4.6}
	 * @return the new reply
	 */
	public ZaiReply model(String model) {
		Assert.hasText(model, "model must not be empty; use a model id such as glm-4.6");
		return completion("model", (settings) -> settings.model = model);
	}

	/**
	 * Return a copy with the given task id. Without it every answer gets a fresh id.
	 * @param id the task id
	 * @return the new reply
	 */
	public ZaiReply id(String id) {
		Assert.hasText(id, "id must not be empty; use a task id such as 2025111117561942405e9f6eb547c7");
		return completion("id", (settings) -> settings.id = id);
	}

	/**
	 * Return a copy that reports the given token usage. Without it the usage is estimated
	 * from the sizes of the request and the reply (about four characters a token).
	 * @param promptTokens the input tokens, at least 0
	 * @param completionTokens the output tokens, at least 0
	 * @return the new reply
	 */
	public ZaiReply usage(int promptTokens, int completionTokens) {
		return usage(promptTokens, completionTokens, 0, -1);
	}

	/**
	 * Return a copy that reports the given token usage, with cached and reasoning tokens.
	 * @param promptTokens the input tokens, at least 0
	 * @param completionTokens the output tokens, at least 0
	 * @param cachedTokens the input tokens served from the cache, at least 0
	 * @param reasoningTokens the output tokens spent on reasoning, or {@code -1} to
	 * report none (as glm-4.5 did in 2025)
	 * @return the new reply
	 */
	public ZaiReply usage(int promptTokens, int completionTokens, int cachedTokens, int reasoningTokens) {
		Assert.isTrue(promptTokens >= 0, () -> "promptTokens must be at least 0, but was " + promptTokens);
		Assert.isTrue(completionTokens >= 0, () -> "completionTokens must be at least 0, but was " + completionTokens);
		Assert.isTrue(cachedTokens >= 0, () -> "cachedTokens must be at least 0, but was " + cachedTokens);
		Assert.isTrue(reasoningTokens >= -1,
				() -> "reasoningTokens must be at least 0, or -1 for none, but was " + reasoningTokens);
		Usage usage = new Usage(promptTokens, completionTokens, promptTokens + completionTokens,
				new Usage.PromptTokensDetails(cachedTokens),
				(reasoningTokens >= 0) ? new Usage.CompletionTokensDetails(reasoningTokens) : null);
		return completion("usage", (settings) -> settings.usage = usage);
	}

	/**
	 * Return a copy that splits text into stream deltas of the given number of
	 * characters. Without it text is split into word-ish pieces (a word with its leading
	 * space, long words cut into pieces of four characters).
	 * @param chunkSize the characters per delta, at least 1
	 * @return the new reply
	 */
	public ZaiReply chunkSize(int chunkSize) {
		Assert.isTrue(chunkSize >= 1, () -> "chunkSize must be at least 1 character, but was " + chunkSize);
		return completion("chunkSize", (settings) -> settings.chunkSize = chunkSize);
	}

	/**
	 * Return a copy that waits between two stream events. The waits run on timers, not on
	 * blocked threads.
	 * @param delay the wait, zero or positive
	 * @return the new reply
	 */
	public ZaiReply delayBetweenChunks(Duration delay) {
		Duration checked = notNegative("delay", delay);
		return completion("delayBetweenChunks", (settings) -> settings.delayBetweenChunks = checked);
	}

	/**
	 * Return a copy that waits before the first stream event (the response headers are
	 * sent at once, as a thinking model's are), or before a non-streamed answer.
	 * @param delay the wait, zero or positive
	 * @return the new reply
	 */
	public ZaiReply delayBeforeFirstChunk(Duration delay) {
		Duration checked = notNegative("delay", delay);
		return completion("delayBeforeFirstChunk", (settings) -> settings.delayBeforeFirstChunk = checked);
	}

	/**
	 * Return a copy that sends a {@code Retry-After} header, in whole seconds (rounded
	 * up). Applies to every kind of reply except a dropped connection.
	 * @param retryAfter the wait to ask for, zero or positive
	 * @return the new reply
	 */
	public ZaiReply retryAfter(Duration retryAfter) {
		Duration checked = notNegative("retryAfter", retryAfter);
		return with((settings) -> settings.retryAfter = checked);
	}

	/**
	 * Return a copy that sends an extra response header.
	 * @param name the header name, such as {@code x-request-id}
	 * @param value the header value
	 * @return the new reply
	 */
	public ZaiReply header(String name, String value) {
		Assert.hasText(name, "name must not be empty; use a header name such as x-request-id");
		Assert.notNull(value, "value must not be null; use \"\" for an empty header");
		return with((settings) -> {
			Map<String, String> headers = new LinkedHashMap<>(settings.headers);
			headers.put(name, value);
			settings.headers = Collections.unmodifiableMap(headers);
		});
	}

	/**
	 * Return a copy whose stream ends after the given number of chunks without
	 * {@code data: [DONE]}: the body ends and the connection is closed, as when a proxy
	 * cuts a long stream. Replaces any other stream fault.
	 * @param chunks the chunks to send first, at least 0
	 * @return the new reply
	 */
	public ZaiReply cutOffAfterChunks(int chunks) {
		return fault("cutOffAfterChunks", ReplyFault.CUT_OFF, chunks);
	}

	/**
	 * Return a copy whose connection is closed abruptly after the given number of stream
	 * chunks, in the middle of the chunked body (no terminating chunk, no
	 * {@code [DONE]}), as when a server or proxy crashes. Replaces any other stream
	 * fault.
	 * @param chunks the chunks to send first, at least 0
	 * @return the new reply
	 */
	public ZaiReply resetAfterChunks(int chunks) {
		return fault("resetAfterChunks", ReplyFault.RESET, chunks);
	}

	/**
	 * Return a copy whose stream sends a data line that is not valid JSON after the given
	 * number of chunks, then the rest of the stream. Replaces any other stream fault.
	 * @param chunks the chunks to send first, at least 0
	 * @return the new reply
	 */
	public ZaiReply malformedChunkAfter(int chunks) {
		return fault("malformedChunkAfter", ReplyFault.MALFORMED, chunks);
	}

	/**
	 * Return a copy whose stream sends the given number of chunks and then nothing,
	 * keeping the connection open until the client gives up. Replaces any other stream
	 * fault. A non-streamed request gets no answer at all.
	 * @param chunks the chunks to send first, at least 0
	 * @return the new reply
	 */
	public ZaiReply silenceAfterChunks(int chunks) {
		return fault("silenceAfterChunks", ReplyFault.SILENCE, chunks);
	}

	/**
	 * Return a copy whose stream sends its response headers and then nothing, keeping the
	 * connection open until the client gives up. A non-streamed request gets no answer at
	 * all.
	 * @return the new reply
	 */
	public ZaiReply silenceBeforeFirstChunk() {
		return fault("silenceBeforeFirstChunk", ReplyFault.SILENCE, 0);
	}

	/**
	 * Return a copy whose stream starts with an {@code event: error} event whose data is
	 * {@code {"error":{"code":"<code>","message":"<message>"}}}, then ends without
	 * {@code [DONE]}.
	 * @param code the business code, such as {@code "1234"}
	 * @param message the message
	 * @return the new reply
	 */
	public ZaiReply sseErrorEvent(String code, String message) {
		return sseErrorEventAfterChunks(0, code, message);
	}

	/**
	 * Return a copy whose stream sends the given number of chunks, then an
	 * {@code event: error} event, then ends without {@code [DONE]}.
	 * @param chunks the chunks to send first, at least 0
	 * @param code the business code, such as {@code "1234"}
	 * @param message the message
	 * @return the new reply
	 */
	public ZaiReply sseErrorEventAfterChunks(int chunks, String code, String message) {
		Assert.notNull(code, "code must not be null; use a Z.AI business code such as \"1234\"");
		Assert.notNull(message, "message must not be null; use the error text, such as \"Network error\"");
		return fault("sseErrorEvent", ReplyFault.SSE_ERROR, chunks).with((settings) -> {
			settings.errorCode = code;
			settings.errorMessage = message;
		});
	}

	abstract ZaiReply fault(String method, ReplyFault fault, int chunks);

	abstract ZaiReply completion(String method, Consumer<ReplySettings> change);

	abstract ZaiReply with(Consumer<ReplySettings> change);

	static Duration notNegative(String name, @Nullable Duration duration) {
		Assert.isTrue(duration != null && !duration.isNegative(),
				() -> name + " must be zero or positive, such as Duration.ofMillis(50), but was " + duration);
		return duration;
	}

}
