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

import reactor.core.publisher.Mono;

/**
 * Generates videos through Z.AI's asynchronous video API: a task is submitted
 * ({@code POST /videos/generations}) and its result polled ({@code GET
 * /async-result/{id}}) until it succeeds or fails. Implemented by
 * {@link ZaiVideoTemplate}.
 * <p>
 * Waiting never blocks a thread: polls are spaced by growing intervals
 * ({@code zai.async.poll-interval} up to {@code zai.async.max-poll-interval}), and
 * cancelling the subscription stops them. Every submit and poll is one observed call
 * ({@code gen_ai.operation.name} {@code video_generation_submit} or
 * {@code video_generation_result}) with the client's retries and limits.
 *
 * @author zai-spring-boot contributors
 */
public interface ZaiVideoOperations {

	/**
	 * Submit a video generation; a request that names no model takes the configured one
	 * ({@code zai.video.model}).
	 * @param request the prompt and/or images, and the options
	 * @return the task, whose {@link VideoTask#id() id} {@link #awaitResult(String)}
	 * takes; fails with a {@link io.github.zaispring.ZaiException} subclass when the API
	 * refuses the request or cannot be reached, or answers without a task id
	 */
	Mono<VideoTask> submit(VideoRequest request);

	/**
	 * Read the state of a task once, without waiting for it to finish.
	 * @param taskId the id of the task, from {@link #submit(VideoRequest)}
	 * @return the state as the server reports it, whatever the status (a failed task is
	 * an answer here, not an error); fails with a
	 * {@link io.github.zaispring.ZaiException} subclass when the API refuses the request
	 * or cannot be reached
	 * @throws IllegalArgumentException when the task id is {@code null} or blank; no
	 * request is sent then
	 */
	Mono<VideoResult> result(String taskId);

	/**
	 * Wait for a task to finish: poll its result until its status is {@code SUCCESS} or
	 * {@code FAIL}. Any other status, including ones the API adds later, is read as still
	 * running.
	 * @param taskId the id of the task, from {@link #submit(VideoRequest)} or a
	 * {@link io.github.zaispring.ZaiAsyncTimeoutException#getTaskId() timed-out wait}
	 * @return the finished result with its videos; fails with a
	 * {@link io.github.zaispring.ZaiException} carrying the server's reason when the task
	 * failed, with a {@link io.github.zaispring.ZaiAsyncTimeoutException} naming the task
	 * after {@code zai.async.max-wait} (the task goes on; wait again with its id), or as
	 * {@link #result(String)} fails
	 * @throws IllegalArgumentException when the task id is {@code null} or blank; no
	 * request is sent then
	 */
	Mono<VideoResult> awaitResult(String taskId);

	/**
	 * Submit a video generation and wait for it: {@link #submit(VideoRequest)}, then
	 * {@link #awaitResult(String)}.
	 * @param request the prompt and/or images, and the options
	 * @return the finished result; fails as those two methods do
	 */
	Mono<VideoResult> generate(VideoRequest request);

	/**
	 * Generate a video from a prompt with the configured model and its defaults, and wait
	 * for it.
	 * @param prompt the description of the video, at most 512 characters
	 * @return the URL of the video (temporary: download it); fails as
	 * {@link #generate(VideoRequest)} does, or with a
	 * {@link io.github.zaispring.ZaiException} when the task succeeded without a video
	 * @throws IllegalArgumentException when the prompt is {@code null}, blank or too
	 * long; no request is sent then
	 */
	Mono<String> generate(String prompt);

}
