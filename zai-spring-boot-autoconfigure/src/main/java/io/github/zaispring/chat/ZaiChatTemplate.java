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

import java.time.Duration;

import io.github.zaispring.ZaiContentFilterException;
import io.github.zaispring.ZaiStreamException;
import io.github.zaispring.internal.Checks;
import io.github.zaispring.internal.AsyncPolling;
import io.github.zaispring.internal.ClientBuilder;
import io.github.zaispring.internal.ExchangeCore;
import io.github.zaispring.internal.ExchangeCore.Timeouts;
import io.github.zaispring.internal.Operation;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;

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

	private static final Operation<ChatRequest, ChatCompletion> CHAT = new Operation<>("chat", HttpMethod.POST,
			"/chat/completions", ChatCompletion.class, false, ChatRequest::model, ChatRequest::requestId,
			ChatRequest::headers, null);

	private static final Operation<ChatRequest, ChatCompletionChunk> STREAM = new Operation<>("chat", HttpMethod.POST,
			"/chat/completions", ChatCompletionChunk.class, true, ChatRequest::model, ChatRequest::requestId,
			ChatRequest::headers, StreamFold::new);

	private final ExchangeCore core;

	private final Defaults defaults;

	private final boolean ownsCore;

	private final AsyncChat async;

	ZaiChatTemplate(Builder builder, ExchangeCore core, boolean ownsCore) {
		this.core = core;
		this.ownsCore = ownsCore;
		this.async = new AsyncChat(core, builder.asyncSettings);
		this.defaults = new Defaults(builder.defaultModel, builder.defaultTemperature, builder.defaultTopP,
				builder.defaultMaxTokens, builder.defaultThinking);
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
		return this.core.call(CHAT, wireRequest, timeouts(wireRequest));
	}

	@Override
	public Flux<ChatCompletionChunk> stream(ChatRequest request) {
		Assert.notNull(request, "request must not be null");
		ChatRequest wireRequest = applyDefaults(request).withStream(true);
		return this.core.stream(STREAM, wireRequest, timeouts(wireRequest));
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

	@Override
	public Mono<Integer> countTokens(ChatRequest request) {
		Assert.notNull(request, "request must not be null");
		ChatRequest withDefaults = applyDefaults(request);
		return TokenCounting.count(this.core, withDefaults, timeouts(withDefaults));
	}

	@Override
	public Mono<String> submit(ChatRequest request) {
		Assert.notNull(request, "request must not be null");
		ChatRequest withDefaults = applyDefaults(request);
		ChatRequest wireRequest = (withDefaults.stream() != null) ? withDefaults.withStream(false) : withDefaults;
		return this.async.submit(wireRequest, timeouts(wireRequest));
	}

	@Override
	public Mono<ChatCompletion> awaitResult(String taskId) {
		return this.async.awaitResult(taskId);
	}

	/**
	 * Return the exchange core of this template, for other Z.AI clients to share with
	 * {@code exchangeCore(..)} on their builders: one connection pool, retry, limit and
	 * observation for all of them.
	 * @return the core
	 */
	public ExchangeCore exchangeCore() {
		return this.core;
	}

	/**
	 * Release the connection pool this template created. Does nothing when the pool was
	 * given to the builder, or the template shares another client's core.
	 */
	@Override
	public void close() {
		if (this.ownsCore) {
			this.core.close();
		}
	}

	@Override
	public String toString() {
		return "ZaiChatTemplate[baseUrl=" + this.core.baseUrl() + ", defaultModel=" + this.defaults.model() + "]";
	}

	private ChatRequest textRequest(String userMessage) {
		Assert.hasText(userMessage, "userMessage must not be empty");
		// with the defaults at once: applyDefaults then has nothing to add
		return this.defaults.fill(ChatRequest.builder(), null).user(userMessage).build();
	}

	private ChatRequest applyDefaults(ChatRequest request) {
		return this.defaults.leftToFill(request) ? this.defaults.fill(request.mutate(), request).build() : request;
	}

	private static Timeouts timeouts(ChatRequest request) {
		if (request.responseTimeout() == null && request.firstChunkTimeout() == null
				&& request.streamIdleTimeout() == null) {
			return Timeouts.DEFAULTS;
		}
		return new Timeouts(request.responseTimeout(), request.firstChunkTimeout(), request.streamIdleTimeout());
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
	 * The finish reason and id of a stream, for the check that ends
	 * {@link #streamText(String)}: two fields, not a fold of the text.
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
	 * The one fold of a chat stream into a {@link ChatCompletion}.
	 */
	private static final class StreamFold implements Operation.Fold<ChatCompletionChunk> {

		private final ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();

		@Override
		public void add(ChatCompletionChunk chunk) {
			this.accumulator.add(chunk);
		}

		@Override
		public ChatCompletion result() {
			return this.accumulator.toCompletion();
		}

	}

	private record Defaults(@Nullable String model, @Nullable Double temperature, @Nullable Double topP,
			@Nullable Integer maxTokens, @Nullable Thinking thinking) {

		/**
		 * Return whether a request leaves open something that has a default.
		 */
		boolean leftToFill(ChatRequest request) {
			return (request.model() == null && this.model != null)
					|| (request.temperature() == null && this.temperature != null)
					|| (request.topP() == null && this.topP != null)
					|| (request.maxTokens() == null && this.maxTokens != null)
					|| (request.thinking() == null && this.thinking != null);
		}

		/**
		 * Set the defaults of what {@code request} leaves open, or all of them when there
		 * is no request yet.
		 */
		ChatRequest.Builder fill(ChatRequest.Builder builder, @Nullable ChatRequest request) {
			if (request == null || request.model() == null) {
				builder.model(this.model);
			}
			if (request == null || request.temperature() == null) {
				builder.temperature(this.temperature);
			}
			if (request == null || request.topP() == null) {
				builder.topP(this.topP);
			}
			if (request == null || request.maxTokens() == null) {
				builder.maxTokens(this.maxTokens);
			}
			if (request == null || request.thinking() == null) {
				builder.thinking(this.thinking);
			}
			return builder;
		}

	}

	/**
	 * Builder of a {@link ZaiChatTemplate}: the connection, resilience and logging
	 * settings every Z.AI client shares, and the defaults of chat requests. Only the API
	 * key is required.
	 */
	public static final class Builder extends ClientBuilder<Builder> {

		private @Nullable String defaultModel = "glm-4.6";

		private @Nullable Double defaultTemperature;

		private @Nullable Double defaultTopP;

		private @Nullable Integer defaultMaxTokens;

		private @Nullable Thinking defaultThinking;

		private AsyncPolling asyncSettings = AsyncPolling.DEFAULTS;

		Builder() {
		}

		/**
		 * Set how {@link ZaiChatTemplate#awaitResult(String)} polls: first at once, then
		 * after {@code pollInterval}, growing by half after every poll up to
		 * {@code maxPollInterval}, for at most {@code maxWait}. Defaults to 1s, 15s and
		 * 10m.
		 * @param pollInterval the first wait between two polls, positive
		 * @param maxPollInterval the longest wait between two polls, at least
		 * {@code pollInterval}
		 * @param maxWait the longest wait for a result, positive
		 * @return this builder
		 */
		public Builder asyncPolling(Duration pollInterval, Duration maxPollInterval, Duration maxWait) {
			this.asyncSettings = new AsyncPolling(pollInterval, maxPollInterval, maxWait);
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
			this.defaultTemperature = Checks.temperature("defaultTemperature", temperature);
			return this;
		}

		/**
		 * Set the nucleus-sampling threshold of requests that set none; {@code null}
		 * leaves it to the server.
		 * @param topP a value in (0, 1], or {@code null}
		 * @return this builder
		 */
		public Builder defaultTopP(@Nullable Double topP) {
			this.defaultTopP = Checks.topP("defaultTopP", topP);
			return this;
		}

		/**
		 * Set the most tokens to generate for requests that set none; {@code null} leaves
		 * it to the server.
		 * @param maxTokens a positive number, or {@code null}
		 * @return this builder
		 */
		public Builder defaultMaxTokens(@Nullable Integer maxTokens) {
			this.defaultMaxTokens = Checks.maxTokens("defaultMaxTokens", maxTokens);
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
		 * Add a chat interceptor.
		 * @param interceptor the interceptor
		 * @return this builder
		 * @deprecated since 0.2.0 in favour of
		 * {@link #interceptor(io.github.zaispring.ZaiInterceptor)}, which sees the calls
		 * of every endpoint; see {@link ZaiChatInterceptor} for the migration
		 */
		@Deprecated(since = "0.2.0")
		public Builder interceptor(ZaiChatInterceptor interceptor) {
			Assert.notNull(interceptor, "interceptor must not be null");
			return interceptor(new ChatInterceptorAdapter(interceptor));
		}

		/**
		 * Build the template.
		 * @return a new template
		 * @throws IllegalArgumentException when no API key was given
		 */
		public ZaiChatTemplate build() {
			return new ZaiChatTemplate(this, buildCore(), !sharesCore());
		}

	}

}
