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
 * The request was rejected as invalid: HTTP 400-class parameter errors such as 1210–1222,
 * 1231 (duplicate request id) and 1261 (prompt too long). Never retried.
 *
 * @author zai-spring-boot contributors
 */
public class ZaiBadRequestException extends ZaiApiException {

	/**
	 * Create an exception for an error answer.
	 * @param statusCode the HTTP status
	 * @param errorCode the business error code, if the body carried one
	 * @param errorMessage the message the server sent
	 * @param requestId the request id, if known
	 */
	public ZaiBadRequestException(int statusCode, @Nullable String errorCode, String errorMessage,
			@Nullable String requestId) {
		super(statusCode, errorCode, errorMessage, requestId);
	}

	/**
	 * Create an exception for an error answer that carried a {@code Retry-After} header.
	 * @param statusCode the HTTP status
	 * @param errorCode the business error code, if the body carried one
	 * @param errorMessage the message the server sent
	 * @param requestId the request id, if known
	 * @param retryAfter the wait the server asked for, if any
	 */
	public ZaiBadRequestException(int statusCode, @Nullable String errorCode, String errorMessage,
			@Nullable String requestId, @Nullable Duration retryAfter) {
		super(statusCode, errorCode, errorMessage, requestId, retryAfter);
	}

}
