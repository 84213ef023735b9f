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
 * A streamed answer failed after the response started: the stream was cut off before
 * {@code data: [DONE]}, a chunk could not be decoded, the server sent an error event, or
 * the reply ended with finish reason {@code network_error} where the caller asked for its
 * text only.
 *
 * @author zai-spring-boot contributors
 */
public class ZaiStreamException extends ZaiException {

	/**
	 * Create an exception for a failed stream.
	 * @param message the detail message
	 * @param requestId the request id, if known
	 * @param cause the cause, if any
	 */
	public ZaiStreamException(String message, @Nullable String requestId, @Nullable Throwable cause) {
		super(message, 200, null, requestId, cause);
	}

	/**
	 * Create an exception for a failed stream with the business code of an error event.
	 * @param message the detail message
	 * @param errorCode the business error code, if any
	 * @param requestId the request id, if known
	 * @param cause the cause, if any
	 */
	public ZaiStreamException(String message, @Nullable String errorCode, @Nullable String requestId,
			@Nullable Throwable cause) {
		super(message, 200, errorCode, requestId, cause);
	}

}
