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

package io.github.zaispring.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import io.github.zaispring.audio.SpeechFormat;
import io.github.zaispring.chat.ThinkingType;
import io.github.zaispring.internal.BaseUrls;
import io.github.zaispring.internal.Checks;
import io.github.zaispring.websearch.ContentSize;
import io.github.zaispring.websearch.SearchEngines;
import io.github.zaispring.websearch.SearchRecency;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationStyle;

/**
 * Configuration properties of the Z.AI client, under the {@code zai} prefix.
 * <p>
 * Values are checked as they are bound, so that a wrong value fails startup with a
 * message naming the property and what would be valid.
 *
 * @author zai-spring-boot contributors
 */
@ConfigurationProperties("zai")
public class ZaiProperties {

	/**
	 * Whether to auto-configure the Z.AI client.
	 */
	private boolean enabled = true;

	/**
	 * API key of Z.AI, sent as a bearer token. When unset, the ZAI_API_KEY environment
	 * variable is used.
	 */
	private @Nullable String apiKey;

	/**
	 * Root URL of the API, without /chat/completions. The GLM Coding Plan uses
	 * https://api.z.ai/api/coding/paas/v4 and BigModel (China) uses
	 * https://open.bigmodel.cn/api/paas/v4.
	 */
	private String baseUrl = "https://api.z.ai/api/paas/v4";

	/**
	 * Value of the Accept-Language header. Blank to send none.
	 */
	private String acceptLanguage = "en-US,en";

	/**
	 * Maximum time to establish a connection to the API.
	 */
	private Duration connectTimeout = Duration.ofSeconds(10);

	/**
	 * Maximum time to receive a whole non-streamed answer. Reasoning models can think for
	 * minutes.
	 */
	private Duration responseTimeout = Duration.ofMinutes(5);

	/**
	 * Maximum time until the first event of a streamed answer. Reasoning models think
	 * before they speak.
	 */
	private Duration firstChunkTimeout = Duration.ofMinutes(2);

	/**
	 * Maximum silence between two events of a streamed answer.
	 */
	private Duration streamIdleTimeout = Duration.ofMinutes(2);

	private static final Map<String, String> EXAMPLES = Map.ofEntries(Map.entry("zai.chat.model", "glm-4.6"),
			Map.entry("zai.chat.temperature", "0.7"), Map.entry("zai.chat.top-p", "0.95"),
			Map.entry("zai.chat.max-tokens", "4096"), Map.entry("zai.retry.max-attempts", "3"),
			Map.entry("zai.retry.multiplier", "2"), Map.entry("zai.concurrency.max-in-flight", "5"),
			Map.entry("zai.pool.max-connections", "500"), Map.entry("zai.image.model", "cogview-4-250304"),
			Map.entry("zai.web-search.search-engine", "search-prime"), Map.entry("zai.web-search.count", "10"),
			Map.entry("zai.rerank.model", "rerank"), Map.entry("zai.moderation.model", "moderation"),
			Map.entry("zai.video.model", "cogvideox-3"), Map.entry("zai.transcription.model", "glm-asr-2512"),
			Map.entry("zai.speech.model", "glm-tts"), Map.entry("zai.speech.voice", "tongtong"),
			Map.entry("zai.speech.response-format", "wav"), Map.entry("zai.concurrency.scope", "redis"),
			Map.entry("zai.concurrency.redis.key-prefix", "zai:concurrency"),
			Map.entry("zai.concurrency.redis.fallback", "fail"));

	private static final ChronoUnit[] FORMAT_UNITS = { ChronoUnit.DAYS, ChronoUnit.HOURS, ChronoUnit.MINUTES,
			ChronoUnit.SECONDS, ChronoUnit.MILLIS, ChronoUnit.MICROS };

	private final Chat chat = new Chat();

	private final Retry retry = new Retry();

	private final Concurrency concurrency = new Concurrency();

	private final Pool pool = new Pool();

	private final CircuitBreaker circuitBreaker = new CircuitBreaker();

	private final Observations observations = new Observations();

	private final Logging logging = new Logging();

	private final Async async = new Async();

	private final Image image = new Image();

	private final WebSearch webSearch = new WebSearch();

	private final Rerank rerank = new Rerank();

	private final Moderation moderation = new Moderation();

	private final Video video = new Video();

	private final Transcription transcription = new Transcription();

	private final Speech speech = new Speech();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getApiKey() {
		return this.apiKey;
	}

	public void setApiKey(@Nullable String apiKey) {
		this.apiKey = apiKey;
	}

	public String getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(String baseUrl) {
		try {
			this.baseUrl = BaseUrls.check("zai.base-url", baseUrl);
		}
		catch (IllegalArgumentException ex) {
			throw new ZaiConfigurationException("zai.base-url", ex.getMessage(), BaseUrls.DEFAULT);
		}
	}

	public String getAcceptLanguage() {
		return this.acceptLanguage;
	}

	public void setAcceptLanguage(String acceptLanguage) {
		this.acceptLanguage = acceptLanguage;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = positive("zai.connect-timeout", connectTimeout);
	}

	public Duration getResponseTimeout() {
		return this.responseTimeout;
	}

	public void setResponseTimeout(Duration responseTimeout) {
		this.responseTimeout = positive("zai.response-timeout", responseTimeout);
	}

	public Duration getFirstChunkTimeout() {
		return this.firstChunkTimeout;
	}

	public void setFirstChunkTimeout(Duration firstChunkTimeout) {
		this.firstChunkTimeout = positive("zai.first-chunk-timeout", firstChunkTimeout);
	}

	public Duration getStreamIdleTimeout() {
		return this.streamIdleTimeout;
	}

	public void setStreamIdleTimeout(Duration streamIdleTimeout) {
		this.streamIdleTimeout = positive("zai.stream-idle-timeout", streamIdleTimeout);
	}

	public Chat getChat() {
		return this.chat;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public Concurrency getConcurrency() {
		return this.concurrency;
	}

	public Pool getPool() {
		return this.pool;
	}

	public CircuitBreaker getCircuitBreaker() {
		return this.circuitBreaker;
	}

	public Observations getObservations() {
		return this.observations;
	}

	public Logging getLogging() {
		return this.logging;
	}

	public Async getAsync() {
		return this.async;
	}

	public Image getImage() {
		return this.image;
	}

	public WebSearch getWebSearch() {
		return this.webSearch;
	}

	public Rerank getRerank() {
		return this.rerank;
	}

	public Moderation getModeration() {
		return this.moderation;
	}

	public Video getVideo() {
		return this.video;
	}

	public Transcription getTranscription() {
		return this.transcription;
	}

	public Speech getSpeech() {
		return this.speech;
	}

	@Override
	public String toString() {
		return "ZaiProperties[baseUrl=" + this.baseUrl + ", apiKey=" + ((this.apiKey != null) ? "******" : "none")
				+ ", model=" + this.chat.model + "]";
	}

	/**
	 * Fail binding with a message naming the property and a valid example when the
	 * condition does not hold.
	 */
	static void require(boolean condition, String property, Supplier<String> message) {
		if (!condition) {
			throw new ZaiConfigurationException(property, message.get(), EXAMPLES.getOrDefault(property, "30s"));
		}
	}

	/**
	 * Apply one of the client's own argument checks to a property, so that the property
	 * and the client's builders keep one rule and one message.
	 */
	static <T> @Nullable T checked(String property, BiFunction<String, @Nullable T, @Nullable T> check,
			@Nullable T value) {
		try {
			return check.apply(property, value);
		}
		catch (IllegalArgumentException ex) {
			throw new ZaiConfigurationException(property, ex.getMessage(), EXAMPLES.getOrDefault(property, "30s"));
		}
	}

	static Duration positive(String property, @Nullable Duration value) {
		require(value != null && !value.isNegative() && !value.isZero(), property,
				() -> property + " must be a positive duration such as 30s, but was " + format(value));
		return value;
	}

	static Duration notNegative(String property, @Nullable Duration value) {
		require(value != null && !value.isNegative(), property,
				() -> property + " must be zero or a positive duration such as 30s, but was " + format(value));
		return value;
	}

	/**
	 * Format a duration as it is written in configuration ({@code -5s}, {@code 500ms}),
	 * not in ISO-8601 ({@code PT-5S}).
	 */
	static String format(@Nullable Duration value) {
		if (value == null) {
			return "empty";
		}
		if (value.isZero()) {
			return "0s";
		}
		for (ChronoUnit unit : FORMAT_UNITS) {
			if (isWhole(value, unit)) {
				return DurationStyle.SIMPLE.print(value, unit);
			}
		}
		return DurationStyle.SIMPLE.print(value, ChronoUnit.NANOS);
	}

	private static boolean isWhole(Duration value, ChronoUnit unit) {
		Duration step = unit.getDuration();
		return (step.getSeconds() > 0) ? value.getNano() == 0 && value.getSeconds() % step.getSeconds() == 0
				: value.getNano() % step.getNano() == 0;
	}

	/**
	 * Defaults of chat requests that leave a field unset.
	 */
	public static class Chat {

		/**
		 * Model of requests that name none.
		 */
		private String model = "glm-4.6";

		/**
		 * Sampling temperature of requests that set none, in [0, 1]. Unset leaves it to
		 * the server (1.0 for GLM-4.6).
		 */
		private @Nullable Double temperature;

		/**
		 * Nucleus-sampling threshold of requests that set none, in (0, 1]. Unset leaves
		 * it to the server.
		 */
		private @Nullable Double topP;

		/**
		 * Maximum number of tokens to generate for requests that set none. Unset leaves
		 * it to the server (65536 for GLM-4.6).
		 */
		private @Nullable Integer maxTokens;

		/**
		 * Thinking mode of requests that set none. Unset leaves it to the server, which
		 * enables it on models that support it.
		 */
		private @Nullable ThinkingType thinking;

		public String getModel() {
			return this.model;
		}

		public void setModel(String model) {
			require(model != null && !model.isBlank(), "zai.chat.model",
					() -> "zai.chat.model must not be empty; use a model id such as glm-4.6");
			this.model = model.strip();
		}

		public @Nullable Double getTemperature() {
			return this.temperature;
		}

		public void setTemperature(@Nullable Double temperature) {
			this.temperature = checked("zai.chat.temperature", Checks::temperature, temperature);
		}

		public @Nullable Double getTopP() {
			return this.topP;
		}

		public void setTopP(@Nullable Double topP) {
			this.topP = checked("zai.chat.top-p", Checks::topP, topP);
		}

		public @Nullable Integer getMaxTokens() {
			return this.maxTokens;
		}

		public void setMaxTokens(@Nullable Integer maxTokens) {
			this.maxTokens = checked("zai.chat.max-tokens", Checks::maxTokens, maxTokens);
		}

		public @Nullable ThinkingType getThinking() {
			return this.thinking;
		}

		public void setThinking(@Nullable ThinkingType thinking) {
			this.thinking = thinking;
		}

	}

	/**
	 * Retries of failed requests.
	 */
	public static class Retry {

		/**
		 * Whether to retry transient failures: connection failures, server errors and
		 * throttling.
		 */
		private boolean enabled = true;

		/**
		 * Maximum number of attempts, the first one included.
		 */
		private int maxAttempts = 3;

		/**
		 * Wait before the first retry.
		 */
		private Duration initialBackoff = Duration.ofMillis(500);

		/**
		 * Factor by which the wait grows after each retry.
		 */
		private double multiplier = 2;

		/**
		 * Longest wait between two attempts, unless the server asks for longer with
		 * Retry-After.
		 */
		private Duration maxBackoff = Duration.ofSeconds(8);

		/**
		 * Longest Retry-After to honour; a longer demand fails at once instead of
		 * sleeping.
		 */
		private Duration maxRetryAfter = Duration.ofSeconds(60);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			require(maxAttempts >= 1, "zai.retry.max-attempts",
					() -> "zai.retry.max-attempts must be at least 1 (1 means no retry), but was " + maxAttempts);
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = positive("zai.retry.initial-backoff", initialBackoff);
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			require(multiplier >= 1, "zai.retry.multiplier",
					() -> "zai.retry.multiplier must be at least 1.0, but was " + multiplier);
			this.multiplier = multiplier;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = positive("zai.retry.max-backoff", maxBackoff);
		}

		public Duration getMaxRetryAfter() {
			return this.maxRetryAfter;
		}

		public void setMaxRetryAfter(Duration maxRetryAfter) {
			this.maxRetryAfter = notNegative("zai.retry.max-retry-after", maxRetryAfter);
		}

	}

	/**
	 * Client-side limit of requests in flight, per model.
	 */
	public static class Concurrency {

		/**
		 * Maximum number of requests in flight per model; 0 for no limit. Z.AI limits
		 * in-flight requests per model and answers 1302 beyond its limit.
		 */
		private int maxInFlight;

		/**
		 * Maximum time a request waits in the queue for a free slot before it fails.
		 */
		private Duration maxWait = Duration.ofSeconds(30);

		/**
		 * Where the limit lives: jvm for a limit per replica, redis for one limit shared
		 * by every replica that uses the same Redis (spring.data.redis.*), key prefix and
		 * API key. The redis scope needs org.redisson:redisson on the class path.
		 */
		private Scope scope = Scope.JVM;

		private final Redis redis = new Redis();

		public int getMaxInFlight() {
			return this.maxInFlight;
		}

		public void setMaxInFlight(int maxInFlight) {
			require(maxInFlight >= 0, "zai.concurrency.max-in-flight",
					() -> "zai.concurrency.max-in-flight must be 0 (no limit) or more, but was " + maxInFlight);
			this.maxInFlight = maxInFlight;
		}

		public Duration getMaxWait() {
			return this.maxWait;
		}

		public void setMaxWait(Duration maxWait) {
			this.maxWait = notNegative("zai.concurrency.max-wait", maxWait);
		}

		public Scope getScope() {
			return this.scope;
		}

		public void setScope(Scope scope) {
			require(scope != null, "zai.concurrency.scope",
					() -> "zai.concurrency.scope must be jvm (a limit per replica) or redis (one limit for every "
							+ "replica that shares the Redis of spring.data.redis.*), but was empty");
			this.scope = scope;
		}

		public Redis getRedis() {
			return this.redis;
		}

		/**
		 * Where the limit of requests in flight lives.
		 */
		public enum Scope {

			/**
			 * In this JVM: each replica has its own limit.
			 */
			JVM,

			/**
			 * In Redis: one limit for every replica that uses the same Redis, key prefix
			 * and API key.
			 */
			REDIS

		}

		/**
		 * What a call does when Redis cannot be reached.
		 */
		public enum Fallback {

			/**
			 * Fail the call with a ZaiException that names Redis.
			 */
			FAIL,

			/**
			 * Apply the limit of this JVM until Redis is back.
			 */
			JVM

		}

	}

	/**
	 * The fleet-wide limit of requests in flight, when zai.concurrency.scope is redis.
	 * Redis itself is reached through Spring Boot's spring.data.redis.* properties.
	 */
	public static class Redis {

		/**
		 * Time a permit is held in Redis without renewal. Renewed while its call or
		 * stream is alive, so it only matters when a replica dies holding permits: they
		 * come back after this long.
		 */
		private Duration leaseTime = Duration.ofSeconds(30);

		/**
		 * Prefix of the Redis keys that hold the permits; the key is
		 * {prefix}:{fingerprint of the API key}:{model}.
		 */
		private String keyPrefix = "zai:concurrency";

		/**
		 * What a call does when Redis cannot be reached: fail it, or apply the limit of
		 * this JVM until Redis is back.
		 */
		private Concurrency.Fallback fallback = Concurrency.Fallback.FAIL;

		public Duration getLeaseTime() {
			return this.leaseTime;
		}

		public void setLeaseTime(Duration leaseTime) {
			require(leaseTime != null && leaseTime.toMillis() >= 300, "zai.concurrency.redis.lease-time",
					() -> "zai.concurrency.redis.lease-time must be at least 300ms, such as 30s, but was "
							+ format(leaseTime));
			this.leaseTime = leaseTime;
		}

		public String getKeyPrefix() {
			return this.keyPrefix;
		}

		public void setKeyPrefix(String keyPrefix) {
			require(keyPrefix != null && !keyPrefix.isBlank() && keyPrefix.chars().noneMatch(Character::isWhitespace),
					"zai.concurrency.redis.key-prefix",
					() -> "zai.concurrency.redis.key-prefix must be a Redis key prefix without spaces, such as "
							+ "zai:concurrency, but was '" + keyPrefix + "'");
			this.keyPrefix = keyPrefix;
		}

		public Concurrency.Fallback getFallback() {
			return this.fallback;
		}

		public void setFallback(Concurrency.Fallback fallback) {
			require(fallback != null, "zai.concurrency.redis.fallback",
					() -> "zai.concurrency.redis.fallback must be fail or jvm, but was empty");
			this.fallback = fallback;
		}

	}

	/**
	 * Connection pool of the client.
	 */
	public static class Pool {

		/**
		 * Maximum number of connections open at once. A stream holds its connection until
		 * it ends.
		 */
		private int maxConnections = 500;

		/**
		 * Maximum time to wait for a free connection.
		 */
		private Duration pendingAcquireTimeout = Duration.ofSeconds(45);

		/**
		 * Time after which an idle connection is closed; shorter than the server's idle
		 * cut-off so that no request is sent on a connection the server has closed.
		 */
		private Duration maxIdleTime = Duration.ofSeconds(20);

		public int getMaxConnections() {
			return this.maxConnections;
		}

		public void setMaxConnections(int maxConnections) {
			require(maxConnections >= 1, "zai.pool.max-connections",
					() -> "zai.pool.max-connections must be at least 1, but was " + maxConnections);
			this.maxConnections = maxConnections;
		}

		public Duration getPendingAcquireTimeout() {
			return this.pendingAcquireTimeout;
		}

		public void setPendingAcquireTimeout(Duration pendingAcquireTimeout) {
			this.pendingAcquireTimeout = positive("zai.pool.pending-acquire-timeout", pendingAcquireTimeout);
		}

		public Duration getMaxIdleTime() {
			return this.maxIdleTime;
		}

		public void setMaxIdleTime(Duration maxIdleTime) {
			this.maxIdleTime = positive("zai.pool.max-idle-time", maxIdleTime);
		}

	}

	/**
	 * Circuit breaker around calls to the API.
	 */
	public static class CircuitBreaker {

		/**
		 * Whether to fail fast while the API keeps failing: the breaker opens on server
		 * errors, connection failures and timeouts, never on 4xx answers. Its thresholds
		 * come from resilience4j.circuitbreaker.instances.zai when a
		 * CircuitBreakerRegistry bean exists, else Resilience4j's defaults.
		 */
		private boolean enabled;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * Observations of calls and streams.
	 */
	public static class Observations {

		/**
		 * Whether to record prompts and completions in observations (as the gen_ai.prompt
		 * and gen_ai.completion keys of traces). They may contain personal data.
		 */
		private boolean includeContent;

		public boolean isIncludeContent() {
			return this.includeContent;
		}

		public void setIncludeContent(boolean includeContent) {
			this.includeContent = includeContent;
		}

	}

	/**
	 * Logging of exchanges, at DEBUG under io.github.zaispring.http.
	 */
	public static class Logging {

		/**
		 * Whether to log request and response bodies too. They may contain personal data;
		 * streams are logged event by event, never buffered.
		 */
		private boolean includeBodies;

		public boolean isIncludeBodies() {
			return this.includeBodies;
		}

		public void setIncludeBodies(boolean includeBodies) {
			this.includeBodies = includeBodies;
		}

	}

	private final Embedding embedding = new Embedding();

	public Embedding getEmbedding() {
		return this.embedding;
	}

	/**
	 * Defaults of embedding requests that leave a field unset.
	 */
	public static class Embedding {

		/**
		 * Model of embedding requests that name none.
		 */
		private String model = "embedding-3";

		/**
		 * Length of the vectors of embedding requests that set none. embedding-3
		 * documents 256, 512, 1024 and 2048; unset leaves it to the server (2048 for
		 * embedding-3).
		 */
		private @Nullable Integer dimensions;

		public String getModel() {
			return this.model;
		}

		public void setModel(String model) {
			if (model == null || model.isBlank()) {
				throw new ZaiConfigurationException("zai.embedding.model",
						"zai.embedding.model must not be empty; use a model id such as embedding-3", "embedding-3");
			}
			this.model = model.strip();
		}

		public @Nullable Integer getDimensions() {
			return this.dimensions;
		}

		public void setDimensions(@Nullable Integer dimensions) {
			if (dimensions != null && dimensions <= 0) {
				throw new ZaiConfigurationException("zai.embedding.dimensions", "zai.embedding.dimensions must be "
						+ "positive, but was " + dimensions + "; embedding-3 documents 256, 512, 1024 and 2048",
						"1024");
			}
			this.dimensions = dimensions;
		}

	}

	/**
	 * Asynchronous chat: how the result of a submitted task is polled.
	 */
	public static class Async {

		/**
		 * Wait between the first two polls of a task's result; it grows by half after
		 * every poll up to max-poll-interval.
		 */
		private Duration pollInterval = Duration.ofSeconds(1);

		/**
		 * Longest wait between two polls of a task's result.
		 */
		private Duration maxPollInterval = Duration.ofSeconds(15);

		/**
		 * Longest wait for a task's result; then awaitResult fails with a
		 * ZaiAsyncTimeoutException naming the task id, and the task goes on at the
		 * server.
		 */
		private Duration maxWait = Duration.ofMinutes(10);

		public Duration getPollInterval() {
			return this.pollInterval;
		}

		public void setPollInterval(Duration pollInterval) {
			this.pollInterval = positive("zai.async.poll-interval", pollInterval);
		}

		public Duration getMaxPollInterval() {
			return this.maxPollInterval;
		}

		public void setMaxPollInterval(Duration maxPollInterval) {
			this.maxPollInterval = positive("zai.async.max-poll-interval", maxPollInterval);
		}

		public Duration getMaxWait() {
			return this.maxWait;
		}

		public void setMaxWait(Duration maxWait) {
			this.maxWait = positive("zai.async.max-wait", maxWait);
		}

	}

	/**
	 * Image generation.
	 */
	public static class Image {

		/**
		 * Model of image requests that name none, such as cogview-4-250304 or glm-image.
		 */
		private String model = "cogview-4-250304";

		public String getModel() {
			return this.model;
		}

		public void setModel(String model) {
			require(model != null && !model.isBlank(), "zai.image.model",
					() -> "zai.image.model must not be empty; use a model id such as cogview-4-250304");
			this.model = model;
		}

	}

	/**
	 * Defaults of web searches that leave an option unset.
	 */
	public static class WebSearch {

		/**
		 * Search engine of searches that name none: search-prime on api.z.ai; search_std,
		 * search_pro, search_pro_sogou or search_pro_quark on open.bigmodel.cn.
		 */
		private String searchEngine = SearchEngines.SEARCH_PRIME;

		/**
		 * Number of results of searches that set none, from 1 to 50. Unset leaves it to
		 * the server (10).
		 */
		private @Nullable Integer count;

		/**
		 * How recent the results of searches that set none must be. Unset leaves it to
		 * the server (no limit).
		 */
		private @Nullable SearchRecency recencyFilter;

		/**
		 * Length of the page summaries of searches that set none. Unset leaves it to the
		 * server (medium).
		 */
		private @Nullable ContentSize contentSize;

		public String getSearchEngine() {
			return this.searchEngine;
		}

		public void setSearchEngine(String searchEngine) {
			require(searchEngine != null && !searchEngine.isBlank()
					&& searchEngine.strip().chars().noneMatch(Character::isWhitespace), "zai.web-search.search-engine",
					() -> "zai.web-search.search-engine must be a search engine such as search-prime (api.z.ai) or "
							+ "search_std (open.bigmodel.cn), but was '" + searchEngine + "'");
			this.searchEngine = searchEngine.strip();
		}

		public @Nullable Integer getCount() {
			return this.count;
		}

		public void setCount(@Nullable Integer count) {
			require(count == null || (count >= 1 && count <= 50), "zai.web-search.count",
					() -> "zai.web-search.count must be between 1 and 50, but was " + count);
			this.count = count;
		}

		public @Nullable SearchRecency getRecencyFilter() {
			return this.recencyFilter;
		}

		public void setRecencyFilter(@Nullable SearchRecency recencyFilter) {
			this.recencyFilter = recencyFilter;
		}

		public @Nullable ContentSize getContentSize() {
			return this.contentSize;
		}

		public void setContentSize(@Nullable ContentSize contentSize) {
			this.contentSize = contentSize;
		}

	}

	/**
	 * Defaults of reranks that leave an option unset.
	 */
	public static class Rerank {

		/**
		 * Model of reranks that name none.
		 */
		private String model = "rerank";

		public String getModel() {
			return this.model;
		}

		public void setModel(String model) {
			require(model != null && !model.isBlank(), "zai.rerank.model",
					() -> "zai.rerank.model must not be empty; use a model id such as rerank");
			this.model = model.strip();
		}

	}

	/**
	 * Defaults of moderations that leave an option unset.
	 */
	public static class Moderation {

		/**
		 * Model of moderations that name none.
		 */
		private String model = "moderation";

		public String getModel() {
			return this.model;
		}

		public void setModel(String model) {
			require(model != null && !model.isBlank(), "zai.moderation.model",
					() -> "zai.moderation.model must not be empty; use a model id such as moderation");
			this.model = model.strip();
		}

	}

	/**
	 * Video generation.
	 */
	public static class Video {

		/**
		 * Model of video requests that name none, such as cogvideox-3 or viduq1-text.
		 */
		private String model = "cogvideox-3";

		public String getModel() {
			return this.model;
		}

		public void setModel(String model) {
			require(model != null && !model.isBlank(), "zai.video.model",
					() -> "zai.video.model must not be empty; use a model id such as cogvideox-3");
			this.model = model.strip();
		}

	}

	/**
	 * Defaults of speech-to-text requests that leave an option unset.
	 */
	public static class Transcription {

		/**
		 * Model of transcriptions that name none.
		 */
		private String model = "glm-asr-2512";

		public String getModel() {
			return this.model;
		}

		public void setModel(String model) {
			require(model != null && !model.isBlank(), "zai.transcription.model",
					() -> "zai.transcription.model must not be empty; use a model id such as glm-asr-2512");
			this.model = model.strip();
		}

	}

	/**
	 * Defaults of text-to-speech requests that leave an option unset.
	 */
	public static class Speech {

		/**
		 * Model of speech requests that name none.
		 */
		private String model = "glm-tts";

		/**
		 * Voice of speech requests that name none, such as tongtong, chuichui, xiaochen,
		 * jam, kazi, douji, luodo or the id of a cloned voice.
		 */
		private String voice = "tongtong";

		/**
		 * Audio format of speech requests that name none: wav (playable as it is) or pcm
		 * (raw samples).
		 */
		private SpeechFormat responseFormat = SpeechFormat.WAV;

		public String getModel() {
			return this.model;
		}

		public void setModel(String model) {
			require(model != null && !model.isBlank(), "zai.speech.model",
					() -> "zai.speech.model must not be empty; use a model id such as glm-tts");
			this.model = model.strip();
		}

		public String getVoice() {
			return this.voice;
		}

		public void setVoice(String voice) {
			require(voice != null && !voice.isBlank(), "zai.speech.voice",
					() -> "zai.speech.voice must not be empty; use a voice such as tongtong");
			this.voice = voice.strip();
		}

		public SpeechFormat getResponseFormat() {
			return this.responseFormat;
		}

		public void setResponseFormat(SpeechFormat responseFormat) {
			require(responseFormat != null, "zai.speech.response-format",
					() -> "zai.speech.response-format must not be empty; use wav or pcm");
			this.responseFormat = responseFormat;
		}

	}

}
