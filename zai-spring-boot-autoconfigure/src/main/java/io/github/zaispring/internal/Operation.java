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

package io.github.zaispring.internal;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;

/**
 * What an endpoint template tells the {@link ExchangeCore} about one of its operations:
 * the HTTP method and path, the request and response types, whether the answer is
 * streamed, and how to read the model, request id and extra headers from a request.
 * Everything else (connection, retries, limit, timeouts, errors, observation, logging) is
 * the core's.
 *
 * @param <Q> the type of the request
 * @param <R> the type of the response, or of each chunk of a stream
 * @param name the operation name, as {@code gen_ai.operation.name} records it
 * @param method the HTTP method
 * @param path the path below the base URL, such as {@code /chat/completions}
 * @param responseType the type each response or chunk is read as
 * @param streaming whether the answer is a stream of server-sent events
 * @param model the model a request names, or {@code null} when it names none
 * @param requestId the request id a request carries, or {@code null}
 * @param headers the extra HTTP headers of a request
 * @param fold creates the fold of a stream's chunks into one answer, or {@code null} to
 * keep the last element as the answer
 * @param uriVariables the values of the path's {@code {variables}}, in order, from a
 * request; the request is the JSON body only when the method has one ({@code POST},
 * {@code PUT}, {@code PATCH})
 * @author zai-spring-boot contributors
 */
public record Operation<Q, R>(String name, HttpMethod method, String path, Class<R> responseType, boolean streaming,
		Function<Q, @Nullable String> model, Function<Q, @Nullable String> requestId,
		Function<Q, Map<String, String>> headers, @Nullable Supplier<Fold<R>> fold,
		Function<Q, Object[]> uriVariables) {

	private static final Object[] NO_VARIABLES = {};

	/**
	 * Check the operation.
	 */
	public Operation {
		Assert.hasText(name, "name must not be empty");
		Assert.notNull(method, "method must not be null");
		Assert.isTrue(path.startsWith("/"), () -> "path must start with '/', was '" + path + "'");
		Assert.notNull(responseType, "responseType must not be null");
		Assert.notNull(model, "model must not be null");
		Assert.notNull(requestId, "requestId must not be null");
		Assert.notNull(headers, "headers must not be null");
		Assert.notNull(uriVariables, "uriVariables must not be null");
	}

	/**
	 * Describe an operation whose path has no variables.
	 * @param name the operation name
	 * @param method the HTTP method
	 * @param path the path below the base URL
	 * @param responseType the type each response or chunk is read as
	 * @param streaming whether the answer is a stream of server-sent events
	 * @param model the model a request names
	 * @param requestId the request id a request carries
	 * @param headers the extra HTTP headers of a request
	 * @param fold creates the fold of a stream's chunks, or {@code null}
	 */
	public Operation(String name, HttpMethod method, String path, Class<R> responseType, boolean streaming,
			Function<Q, @Nullable String> model, Function<Q, @Nullable String> requestId,
			Function<Q, Map<String, String>> headers, @Nullable Supplier<Fold<R>> fold) {
		this(name, method, path, responseType, streaming, model, requestId, headers, fold, (request) -> NO_VARIABLES);
	}

	/**
	 * Return whether the request is sent as the JSON body.
	 * @return whether the method has a body
	 */
	public boolean hasBody() {
		return this.method == HttpMethod.POST || this.method == HttpMethod.PUT || this.method == HttpMethod.PATCH;
	}

	/**
	 * Describe a {@code POST} operation with a single JSON answer, without request ids or
	 * extra headers.
	 * @param <Q> the type of the request
	 * @param <R> the type of the response
	 * @param name the operation name
	 * @param path the path below the base URL
	 * @param responseType the type of the response
	 * @param model the model a request names
	 * @return the operation
	 */
	public static <Q, R> Operation<Q, R> post(String name, String path, Class<R> responseType,
			Function<Q, @Nullable String> model) {
		return new Operation<>(name, HttpMethod.POST, path, responseType, false, model, (request) -> null,
				(request) -> Map.of(), null);
	}

	/**
	 * Folds the chunks of one stream into one answer as they pass, once, for everyone who
	 * needs the whole answer: the partial result of a failed stream, the observation.
	 *
	 * @param <R> the type of the chunks
	 */
	public interface Fold<R> {

		/**
		 * Add a chunk.
		 * @param chunk the chunk
		 */
		void add(R chunk);

		/**
		 * Return the answer folded so far.
		 * @return the answer
		 */
		Object result();

	}

}
