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
import java.util.function.Function;

import io.github.zaispring.ZaiAsyncTimeoutException;
import io.github.zaispring.ZaiException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.util.Assert;

/**
 * The wait for an asynchronous Z.AI task, shared by every endpoint family that submits
 * one (chat, video): its result ({@code GET /async-result/{id}}) is polled with growing
 * intervals until the task succeeds or fails, without blocking a thread. Each poll is one
 * call the caller makes on the exchange core, so retries, the concurrency limit and the
 * observation apply per poll; cancelling the wait stops polling.
 * <p>
 * The API documents no poll interval; the official Python SDK's examples poll every 5 s
 * (video) and 30 s (images). The first poll is immediate (so that a resumed wait answers
 * at once), then the interval starts at {@code zai.async.poll-interval} and grows by half
 * after every poll up to {@code zai.async.max-poll-interval}; after
 * {@code zai.async.max-wait} the wait fails with a {@link ZaiAsyncTimeoutException}
 * naming the task, which goes on at the server.
 *
 * @param pollInterval the wait after the first poll
 * @param maxPollInterval the longest wait between two polls
 * @param maxWait the longest wait for a result
 * @author zai-spring-boot contributors
 */
public record AsyncPolling(Duration pollInterval, Duration maxPollInterval, Duration maxWait) {

	/** Status of a task that finished with a result. */
	public static final String SUCCESS = "SUCCESS";

	/** Status of a task that failed. */
	public static final String FAIL = "FAIL";

	/** 1s, growing up to 15s, for at most 10 minutes. */
	public static final AsyncPolling DEFAULTS = new AsyncPolling(Duration.ofSeconds(1), Duration.ofSeconds(15),
			Duration.ofMinutes(10));

	/**
	 * Check the settings.
	 * @throws IllegalArgumentException naming the invalid setting
	 */
	public AsyncPolling {
		Assert.notNull(pollInterval, "asyncPollInterval must not be null; use a positive duration such as 1s");
		Assert.notNull(maxPollInterval, "asyncMaxPollInterval must not be null; use a duration such as 15s");
		Assert.notNull(maxWait, "asyncMaxWait must not be null; use a positive duration such as 10m");
		Assert.isTrue(!pollInterval.isNegative() && !pollInterval.isZero(),
				() -> "asyncPollInterval must be positive, such as 1s, but was " + pollInterval);
		Assert.isTrue(maxPollInterval.compareTo(pollInterval) >= 0, () -> "asyncMaxPollInterval must be at least "
				+ "asyncPollInterval (" + pollInterval + "), but was " + maxPollInterval);
		Assert.isTrue(!maxWait.isNegative() && !maxWait.isZero(),
				() -> "asyncMaxWait must be positive, such as 10m, but was " + maxWait);
	}

	/**
	 * Return the wait after the given one: half longer, at most the longest.
	 * @param interval the last wait
	 * @return the next wait
	 */
	public Duration next(Duration interval) {
		Duration grown = interval.plus(interval.dividedBy(2));
		return (grown.compareTo(this.maxPollInterval) > 0) ? this.maxPollInterval : grown;
	}

	/**
	 * Wait for a task's result.
	 * @param <A> the type of one answer of a poll
	 * @param <T> the type of the result
	 * @param taskId the task id, not blank
	 * @param poll reads the task's state once, on subscription
	 * @param outcome the outcome of one answer: the result when the task succeeded, an
	 * error when it failed, empty while it runs (any other status, so that an unknown one
	 * is never taken for success)
	 * @return the result; fails with a {@link ZaiAsyncTimeoutException} after
	 * {@link #maxWait()}
	 * @throws IllegalArgumentException when the task id is {@code null} or blank
	 */
	public <A, T> Mono<T> await(@Nullable String taskId, Function<String, Mono<A>> poll, Function<A, Mono<T>> outcome) {
		String id = requireTaskId(taskId);
		return poll(id, this.pollInterval, poll, outcome).timeout(Mono.delay(this.maxWait),
				Mono.error(() -> new ZaiAsyncTimeoutException(id, this.maxWait)));
	}

	private <A, T> Mono<T> poll(String taskId, Duration interval, Function<String, Mono<A>> poll,
			Function<A, Mono<T>> outcome) {
		return poll.apply(taskId)
			.flatMap((answer) -> outcome.apply(answer)
				.switchIfEmpty(
						Mono.delay(interval).then(Mono.defer(() -> poll(taskId, next(interval), poll, outcome)))));
	}

	/**
	 * Check a task id a caller gave.
	 * @param taskId the task id
	 * @return the task id
	 * @throws IllegalArgumentException when it is {@code null} or blank
	 */
	public static String requireTaskId(@Nullable String taskId) {
		Assert.isTrue(taskId != null && !taskId.isBlank(),
				"taskId must not be empty; use the id that submit(..) returned");
		return taskId;
	}

	/**
	 * Check that a submit's answer carries a task id.
	 * @param kind the kind of task, such as {@code async chat}
	 * @param taskId the id the server answered
	 * @param requestId the request id the server answered
	 * @return the failure when the id is missing, else {@code null}
	 */
	public static @Nullable ZaiException missingTaskId(String kind, @Nullable String taskId,
			@Nullable String requestId) {
		return (taskId == null || taskId.isBlank()) ? new ZaiException(
				"Z.AI accepted the " + kind + " request without a task id", 200, null, requestId, null) : null;
	}

	/**
	 * Create the failure of a task whose status is {@code FAIL}.
	 * @param kind the kind of task, such as {@code async chat}
	 * @param taskId the task id
	 * @param error the reason the server gave
	 * @param requestId the request id, or {@code null}
	 * @return the failure, naming the task and the reason
	 */
	public static ZaiException failed(String kind, String taskId, TaskError error, @Nullable String requestId) {
		String reason = (error.message() != null) ? error.message() : "no reason given";
		String code = (error.code() != null) ? " (code " + error.code() + ")" : "";
		return new ZaiException("Z.AI " + kind + " task '" + taskId + "' failed: " + reason + code, 200, error.code(),
				requestId, null);
	}

	/**
	 * Read the text of a JSON value.
	 * @param node the value, or {@code null}
	 * @return its text, or {@code null} when it is absent, {@code null} or no scalar
	 */
	public static @Nullable String text(@Nullable JsonNode node) {
		return (node != null && node.isValueNode() && !node.isNull()) ? node.asString() : null;
	}

	/**
	 * The reason a task failed, as the server reported it.
	 *
	 * @param code the business code, or {@code null}
	 * @param message the reason, or {@code null}
	 */
	public record TaskError(@Nullable String code, @Nullable String message) {

		/**
		 * Read the reason from an answer of {@code GET /async-result/{id}}. The body of a
		 * failed task is not documented; like the API's error answers it is read from
		 * {@code error.code} and {@code error.message}, else from a top-level
		 * {@code message} or {@code msg}.
		 * @param node the JSON answer
		 * @return the reason, with {@code null} parts when not reported
		 */
		public static TaskError of(JsonNode node) {
			JsonNode error = node.get("error");
			String code = (error != null) ? text(error.get("code")) : null;
			String message = (error != null) ? text(error.get("message")) : null;
			if (message == null) {
				message = (error != null && error.isString()) ? error.asString()
						: (text(node.get("message")) != null) ? text(node.get("message")) : text(node.get("msg"));
			}
			return new TaskError(code, message);
		}

	}

}
