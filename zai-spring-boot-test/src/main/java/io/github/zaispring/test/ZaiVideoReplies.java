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

import org.springframework.util.Assert;

/**
 * Scripted answers of the {@link ZaiMockServer} to video generation: the submit
 * ({@code POST /videos/generations}) and the polls of its result ({@code GET
 * /async-result/{id}}), written as the API documents them. Enqueue them like any
 * {@link ZaiReply}, in the order the client calls; errors and dropped connections work
 * through {@link ZaiReply} itself: <pre class="code">
 * server.enqueue(ZaiVideoReplies.submitted("task-1"))
 *     .enqueue(ZaiVideoReplies.processing("task-1"))
 *     .enqueue(ZaiVideoReplies.success("task-1", "https://cdn.example.com/v.mp4", "https://cdn.example.com/v.jpg"));
 * server.enqueue(ZaiVideoReplies.failed("task-2", "1301", "Unsafe content"));
 * </pre> With no reply enqueued, a submit is answered with a task whose id starts with
 * {@value #TASK_PREFIX} (the request's model and request id echoed, status
 * {@code PROCESSING}), and a poll of such a task with {@code SUCCESS} and one video at
 * {@code https://example-cdn.example.com/gen/<task id>.mp4} (cover {@code .jpg}). A poll
 * of any other task id is answered as an asynchronous chat task, so a test that scripts
 * its own task ids enqueues the video results too.
 *
 * @author zai-spring-boot contributors
 */
public final class ZaiVideoReplies {

	/**
	 * The start of the task ids the server's default submit answer generates, by which
	 * its default poll answer knows a video task.
	 */
	public static final String TASK_PREFIX = "video-";

	private static final String JSON = "application/json";

	private static final String MODEL = "cogvideox-3";

	private ZaiVideoReplies() {
	}

	/**
	 * Return the answer to a submit: the task's handle, status {@code PROCESSING}.
	 * @param taskId the task id the client polls with
	 * @return the reply
	 */
	public static ZaiReply submitted(String taskId) {
		return task(taskId, MODEL, ZaiEndpointReplies.newId(), "PROCESSING", "");
	}

	/**
	 * Return a poll answer of a task that still runs.
	 * @param taskId the task id
	 * @return the reply
	 */
	public static ZaiReply processing(String taskId) {
		return task(taskId, MODEL, ZaiEndpointReplies.newId(), "PROCESSING", "");
	}

	/**
	 * Return a poll answer of a task that succeeded with one video.
	 * @param taskId the task id
	 * @param url the URL of the video
	 * @param coverImageUrl the URL of its cover image
	 * @return the reply
	 */
	public static ZaiReply success(String taskId, String url, String coverImageUrl) {
		Assert.hasText(url, "url must not be empty; use a URL such as https://cdn.example.com/v.mp4");
		Assert.hasText(coverImageUrl,
				"coverImageUrl must not be empty; use a URL such as https://cdn.example.com/v.jpg");
		StringBuilder videos = new StringBuilder(",\"video_result\":[{\"url\":");
		JsonText.quote(videos, url).append(",\"cover_image_url\":");
		JsonText.quote(videos, coverImageUrl).append("}]");
		return task(taskId, MODEL, ZaiEndpointReplies.newId(), "SUCCESS", videos.toString());
	}

	/**
	 * Return a poll answer of a task that failed. The API does not document the body of a
	 * failed task; this one carries the reason as an {@code error} object, like the API's
	 * error answers.
	 * @param taskId the task id
	 * @param code the business code, such as {@code "1301"}
	 * @param message the reason
	 * @return the reply
	 */
	public static ZaiReply failed(String taskId, String code, String message) {
		return task(taskId, MODEL, ZaiEndpointReplies.newId(), "FAIL", ZaiEndpointReplies.failure(code, message));
	}

	/**
	 * The answer the server gives a submit when no reply is queued: a new video task.
	 */
	static ZaiReply defaultSubmit(ReceivedRequest request) {
		String model = request.body().path("model").asString(MODEL);
		String requestId = request.requestId();
		return task(TASK_PREFIX + ZaiEndpointReplies.newId(), model.isBlank() ? MODEL : model,
				(requestId != null) ? requestId : ZaiEndpointReplies.newId(), "PROCESSING", "");
	}

	/**
	 * The answer the server gives a poll when no reply is queued: the video of a task the
	 * default submit created, else a finished chat task.
	 */
	static ZaiReply defaultResult(ReceivedRequest request) {
		String path = request.path();
		String taskId = path.substring(path.lastIndexOf('/') + 1);
		if (!taskId.startsWith(TASK_PREFIX)) {
			return ZaiEndpointReplies.defaultReply(request);
		}
		return success(taskId, "https://example-cdn.example.com/gen/" + taskId + ".mp4",
				"https://example-cdn.example.com/gen/" + taskId + ".jpg");
	}

	private static ZaiReply task(String taskId, String model, String requestId, String status, String rest) {
		Assert.hasText(taskId, "taskId must not be empty; use the id the client submitted, such as \"task-1\"");
		StringBuilder body = new StringBuilder("{\"model\":");
		JsonText.quote(body, model).append(",\"id\":");
		JsonText.quote(body, taskId).append(",\"request_id\":");
		JsonText.quote(body, requestId).append(",\"task_status\":\"").append(status).append('"');
		return ZaiReply.rawBody(200, JSON, body.append(rest).append('}').toString());
	}

}
