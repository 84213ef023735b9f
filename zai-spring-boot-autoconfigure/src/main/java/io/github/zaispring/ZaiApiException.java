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

import org.jspecify.annotations.Nullable;

/**
 * An error answer from the Z.AI API: any non-2xx response, decoded from its
 * {@code {"error":{"code":"…","message":"…"}}} body.
 * <p>
 * Subclasses say what kind of failure it was; they are chosen by the business code first
 * and the HTTP status second, because HTTP 429 covers both "slow down" and "out of
 * money".
 *
 * @author zai-spring-boot contributors
 * @see ZaiAuthenticationException
 * @see ZaiRateLimitException
 * @see ZaiQuotaExceededException
 * @see ZaiContentFilterException
 * @see ZaiBadRequestException
 * @see ZaiServerException
 */
public class ZaiApiException extends ZaiException {

	private final String errorMessage;

	private final @Nullable Duration retryAfter;

	/**
	 * Create an exception for an error answer.
	 * @param statusCode the HTTP status
	 * @param errorCode the business error code, if the body carried one
	 * @param errorMessage the message the server sent (or a description of the body)
	 * @param requestId the request id, if known
	 */
	public ZaiApiException(int statusCode, @Nullable String errorCode, String errorMessage,
			@Nullable String requestId) {
		this(statusCode, errorCode, errorMessage, requestId, null);
	}

	/**
	 * Create an exception for an error answer that carried a {@code Retry-After} header.
	 * @param statusCode the HTTP status
	 * @param errorCode the business error code, if the body carried one
	 * @param errorMessage the message the server sent (or a description of the body)
	 * @param requestId the request id, if known
	 * @param retryAfter the wait the server asked for, if any
	 */
	public ZaiApiException(int statusCode, @Nullable String errorCode, String errorMessage, @Nullable String requestId,
			@Nullable Duration retryAfter) {
		super(describe(statusCode, errorCode, errorMessage, requestId), statusCode, errorCode, requestId, null);
		this.errorMessage = errorMessage;
		this.retryAfter = retryAfter;
	}

	/**
	 * Return the message the server sent, without the status and code that
	 * {@link #getMessage()} adds.
	 * @return the server's message
	 */
	public String getErrorMessage() {
		return this.errorMessage;
	}

	/**
	 * Return the wait the server asked for in a {@code Retry-After} header.
	 * @return the requested wait, or {@code null} when the server sent none
	 */
	public @Nullable Duration getRetryAfter() {
		return this.retryAfter;
	}

	private static String describe(int statusCode, @Nullable String errorCode, String errorMessage,
			@Nullable String requestId) {
		StringBuilder description = new StringBuilder("Z.AI API error: ").append(errorMessage).append(" (HTTP ");
		description.append(statusCode);
		if (errorCode != null) {
			description.append(", code ").append(errorCode);
		}
		if (requestId != null) {
			description.append(", request id ").append(requestId);
		}
		return description.append(')').toString();
	}

}
