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

import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * The options of the built-in {@code web_search} tool. Only {@code search_engine} is
 * required; unset options are not sent and take the server's defaults.
 *
 * @param enable whether web search is enabled (server default {@code false})
 * @param searchEngine the search engine, for example {@code search_pro_jina} (docs.z.ai)
 * or {@code search_std} (BigModel)
 * @param searchQuery a query that forces a search
 * @param searchIntent whether to detect the search intent first (BigModel)
 * @param count the number of results, 1 to 50 (server default 10)
 * @param searchDomainFilter a domain to restrict results to, for example
 * {@code www.example.com}
 * @param searchRecencyFilter {@code oneDay}, {@code oneWeek}, {@code oneMonth},
 * {@code oneYear} or {@code noLimit}
 * @param contentSize {@code medium} or {@code high}
 * @param resultSequence {@code before} or {@code after}: where results are placed
 * @param searchResult whether the response carries the results in {@code web_search}
 * @param requireSearch whether the answer must be based on the search results
 * @param searchPrompt a custom prompt for using the results ({@code {{current_date}}}
 * placeholder)
 * @param extra fields written into the object besides the typed ones, for options the API
 * adds later; never {@code null}
 * @author zai-spring-boot
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebSearch(@Nullable Boolean enable, @JsonProperty("search_engine") String searchEngine,
		@JsonProperty("search_query") @Nullable String searchQuery,
		@JsonProperty("search_intent") @Nullable Boolean searchIntent, @Nullable Integer count,
		@JsonProperty("search_domain_filter") @Nullable String searchDomainFilter,
		@JsonProperty("search_recency_filter") @Nullable String searchRecencyFilter,
		@JsonProperty("content_size") @Nullable String contentSize,
		@JsonProperty("result_sequence") @Nullable String resultSequence,
		@JsonProperty("search_result") @Nullable Boolean searchResult,
		@JsonProperty("require_search") @Nullable Boolean requireSearch,
		@JsonProperty("search_prompt") @Nullable String searchPrompt, @JsonAnyGetter Map<String, Object> extra) {

	private static final Set<String> TYPED_FIELDS = Set.of("enable", "search_engine", "search_query", "search_intent",
			"count", "search_domain_filter", "search_recency_filter", "content_size", "result_sequence",
			"search_result", "require_search", "search_prompt");

	/**
	 * Create a new instance, checking the search engine and the count, and copying the
	 * extra fields.
	 * @param enable whether web search is enabled
	 * @param searchEngine the search engine
	 * @param searchQuery a query that forces a search
	 * @param searchIntent whether to detect the search intent first
	 * @param count the number of results
	 * @param searchDomainFilter a domain to restrict results to
	 * @param searchRecencyFilter how recent results must be
	 * @param contentSize how much content per result
	 * @param resultSequence where results are placed
	 * @param searchResult whether the response carries the results
	 * @param requireSearch whether the answer must be based on the results
	 * @param searchPrompt a custom prompt for using the results
	 * @param extra fields besides the typed ones, {@code null} for none
	 */
	public WebSearch(@Nullable Boolean enable, String searchEngine, @Nullable String searchQuery,
			@Nullable Boolean searchIntent, @Nullable Integer count, @Nullable String searchDomainFilter,
			@Nullable String searchRecencyFilter, @Nullable String contentSize, @Nullable String resultSequence,
			@Nullable Boolean searchResult, @Nullable Boolean requireSearch, @Nullable String searchPrompt,
			@Nullable Map<String, Object> extra) {
		Assert.hasText(searchEngine, "searchEngine must not be empty; use for example \"search_pro_jina\"");
		Assert.isTrue(count == null || (count >= 1 && count <= 50),
				() -> "count must be between 1 and 50, but was " + count);
		this.enable = enable;
		this.searchEngine = searchEngine;
		this.searchQuery = searchQuery;
		this.searchIntent = searchIntent;
		this.count = count;
		this.searchDomainFilter = searchDomainFilter;
		this.searchRecencyFilter = searchRecencyFilter;
		this.contentSize = contentSize;
		this.resultSequence = resultSequence;
		this.searchResult = searchResult;
		this.requireSearch = requireSearch;
		this.searchPrompt = searchPrompt;
		this.extra = ModelSupport.extra("WebSearch", TYPED_FIELDS, extra);
	}

	/**
	 * Create a new instance without extra fields.
	 * @param enable whether web search is enabled
	 * @param searchEngine the search engine
	 * @param searchQuery a query that forces a search
	 * @param searchIntent whether to detect the search intent first
	 * @param count the number of results
	 * @param searchDomainFilter a domain to restrict results to
	 * @param searchRecencyFilter how recent results must be
	 * @param contentSize how much content per result
	 * @param resultSequence where results are placed
	 * @param searchResult whether the response carries the results
	 * @param requireSearch whether the answer must be based on the results
	 * @param searchPrompt a custom prompt for using the results
	 */
	public WebSearch(@Nullable Boolean enable, String searchEngine, @Nullable String searchQuery,
			@Nullable Boolean searchIntent, @Nullable Integer count, @Nullable String searchDomainFilter,
			@Nullable String searchRecencyFilter, @Nullable String contentSize, @Nullable String resultSequence,
			@Nullable Boolean searchResult, @Nullable Boolean requireSearch, @Nullable String searchPrompt) {
		this(enable, searchEngine, searchQuery, searchIntent, count, searchDomainFilter, searchRecencyFilter,
				contentSize, resultSequence, searchResult, requireSearch, searchPrompt, null);
	}

	/**
	 * Return a builder for the given search engine.
	 * @param searchEngine the search engine, for example {@code search_pro_jina}
	 * @return a new builder
	 */
	public static Builder builder(String searchEngine) {
		return new Builder(searchEngine);
	}

	/**
	 * Builder for {@link WebSearch}.
	 */
	public static final class Builder {

		private String searchEngine;

		private @Nullable Boolean enable;

		private @Nullable String searchQuery;

		private @Nullable Boolean searchIntent;

		private @Nullable Integer count;

		private @Nullable String searchDomainFilter;

		private @Nullable String searchRecencyFilter;

		private @Nullable String contentSize;

		private @Nullable String resultSequence;

		private @Nullable Boolean searchResult;

		private @Nullable Boolean requireSearch;

		private @Nullable String searchPrompt;

		private Map<String, Object> extra = Map.of();

		private Builder(String searchEngine) {
			this.searchEngine = searchEngine;
		}

		/**
		 * Set the search engine.
		 * @param searchEngine the search engine
		 * @return this builder
		 */
		public Builder searchEngine(String searchEngine) {
			this.searchEngine = searchEngine;
			return this;
		}

		/**
		 * Set whether web search is enabled.
		 * @param enable whether web search is enabled
		 * @return this builder
		 */
		public Builder enable(@Nullable Boolean enable) {
			this.enable = enable;
			return this;
		}

		/**
		 * Set a query that forces a search.
		 * @param searchQuery the query
		 * @return this builder
		 */
		public Builder searchQuery(@Nullable String searchQuery) {
			this.searchQuery = searchQuery;
			return this;
		}

		/**
		 * Set whether to detect the search intent first.
		 * @param searchIntent whether to detect the intent
		 * @return this builder
		 */
		public Builder searchIntent(@Nullable Boolean searchIntent) {
			this.searchIntent = searchIntent;
			return this;
		}

		/**
		 * Set the number of results.
		 * @param count 1 to 50
		 * @return this builder
		 */
		public Builder count(@Nullable Integer count) {
			this.count = count;
			return this;
		}

		/**
		 * Set a domain to restrict results to.
		 * @param searchDomainFilter the domain, for example {@code www.example.com}
		 * @return this builder
		 */
		public Builder searchDomainFilter(@Nullable String searchDomainFilter) {
			this.searchDomainFilter = searchDomainFilter;
			return this;
		}

		/**
		 * Set how recent results must be.
		 * @param searchRecencyFilter {@code oneDay}, {@code oneWeek}, {@code oneMonth},
		 * {@code oneYear} or {@code noLimit}
		 * @return this builder
		 */
		public Builder searchRecencyFilter(@Nullable String searchRecencyFilter) {
			this.searchRecencyFilter = searchRecencyFilter;
			return this;
		}

		/**
		 * Set how much content each result carries.
		 * @param contentSize {@code medium} or {@code high}
		 * @return this builder
		 */
		public Builder contentSize(@Nullable String contentSize) {
			this.contentSize = contentSize;
			return this;
		}

		/**
		 * Set where results are placed.
		 * @param resultSequence {@code before} or {@code after}
		 * @return this builder
		 */
		public Builder resultSequence(@Nullable String resultSequence) {
			this.resultSequence = resultSequence;
			return this;
		}

		/**
		 * Set whether the response carries the search results.
		 * @param searchResult whether to return the results
		 * @return this builder
		 */
		public Builder searchResult(@Nullable Boolean searchResult) {
			this.searchResult = searchResult;
			return this;
		}

		/**
		 * Set whether the answer must be based on the search results.
		 * @param requireSearch whether search is required
		 * @return this builder
		 */
		public Builder requireSearch(@Nullable Boolean requireSearch) {
			this.requireSearch = requireSearch;
			return this;
		}

		/**
		 * Set a custom prompt for using the results.
		 * @param searchPrompt the prompt
		 * @return this builder
		 */
		public Builder searchPrompt(@Nullable String searchPrompt) {
			this.searchPrompt = searchPrompt;
			return this;
		}

		/**
		 * Add an option the typed API does not cover yet, written into the object; a
		 * {@code null} value removes it.
		 * @param name the JSON field name; must not be one of the typed fields
		 * @param value the value, anything the JSON codec can write
		 * @return this builder
		 * @throws IllegalArgumentException if the name is empty or a typed field
		 */
		public Builder extra(String name, @Nullable Object value) {
			this.extra = ModelSupport.withExtra("WebSearch", TYPED_FIELDS, this.extra, name, value);
			return this;
		}

		/**
		 * Build the options.
		 * @return the web search options
		 * @throws IllegalArgumentException if the search engine is empty or the count is
		 * outside 1 to 50
		 */
		public WebSearch build() {
			return new WebSearch(this.enable, this.searchEngine, this.searchQuery, this.searchIntent, this.count,
					this.searchDomainFilter, this.searchRecencyFilter, this.contentSize, this.resultSequence,
					this.searchResult, this.requireSearch, this.searchPrompt, this.extra);
		}

	}

}
