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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.zaispring.ZaiInterceptor;
import io.github.zaispring.internal.ReactorConnectors.PoolSettings;
import io.github.zaispring.resilience.ConcurrencyLimiter;
import io.github.zaispring.resilience.ZaiCircuitBreakers;
import io.github.zaispring.resilience.ZaiRetryPolicy;
import io.github.zaispring.resilience.ZaiRetryPolicy.RetrySettings;
import org.jspecify.annotations.Nullable;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The settings every Z.AI endpoint template shares: connection, key, timeouts, pool,
 * resilience, interceptors and logging. Each template's builder extends it with its own
 * defaults.
 *
 * @param <B> the type of the concrete builder
 * @author zai-spring-boot contributors
 */
public abstract class ClientBuilder<B extends ClientBuilder<B>> {

	private Supplier<WebClient.Builder> webClientBuilder = WebClient::builder;

	private @Nullable String apiKey;

	private String baseUrl = BaseUrls.DEFAULT;

	private @Nullable String acceptLanguage = "en-US,en";

	private Duration connectTimeout = Duration.ofSeconds(10);

	private Duration responseTimeout = Duration.ofMinutes(5);

	private Duration firstChunkTimeout = Duration.ofMinutes(2);

	private Duration streamIdleTimeout = Duration.ofMinutes(2);

	private @Nullable ConnectionProvider connectionProvider;

	private PoolSettings poolSettings = PoolSettings.DEFAULTS;

	private @Nullable Retry retry = Retry.of("zai", new ZaiRetryPolicy(RetrySettings.DEFAULTS).toRetryConfig());

	private @Nullable CircuitBreaker circuitBreaker;

	private @Nullable ConcurrencyLimiter concurrencyLimiter;

	private final List<ZaiInterceptor> interceptors = new ArrayList<>();

	private boolean logBodies;

	private @Nullable ExchangeCore sharedCore;

	// whether a setting of the core was set, which a shared core would ignore
	private boolean configured;

	/**
	 * Create a builder with the defaults.
	 */
	protected ClientBuilder() {
	}

	@SuppressWarnings("unchecked")
	private B self() {
		return (B) this;
	}

	private B changed() {
		this.configured = true;
		return self();
	}

	/**
	 * Use the exchange core of another client, so that both share one connection pool,
	 * one retry, one concurrency limit and the same interceptors; what that core was
	 * built with applies. The connection, resilience and logging settings of this builder
	 * must then stay unset.
	 * @param exchangeCore the core to share, such as the auto-configured one
	 * @return this builder
	 */
	public B exchangeCore(ExchangeCore exchangeCore) {
		Assert.notNull(exchangeCore, "exchangeCore must not be null");
		this.sharedCore = exchangeCore;
		return self();
	}

	/**
	 * Use the given {@link WebClient.Builder}, which is cloned, so that its
	 * customizations (filters, SSL, observation) apply to the client. Its JSON codecs do
	 * not: the Z.AI wire is written and read with the library's own settings. Defaults to
	 * {@link WebClient#builder()}.
	 * @param webClientBuilder the builder to start from
	 * @return this builder
	 */
	public B webClientBuilder(WebClient.Builder webClientBuilder) {
		Assert.notNull(webClientBuilder, "webClientBuilder must not be null");
		WebClient.Builder copy = webClientBuilder.clone();
		this.webClientBuilder = () -> copy;
		return changed();
	}

	/**
	 * Use the {@link WebClient.Builder} the given supplier returns when the client first
	 * sends a request, for instance Spring Boot's, so that creating the builder (and the
	 * HTTP client behind it) does not slow down startup.
	 * @param webClientBuilder supplies the builder to start from, which is cloned
	 * @return this builder
	 */
	public B webClientBuilder(Supplier<WebClient.Builder> webClientBuilder) {
		Assert.notNull(webClientBuilder, "webClientBuilder must not be null");
		this.webClientBuilder = webClientBuilder;
		return changed();
	}

	/**
	 * Set the API key, sent as {@code Authorization: Bearer}. Required.
	 * @param apiKey the API key
	 * @return this builder
	 */
	public B apiKey(String apiKey) {
		this.apiKey = apiKey;
		return changed();
	}

	/**
	 * Set the root of the API, without an endpoint path. Defaults to
	 * {@code https://api.z.ai/api/paas/v4}; the coding plan uses
	 * {@code https://api.z.ai/api/coding/paas/v4}.
	 * @param baseUrl the http or https root URL of the API
	 * @return this builder
	 */
	public B baseUrl(String baseUrl) {
		this.baseUrl = BaseUrls.check("baseUrl", baseUrl);
		return changed();
	}

	/**
	 * Set the {@code Accept-Language} header. Defaults to {@code en-US,en}, as in the
	 * API's examples; {@code null} or blank sends none.
	 * @param acceptLanguage the header value, or {@code null}
	 * @return this builder
	 */
	public B acceptLanguage(@Nullable String acceptLanguage) {
		this.acceptLanguage = acceptLanguage;
		return changed();
	}

	/**
	 * Set the longest wait to establish a connection. Defaults to 10 seconds.
	 * @param connectTimeout a positive duration
	 * @return this builder
	 */
	public B connectTimeout(Duration connectTimeout) {
		this.connectTimeout = Checks.positive("connectTimeout", connectTimeout);
		return changed();
	}

	/**
	 * Set the longest wait for a whole answer that is not streamed. Defaults to 5
	 * minutes, since reasoning models can think for long.
	 * @param responseTimeout a positive duration
	 * @return this builder
	 */
	public B responseTimeout(Duration responseTimeout) {
		this.responseTimeout = Checks.positive("responseTimeout", responseTimeout);
		return changed();
	}

	/**
	 * Set the longest wait for the first chunk of a stream. Defaults to 2 minutes.
	 * @param firstChunkTimeout a positive duration
	 * @return this builder
	 */
	public B firstChunkTimeout(Duration firstChunkTimeout) {
		this.firstChunkTimeout = Checks.positive("firstChunkTimeout", firstChunkTimeout);
		return changed();
	}

	/**
	 * Set the longest silence between two chunks of a stream. Defaults to 2 minutes.
	 * @param streamIdleTimeout a positive duration
	 * @return this builder
	 */
	public B streamIdleTimeout(Duration streamIdleTimeout) {
		this.streamIdleTimeout = Checks.positive("streamIdleTimeout", streamIdleTimeout);
		return changed();
	}

	/**
	 * Use the given Reactor Netty connection pool instead of creating one. The caller
	 * stays responsible for disposing it.
	 * @param connectionProvider the pool to use
	 * @return this builder
	 */
	public B connectionProvider(ConnectionProvider connectionProvider) {
		Assert.notNull(connectionProvider, "connectionProvider must not be null");
		this.connectionProvider = connectionProvider;
		return changed();
	}

	/**
	 * Size the connection pool the client creates when no
	 * {@link #connectionProvider(ConnectionProvider) pool is given}.
	 * @param maxConnections the most connections open at once, at least 1
	 * @param pendingAcquireTimeout the longest wait for a free connection
	 * @param maxIdleTime how long an idle connection is kept
	 * @return this builder
	 */
	public B pool(int maxConnections, Duration pendingAcquireTimeout, Duration maxIdleTime) {
		Assert.isTrue(maxConnections >= 1, () -> "maxConnections must be at least 1, but was " + maxConnections);
		this.poolSettings = new PoolSettings(maxConnections,
				Checks.positive("pendingAcquireTimeout", pendingAcquireTimeout),
				Checks.positive("maxIdleTime", maxIdleTime));
		return changed();
	}

	/**
	 * Retry with the given Resilience4j retry, or not at all. Defaults to a retry named
	 * {@code zai} with the {@link ZaiRetryPolicy} and {@link RetrySettings#DEFAULTS
	 * default settings}: 3 attempts, exponential backoff from 500ms, and only transient
	 * failures.
	 * @param retry the retry, or {@code null} to send every request once
	 * @return this builder
	 */
	public B retry(@Nullable Retry retry) {
		this.retry = retry;
		return changed();
	}

	/**
	 * Retry transient failures with the {@link ZaiRetryPolicy} and the given settings.
	 * @param settings the retry settings
	 * @return this builder
	 */
	public B retry(RetrySettings settings) {
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
	public B circuitBreaker(@Nullable CircuitBreaker circuitBreaker) {
		this.circuitBreaker = circuitBreaker;
		return changed();
	}

	/**
	 * Limit the requests in flight per model with the given limiter. None by default.
	 * @param concurrencyLimiter the limiter, or {@code null} for no limit
	 * @return this builder
	 */
	public B concurrencyLimiter(@Nullable ConcurrencyLimiter concurrencyLimiter) {
		this.concurrencyLimiter = concurrencyLimiter;
		return changed();
	}

	/**
	 * Add an interceptor that wraps every call, outside retries and the concurrency
	 * limit. Interceptors added later wrap those added earlier.
	 * @param interceptor the interceptor
	 * @return this builder
	 */
	public B interceptor(ZaiInterceptor interceptor) {
		Assert.notNull(interceptor, "interceptor must not be null");
		this.interceptors.add(interceptor);
		return changed();
	}

	/**
	 * Log request and response bodies at DEBUG under {@code io.github.zaispring.http}.
	 * Off by default: prompts and answers may hold personal data. Streams are logged
	 * event by event, never buffered.
	 * @param logBodies whether to log bodies
	 * @return this builder
	 */
	public B logBodies(boolean logBodies) {
		this.logBodies = logBodies;
		return changed();
	}

	/**
	 * Apply the given customizer to this builder.
	 * @param customizer the customizer
	 * @return this builder
	 */
	public B apply(Consumer<B> customizer) {
		customizer.accept(self());
		return self();
	}

	/**
	 * Build the exchange core from these settings.
	 * @return a new core
	 * @throws IllegalArgumentException when no API key was given
	 */
	protected ExchangeCore buildCore() {
		ExchangeCore shared = this.sharedCore;
		if (shared != null) {
			Assert.state(!this.configured, () -> "This client shares the exchange core " + shared
					+ "; its connection, resilience and logging settings come from that core: set them where the "
					+ "core is built (zai.* properties, or the builder of the client that owns it)");
			return shared;
		}
		String key = this.apiKey;
		Assert.isTrue(key != null && !key.isBlank(),
				"apiKey must not be empty: set zai.api-key or the ZAI_API_KEY environment variable");
		Transport.Settings settings = new Transport.Settings(this.webClientBuilder, key, this.acceptLanguage,
				this.baseUrl, this.connectTimeout, this.connectionProvider, this.poolSettings, this.logBodies);
		ExchangeCore.Timeouts timeouts = new ExchangeCore.Timeouts(this.responseTimeout, this.firstChunkTimeout,
				this.streamIdleTimeout);
		return new ExchangeCore(settings, timeouts, this.concurrencyLimiter, this.retry, this.circuitBreaker,
				this.interceptors);
	}

	/**
	 * Return whether the client shares a core given to
	 * {@link #exchangeCore(ExchangeCore)}, which it must then not close.
	 * @return whether the core is shared
	 */
	protected boolean sharesCore() {
		return this.sharedCore != null;
	}

	/**
	 * Return the base URL set so far, for {@code toString()}.
	 * @return the base URL
	 */
	protected String baseUrl() {
		return this.baseUrl;
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[baseUrl=" + this.baseUrl + ", apiKey="
				+ ((this.apiKey != null) ? "******" : "none") + "]";
	}

}
