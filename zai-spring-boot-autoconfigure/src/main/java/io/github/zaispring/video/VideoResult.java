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

package io.github.zaispring.video;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.zaispring.internal.AsyncPolling;
import io.github.zaispring.internal.WireJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One answer of {@code GET /async-result/{id}} for a video generation task: its status
 * and, once it succeeded, the videos.
 * <p>
 * The status is kept as sent: {@code PROCESSING}, {@code SUCCESS}, {@code FAIL}, or a
 * value the API adds later (the official Python SDK also knows {@code SUBMITTED}), which
 * is read as still running, never as success.
 *
 * @param id the task id, or {@code null} when not reported
 * @param model the model, or {@code null} when not reported
 * @param taskStatus the status as sent, or {@code null} when missing
 * @param requestId the request id, or {@code null}
 * @param videos the generated videos, empty unless the task succeeded
 * @param errorCode the business code of a failed task, {@code null} when not reported
 * @param errorMessage the reason of a failed task, {@code null} when not reported
 * @author zai-spring-boot contributors
 */
public record VideoResult(@JsonProperty("id") @Nullable String id, @JsonProperty("model") @Nullable String model,
		@JsonProperty("task_status") @Nullable String taskStatus,
		@JsonProperty("request_id") @Nullable String requestId, @JsonProperty("video_result") List<Video> videos,
		@Nullable String errorCode, @Nullable String errorMessage) {

	/** Status of a task that finished with its videos. */
	public static final String SUCCESS = AsyncPolling.SUCCESS;

	/** Status of a task that failed. */
	public static final String FAIL = AsyncPolling.FAIL;

	/** Status of a task that still runs. */
	public static final String PROCESSING = "PROCESSING";

	/**
	 * Create a result; missing videos become an empty list.
	 */
	public VideoResult {
		videos = (videos != null) ? videos.stream().filter(Objects::nonNull).toList() : List.of();
	}

	/**
	 * Read an answer from its wire form; the reason of a failed task is read from
	 * {@code error.code} and {@code error.message}, else from a top-level {@code message}
	 * or {@code msg}, since the API does not document that body.
	 * @param node the JSON answer
	 * @return the result
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	static VideoResult of(JsonNode node) {
		JsonNode videos = node.get("video_result");
		Video[] read = (videos != null && videos.isArray()) ? WireJson.reader(Video[].class).readValue(videos)
				: new Video[0];
		AsyncPolling.TaskError error = AsyncPolling.TaskError.of(node);
		return new VideoResult(AsyncPolling.text(node.get("id")), AsyncPolling.text(node.get("model")),
				AsyncPolling.text(node.get("task_status")), AsyncPolling.text(node.get("request_id")),
				Arrays.asList(read), error.code(), error.message());
	}

	/**
	 * Return whether the task finished with its videos.
	 * @return whether the status is {@code SUCCESS}
	 */
	public boolean succeeded() {
		return SUCCESS.equals(this.taskStatus);
	}

	/**
	 * Return whether the task failed.
	 * @return whether the status is {@code FAIL}
	 */
	public boolean failed() {
		return FAIL.equals(this.taskStatus);
	}

	/**
	 * Return the URL of the first video.
	 * @return the URL, or {@code null} when there is no video (yet)
	 */
	public @Nullable String url() {
		return this.videos.isEmpty() ? null : this.videos.get(0).url();
	}

}
