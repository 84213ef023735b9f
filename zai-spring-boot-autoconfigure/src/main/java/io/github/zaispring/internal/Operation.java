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
import org.springframework.http.MediaType;
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
 * @param bodyWriter writes the body of a request that is not sent as JSON (a multipart
 * form), or {@code null} for the JSON of the request
 * @param answerReader reads a single answer that is not JSON (audio bytes), or
 * {@code null} to read the JSON of the response type
 * @author zai-spring-boot contributors
 */
public record Operation<Q, R>(String name, HttpMethod method, String path, Class<R> responseType, boolean streaming,
		Function<Q, @Nullable String> model, Function<Q, @Nullable String> requestId,
		Function<Q, Map<String, String>> headers, @Nullable Supplier<Fold<R>> fold, Function<Q, Object[]> uriVariables,
		@Nullable BodyWriter<Q> bodyWriter, @Nullable AnswerReader<R> answerReader) {

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
	 * Describe an operation whose request is the JSON body and whose answer is JSON.
	 * @param name the operation name
	 * @param method the HTTP method
	 * @param path the path below the base URL
	 * @param responseType the type each response or chunk is read as
	 * @param streaming whether the answer is a stream of server-sent events
	 * @param model the model a request names
	 * @param requestId the request id a request carries
	 * @param headers the extra HTTP headers of a request
	 * @param fold creates the fold of a stream's chunks, or {@code null}
	 * @param uriVariables the values of the path's variables, from a request
	 */
	public Operation(String name, HttpMethod method, String path, Class<R> responseType, boolean streaming,
			Function<Q, @Nullable String> model, Function<Q, @Nullable String> requestId,
			Function<Q, Map<String, String>> headers, @Nullable Supplier<Fold<R>> fold,
			Function<Q, Object[]> uriVariables) {
		this(name, method, path, responseType, streaming, model, requestId, headers, fold, uriVariables, null, null);
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
	 * Return a copy of this operation whose requests are sent as the body the writer
	 * makes instead of their JSON.
	 * @param writer the writer of the body
	 * @return the new operation
	 */
	public Operation<Q, R> withBody(BodyWriter<Q> writer) {
		Assert.notNull(writer, "writer must not be null");
		return new Operation<>(this.name, this.method, this.path, this.responseType, this.streaming, this.model,
				this.requestId, this.headers, this.fold, this.uriVariables, writer, this.answerReader);
	}

	/**
	 * Return a copy of this single-answer operation whose answer is read by the reader
	 * instead of as JSON.
	 * @param reader the reader of the answer's bytes
	 * @return the new operation
	 */
	public Operation<Q, R> withAnswer(AnswerReader<R> reader) {
		Assert.notNull(reader, "reader must not be null");
		Assert.isTrue(!this.streaming, "a streamed operation reads its events as JSON");
		return new Operation<>(this.name, this.method, this.path, this.responseType, this.streaming, this.model,
				this.requestId, this.headers, this.fold, this.uriVariables, this.bodyWriter, reader);
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
	 * Writes the body of a request that is not sent as JSON, once per call: every attempt
	 * of the call (a retry) sends the same bytes.
	 *
	 * @param <Q> the type of the request
	 */
	@FunctionalInterface
	public interface BodyWriter<Q> {

		/**
		 * Write the body of a request.
		 * @param request the request
		 * @return the bytes and their content type
		 */
		Body write(Q request);

	}

	/**
	 * A request body that is not JSON.
	 *
	 * @param bytes the bytes sent
	 * @param contentType the {@code Content-Type} header, such as
	 * {@code multipart/form-data} with its boundary
	 */
	public record Body(byte[] bytes, MediaType contentType) {

		/**
		 * Check the body.
		 */
		public Body {
			Assert.notNull(bytes, "bytes must not be null");
			Assert.notNull(contentType, "contentType must not be null");
		}

	}

	/**
	 * Reads a single successful answer that is not JSON, such as audio.
	 *
	 * @param <R> the type of the answer
	 */
	@FunctionalInterface
	public interface AnswerReader<R> {

		/**
		 * Read an answer.
		 * @param body the bytes of the body, empty when there were none
		 * @param contentType the {@code Content-Type} of the answer, or {@code null}
		 * @return the answer
		 */
		R read(byte[] body, @Nullable MediaType contentType);

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
