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

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.zaispring.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * A web search: the query and its options. Immutable; create one with
 * {@link #builder(String)}, derive variants with {@link #mutate()}. Unset options are not
 * sent; an unset search engine, count, recency filter or content size takes the client's
 * configured default ({@code zai.web-search.*}), else the server's.
 * <p>
 * Fields the API adds later can be sent with {@link Builder#extraBody(String, Object)};
 * they are written at the top level of the JSON body.
 *
 * @author zai-spring-boot contributors
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "search_engine", "search_query", "count", "search_domain_filter", "search_recency_filter",
		"content_size", "search_intent", "request_id", "user_id" })
public final class WebSearchRequest {

	private static final Set<String> TYPED_FIELDS = Set.of("search_engine", "search_query", "count",
			"search_domain_filter", "search_recency_filter", "content_size", "search_intent", "request_id", "user_id");

	private final @Nullable String searchEngine;

	private final String query;

	private final @Nullable Integer count;

	private final @Nullable String domainFilter;

	private final @Nullable SearchRecency recencyFilter;

	private final @Nullable ContentSize contentSize;

	private final @Nullable Boolean searchIntent;

	private final @Nullable String requestId;

	private final @Nullable String userId;

	private final Map<String, Object> extraBody;

	private WebSearchRequest(Builder builder) {
		this.searchEngine = builder.searchEngine;
		this.query = builder.query;
		this.count = builder.count;
		this.domainFilter = builder.domainFilter;
		this.recencyFilter = builder.recencyFilter;
		this.contentSize = builder.contentSize;
		this.searchIntent = builder.searchIntent;
		this.requestId = builder.requestId;
		this.userId = builder.userId;
		this.extraBody = Collections.unmodifiableMap(new LinkedHashMap<>(builder.extraBody));
	}

	/**
	 * Create a builder of a search for the given query.
	 * @param query the search query, not blank
	 * @return a new builder
	 */
	public static Builder builder(String query) {
		return new Builder(query);
	}

	/**
	 * Create a builder that starts from this request.
	 * @return a new builder
	 */
	public Builder mutate() {
		return new Builder(this);
	}

	/**
	 * Return the search engine.
	 * @return the engine, such as {@code search-prime}, or {@code null} for the default
	 */
	@JsonProperty("search_engine")
	public @Nullable String searchEngine() {
		return this.searchEngine;
	}

	/**
	 * Return the search query.
	 * @return the query
	 */
	@JsonProperty("search_query")
	public String query() {
		return this.query;
	}

	/**
	 * Return the number of results asked for.
	 * @return 1 to 50, or {@code null} for the default (10 on the server)
	 */
	@JsonProperty("count")
	public @Nullable Integer count() {
		return this.count;
	}

	/**
	 * Return the one domain results must come from.
	 * @return the domain, such as {@code www.example.com}, or {@code null} for any
	 */
	@JsonProperty("search_domain_filter")
	public @Nullable String domainFilter() {
		return this.domainFilter;
	}

	/**
	 * Return how recent results must be.
	 * @return the recency, or {@code null} for the default (no limit on the server)
	 */
	@JsonProperty("search_recency_filter")
	public @Nullable SearchRecency recencyFilter() {
		return this.recencyFilter;
	}

	/**
	 * Return how long the page summaries are.
	 * @return the size, or {@code null} for the default (medium on the server)
	 */
	@JsonProperty("content_size")
	public @Nullable ContentSize contentSize() {
		return this.contentSize;
	}

	/**
	 * Return whether the server recognises the query's intent first and searches only
	 * when it finds one.
	 * @return whether to recognise the intent, or {@code null} for the server's default
	 * (no)
	 */
	@JsonProperty("search_intent")
	public @Nullable Boolean searchIntent() {
		return this.searchIntent;
	}

	/**
	 * Return the caller's request id.
	 * @return the request id, or {@code null} to let the server generate one
	 */
	@JsonProperty("request_id")
	public @Nullable String requestId() {
		return this.requestId;
	}

	/**
	 * Return the end user's id.
	 * @return the user id, or {@code null}
	 */
	@JsonProperty("user_id")
	public @Nullable String userId() {
		return this.userId;
	}

	/**
	 * Return the extra fields written at the top level of the JSON body.
	 * @return the extra fields, never {@code null}, unmodifiable
	 */
	@JsonAnyGetter
	public Map<String, Object> extraBody() {
		return this.extraBody;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (this == other) || (other instanceof WebSearchRequest that
				&& Objects.equals(this.searchEngine, that.searchEngine) && this.query.equals(that.query)
				&& Objects.equals(this.count, that.count) && Objects.equals(this.domainFilter, that.domainFilter)
				&& this.recencyFilter == that.recencyFilter && this.contentSize == that.contentSize
				&& Objects.equals(this.searchIntent, that.searchIntent)
				&& Objects.equals(this.requestId, that.requestId) && Objects.equals(this.userId, that.userId)
				&& this.extraBody.equals(that.extraBody));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.searchEngine, this.query, this.count, this.domainFilter, this.recencyFilter,
				this.contentSize, this.searchIntent, this.requestId, this.userId, this.extraBody);
	}

	@Override
	public String toString() {
		return "WebSearchRequest[searchEngine=" + this.searchEngine + ", query=" + this.query.length()
				+ " chars, count=" + this.count + ", domainFilter=" + this.domainFilter + ", recencyFilter="
				+ this.recencyFilter + ", contentSize=" + this.contentSize + "]";
	}

	/**
	 * Builder of a {@link WebSearchRequest}. Each option is checked when it is set; the
	 * rules that tie the count and the query to the search engine when the request is
	 * built.
	 */
	public static final class Builder {

		private @Nullable String searchEngine;

		private String query;

		private @Nullable Integer count;

		private @Nullable String domainFilter;

		private @Nullable SearchRecency recencyFilter;

		private @Nullable ContentSize contentSize;

		private @Nullable Boolean searchIntent;

		private @Nullable String requestId;

		private @Nullable String userId;

		private final Map<String, Object> extraBody = new LinkedHashMap<>();

		private Builder(String query) {
			this.query = WebSearchChecks.query(query);
		}

		private Builder(WebSearchRequest request) {
			this.searchEngine = request.searchEngine;
			this.query = request.query;
			this.count = request.count;
			this.domainFilter = request.domainFilter;
			this.recencyFilter = request.recencyFilter;
			this.contentSize = request.contentSize;
			this.searchIntent = request.searchIntent;
			this.requestId = request.requestId;
			this.userId = request.userId;
			this.extraBody.putAll(request.extraBody);
		}

		/**
		 * Set the search query.
		 * @param query the query, not blank; at most 70 characters on the
		 * {@code open.bigmodel.cn} engines
		 * @return this builder
		 */
		public Builder query(String query) {
			this.query = WebSearchChecks.query(query);
			return this;
		}

		/**
		 * Set the search engine.
		 * @param searchEngine an engine such as {@link SearchEngines#SEARCH_PRIME}
		 * ({@code api.z.ai}) or {@link SearchEngines#SEARCH_STD}
		 * ({@code open.bigmodel.cn}), or {@code null} for the default
		 * @return this builder
		 */
		public Builder searchEngine(@Nullable String searchEngine) {
			this.searchEngine = (searchEngine != null) ? WebSearchChecks.searchEngine("searchEngine", searchEngine)
					: null;
			return this;
		}

		/**
		 * Set the number of results.
		 * @param count 1 to 50 (10, 20, 30, 40 or 50 on
		 * {@link SearchEngines#SEARCH_PRO_SOGOU}), or {@code null} for the default
		 * @return this builder
		 */
		public Builder count(@Nullable Integer count) {
			this.count = (count != null) ? WebSearchChecks.count("count", count) : null;
			return this;
		}

		/**
		 * Only return results from one domain.
		 * @param domainFilter a domain such as {@code www.example.com}, without scheme or
		 * path, or {@code null} for any
		 * @return this builder
		 */
		public Builder domainFilter(@Nullable String domainFilter) {
			this.domainFilter = (domainFilter != null) ? WebSearchChecks.domain(domainFilter) : null;
			return this;
		}

		/**
		 * Only return results of the given recency.
		 * @param recencyFilter the recency, or {@code null} for the default
		 * @return this builder
		 */
		public Builder recencyFilter(@Nullable SearchRecency recencyFilter) {
			this.recencyFilter = recencyFilter;
			return this;
		}

		/**
		 * Set the length of the page summaries.
		 * @param contentSize the size, or {@code null} for the default
		 * @return this builder
		 */
		public Builder contentSize(@Nullable ContentSize contentSize) {
			this.contentSize = contentSize;
			return this;
		}

		/**
		 * Let the server recognise the query's intent first, return it, and search only
		 * when it finds one.
		 * @param searchIntent whether to, or {@code null} for the server's default (no)
		 * @return this builder
		 */
		public Builder searchIntent(@Nullable Boolean searchIntent) {
			this.searchIntent = searchIntent;
			return this;
		}

		/**
		 * Set the caller's request id; it must be unique.
		 * @param requestId 6 to 64 characters, or {@code null} to let the server generate
		 * one
		 * @return this builder
		 */
		public Builder requestId(@Nullable String requestId) {
			this.requestId = Checks.requestId(requestId);
			return this;
		}

		/**
		 * Set the end user's id; avoid sensitive information.
		 * @param userId 6 to 128 characters, or {@code null}
		 * @return this builder
		 */
		public Builder userId(@Nullable String userId) {
			this.userId = Checks.userId(userId);
			return this;
		}

		/**
		 * Add a field the API accepts but this request does not model, written at the top
		 * level of the JSON body.
		 * @param name the JSON name, not one of the typed fields
		 * @param value the value, written as JSON
		 * @return this builder
		 */
		public Builder extraBody(String name, Object value) {
			Checks.extraBodyField(name, value, TYPED_FIELDS);
			this.extraBody.put(name, value);
			return this;
		}

		/**
		 * Build the request.
		 * @return the request
		 * @throws IllegalArgumentException when the count or the query does not suit the
		 * search engine
		 */
		public WebSearchRequest build() {
			WebSearchChecks.checkForEngine(this.searchEngine, this.count, this.query);
			return new WebSearchRequest(this);
		}

	}

}
