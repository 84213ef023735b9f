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
 * A timeout of the Z.AI client fired: the connect timeout, the response timeout of a
 * whole answer, the wait for the first chunk of a stream or the silence allowed between
 * two chunks. {@link #getTimeoutName()} says which, as the property that sets it.
 *
 * @author zai-spring-boot contributors
 */
public class ZaiTimeoutException extends ZaiException {

	/** Name of the connect timeout. */
	public static final String CONNECT_TIMEOUT = "zai.connect-timeout";

	/** Name of the timeout of a whole non-streamed answer. */
	public static final String RESPONSE_TIMEOUT = "zai.response-timeout";

	/** Name of the timeout until the first chunk of a stream. */
	public static final String FIRST_CHUNK_TIMEOUT = "zai.first-chunk-timeout";

	/** Name of the longest silence between two chunks of a stream. */
	public static final String STREAM_IDLE_TIMEOUT = "zai.stream-idle-timeout";

	private final String timeoutName;

	private final Duration timeout;

	/**
	 * Create an exception for a timeout that fired.
	 * @param timeoutName the property that sets the timeout, such as
	 * {@code zai.response-timeout}
	 * @param timeout the value of the timeout that fired
	 * @param cause the underlying timeout, if any
	 */
	public ZaiTimeoutException(String timeoutName, Duration timeout, @Nullable Throwable cause) {
		super("Z.AI " + timeoutName + " of " + timeout + " elapsed", cause);
		this.timeoutName = timeoutName;
		this.timeout = timeout;
	}

	/**
	 * Return the property that sets the timeout that fired, such as
	 * {@code zai.stream-idle-timeout}.
	 * @return the name of the timeout
	 */
	public String getTimeoutName() {
		return this.timeoutName;
	}

	/**
	 * Return the value of the timeout that fired.
	 * @return the timeout
	 */
	public Duration getTimeout() {
		return this.timeout;
	}

}
