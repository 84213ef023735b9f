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

import org.jspecify.annotations.Nullable;

/**
 * Base class of every exception thrown by the Z.AI client.
 * <p>
 * Carries what is known about the failed exchange: the HTTP status (or {@code 0} when no
 * response was received), the Z.AI business error code and the request id. The API key is
 * never part of an exception.
 *
 * @author zai-spring-boot contributors
 */
public class ZaiException extends RuntimeException {

	private final int statusCode;

	private final @Nullable String errorCode;

	private final @Nullable String requestId;

	private transient @Nullable Object partialResult;

	/**
	 * Create an exception for a failure that has no HTTP response.
	 * @param message the detail message
	 * @param cause the cause, if any
	 */
	public ZaiException(String message, @Nullable Throwable cause) {
		this(message, 0, null, null, cause);
	}

	/**
	 * Create an exception with all details of the failed exchange.
	 * @param message the detail message
	 * @param statusCode the HTTP status, or {@code 0} when no response was received
	 * @param errorCode the Z.AI business error code such as {@code 1302}, if known
	 * @param requestId the request id of the exchange, if known
	 * @param cause the cause, if any
	 */
	public ZaiException(String message, int statusCode, @Nullable String errorCode, @Nullable String requestId,
			@Nullable Throwable cause) {
		super(message, cause);
		this.statusCode = statusCode;
		this.errorCode = errorCode;
		this.requestId = requestId;
	}

	/**
	 * Return the HTTP status of the response that failed.
	 * @return the HTTP status code, or {@code 0} when no response was received
	 */
	public int getStatusCode() {
		return this.statusCode;
	}

	/**
	 * Return the Z.AI business error code, such as {@code "1302"} or {@code "1113"}.
	 * @return the business code, or {@code null} when the server sent none
	 */
	public @Nullable String getErrorCode() {
		return this.errorCode;
	}

	/**
	 * Return the id of the request that failed, as sent by the client or reported by the
	 * server.
	 * @return the request id, or {@code null} when unknown
	 */
	public @Nullable String getRequestId() {
		return this.requestId;
	}

	/**
	 * Return what a stream delivered before it failed: for the chat client, a
	 * {@code io.github.zaispring.chat.ChatCompletion} folded from the chunks received so
	 * far, as in {@code ex.getPartialResult(ChatCompletion.class)}. Only failures after
	 * the first chunk of a stream carry one.
	 * @param <T> the type of the result
	 * @param type the expected type of the result
	 * @return the partial result, or {@code null} when none was recorded or it is not of
	 * the given type
	 */
	public <T> @Nullable T getPartialResult(Class<T> type) {
		return type.isInstance(this.partialResult) ? type.cast(this.partialResult) : null;
	}

	/**
	 * Record what a stream delivered before it failed.
	 * @param partialResult the partial result
	 * @return this exception
	 */
	public ZaiException withPartialResult(@Nullable Object partialResult) {
		this.partialResult = partialResult;
		return this;
	}

}
