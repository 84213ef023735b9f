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

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.zaispring.ZaiException;
import io.github.zaispring.internal.AsyncPolling;
import io.github.zaispring.internal.ExchangeCore;
import io.github.zaispring.internal.ExchangeCore.Timeouts;
import io.github.zaispring.internal.Operation;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;

/**
 * Asynchronous chat: submitting a request ({@code POST /async/chat/completions}) and
 * waiting for its result ({@code GET /async-result/{id}}) with {@link AsyncPolling}.
 * Every poll is one call of the exchange core, so retries, the concurrency limit and the
 * observation apply per poll.
 *
 * @author zai-spring-boot contributors
 */
final class AsyncChat {

	private static final String KIND = "async chat";

	static final Operation<Submit, AsyncTask> SUBMIT = new Operation<>("async_chat_submit", HttpMethod.POST,
			"/async/chat/completions", AsyncTask.class, false, (submit) -> submit.request().model(),
			(submit) -> submit.request().requestId(), (submit) -> submit.request().headers(), null);

	static final Operation<String, AsyncChatResult> RESULT = new Operation<>("async_chat_result", HttpMethod.GET,
			"/async-result/{id}", AsyncChatResult.class, false, (taskId) -> null, (taskId) -> null,
			(taskId) -> Map.of(), null, (taskId) -> new Object[] { taskId });

	private final ExchangeCore core;

	private final AsyncPolling polling;

	AsyncChat(ExchangeCore core, AsyncPolling polling) {
		this.core = core;
		this.polling = polling;
	}

	Mono<String> submit(ChatRequest wireRequest, Timeouts timeouts) {
		return this.core.call(SUBMIT, new Submit(wireRequest), timeouts).handle((task, sink) -> {
			ZaiException missing = AsyncPolling.missingTaskId(KIND, task.id(), task.requestId());
			if (missing != null) {
				sink.error(missing);
				return;
			}
			sink.next(task.id());
		});
	}

	Mono<ChatCompletion> awaitResult(String taskId) {
		return this.polling.await(taskId, (id) -> this.core.call(RESULT, id, Timeouts.DEFAULTS),
				(result) -> outcome(taskId, result));
	}

	private static Mono<ChatCompletion> outcome(String taskId, AsyncChatResult result) {
		if (AsyncChatResult.SUCCESS.equals(result.taskStatus()) && result.completion() != null) {
			return Mono.just(result.completion());
		}
		if (AsyncChatResult.FAIL.equals(result.taskStatus())) {
			return Mono.error(AsyncPolling.failed(KIND, taskId,
					new AsyncPolling.TaskError(result.errorCode(), result.errorMessage()), null));
		}
		return Mono.empty();
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
