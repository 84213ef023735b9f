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

import java.time.Duration;
import java.util.Map;

import io.github.zaispring.ZaiException;
import io.github.zaispring.internal.AsyncPolling;
import io.github.zaispring.internal.ClientBuilder;
import io.github.zaispring.internal.ExchangeCore;
import io.github.zaispring.internal.ExchangeCore.Timeouts;
import io.github.zaispring.internal.Operation;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;

/**
 * The Z.AI video generation client: submits {@code POST /videos/generations} with the
 * configured model and polls {@code GET /async-result/{id}} on an exchange core, so that
 * retries, the concurrency limit, timeouts, typed errors, observation and exchange
 * logging apply to every call as they do to chat.
 * <p>
 * Auto-configured by the starter on the application's shared core; outside Spring Boot,
 * build one with {@link #builder()}: <pre class="code">
 * ZaiVideoTemplate video = ZaiVideoTemplate.builder()
 *     .exchangeCore(chatTemplate.exchangeCore())
 *     .build();
 * </pre> A template is thread-safe and meant to be shared. A template that created its
 * own exchange core releases it on {@link #close()}; a shared core is left to its owner.
 *
 * @author zai-spring-boot contributors
 */
public class ZaiVideoTemplate implements ZaiVideoOperations, AutoCloseable {

	private static final String KIND = "video generation";

	private static final Operation<VideoRequest, VideoTask> SUBMIT = new Operation<>("video_generation_submit",
			HttpMethod.POST, "/videos/generations", VideoTask.class, false, VideoRequest::model,
			VideoRequest::requestId, (request) -> Map.of(), null);

	private static final Operation<String, VideoResult> RESULT = new Operation<>("video_generation_result",
			HttpMethod.GET, "/async-result/{id}", VideoResult.class, false, (taskId) -> null, (taskId) -> null,
			(taskId) -> Map.of(), null, (taskId) -> new Object[] { taskId });

	private final ExchangeCore core;

	private final String model;

	private final AsyncPolling polling;

	private final boolean ownsCore;

	ZaiVideoTemplate(Builder builder, ExchangeCore core, boolean ownsCore) {
		this.core = core;
		this.model = builder.model;
		this.polling = builder.polling;
		this.ownsCore = ownsCore;
	}

	/**
	 * Create a builder of a template.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public Mono<VideoTask> submit(VideoRequest request) {
		Assert.notNull(request, "request must not be null; build one with VideoRequest.builder()");
		VideoRequest withModel = (request.model() != null) ? request : request.mutate().model(this.model).build();
		return this.core.call(SUBMIT, withModel, Timeouts.DEFAULTS).handle((task, sink) -> {
			ZaiException missing = AsyncPolling.missingTaskId(KIND, task.id(), task.requestId());
			if (missing != null) {
				sink.error(missing);
				return;
			}
			sink.next(task);
		});
	}

	@Override
	public Mono<VideoResult> result(String taskId) {
		return this.core.call(RESULT, AsyncPolling.requireTaskId(taskId), Timeouts.DEFAULTS);
	}

	@Override
	public Mono<VideoResult> awaitResult(String taskId) {
		return this.polling.await(taskId, (id) -> this.core.call(RESULT, id, Timeouts.DEFAULTS),
				(result) -> outcome(taskId, result));
	}

	@Override
	public Mono<VideoResult> generate(VideoRequest request) {
		return submit(request).flatMap((task) -> awaitResult(task.id()));
	}

	@Override
	public Mono<String> generate(String prompt) {
		Assert.isTrue(prompt != null && !prompt.isBlank(), "prompt must not be empty; describe the video");
		return generate(VideoRequest.builder().prompt(prompt).build()).handle((result, sink) -> {
			String url = result.url();
			if (url == null) {
				sink.error(
						new ZaiException("Z.AI video generation task '" + result.id() + "' succeeded without a video",
								200, null, result.requestId(), null));
				return;
			}
			sink.next(url);
		});
	}

	private static Mono<VideoResult> outcome(String taskId, VideoResult result) {
		if (result.succeeded()) {
			return Mono.just(result);
		}
		if (result.failed()) {
			return Mono.error(AsyncPolling.failed(KIND, taskId,
					new AsyncPolling.TaskError(result.errorCode(), result.errorMessage()), result.requestId()));
		}
		return Mono.empty();
	}

	/**
	 * Release the exchange core this template created. Does nothing when the core is
	 * shared.
	 */
	@Override
	public void close() {
		if (this.ownsCore) {
			this.core.close();
		}
	}

	@Override
	public String toString() {
		return "ZaiVideoTemplate[baseUrl=" + this.core.baseUrl() + ", model=" + this.model + "]";
	}

	/**
	 * Builder of a {@link ZaiVideoTemplate}: the connection, resilience and logging
	 * settings every Z.AI client shares (or a shared {@link #exchangeCore(ExchangeCore)
	 * core}), the default model and how results are polled.
	 */
	public static final class Builder extends ClientBuilder<Builder> {

		private String model = "cogvideox-3";

		private AsyncPolling polling = AsyncPolling.DEFAULTS;

		Builder() {
		}

		/**
		 * Set the model of requests that name none. Defaults to {@code cogvideox-3}.
		 * @param model the model id
		 * @return this builder
		 */
		public Builder defaultModel(String model) {
			Assert.isTrue(model != null && !model.isBlank(),
					"defaultModel must not be empty; use a model id such as cogvideox-3");
			this.model = model;
			return this;
		}

		/**
		 * Set how {@link ZaiVideoTemplate#awaitResult(String)} polls: first at once, then
		 * after {@code pollInterval}, growing by half after every poll up to
		 * {@code maxPollInterval}, for at most {@code maxWait}. Defaults to 1s, 15s and
		 * 10 minutes ({@code zai.async.*}).
		 * @param pollInterval the first wait between two polls, positive
		 * @param maxPollInterval the longest wait between two polls, at least
		 * {@code pollInterval}
		 * @param maxWait the longest wait for a result, positive
		 * @return this builder
		 */
		public Builder asyncPolling(Duration pollInterval, Duration maxPollInterval, Duration maxWait) {
			this.polling = new AsyncPolling(pollInterval, maxPollInterval, maxWait);
			return this;
		}

		/**
		 * Build the template.
		 * @return a new template
		 * @throws IllegalArgumentException when no API key and no shared core was given
		 */
		public ZaiVideoTemplate build() {
			return new ZaiVideoTemplate(this, buildCore(), !sharesCore());
		}

	}

}
