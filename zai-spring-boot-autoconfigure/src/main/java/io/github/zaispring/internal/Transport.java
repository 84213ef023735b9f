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

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.github.zaispring.ZaiConnectionException;
import io.github.zaispring.ZaiException;
import io.github.zaispring.ZaiStreamException;
import io.github.zaispring.ZaiTimeoutException;
import io.github.zaispring.internal.ReactorConnectors.PoolSettings;
import io.netty.channel.ConnectTimeoutException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.util.DefaultUriBuilderFactory;
import org.springframework.web.util.UriBuilderFactory;

/**
 * The HTTP side of the {@link ExchangeCore}: one {@code WebClient} on one connection
 * pool, and the two innermost stages of every call, the HTTP exchange and the decoding of
 * its answer, events or error.
 * <p>
 * Bodies are written and read with {@link WireJson}, never with the codecs of the
 * application's {@code WebClient.Builder}, whose other customizations (filters, SSL
 * bundles, observation) apply; an operation that sends a form or receives audio writes
 * and reads those bytes itself ({@link Operation#bodyWriter()},
 * {@link Operation#answerReader()}).
 *
 * @author zai-spring-boot contributors
 */
final class Transport {

	/**
	 * Largest body the client reads whole: a non-streamed answer of a model with 128K
	 * output tokens is several hundred kilobytes, more than WebFlux's 256 KB default.
	 */
	static final int MAX_IN_MEMORY_SIZE = 16 * 1024 * 1024;

	/**
	 * Largest answer that is not JSON the client reads whole: 1024 characters of speech
	 * read slowly are several minutes of WAV audio, above 16 MB.
	 */
	static final int MAX_BINARY_SIZE = 64 * 1024 * 1024;

	/**
	 * The request attribute in which {@code WebClient.RequestBodyUriSpec.uri(String, ..)}
	 * keeps the URI template, which Spring's {@code http.client.requests} observation
	 * records as its {@code uri} key. Set here because requests are given their
	 * {@link URI} ready-made.
	 */
	static final String URI_TEMPLATE_ATTRIBUTE = WebClient.class.getName() + ".uriTemplate";

	/**
	 * Clients for JSON answers, for event streams and for requests without a body, each
	 * with its {@code Accept} and {@code Content-Type} as default headers: headers set on
	 * a request are copied through a case-insensitive view of their names on every
	 * request (see BENCHMARKS.md), default headers are not.
	 */
	private final WebClient answers;

	private final WebClient streams;

	private final WebClient noBody;

	private final ZaiErrorDecoder errorDecoder;

	private final SseDataDecoder sseDecoder;

	private final BodyLogging bodyLogging;

	private final Duration connectTimeout;

	private final @Nullable ConnectionProvider ownedConnectionProvider;

	private final Map<Class<?>, PayloadReader<?>> readers = new ConcurrentHashMap<>();

	private final UriBuilderFactory uris;

	private final Map<String, Target> targets = new ConcurrentHashMap<>();

	Transport(Settings settings) {
		this.ownedConnectionProvider = (settings.connectionProvider() != null) ? null
				: ReactorConnectors.connectionProvider(settings.poolSettings());
		ConnectionProvider pool = (settings.connectionProvider() != null) ? settings.connectionProvider()
				: this.ownedConnectionProvider;
		String acceptLanguage = settings.acceptLanguage();
		this.connectTimeout = settings.connectTimeout();
		// as WebClient.Builder.baseUrl(..) would make it
		this.uris = new DefaultUriBuilderFactory(settings.baseUrl());
		WebClient.Builder builder = settings.webClientBuilder()
			.get()
			.clone()
			.clientConnector(ReactorConnectors.connector(pool, settings.connectTimeout()))
			.defaultHeaders((headers) -> {
				headers.setBearerAuth(settings.apiKey());
				headers.set(HttpHeaders.USER_AGENT, LibraryVersion.userAgent());
				if (acceptLanguage != null && !acceptLanguage.isBlank()) {
					headers.set(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
				}
			})
			.filter(new ExchangeLogging())
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(MAX_IN_MEMORY_SIZE));
		this.answers = withHeaders(builder, MediaType.APPLICATION_JSON, true);
		this.streams = withHeaders(builder, MediaType.TEXT_EVENT_STREAM, true);
		this.noBody = withHeaders(builder, MediaType.APPLICATION_JSON, false);
		this.errorDecoder = new ZaiErrorDecoder(WireJson.decoder());
		this.sseDecoder = new SseDataDecoder(this.errorDecoder);
		this.bodyLogging = new BodyLogging(settings.logBodies());
	}

	/**
	 * The HTTP exchange and decoding of one attempt: sends the body, reads the answer
	 * (one element) or the events of a stream (one element each), and turns error answers
	 * and transport failures into {@link ZaiException}s.
	 */
	<Q, R> Flux<R> exchange(ExchangeCall<Q, R> call) {
		Operation<Q, R> operation = call.operation();
		PayloadReader<R> reader = reader(operation.responseType());
		Target target = target(operation.path());
		boolean hasBody = call.body().length > 0;
		WebClient client = !hasBody ? this.noBody : operation.streaming() ? this.streams : this.answers;
		WebClient.RequestBodySpec spec = client.method(operation.method())
			.uri(target.uri(this.uris, operation.uriVariables().apply(call.request())))
			.attribute(URI_TEMPLATE_ATTRIBUTE, target.template())
			.attribute(ExchangeLogging.CALL_ATTRIBUTE, call);
		if (!hasBody && operation.streaming()) {
			spec.accept(MediaType.TEXT_EVENT_STREAM);
		}
		Map<String, String> headers = call.headers();
		MediaType contentType = call.contentType();
		if (!headers.isEmpty() || contentType != null) {
			spec.headers((httpHeaders) -> {
				headers.forEach(httpHeaders::set);
				if (contentType != null) {
					httpHeaders.setContentType(contentType);
				}
			});
		}
		WebClient.RequestHeadersSpec<?> request = hasBody ? spec.bodyValue(call.body()) : spec;
		Flux<R> exchange = request.exchangeToFlux((response) -> {
			if (!response.statusCode().is2xxSuccessful()) {
				return this.<R>errorOf(response, call).flux();
			}
			if (operation.streaming()) {
				return this.sseDecoder.events(response.bodyToFlux(DataBuffer.class), call.requestId(),
						(payload) -> readEvent(reader, payload, call));
			}
			Operation.AnswerReader<R> answerReader = operation.answerReader();
			return ((answerReader != null) ? readOther(answerReader, response) : readAnswer(reader, response, call))
				.flux();
		});
		if (this.bodyLogging.isEnabled()) {
			exchange = exchange
				.doOnSubscribe((subscription) -> this.bodyLogging.request(call.body(), call.contentType()));
		}
		return exchange.onErrorMap((ex) -> translate(ex, call));
	}

	private static WebClient withHeaders(WebClient.Builder builder, MediaType accept, boolean jsonBody) {
		return builder.clone().defaultHeaders((headers) -> {
			headers.setAccept(List.of(accept));
			if (jsonBody) {
				headers.setContentType(MediaType.APPLICATION_JSON);
			}
		}).build();
	}

	private Target target(String path) {
		return this.targets.computeIfAbsent(path, (key) -> Target.of(this.uris, key));
	}

	@SuppressWarnings("unchecked")
	private <R> PayloadReader<R> reader(Class<R> type) {
		return (PayloadReader<R>) this.readers.computeIfAbsent(type, PayloadReader::of);
	}

	private <R> R readEvent(PayloadReader<R> reader, DataBuffer payload, ExchangeCall<?, R> call) {
		this.bodyLogging.event(payload);
		try {
			return reader.read(payload);
		}
		catch (RuntimeException ex) {
			throw new ZaiStreamException("Z.AI sent a chunk that is not a valid " + describe(call) + " chunk",
					call.requestId(), ex);
		}
	}

	private <R> Mono<R> readAnswer(PayloadReader<R> reader, ClientResponse response, ExchangeCall<?, R> call) {
		if (!this.bodyLogging.isEnabled()) {
			// the joined body, read with the payload reader: the codec's decodeToMono
			// builds an ObjectReader and merges hints for every call
			return response.bodyToMono(DataBuffer.class).map((body) -> readAnswer(reader, body, call));
		}
		return response.bodyToMono(byte[].class).map((body) -> {
			this.bodyLogging.response("response body", body);
			return readAnswer(reader, DefaultDataBufferFactory.sharedInstance.wrap(body), call);
		});
	}

	private <R> R readAnswer(PayloadReader<R> reader, DataBuffer body, ExchangeCall<?, R> call) {
		try {
			return reader.read(body);
		}
		catch (RuntimeException ex) {
			throw new ZaiException(
					"Z.AI sent a response that is not a valid " + describe(call) + ": " + ex.getMessage(), 0, null,
					call.requestId(), ex);
		}
	}

	private <R> Mono<R> readOther(Operation.AnswerReader<R> reader, ClientResponse response) {
		MediaType contentType = response.headers().contentType().orElse(null);
		return DataBufferUtils.join(response.bodyToFlux(DataBuffer.class), MAX_BINARY_SIZE).map((joined) -> {
			byte[] body = new byte[joined.readableByteCount()];
			joined.read(body);
			DataBufferUtils.release(joined);
			return body;
		}).defaultIfEmpty(new byte[0]).map((body) -> {
			this.bodyLogging.binary("response body", body.length, contentType);
			return reader.read(body, contentType);
		});
	}

	private <T> Mono<T> errorOf(ClientResponse response, ExchangeCall<?, ?> call) {
		int status = response.statusCode().value();
		HttpHeaders headers = response.headers().asHttpHeaders();
		return response.bodyToMono(byte[].class).defaultIfEmpty(new byte[0]).flatMap((body) -> {
			this.bodyLogging.response("error body", body);
			return Mono.error(this.errorDecoder.decode(status, headers, body, call.requestId()));
		});
	}

	private Throwable translate(Throwable ex, ExchangeCall<?, ?> call) {
		if (ex instanceof ZaiException) {
			return ex;
		}
		if (ex instanceof WebClientRequestException requestException) {
			if (requestException.getCause() instanceof ConnectTimeoutException) {
				return new ZaiTimeoutException(ZaiTimeoutException.CONNECT_TIMEOUT, this.connectTimeout, ex);
			}
			return new ZaiConnectionException("Could not send the request to Z.AI at "
					+ requestException.getUri().getHost() + ": " + requestException.getMostSpecificCause().getMessage(),
					call.requestId(), ex);
		}
		if (call.streaming()) {
			return new ZaiStreamException("Z.AI stream failed: " + ex.getMessage(), call.requestId(), ex);
		}
		return new ZaiException("Z.AI request failed: " + ex.getMessage(), 0, null, call.requestId(), ex);
	}

	private static String describe(ExchangeCall<?, ?> call) {
		String name = call.operation().name();
		return name.equals("chat") ? "chat completion" : name + " response";
	}

	void dispose() {
		if (this.ownedConnectionProvider != null) {
			this.ownedConnectionProvider.dispose();
		}
	}

	/**
	 * Where the requests of one path go, worked out once instead of for every request
	 * (why: BENCHMARKS.md, "Why parts are written by hand").
	 *
	 * @param path the path below the base URL
	 * @param template the URI template, base URL included, as the observation records it
	 * @param fixed the URI of a path without variables, or {@code null}
	 */
	private record Target(String path, String template, @Nullable URI fixed) {

		static Target of(UriBuilderFactory uris, String path) {
			String template = uris.uriString(path).toUriString();
			return new Target(path, template, path.contains("{") ? null : uris.expand(path));
		}

		URI uri(UriBuilderFactory uris, Object[] variables) {
			return (this.fixed != null) ? this.fixed : uris.expand(this.path, variables);
		}

	}

	/**
	 * What the HTTP side is built from.
	 *
	 * @param webClientBuilder supplies the builder to start from, which is cloned
	 * @param apiKey the API key
	 * @param acceptLanguage the {@code Accept-Language} header, or {@code null}
	 * @param baseUrl the root of the API
	 * @param connectTimeout the longest wait to establish a connection
	 * @param connectionProvider the pool to use, or {@code null} to create one
	 * @param poolSettings the settings of a created pool
	 * @param logBodies whether to log bodies at DEBUG
	 */
	record Settings(Supplier<WebClient.Builder> webClientBuilder, String apiKey, @Nullable String acceptLanguage,
			String baseUrl, Duration connectTimeout, @Nullable ConnectionProvider connectionProvider,
			PoolSettings poolSettings, boolean logBodies) {

		@Override
		public String toString() {
			// never the key
			return "Settings[baseUrl=" + this.baseUrl + ", poolSettings=" + this.poolSettings + ", logBodies="
					+ this.logBodies + "]";
		}

	}

}
