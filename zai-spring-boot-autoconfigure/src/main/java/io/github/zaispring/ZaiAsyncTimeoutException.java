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

package io.github.zaispring;

import java.time.Duration;

/**
 * The wait for the result of an asynchronous Z.AI task ({@code zai.async.max-wait})
 * elapsed before the task finished. The task itself goes on at the server: resume the
 * wait with the {@link #getTaskId() task id}, for example with
 * {@code ZaiChatOperations.awaitResult(taskId)} or
 * {@code ZaiVideoOperations.awaitResult(taskId)}.
 *
 * @author zai-spring-boot contributors
 */
public class ZaiAsyncTimeoutException extends ZaiTimeoutException {

	/** Name of the longest wait for the result of an asynchronous task. */
	public static final String ASYNC_MAX_WAIT = "zai.async.max-wait";

	private final String taskId;

	/**
	 * Create an exception for a wait that elapsed.
	 * @param taskId the id of the task that was still running
	 * @param maxWait the wait that elapsed
	 */
	public ZaiAsyncTimeoutException(String taskId, Duration maxWait) {
		super(ASYNC_MAX_WAIT, maxWait, null);
		this.taskId = taskId;
	}

	/**
	 * Return the id of the task that was still running, to resume the wait with.
	 * @return the task id
	 */
	public String getTaskId() {
		return this.taskId;
	}

	@Override
	public String getMessage() {
		return super.getMessage() + " before async task '" + this.taskId
				+ "' finished; the task goes on at the server, wait again with awaitResult(\"" + this.taskId + "\")";
	}

}
