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

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.zaispring.ZaiAsyncTimeoutException;
import io.github.zaispring.ZaiException;
import io.github.zaispring.internal.ExchangeCore;
import io.github.zaispring.internal.ExchangeCore.Timeouts;
import io.github.zaispring.internal.Operation;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;

/**
 * Asynchronous chat: submitting a request ({@code POST /async/chat/completions}) and
 * polling its result ({@code GET /async-result/{id}}) with growing intervals until the
 * task succeeds or fails, without blocking a thread. Every poll is one call of the
 * exchange core, so retries, the concurrency limit and the observation apply per poll.
 * <p>
 * The API documents no poll interval; the official Python SDK's examples poll every 5 s
 * (video) and 30 s (images). Here the first poll is immediate (so that a resumed wait
 * answers at once), then the interval starts at {@code zai.async.poll-interval} and grows
 * by half after every poll up to {@code zai.async.max-poll-interval}.
 *
 * @author zai-spring-boot contributors
 */
final class AsyncChat {

	static final Operation<Submit, AsyncTask> SUBMIT = new Operation<>("async_chat_submit", HttpMethod.POST,
			"/async/chat/completions", AsyncTask.class, false, (submit) -> submit.request().model(),
			(submit) -> submit.request().requestId(), (submit) -> submit.request().headers(), null);

	static final Operation<String, AsyncChatResult> RESULT = new Operation<>("async_chat_result", HttpMethod.GET,
			"/async-result/{id}", AsyncChatResult.class, false, (taskId) -> null, (taskId) -> null,
			(taskId) -> Map.of(), null, (taskId) -> new Object[] { taskId });

	private final ExchangeCore core;

	private final Settings settings;

	AsyncChat(ExchangeCore core, Settings settings) {
		this.core = core;
		this.settings = settings;
	}

	Mono<String> submit(ChatRequest wireRequest, Timeouts timeouts) {
		return this.core.call(SUBMIT, new Submit(wireRequest), timeouts).handle((task, sink) -> {
			if (task.id() == null || task.id().isBlank()) {
				sink.error(new ZaiException("Z.AI accepted the async chat request without a task id", 200, null,
						task.requestId(), null));
				return;
			}
			sink.next(task.id());
		});
	}

	Mono<ChatCompletion> awaitResult(String taskId) {
		Assert.hasText(taskId, "taskId must not be empty; use the id that submit(..) returned");
		Duration maxWait = this.settings.maxWait();
		return poll(taskId, this.settings.pollInterval()).timeout(Mono.delay(maxWait),
				Mono.error(() -> new ZaiAsyncTimeoutException(taskId, maxWait)));
	}

	private Mono<ChatCompletion> poll(String taskId, Duration interval) {
		return this.core.call(RESULT, taskId, Timeouts.DEFAULTS).flatMap((result) -> {
			if (AsyncChatResult.SUCCESS.equals(result.taskStatus()) && result.completion() != null) {
				return Mono.just(result.completion());
			}
			if (AsyncChatResult.FAIL.equals(result.taskStatus())) {
				return Mono.error(failed(taskId, result));
			}
			Duration next = this.settings.next(interval);
			return Mono.delay(interval).then(Mono.defer(() -> poll(taskId, next)));
		});
	}

	private static ZaiException failed(String taskId, AsyncChatResult result) {
		String reason = (result.errorMessage() != null) ? result.errorMessage() : "no reason given";
		String code = (result.errorCode() != null) ? " (code " + result.errorCode() + ")" : "";
		return new ZaiException("Z.AI async chat task '" + taskId + "' failed: " + reason + code, 200,
				result.errorCode(), null, null);
	}

	/**
	 * How results are polled.
	 *
	 * @param pollInterval the wait after the first poll
	 * @param maxPollInterval the longest wait between two polls
	 * @param maxWait the longest wait for a result
	 */
	record Settings(Duration pollInterval, Duration maxPollInterval, Duration maxWait) {

		static final Settings DEFAULTS = new Settings(Duration.ofSeconds(1), Duration.ofSeconds(15),
				Duration.ofMinutes(10));

		Settings {
			Assert.isTrue(!pollInterval.isNegative() && !pollInterval.isZero(),
					() -> "asyncPollInterval must be positive, such as 1s, but was " + pollInterval);
			Assert.isTrue(maxPollInterval.compareTo(pollInterval) >= 0, () -> "asyncMaxPollInterval must be at least "
					+ "asyncPollInterval (" + pollInterval + "), but was " + maxPollInterval);
			Assert.isTrue(!maxWait.isNegative() && !maxWait.isZero(),
					() -> "asyncMaxWait must be positive, such as 10m, but was " + maxWait);
		}

		Duration next(Duration interval) {
			Duration grown = interval.plus(interval.dividedBy(2));
			return (grown.compareTo(this.maxPollInterval) > 0) ? this.maxPollInterval : grown;
		}

	}

	/**
	 * The body of a submit: the chat request's JSON as it is. A type of its own, so that
	 * interceptors and observations that treat a {@link ChatRequest} as a chat call see
	 * an operation of its own.
	 *
	 * @param request the chat request, with the defaults applied
	 */
	record Submit(@JsonValue ChatRequest request) {

	}

	/**
	 * The answer to a submit: the task's handle.
	 *
	 * @param model the model
	 * @param id the task id, for {@code /async-result/{id}}
	 * @param requestId the request id
	 * @param taskStatus the status, usually {@code PROCESSING}
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record AsyncTask(@JsonProperty("model") @Nullable String model, @JsonProperty("id") @Nullable String id,
			@JsonProperty("request_id") @Nullable String requestId,
			@JsonProperty("task_status") @Nullable String taskStatus) {

	}

}
