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
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One call of any Z.AI endpoint as {@link ZaiInterceptor interceptors} see it: what was
 * asked, and what the client has learned so far about how it went.
 * <p>
 * A call spans every attempt the retry makes. What it reports changes while it runs: read
 * {@link #attempts()}, {@link #result()} and {@link #firstElementLatency()} when the call
 * ends.
 *
 * @author zai-spring-boot contributors
 */
public interface ZaiCall {

	/**
	 * Return the operation, as the OpenTelemetry GenAI conventions name it in
	 * {@code gen_ai.operation.name}: {@code chat}, {@code embeddings}, or a descriptive
	 * name for operations the conventions do not name.
	 * @return the operation name
	 */
	String operationName();

	/**
	 * Return the request as sent, with the configured defaults applied.
	 * @return the request, such as a {@code ChatRequest}, or {@code null} for a call
	 * without a body
	 */
	@Nullable Object request();

	/**
	 * Return the model the request names.
	 * @return the model id, or {@code null} when the request names none
	 */
	@Nullable String model();

	/**
	 * Return whether the answer is streamed.
	 * @return {@code true} for a stream of chunks, {@code false} for a single answer
	 */
	boolean streaming();

	/**
	 * Return the host the request is sent to.
	 * @return the host, such as {@code api.z.ai}
	 */
	String serverAddress();

	/**
	 * Return the extra HTTP headers of this call.
	 * @return the headers, empty when none
	 */
	Map<String, String> headers();

	/**
	 * Return how many times the request has been sent so far, retries included.
	 * @return the number of attempts, 0 before the first is sent
	 */
	int attempts();

	/**
	 * Return the answer so far: the response of a single-answer call once it arrived, or
	 * for a stream the chunks received folded into one answer (a {@code ChatCompletion}
	 * for chat). A stream is folded once, here, for everyone who needs the whole answer.
	 * @return the answer, or {@code null} when nothing arrived
	 */
	@Nullable Object result();

	/**
	 * Return the time from subscription to the first element: the first chunk of a
	 * stream, or the answer of a single-answer call.
	 * @return the latency, or {@code null} when nothing arrived yet
	 */
	@Nullable Duration firstElementLatency();

}
