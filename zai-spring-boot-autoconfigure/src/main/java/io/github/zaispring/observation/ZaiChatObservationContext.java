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

package io.github.zaispring.observation;

import java.time.Duration;

import io.github.zaispring.chat.ChatCompletion;
import io.github.zaispring.chat.ChatRequest;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Context of the observation of one chat call or one stream: the request, what came back,
 * and how it went. Created by the client for each {@code chat(..)} or {@code stream(..)}
 * subscription; a failure is the observation's {@link #getError() error}.
 *
 * @author zai-spring-boot contributors
 * @see ZaiChatObservationDocumentation
 * @see DefaultZaiChatObservationConvention
 */
public class ZaiChatObservationContext extends Observation.Context {

	private final ChatRequest request;

	private final boolean streaming;

	private @Nullable String serverAddress;

	private volatile @Nullable ChatCompletion response;

	private volatile boolean cancelled;

	private volatile @Nullable Duration firstChunkLatency;

	private volatile int attempts = 1;

	/**
	 * Create a context for a call that is not streamed.
	 * @param request the request as sent, with the model resolved
	 */
	public ZaiChatObservationContext(ChatRequest request) {
		this(request, false);
	}

	/**
	 * Create a context.
	 * @param request the request as sent, with the model resolved
	 * @param streaming whether the answer is streamed
	 */
	public ZaiChatObservationContext(ChatRequest request, boolean streaming) {
		Assert.notNull(request, "'request' must not be null");
		this.request = request;
		this.streaming = streaming;
	}

	/**
	 * Return the request.
	 * @return the request
	 */
	public ChatRequest getRequest() {
		return this.request;
	}

	/**
	 * Return whether the answer is streamed.
	 * @return {@code true} for {@code stream(..)}, {@code false} for {@code chat(..)}
	 */
	public boolean isStreaming() {
		return this.streaming;
	}

	/**
	 * Return the host the request is sent to.
	 * @return the host, such as {@code open.bigmodel.cn}, or {@code null} if unknown
	 */
	public @Nullable String getServerAddress() {
		return this.serverAddress;
	}

	/**
	 * Set the host the request is sent to.
	 * @param serverAddress the host, such as {@code api.z.ai}
	 */
	public void setServerAddress(@Nullable String serverAddress) {
		this.serverAddress = serverAddress;
	}

	/**
	 * Return the answer: the completion of a call, or the chunks of a stream folded into
	 * one completion.
	 * @return the answer, or {@code null} when none (or, for a stream, nothing) arrived
	 */
	public @Nullable ChatCompletion getResponse() {
		return this.response;
	}

	/**
	 * Set the answer. For a stream, set the completion folded from the chunks received,
	 * also when the stream fails or is cancelled part way.
	 * @param response the answer
	 */
	public void setResponse(@Nullable ChatCompletion response) {
		this.response = response;
	}

	/**
	 * Return whether the subscriber cancelled before the answer was complete.
	 * @return whether the call or stream was cancelled
	 */
	public boolean isCancelled() {
		return this.cancelled;
	}

	/**
	 * Set whether the subscriber cancelled before the answer was complete.
	 * @param cancelled whether the call or stream was cancelled
	 */
	public void setCancelled(boolean cancelled) {
		this.cancelled = cancelled;
	}

	/**
	 * Return the time from the start of a stream to its first chunk.
	 * @return the latency, or {@code null} when the call is not streamed or no chunk
	 * arrived
	 */
	public @Nullable Duration getFirstChunkLatency() {
		return this.firstChunkLatency;
	}

	/**
	 * Set the time from the start of a stream to its first chunk.
	 * @param firstChunkLatency the latency
	 */
	public void setFirstChunkLatency(@Nullable Duration firstChunkLatency) {
		this.firstChunkLatency = firstChunkLatency;
	}

	/**
	 * Return how many times the request was sent, retries included.
	 * @return the number of attempts, at least 1
	 */
	public int getAttempts() {
		return this.attempts;
	}

	/**
	 * Set how many times the request was sent, retries included.
	 * @param attempts the number of attempts, at least 1
	 */
	public void setAttempts(int attempts) {
		Assert.isTrue(attempts >= 1, () -> "'attempts' must be at least 1, was " + attempts);
		this.attempts = attempts;
	}

}
