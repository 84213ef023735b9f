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

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.util.Assert;

/**
 * Scripted replies of the {@link ZaiMockServer} for the endpoints besides chat
 * completions: token counts ({@code POST /tokenizer}), asynchronous chat tasks
 * ({@code POST /async/chat/completions} and {@code GET /async-result/{id}}) and images
 * ({@code POST /images/generations}). Enqueue them like any {@link ZaiReply}; they are
 * taken in order by whichever endpoint is called next: <pre class="code">
 * server.enqueue(ZaiEndpointReplies.asyncSubmitted("task-1"))
 *     .enqueue(ZaiEndpointReplies.asyncProcessing("task-1"))
 *     .enqueue(ZaiEndpointReplies.asyncSuccess("task-1", "Answer text"));
 * </pre> With no reply enqueued, the server's default responder answers these endpoints
 * too: a token count of the request's text (one token per four characters), a submitted
 * task, a task that succeeded with {@code "Done: <task id>"}, and one image URL.
 *
 * @author zai-spring-boot contributors
 */
public final class ZaiEndpointReplies {

	private static final String JSON = "application/json";

	private static final AtomicLong CREATED = new AtomicLong(1773455580L);

	private ZaiEndpointReplies() {
	}

	/**
	 * Return a tokenizer answer with the given count.
	 * @param promptTokens the prompt tokens, zero or more
	 * @return the reply
	 */
	public static ZaiReply tokenCount(int promptTokens) {
		Assert.isTrue(promptTokens >= 0, () -> "promptTokens must be zero or more, but was " + promptTokens);
		return ZaiReply.rawBody(200, JSON,
				"{\"id\":\"" + newId() + "\",\"created\":" + CREATED.get() + ",\"usage\":{\"prompt_tokens\":"
						+ promptTokens + ",\"image_tokens\":0,\"video_tokens\":0,\"total_tokens\":" + promptTokens
						+ "}}");
	}

	/**
	 * Return the answer to an asynchronous submit: the task's handle, status
	 * {@code PROCESSING}.
	 * @param taskId the task id the client polls with
	 * @return the reply
	 */
	public static ZaiReply asyncSubmitted(String taskId) {
		return task(taskId, "PROCESSING", "");
	}

	/**
	 * Return a poll answer of a task that is still running.
	 * @param taskId the task id
	 * @return the reply
	 */
	public static ZaiReply asyncProcessing(String taskId) {
		return task(taskId, "PROCESSING", "");
	}

	/**
	 * Return a poll answer of a chat task that succeeded with the given answer text.
	 * @param taskId the task id
	 * @param content the answer text
	 * @return the reply
	 */
	public static ZaiReply asyncSuccess(String taskId, String content) {
		Assert.notNull(content, "content must not be null; use the answer text such as \"Answer text\"");
		StringBuilder choices = new StringBuilder(
				",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"content\":");
		JsonText.quote(choices, content)
			.append("}}],\"usage\":{\"prompt_tokens\":18,\"completion_tokens\":")
			.append(Math.max(1, content.length() / 4))
			.append(",\"total_tokens\":")
			.append(18 + Math.max(1, content.length() / 4))
			.append('}');
		return task(taskId, "SUCCESS", choices.toString());
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
	public static ZaiReply asyncFail(String taskId, String code, String message) {
		return task(taskId, "FAIL", failure(code, message));
	}

	/**
	 * Return the reason of a failed task as the members its answer ends with, for every
	 * kind of async task.
	 * @param code the business code
	 * @param message the reason
	 * @return {@code ,"error":{"code":..,"message":..}}
	 */
	static String failure(String code, String message) {
		Assert.hasText(code, "code must not be empty; use a Z.AI business code such as \"1301\"");
		Assert.notNull(message, "message must not be null; use the reason, such as \"Task failed\"");
		StringBuilder error = new StringBuilder(",\"error\":{\"code\":");
		JsonText.quote(error, code).append(",\"message\":");
		return JsonText.quote(error, message).append('}').toString();
	}

	/**
	 * Return an image generation answer with the given image URLs and no content-filter
	 * information.
	 * @param urls the URLs, at least one
	 * @return the reply
	 */
	public static ZaiReply images(String... urls) {
		Assert.notEmpty(urls, "urls must not be empty; give at least one URL such as https://cdn.example.com/1.png");
		StringBuilder body = new StringBuilder("{\"created\":").append(CREATED.get()).append(",\"data\":[");
		for (int i = 0; i < urls.length; i++) {
			Assert.hasText(urls[i], "urls must not contain empty URLs");
			body.append((i > 0) ? ",{\"url\":" : "{\"url\":");
			JsonText.quote(body, urls[i]).append('}');
		}
		return ZaiReply.rawBody(200, JSON, body.append("]}").toString());
	}

	/**
	 * Return an image generation answer with one image and the content filter's verdict
	 * on it.
	 * @param url the URL of the image
	 * @param role the role the verdict is about: {@code assistant}, {@code user} or
	 * {@code history}
	 * @param level the severity, 0 (most severe) to 3
	 * @return the reply
	 */
	public static ZaiReply filteredImage(String url, String role, int level) {
		Assert.hasText(url, "url must not be empty");
		Assert.hasText(role, "role must not be empty; use assistant, user or history");
		Assert.isTrue(level >= 0 && level <= 3, () -> "level must be between 0 and 3, but was " + level);
		StringBuilder body = new StringBuilder("{\"created\":").append(CREATED.get()).append(",\"data\":[{\"url\":");
		JsonText.quote(body, url).append("}],\"content_filter\":[{\"role\":");
		JsonText.quote(body, role).append(",\"level\":").append(level).append("}]}");
		return ZaiReply.rawBody(200, JSON, body.toString());
	}

	/**
	 * Return whether the path is the result of an async task, the one {@code GET}.
	 * @param path the request path
	 * @return whether it is {@code /async-result/{id}}
	 */
	static boolean isResult(String path) {
		int slash = path.lastIndexOf('/');
		return slash > 0 && path.substring(0, slash).endsWith("/async-result") && slash < path.length() - 1;
	}

	/**
	 * The default answer of an endpoint when no reply is enqueued.
	 * @param request the request
	 * @return the reply
	 */
	static ZaiReply defaultReply(ReceivedRequest request) {
		String path = request.path();
		if (path.endsWith("/tokenizer")) {
			return tokenCount(Math.max(1, request.bodyText().length() / 4));
		}
		if (path.endsWith("/async/chat/completions")) {
			return asyncSubmitted(newId());
		}
		if (isResult(path)) {
			String taskId = path.substring(path.lastIndexOf('/') + 1);
			return asyncSuccess(taskId, "Done: " + taskId);
		}
		return images("https://example-cdn.example.com/gen/" + newId() + ".png");
	}

	private static ZaiReply task(String taskId, String status, String rest) {
		Assert.hasText(taskId, "taskId must not be empty; use the id the client submitted, such as \"task-1\"");
		StringBuilder body = new StringBuilder("{\"id\":");
		JsonText.quote(body, taskId).append(",\"request_id\":\"").append(newId()).append("\",\"created\":");
		body.append(CREATED.get()).append(",\"model\":\"glm-4.6\",\"task_status\":\"").append(status).append('"');
		return ZaiReply.rawBody(200, JSON, body.append(rest).append('}').toString());
	}

	static String newId() {
		return UUID.randomUUID().toString().replace("-", "");
	}

}
