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

import io.github.zaispring.chat.Usage;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Context of the observation of one call of any Z.AI endpoint: the operation, the model,
 * what came back and how it went. Chat calls use the richer
 * {@link ZaiChatObservationContext}; a failure is the observation's {@link #getError()
 * error}.
 *
 * @author zai-spring-boot contributors
 * @see ZaiObservationDocumentation
 */
public class ZaiObservationContext extends Observation.Context {

	private final String operationName;

	private final boolean streaming;

	private final @Nullable String requestModel;

	private @Nullable String serverAddress;

	private volatile @Nullable Object response;

	private volatile @Nullable String responseModel;

	private volatile @Nullable String responseId;

	private volatile @Nullable String requestId;

	private volatile @Nullable Usage usage;

	private volatile boolean outputTokens;

	private volatile boolean cancelled;

	private volatile @Nullable Duration firstChunkLatency;

	private volatile int attempts = 1;

	/**
	 * The low-cardinality key values, sorted, kept up to date as whole sets of them are
	 * added, or {@code null} when they have to be read from the context's map again.
	 */
	private volatile @Nullable KeyValues lowCardinalityKeyValues = KeyValues.empty();

	/** The timer sample of {@link ZaiMeterObservationHandler}, while it runs. */
	volatile Timer.@Nullable Sample timerSample;

	/**
	 * The long-task timer sample of {@link ZaiMeterObservationHandler}, while it runs.
	 */
	volatile LongTaskTimer.@Nullable Sample activeSample;

	/**
	 * Create a context.
	 * @param operationName the operation, such as {@code chat} or {@code embeddings}
	 * @param requestModel the model the request names, or {@code null}
	 * @param streaming whether the answer is streamed
	 */
	public ZaiObservationContext(String operationName, @Nullable String requestModel, boolean streaming) {
		Assert.hasText(operationName, "'operationName' must not be empty");
		this.operationName = operationName;
		this.requestModel = requestModel;
		this.streaming = streaming;
	}

	/**
	 * Add the key values, and merge them into the sorted set this context keeps, so that
	 * reading them back does not sort them again. Changes hold the context's lock, reads
	 * do not: the convention adds them on start and on stop, and the meter handler reads
	 * them after each.
	 */
	@Override
	public synchronized Observation.Context addLowCardinalityKeyValues(KeyValues keyValues) {
		KeyValues known = this.lowCardinalityKeyValues;
		KeyValues merged = (known != null) ? known.and(keyValues) : null;
		super.addLowCardinalityKeyValues(keyValues);
		this.lowCardinalityKeyValues = merged;
		return this;
	}

	@Override
	public synchronized Observation.Context addLowCardinalityKeyValue(KeyValue keyValue) {
		super.addLowCardinalityKeyValue(keyValue);
		this.lowCardinalityKeyValues = null;
		return this;
	}

	@Override
	public synchronized Observation.Context removeLowCardinalityKeyValue(String keyName) {
		super.removeLowCardinalityKeyValue(keyName);
		this.lowCardinalityKeyValues = null;
		return this;
	}

	@Override
	public synchronized Observation.Context removeLowCardinalityKeyValues(String... keyNames) {
		super.removeLowCardinalityKeyValues(keyNames);
		this.lowCardinalityKeyValues = null;
		return this;
	}

	@Override
	public KeyValues getLowCardinalityKeyValues() {
		KeyValues keyValues = this.lowCardinalityKeyValues;
		return (keyValues != null) ? keyValues : readLowCardinalityKeyValues();
	}

	/**
	 * Read the key values from the context's map and keep them. Under the same lock as
	 * the changes, so that an older set never replaces a newer one.
	 */
	private synchronized KeyValues readLowCardinalityKeyValues() {
		KeyValues keyValues = this.lowCardinalityKeyValues;
		if (keyValues == null) {
			keyValues = super.getLowCardinalityKeyValues();
			this.lowCardinalityKeyValues = keyValues;
		}
		return keyValues;
	}

	/**
	 * Return the operation, the value of {@code gen_ai.operation.name}.
	 * @return the operation name
	 */
	public String getOperationName() {
		return this.operationName;
	}

	/**
	 * Return the model the request names.
	 * @return the model, or {@code null} when it names none
	 */
	public @Nullable String getRequestModel() {
		return this.requestModel;
	}

	/**
	 * Return whether the answer is streamed.
	 * @return whether the answer is streamed
	 */
	public boolean isStreaming() {
		return this.streaming;
	}

	/**
	 * Return the host the request is sent to.
	 * @return the host, such as {@code api.z.ai}, or {@code null} if unknown
	 */
	public @Nullable String getServerAddress() {
		return this.serverAddress;
	}

	/**
	 * Set the host the request is sent to.
	 * @param serverAddress the host
	 */
	public void setServerAddress(@Nullable String serverAddress) {
		this.serverAddress = serverAddress;
	}

	/**
	 * Return the answer: the response of a call, or the chunks of a stream folded into
	 * one answer.
	 * @return the answer, or {@code null} when none arrived
	 */
	public @Nullable Object getResult() {
		return this.response;
	}

	/**
	 * Set the answer, and what is known of it.
	 * @param response the answer, or {@code null}
	 * @param responseModel the model that answered, or {@code null}
	 * @param responseId the id of the answer, or {@code null}
	 * @param usage the tokens the answer reports, or {@code null}
	 */
	protected void setResult(@Nullable Object response, @Nullable String responseModel, @Nullable String responseId,
			@Nullable Usage usage) {
		this.response = response;
		this.responseModel = responseModel;
		this.responseId = responseId;
		this.usage = usage;
	}

	/**
	 * Set the answer, and what its type tells of it: the model that answered, its id, the
	 * tokens it reports and its request id.
	 * @param response the answer
	 */
	public void setResult(@Nullable Object response) {
		ObservedResult result = ObservedResult.of(response);
		setResult(response, result.model(), result.id(), result.usage());
		this.outputTokens = result.producesOutput();
		if (result.requestId() != null) {
			setRequestId(result.requestId());
		}
	}

	/**
	 * Return the model that answered.
	 * @return the model, or {@code null} when unknown
	 */
	public @Nullable String getResponseModel() {
		return this.responseModel;
	}

	/**
	 * Return the id of the answer.
	 * @return the id, or {@code null} when unknown
	 */
	public @Nullable String getResponseId() {
		return this.responseId;
	}

	/**
	 * Return the tokens the answer reports.
	 * @return the usage, or {@code null} when the server reported none
	 */
	public @Nullable Usage getUsage() {
		return this.usage;
	}

	/**
	 * Return whether the operation generates tokens, so that the output count of
	 * {@link #getUsage()} is a measurement rather than a zero for "none" (embeddings).
	 * @return whether output tokens are reported
	 */
	public boolean hasOutputTokens() {
		return this.outputTokens;
	}

	/**
	 * Return the request id of the call: the one Z.AI reported, or the one sent.
	 * @return the request id, or {@code null}
	 */
	public @Nullable String getRequestId() {
		return this.requestId;
	}

	/**
	 * Set the request id of the call.
	 * @param requestId the request id
	 */
	public void setRequestId(@Nullable String requestId) {
		this.requestId = requestId;
	}

	/**
	 * Return whether the subscriber cancelled before the answer was complete.
	 * @return whether the call was cancelled
	 */
	public boolean isCancelled() {
		return this.cancelled;
	}

	/**
	 * Set whether the subscriber cancelled before the answer was complete.
	 * @param cancelled whether the call was cancelled
	 */
	public void setCancelled(boolean cancelled) {
		this.cancelled = cancelled;
	}

	/**
	 * Return the time from the start of a stream to its first chunk.
	 * @return the latency, or {@code null} when not streamed or no chunk arrived
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
