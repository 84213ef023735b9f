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

import com.fasterxml.jackson.annotation.JsonCreator;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.github.zaispring.internal.AsyncPolling;
import io.github.zaispring.internal.WireJson;

/**
 * One answer of {@code GET /async-result/{id}} for an asynchronous chat task: its status
 * and, once it succeeded, the completion.
 *
 * @param taskStatus the status as sent: {@code PROCESSING}, {@code SUCCESS} or
 * {@code FAIL} (kept as text, the API may add values such as {@code SUBMITTED})
 * @param completion the completion, {@code null} unless the task succeeded
 * @param errorCode the business code of a failed task, {@code null} when not reported
 * @param errorMessage the reason of a failed task, {@code null} when not reported
 * @author zai-spring-boot contributors
 */
public record AsyncChatResult(@Nullable String taskStatus, @Nullable ChatCompletion completion,
		@Nullable String errorCode, @Nullable String errorMessage) {

	/** Status of a task that finished with a completion. */
	public static final String SUCCESS = AsyncPolling.SUCCESS;

	/** Status of a task that failed. */
	public static final String FAIL = AsyncPolling.FAIL;

	/**
	 * Read an answer from its wire form; the reason of a failed task as
	 * {@link AsyncPolling.TaskError#of(JsonNode)} reads it.
	 * @param node the JSON answer
	 * @return the result
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	static AsyncChatResult of(JsonNode node) {
		String status = AsyncPolling.text(node.get("task_status"));
		ChatCompletion completion = SUCCESS.equals(status) ? WireJson.reader(ChatCompletion.class).readValue(node)
				: null;
		AsyncPolling.TaskError error = AsyncPolling.TaskError.of(node);
		return new AsyncChatResult(status, completion, error.code(), error.message());
	}

}
