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

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The handle of a submitted video generation task, the answer of
 * {@code POST /videos/generations}: wait for its result with
 * {@link ZaiVideoOperations#awaitResult(String) awaitResult(id())}.
 *
 * @param model the model that generates the video, or {@code null} when not reported
 * @param id the task id, for {@code GET /async-result/{id}}; never blank in a task the
 * client returns
 * @param requestId the request id, the caller's or one the server generated, or
 * {@code null}
 * @param taskStatus the status as sent, usually {@code PROCESSING}; kept as text since
 * the API may add values
 * @author zai-spring-boot contributors
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VideoTask(@JsonProperty("model") @Nullable String model, @JsonProperty("id") String id,
		@JsonProperty("request_id") @Nullable String requestId,
		@JsonProperty("task_status") @Nullable String taskStatus) {

}
