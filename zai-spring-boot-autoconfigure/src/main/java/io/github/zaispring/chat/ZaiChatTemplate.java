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

package io.github.zaispring.chat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.zaispring.ZaiConnectionException;
import io.github.zaispring.ZaiContentFilterException;
import io.github.zaispring.ZaiException;
import io.github.zaispring.ZaiStreamException;
import io.github.zaispring.ZaiTimeoutException;
import io.github.zaispring.internal.BaseUrls;
import io.github.zaispring.internal.BodyLogging;
import io.github.zaispring.internal.ExchangeLogging;
import io.github.zaispring.internal.JsonCodecs;
import io.github.zaispring.internal.LibraryVersion;
import io.github.zaispring.internal.PayloadReader;
import io.github.zaispring.internal.ReactorConnectors;
import io.github.zaispring.internal.ReactorConnectors.PoolSettings;
import io.github.zaispring.internal.SseDataDecoder;
import io.github.zaispring.internal.StreamTimeouts;
import io.github.zaispring.internal.ZaiErrorDecoder;
import io.github.zaispring.resilience.ConcurrencyLimiter;
import io.github.zaispring.resilience.ZaiCircuitBreakers;
import io.github.zaispring.resilience.ZaiResilience;
import io.github.zaispring.resilience.ZaiRetryPolicy;
import io.github.zaispring.resilience.ZaiRetryPolicy.RetrySettings;
import io.netty.channel.ConnectTimeoutException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.resources.ConnectionProvider;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

import org.springframework.core.ResolvableType;
import org.springframework.core.codec.Decoder;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * The Z.AI chat client: sends chat completion requests with the configured defaults and
 * decodes answers, streams and errors.
 * <p>
 * Auto-configured by the starter from {@code zai.*} properties; outside Spring Boot,
 * build one with {@link #builder()}: <pre class="code">
 * ZaiChatTemplate template = ZaiChatTemplate.builder()
 *     .apiKey(System.getenv("ZAI_API_KEY"))
 *     .defaultModel("glm-4.6")
 *     .build();
 * </pre> A template is thread-safe and meant to be shared. A template that created its
 * own connection pool releases it on {@link #close()}.
 *
 * @author zai-spring-boot contributors
 */
public class ZaiChatTemplate implements ZaiChatOperations, AutoCloseable {

	private static final String CHAT_PATH = "/chat/completions";

	private static final ResolvableType CHUNK_TYPE = ResolvableType.forClass(ChatCompletionChunk.class);

	private static final ResolvableType REQUEST_TYPE = ResolvableType.forClass(ChatRequest.class);

	private final HttpSettings httpSettings;

	private volatile @Nullable Http http;

	private final String baseUrl;

	private final Defaults defaults;

	private final Duration connectTimeout;

	private final Duration responseTimeout;

	private final Duration firstChunkTimeout;

	private final Duration streamIdleTimeout;

	private final ZaiResilience resilience;

	private final List<ZaiChatInterceptor> interceptors;

	private final String serverAddress;

	ZaiChatTemplate(Builder builder) {
		Assert.isTrue(builder.apiKey != null && !builder.apiKey.isBlank(),
				"apiKey must not be empty: set zai.api-key or the ZAI_API_KEY environment variable");
		this.baseUrl = BaseUrls.check("baseUrl", builder.baseUrl);
		this.defaults = new Defaults(builder.defaultModel, builder.defaultTemperature, builder.defaultTopP,
				builder.defaultMaxTokens, builder.defaultThinking);
		this.connectTimeout = builder.connectTimeout;
		this.responseTimeout = builder.responseTimeout;
		this.firstChunkTimeout = builder.firstChunkTimeout;
		this.streamIdleTimeout = builder.streamIdleTimeout;
		this.httpSettings = new HttpSettings(builder.webClientBuilder, builder.apiKey, builder.acceptLanguage,
				builder.connectionProvider, builder.poolSettings, builder.logBodies);
		this.resilience = new ZaiResilience(builder.retry, builder.circuitBreaker, builder.concurrencyLimiter);
		this.interceptors = List.copyOf(builder.interceptors);
		this.serverAddress = URI.create(this.baseUrl).getHost();
	}

	/**
	 * Create a builder of a template.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public Mono<ChatCompletion> chat(ChatRequest request) {
		Assert.notNull(request, "request must not be null");
		ChatRequest withDefaults = applyDefaults(request);
		// stream is only ever set by a caller that reuses a streamed request
		ChatRequest wireRequest = (withDefaults.stream() != null) ? withDefaults.withStream(false) : withDefaults;
		Duration timeout = orDefault(wireRequest.responseTimeout(), this.responseTimeout);
		Http http = http();
		Mono<ChatCompletion> exchange = http.webClient.post()
			.uri(CHAT_PATH)
			.attributes((attributes) -> describe(attributes, wireRequest))
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.bodyValue(wireRequest)
			.exchangeToMono((response) -> response.statusCode().is2xxSuccessful()
					? readCompletion(http, response, wireRequest) : errorOf(http, response, wireRequest))
			.timeout(timeoutSignal(ZaiTimeoutException.RESPONSE_TIMEOUT, timeout))
			.onErrorMap((ex) -> translate(ex, wireRequest));
		Mono<ChatCompletion> call = this.resilience
			.decorate(modelOf(wireRequest),
					countingAttempts(exchange.doOnSubscribe((s) -> http.bodyLogging.request(wireRequest))))
			.contextWrite(ZaiChatTemplate::withAttemptCounter);
		for (ZaiChatInterceptor interceptor : this.interceptors) {
			call = interceptor.interceptCall(wireRequest, this.serverAddress, call);
		}
		return call;
	}

	@Override
	public Flux<ChatCompletionChunk> stream(ChatRequest request) {
		Assert.notNull(request, "request must not be null");
		ChatRequest wireRequest = applyDefaults(request).withStream(true);
		Duration firstChunkTimeout = orDefault(wireRequest.firstChunkTimeout(), this.firstChunkTimeout);
		Duration idleTimeout = orDefault(wireRequest.streamIdleTimeout(), this.streamIdleTimeout);
		Http http = http();
		Flux<ChatCompletionChunk> exchange = http.webClient.post()
			.uri(CHAT_PATH)
			.attributes((attributes) -> describe(attributes, wireRequest))
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.bodyValue(wireRequest)
			.exchangeToFlux((response) -> response.statusCode().is2xxSuccessful()
					? http.sseDecoder.dataPayloads(response.bodyToFlux(DataBuffer.class), wireRequest.requestId())
						.map((payload) -> decodeChunk(http, payload, wireRequest))
					: this.<ChatCompletionChunk>errorOf(http, response, wireRequest).flux())
			.transform(StreamTimeouts.of(firstChunkTimeout, idleTimeout))
			.onErrorMap((ex) -> translate(ex, wireRequest));
		Flux<ChatCompletionChunk> stream = this.resilience
			.decorate(modelOf(wireRequest),
					startedStreamsFailFinally(
							countingAttempts(exchange.doOnSubscribe((s) -> http.bodyLogging.request(wireRequest))),
							wireRequest))
			.contextWrite(ZaiChatTemplate::withAttemptCounter);
		for (ZaiChatInterceptor interceptor : this.interceptors) {
			stream = interceptor.interceptStream(wireRequest, this.serverAddress, stream);
		}
		return stream;
	}

	private static <T> Mono<T> countingAttempts(Mono<T> exchange) {
		return Mono.deferContextual((context) -> {
			countAttempt(context);
			return exchange;
		});
	}

	private static <T> Flux<T> countingAttempts(Flux<T> exchange) {
		return Flux.deferContextual((context) -> {
			countAttempt(context);
			return exchange;
		});
	}

	/**
	 * Counts attempts for the exchange log unless an interceptor already does; the retry
	 * re-subscribes below this point, so one counter spans all attempts.
	 */
	private static Context withAttemptCounter(Context context) {
		return context.hasKey(ZaiChatInterceptor.ATTEMPTS_CONTEXT_KEY) ? context
				: context.put(ZaiChatInterceptor.ATTEMPTS_CONTEXT_KEY, new AtomicInteger());
	}

	private static void describe(Map<String, Object> attributes, ChatRequest request) {
		attributes.put(ExchangeLogging.MODEL_ATTRIBUTE, modelOf(request));
		if (request.requestId() != null) {
			attributes.put(ExchangeLogging.REQUEST_ID_ATTRIBUTE, request.requestId());
		}
	}

	private static void countAttempt(ContextView context) {
		Object attempts = context.getOrDefault(ZaiChatInterceptor.ATTEMPTS_CONTEXT_KEY, null);
		if (attempts instanceof AtomicInteger counter) {
			counter.incrementAndGet();
		}
	}

	/**
	 * Once a chunk has reached the subscriber, a failure must end the stream: retrying
	 * would repeat the text already delivered. Failures after the first chunk become a
	 * {@link ZaiStreamException} (timeouts stay {@link ZaiTimeoutException}s), which is
	 * never retried, carrying the completion folded from the chunks received so far.
	 */
	private Flux<ChatCompletionChunk> startedStreamsFailFinally(Flux<ChatCompletionChunk> exchange,
			ChatRequest request) {
		return Flux.defer(() -> {
			ChatCompletionAccumulator received = new ChatCompletionAccumulator();
			return exchange.doOnNext(received::add).onErrorMap((ex) -> {
				if (received.chunkCount() == 0) {
					return ex;
				}
				ZaiException failure = (ex instanceof ZaiStreamException || ex instanceof ZaiTimeoutException)
						? (ZaiException) ex
						: new ZaiStreamException(
								"Z.AI stream failed after " + received.chunkCount() + " chunks: " + ex.getMessage(),
								request.requestId(), ex);
				return failure.withPartialResult(received.toCompletion());
			});
		});
	}

	@Override
	public Mono<String> chat(String userMessage) {
		ChatRequest request = textRequest(userMessage);
		return chat(request).map((completion) -> {
			throwIfTruncated(completion.finishReason(), completion.requestId());
			return completion.content();
		});
	}

	@Override
	public Flux<String> streamText(String userMessage) {
		ChatRequest request = textRequest(userMessage);
		// map and doOnNext rather than handle: with context propagation on, Reactor
		// restores thread-locals around every handle call, a measured 4% of the CPU per
		// chunk
		return Flux.defer(() -> {
			ChunkEnd end = new ChunkEnd();
			return stream(request).doOnNext(end::record)
				.mapNotNull((chunk) -> chunk.content().isEmpty() ? null : chunk.content())
				.concatWith(Mono.fromRunnable(() -> throwIfTruncated(end.finishReason, end.id)));
		});
	}

	/**
	 * The finish reason and id of a stream, for the check that ends
	 * {@link #streamText(String)}.
	 */
	private static final class ChunkEnd {

		private @Nullable FinishReason finishReason;

		private @Nullable String id;

		void record(ChatCompletionChunk chunk) {
			if (chunk.finishReason() != null) {
				this.finishReason = chunk.finishReason();
				this.id = chunk.id();
			}
		}

	}

	/**
	 * Release the connection pool this template created. Does nothing when the pool was
	 * given to the builder.
	 */
	@Override
	public void close() {
		Http current = this.http;
		if (current != null && current.ownedConnectionProvider != null) {
			current.ownedConnectionProvider.dispose();
		}
	}

	/**
	 * Return the HTTP side of the client, created on first use: building the first
	 * Reactor Netty client and its codecs is most of the template's cost, and an
	 * application that starts without calling Z.AI should not pay for it at startup
	 * (measured: 150 ms of a cold start).
	 */
	private Http http() {
		Http current = this.http;
		if (current == null) {
			synchronized (this.httpSettings) {
				current = this.http;
				if (current == null) {
					current = new Http(this.httpSettings, this.baseUrl, this.connectTimeout);
					this.http = current;
				}
			}
		}
		return current;
	}

	@Override
	public String toString() {
		return "ZaiChatTemplate[baseUrl=" + this.baseUrl + ", defaultModel=" + this.defaults.model() + "]";
	}

	private ChatRequest textRequest(String userMessage) {
		Assert.hasText(userMessage, "userMessage must not be empty");
		return ChatRequest.builder().user(userMessage).build();
	}

	private ChatRequest applyDefaults(ChatRequest request) {
		if ((request.model() != null || this.defaults.model() == null)
				&& (request.temperature() != null || this.defaults.temperature() == null)
				&& (request.topP() != null || this.defaults.topP() == null)
				&& (request.maxTokens() != null || this.defaults.maxTokens() == null)
				&& (request.thinking() != null || this.defaults.thinking() == null)) {
			return request;
		}
		ChatRequest.Builder builder = request.mutate();
		if (request.model() == null) {
			builder.model(this.defaults.model());
		}
		if (request.temperature() == null) {
			builder.temperature(this.defaults.temperature());
		}
		if (request.topP() == null) {
			builder.topP(this.defaults.topP());
		}
		if (request.maxTokens() == null) {
			builder.maxTokens(this.defaults.maxTokens());
		}
		if (request.thinking() == null) {
			builder.thinking(this.defaults.thinking());
		}
		return builder.build();
	}

	private ChatCompletionChunk decodeChunk(Http http, DataBuffer payload, ChatRequest request) {
		http.bodyLogging.event(payload);
		try {
			return http.chunkReader.read(payload);
		}
		catch (RuntimeException ex) {
			throw new ZaiStreamException("Z.AI sent a chunk that is not a valid chat completion chunk",
					request.requestId(), ex);
		}
	}

	private <T> Mono<T> errorOf(Http http, ClientResponse response, ChatRequest request) {
		int status = response.statusCode().value();
		HttpHeaders headers = response.headers().asHttpHeaders();
		return response.bodyToMono(byte[].class).defaultIfEmpty(new byte[0]).flatMap((body) -> {
			http.bodyLogging.response("error body", body);
			return Mono.error(http.errorDecoder.decode(status, headers, body, request.requestId()));
		});
	}

	private static Mono<ChatCompletion> readCompletion(Http http, ClientResponse response, ChatRequest request) {
		if (!http.bodyLogging.isEnabled()) {
			// the joined body, read with the same reader as stream chunks: the codec's
			// decodeToMono builds an ObjectReader and merges hints for every call
			return response.bodyToMono(DataBuffer.class).map((body) -> readCompletion(http, body, request));
		}
		return response.bodyToMono(byte[].class).map((body) -> {
			http.bodyLogging.response("response body", body);
			return readCompletion(http, DefaultDataBufferFactory.sharedInstance.wrap(body), request);
		});
	}

	private static ChatCompletion readCompletion(Http http, DataBuffer body, ChatRequest request) {
		try {
			return http.completionReader.read(body);
		}
		catch (RuntimeException ex) {
			throw new ZaiException("Z.AI sent a response that is not a valid chat completion: " + ex.getMessage(), 0,
					null, request.requestId(), ex);
		}
	}

	/**
	 * A publisher that fails with a {@link ZaiTimeoutException} naming the timeout once
	 * it elapses, for {@code timeout} operators: the exception says which timeout fired
	 * without any state kept per exchange.
	 */
	private static Mono<Object> timeoutSignal(String timeoutName, Duration timeout) {
		return Mono.delay(timeout).then(Mono.error(() -> new ZaiTimeoutException(timeoutName, timeout, null)));
	}

	private Throwable translate(Throwable ex, ChatRequest request) {
		if (ex instanceof ZaiException) {
			return ex;
		}
		if (ex instanceof WebClientRequestException requestException) {
			if (requestException.getCause() instanceof ConnectTimeoutException) {
				return new ZaiTimeoutException(ZaiTimeoutException.CONNECT_TIMEOUT, this.connectTimeout, ex);
			}
			return new ZaiConnectionException("Could not send the request to Z.AI at "
					+ requestException.getUri().getHost() + ": " + requestException.getMostSpecificCause().getMessage(),
					request.requestId(), ex);
		}
		if (Boolean.TRUE.equals(request.stream())) {
			return new ZaiStreamException("Z.AI stream failed: " + ex.getMessage(), request.requestId(), ex);
		}
		return new ZaiException("Z.AI request failed: " + ex.getMessage(), 0, null, request.requestId(), ex);
	}

	private static String modelOf(ChatRequest request) {
		String model = request.model();
		return (model != null) ? model : "";
	}

	private static Duration orDefault(@Nullable Duration value, Duration fallback) {
		return (value != null) ? value : fallback;
	}

	/**
	 * Fail the text shortcuts when the reply was cut short: returning the text would pass
	 * a truncated answer off as a whole one.
	 */
	private static void throwIfTruncated(@Nullable FinishReason finishReason, @Nullable String requestId) {
		if (finishReason == FinishReason.SENSITIVE) {
			throw new ZaiContentFilterException(200, null,
					"The reply was stopped by Z.AI's content filter (finish reason 'sensitive')", requestId);
		}
		if (finishReason == FinishReason.NETWORK_ERROR) {
			throw new ZaiStreamException(
					"The reply was cut off by a model inference error (finish reason 'network_error')", requestId,
					null);
		}
	}

	/**
	 * What the HTTP side is built from.
	 */
	private record HttpSettings(Supplier<WebClient.Builder> webClientBuilder, String apiKey,
			@Nullable String acceptLanguage, @Nullable ConnectionProvider connectionProvider, PoolSettings poolSettings,
			boolean logBodies) {

		@Override
		public String toString() {
			// never the key
			return "HttpSettings[poolSettings=" + this.poolSettings + ", logBodies=" + this.logBodies + "]";
		}

	}

	/**
	 * The HTTP side of the client: the {@code WebClient} and the decoders made from its
	 * codecs.
	 */
	private static final class Http {

		private final WebClient webClient;

		private final Decoder<?> jsonDecoder;

		private final ZaiErrorDecoder errorDecoder;

		private final SseDataDecoder sseDecoder;

		private final PayloadReader<ChatCompletionChunk> chunkReader;

		private final PayloadReader<ChatCompletion> completionReader;

		private final BodyLogging bodyLogging;

		private final @Nullable ConnectionProvider ownedConnectionProvider;

		Http(HttpSettings settings, String baseUrl, Duration connectTimeout) {
			this.ownedConnectionProvider = (settings.connectionProvider() != null) ? null
					: ReactorConnectors.connectionProvider(settings.poolSettings());
			ConnectionProvider pool = (settings.connectionProvider() != null) ? settings.connectionProvider()
					: this.ownedConnectionProvider;
			String acceptLanguage = settings.acceptLanguage();
			JsonCodecs.Capture codecs = new JsonCodecs.Capture();
			this.webClient = settings.webClientBuilder()
				.get()
				.clone()
				.baseUrl(baseUrl)
				.clientConnector(ReactorConnectors.connector(pool, connectTimeout))
				.defaultHeaders((headers) -> {
					headers.setBearerAuth(settings.apiKey());
					headers.set(HttpHeaders.USER_AGENT, LibraryVersion.userAgent());
					if (acceptLanguage != null && !acceptLanguage.isBlank()) {
						headers.set(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
					}
				})
				.filter(new ExchangeLogging())
				.codecs(codecs)
				.build();
			this.jsonDecoder = codecs.jsonDecoder(CHUNK_TYPE);
			this.errorDecoder = new ZaiErrorDecoder(this.jsonDecoder);
			this.sseDecoder = new SseDataDecoder(this.errorDecoder);
			this.chunkReader = PayloadReader.of(this.jsonDecoder, ChatCompletionChunk.class);
			this.completionReader = PayloadReader.of(this.jsonDecoder, ChatCompletion.class);
			this.bodyLogging = new BodyLogging(settings.logBodies(), codecs.jsonEncoder(REQUEST_TYPE));
		}

	}

	private record Defaults(@Nullable String model, @Nullable Double temperature, @Nullable Double topP,
			@Nullable Integer maxTokens, @Nullable Thinking thinking) {

	}

	/**
	 * Builder of a {@link ZaiChatTemplate}. Only the API key is required.
	 */
	public static final class Builder {

		private Supplier<WebClient.Builder> webClientBuilder = WebClient::builder;

		private @Nullable String apiKey;

		private String baseUrl = BaseUrls.DEFAULT;

		private @Nullable String acceptLanguage = "en-US,en";

		private Duration connectTimeout = Duration.ofSeconds(10);

		private Duration responseTimeout = Duration.ofMinutes(5);

		private Duration firstChunkTimeout = Duration.ofMinutes(2);

		private Duration streamIdleTimeout = Duration.ofMinutes(2);

		private @Nullable String defaultModel = "glm-4.6";

		private @Nullable Double defaultTemperature;

		private @Nullable Double defaultTopP;

		private @Nullable Integer defaultMaxTokens;

		private @Nullable Thinking defaultThinking;

		private @Nullable ConnectionProvider connectionProvider;

		private PoolSettings poolSettings = PoolSettings.DEFAULTS;

		private @Nullable Retry retry = Retry.of("zai", new ZaiRetryPolicy(RetrySettings.DEFAULTS).toRetryConfig());

		private @Nullable CircuitBreaker circuitBreaker;

		private @Nullable ConcurrencyLimiter concurrencyLimiter;

		private final List<ZaiChatInterceptor> interceptors = new ArrayList<>();

		private boolean logBodies;

		Builder() {
		}

		/**
		 * Use the given {@link WebClient.Builder}, which is cloned, so that its
		 * customizations (codecs, filters, observation) apply to the template. Defaults
		 * to {@link WebClient#builder()}.
		 * @param webClientBuilder the builder to start from
		 * @return this builder
		 */
		public Builder webClientBuilder(WebClient.Builder webClientBuilder) {
			Assert.notNull(webClientBuilder, "webClientBuilder must not be null");
			WebClient.Builder copy = webClientBuilder.clone();
			this.webClientBuilder = () -> copy;
			return this;
		}

		/**
		 * Use the {@link WebClient.Builder} the given supplier returns when the template
		 * first sends a request, for instance Spring Boot's, so that creating the builder
		 * (and the HTTP client behind it) does not slow down startup.
		 * @param webClientBuilder supplies the builder to start from, which is cloned
		 * @return this builder
		 */
		public Builder webClientBuilder(Supplier<WebClient.Builder> webClientBuilder) {
			Assert.notNull(webClientBuilder, "webClientBuilder must not be null");
			this.webClientBuilder = webClientBuilder;
			return this;
		}

		/**
		 * Set the API key, sent as {@code Authorization: Bearer}. Required.
		 * @param apiKey the API key
		 * @return this builder
		 */
		public Builder apiKey(String apiKey) {
			this.apiKey = apiKey;
			return this;
		}

		/**
		 * Set the root of the API, without {@code /chat/completions}. Defaults to
		 * {@code https://api.z.ai/api/paas/v4}; the coding plan uses
		 * {@code https://api.z.ai/api/coding/paas/v4}.
		 * @param baseUrl the http or https root URL of the API
		 * @return this builder
		 */
		public Builder baseUrl(String baseUrl) {
			this.baseUrl = BaseUrls.check("baseUrl", baseUrl);
			return this;
		}

		/**
		 * Set the {@code Accept-Language} header. Defaults to {@code en-US,en}, as in the
		 * API's examples; {@code null} or blank sends none.
		 * @param acceptLanguage the header value, or {@code null}
		 * @return this builder
		 */
		public Builder acceptLanguage(@Nullable String acceptLanguage) {
			this.acceptLanguage = acceptLanguage;
			return this;
		}

		/**
		 * Set the longest wait to establish a connection. Defaults to 10 seconds.
		 * @param connectTimeout a positive duration
		 * @return this builder
		 */
		public Builder connectTimeout(Duration connectTimeout) {
			this.connectTimeout = ModelSupport.positive("connectTimeout", connectTimeout);
			return this;
		}

		/**
		 * Set the longest wait for a whole non-streamed answer. Defaults to 5 minutes,
		 * since reasoning models can think for long.
		 * @param responseTimeout a positive duration
		 * @return this builder
		 */
		public Builder responseTimeout(Duration responseTimeout) {
			this.responseTimeout = ModelSupport.positive("responseTimeout", responseTimeout);
			return this;
		}

		/**
		 * Set the longest wait for the first chunk of a stream. Defaults to 2 minutes.
		 * @param firstChunkTimeout a positive duration
		 * @return this builder
		 */
		public Builder firstChunkTimeout(Duration firstChunkTimeout) {
			this.firstChunkTimeout = ModelSupport.positive("firstChunkTimeout", firstChunkTimeout);
			return this;
		}

		/**
		 * Set the longest silence between two chunks of a stream. Defaults to 2 minutes.
		 * @param streamIdleTimeout a positive duration
		 * @return this builder
		 */
		public Builder streamIdleTimeout(Duration streamIdleTimeout) {
			this.streamIdleTimeout = ModelSupport.positive("streamIdleTimeout", streamIdleTimeout);
			return this;
		}

		/**
		 * Set the model of requests that name none. Defaults to {@code glm-4.6}.
		 * @param model the model id, such as {@code glm-4.6}
		 * @return this builder
		 */
		public Builder defaultModel(String model) {
			Assert.hasText(model, "defaultModel must not be empty; use a model id such as glm-4.6");
			this.defaultModel = model;
			return this;
		}

		/**
		 * Set the temperature of requests that set none; {@code null} leaves it to the
		 * server.
		 * @param temperature a value in [0, 1], or {@code null}
		 * @return this builder
		 */
		public Builder defaultTemperature(@Nullable Double temperature) {
			Assert.isTrue(temperature == null || (temperature >= 0 && temperature <= 1),
					() -> "defaultTemperature must be between 0.0 and 1.0, but was " + temperature);
			this.defaultTemperature = temperature;
			return this;
		}

		/**
		 * Set the nucleus-sampling threshold of requests that set none; {@code null}
		 * leaves it to the server.
		 * @param topP a value in (0, 1], or {@code null}
		 * @return this builder
		 */
		public Builder defaultTopP(@Nullable Double topP) {
			Assert.isTrue(topP == null || (topP > 0 && topP <= 1),
					() -> "defaultTopP must be greater than 0.0 and at most 1.0, but was " + topP);
			this.defaultTopP = topP;
			return this;
		}

		/**
		 * Set the most tokens to generate for requests that set none; {@code null} leaves
		 * it to the server.
		 * @param maxTokens a positive number, or {@code null}
		 * @return this builder
		 */
		public Builder defaultMaxTokens(@Nullable Integer maxTokens) {
			Assert.isTrue(maxTokens == null || maxTokens >= 1,
					() -> "defaultMaxTokens must be at least 1, but was " + maxTokens);
			this.defaultMaxTokens = maxTokens;
			return this;
		}

		/**
		 * Set the thinking mode of requests that set none; {@code null} leaves it to the
		 * server (which enables it on models that support it).
		 * @param thinking the thinking mode, or {@code null}
		 * @return this builder
		 */
		public Builder defaultThinking(@Nullable Thinking thinking) {
			this.defaultThinking = thinking;
			return this;
		}

		/**
		 * Use the given Reactor Netty connection pool instead of creating one. The caller
		 * stays responsible for disposing it.
		 * @param connectionProvider the pool to use
		 * @return this builder
		 */
		public Builder connectionProvider(ConnectionProvider connectionProvider) {
			Assert.notNull(connectionProvider, "connectionProvider must not be null");
			this.connectionProvider = connectionProvider;
			return this;
		}

		/**
		 * Size the connection pool the template creates when no
		 * {@link #connectionProvider(ConnectionProvider) pool is given}.
		 * @param maxConnections the most connections open at once, at least 1
		 * @param pendingAcquireTimeout the longest wait for a free connection
		 * @param maxIdleTime how long an idle connection is kept
		 * @return this builder
		 */
		public Builder pool(int maxConnections, Duration pendingAcquireTimeout, Duration maxIdleTime) {
			Assert.isTrue(maxConnections >= 1, () -> "maxConnections must be at least 1, but was " + maxConnections);
			this.poolSettings = new PoolSettings(maxConnections,
					ModelSupport.positive("pendingAcquireTimeout", pendingAcquireTimeout),
					ModelSupport.positive("maxIdleTime", maxIdleTime));
			return this;
		}

		/**
		 * Retry with the given Resilience4j retry, or not at all. Defaults to a retry
		 * named {@code zai} with the {@link ZaiRetryPolicy} and
		 * {@link RetrySettings#DEFAULTS default settings}: 3 attempts, exponential
		 * backoff from 500ms, and only transient failures.
		 * @param retry the retry, or {@code null} to send every request once
		 * @return this builder
		 */
		public Builder retry(@Nullable Retry retry) {
			this.retry = retry;
			return this;
		}

		/**
		 * Retry transient failures with the {@link ZaiRetryPolicy} and the given
		 * settings.
		 * @param settings the retry settings
		 * @return this builder
		 */
		public Builder retry(RetrySettings settings) {
			Assert.notNull(settings, "settings must not be null");
			return retry(Retry.of("zai", new ZaiRetryPolicy(settings).toRetryConfig()));
		}

		/**
		 * Guard every attempt with the given circuit breaker, which should record server
		 * errors, connection failures and timeouts only (see {@link ZaiCircuitBreakers}).
		 * None by default.
		 * @param circuitBreaker the circuit breaker, or {@code null} for none
		 * @return this builder
		 */
		public Builder circuitBreaker(@Nullable CircuitBreaker circuitBreaker) {
			this.circuitBreaker = circuitBreaker;
			return this;
		}

		/**
		 * Limit the requests in flight per model with the given limiter. None by default.
		 * @param concurrencyLimiter the limiter, or {@code null} for no limit
		 * @return this builder
		 */
		public Builder concurrencyLimiter(@Nullable ConcurrencyLimiter concurrencyLimiter) {
			this.concurrencyLimiter = concurrencyLimiter;
			return this;
		}

		/**
		 * Add an interceptor that wraps every call and stream, outside retries and the
		 * concurrency limit. Interceptors added later wrap those added earlier.
		 * @param interceptor the interceptor
		 * @return this builder
		 */
		public Builder interceptor(ZaiChatInterceptor interceptor) {
			Assert.notNull(interceptor, "interceptor must not be null");
			this.interceptors.add(interceptor);
			return this;
		}

		/**
		 * Log request and response bodies at DEBUG under
		 * {@code io.github.zaispring.http}. Off by default: prompts and answers may hold
		 * personal data. Streams are logged event by event, never buffered.
		 * @param logBodies whether to log bodies
		 * @return this builder
		 */
		public Builder logBodies(boolean logBodies) {
			this.logBodies = logBodies;
			return this;
		}

		/**
		 * Apply the given customizer to this builder.
		 * @param customizer the customizer
		 * @return this builder
		 */
		public Builder apply(Consumer<Builder> customizer) {
			customizer.accept(this);
			return this;
		}

		/**
		 * Build the template.
		 * @return a new template
		 * @throws IllegalArgumentException when no API key was given
		 */
		public ZaiChatTemplate build() {
			return new ZaiChatTemplate(this);
		}

		@Override
		public String toString() {
			return "ZaiChatTemplate.Builder[baseUrl=" + this.baseUrl + ", apiKey="
					+ ((this.apiKey != null) ? "******" : "none") + "]";
		}

	}

}
