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
 * The request could not be sent, or the connection failed before any response arrived:
 * connection refused, a DNS or TLS failure, a connection reset or a connect timeout.
 * Retryable, since the server produced no answer.
 *
 * @author zai-spring-boot contributors
 */
public class ZaiConnectionException extends ZaiException {

	/**
	 * Create an exception for a failed connection.
	 * @param message the detail message
	 * @param requestId the request id the client sent, if any
	 * @param cause the transport failure
	 */
	public ZaiConnectionException(String message, @Nullable String requestId, @Nullable Throwable cause) {
		super(message, 0, null, requestId, cause);
	}

}
