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

package io.github.zaispring.websearch;

import java.util.Map;

import io.github.zaispring.internal.ClientBuilder;
import io.github.zaispring.internal.ExchangeCore;
import io.github.zaispring.internal.ExchangeCore.Timeouts;
import io.github.zaispring.internal.Operation;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;

/**
 * The Z.AI web search client: sends {@code POST /web_search} with the configured defaults
 * on an exchange core, so that retries, the concurrency limit, timeouts, typed errors,
 * observation and exchange logging apply as they do to chat.
 * <p>
 * Auto-configured by the starter on the application's shared core; outside Spring Boot,
 * build one with {@link #builder()}: <pre class="code">
 * ZaiWebSearchTemplate search = ZaiWebSearchTemplate.builder()
 *     .exchangeCore(chatTemplate.exchangeCore())
 *     .build();
 * </pre> A template is thread-safe and meant to be shared. A template that created its
 * own exchange core releases it on {@link #close()}; a shared core is left to its owner.
 *
 * @author zai-spring-boot contributors
 */
public class ZaiWebSearchTemplate implements ZaiWebSearchOperations, AutoCloseable {

	// Web search names no model: the limiter and the observation see none
	private static final Operation<WebSearchRequest, WebSearchResponse> SEARCH = new Operation<>("web_search",
			HttpMethod.POST, "/web_search", WebSearchResponse.class, false, (request) -> null,
			WebSearchRequest::requestId, (request) -> Map.of(), null);

	private final ExchangeCore core;

	private final String searchEngine;

	private final @Nullable Integer count;

	private final @Nullable SearchRecency recencyFilter;

	private final @Nullable ContentSize contentSize;

	private final boolean ownsCore;

	ZaiWebSearchTemplate(Builder builder, ExchangeCore core, boolean ownsCore) {
		this.core = core;
		this.ownsCore = ownsCore;
		this.searchEngine = builder.searchEngine;
		this.count = builder.count;
		this.recencyFilter = builder.recencyFilter;
		this.contentSize = builder.contentSize;
	}

	/**
	 * Create a builder of a template.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public Mono<WebSearchResponse> search(WebSearchRequest request) {
		Assert.notNull(request, "request must not be null");
		return this.core.call(SEARCH, applyDefaults(request), Timeouts.DEFAULTS);
	}

	@Override
	public Mono<WebSearchResponse> search(String query) {
		return search(WebSearchRequest.builder(query).build());
	}

	private WebSearchRequest applyDefaults(WebSearchRequest request) {
		if (request.searchEngine() != null && (request.count() != null || this.count == null)
				&& (request.recencyFilter() != null || this.recencyFilter == null)
				&& (request.contentSize() != null || this.contentSize == null)) {
			return request;
		}
		WebSearchRequest.Builder builder = request.mutate();
		if (request.searchEngine() == null) {
			builder.searchEngine(this.searchEngine);
		}
		if (request.count() == null) {
			builder.count(this.count);
		}
		if (request.recencyFilter() == null) {
			builder.recencyFilter(this.recencyFilter);
		}
		if (request.contentSize() == null) {
			builder.contentSize(this.contentSize);
		}
		// built again so that the engine's rules also hold for the defaults
		return builder.build();
	}

	/**
	 * Release the exchange core this template created. Does nothing when the core is
	 * shared.
	 */
	@Override
	public void close() {
		if (this.ownsCore) {
			this.core.close();
		}
	}

	@Override
	public String toString() {
		return "ZaiWebSearchTemplate[baseUrl=" + this.core.baseUrl() + ", searchEngine=" + this.searchEngine + "]";
	}

	/**
	 * Builder of a {@link ZaiWebSearchTemplate}: the connection, resilience and logging
	 * settings every Z.AI client shares (or a shared {@link #exchangeCore(ExchangeCore)
	 * core}), and the defaults of searches.
	 */
	public static final class Builder extends ClientBuilder<Builder> {

		private String searchEngine = SearchEngines.SEARCH_PRIME;

		private @Nullable Integer count;

		private @Nullable SearchRecency recencyFilter;

		private @Nullable ContentSize contentSize;

		Builder() {
		}

		/**
		 * Set the search engine of searches that name none. Defaults to
		 * {@code search-prime}, the engine of {@code api.z.ai}.
		 * @param searchEngine an engine such as {@link SearchEngines#SEARCH_PRIME}
		 * @return this builder
		 */
		public Builder defaultSearchEngine(String searchEngine) {
			this.searchEngine = WebSearchChecks.searchEngine("defaultSearchEngine", searchEngine);
			return this;
		}

		/**
		 * Set the number of results of searches that set none; {@code null} leaves it to
		 * the server (10).
		 * @param count 1 to 50, or {@code null}
		 * @return this builder
		 */
		public Builder defaultCount(@Nullable Integer count) {
			this.count = (count != null) ? WebSearchChecks.count("defaultCount", count) : null;
			return this;
		}

		/**
		 * Set the recency filter of searches that set none; {@code null} leaves it to the
		 * server (no limit).
		 * @param recencyFilter the recency, or {@code null}
		 * @return this builder
		 */
		public Builder defaultRecencyFilter(@Nullable SearchRecency recencyFilter) {
			this.recencyFilter = recencyFilter;
			return this;
		}

		/**
		 * Set the summary length of searches that set none; {@code null} leaves it to the
		 * server (medium).
		 * @param contentSize the size, or {@code null}
		 * @return this builder
		 */
		public Builder defaultContentSize(@Nullable ContentSize contentSize) {
			this.contentSize = contentSize;
			return this;
		}

		/**
		 * Build the template.
		 * @return a new template
		 * @throws IllegalArgumentException when no API key and no shared core was given
		 */
		public ZaiWebSearchTemplate build() {
			return new ZaiWebSearchTemplate(this, buildCore(), !sharesCore());
		}

	}

}
