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

package io.github.zaispring.rerank;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.zaispring.internal.Checks;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A rerank: a query, the documents to order by relevance to it, and options. Immutable;
 * create one with {@link #builder()}, derive variants with {@link #mutate()}. Unset
 * options are not sent; an unset model takes the client's configured one
 * ({@code zai.rerank.model}).
 * <p>
 * The limits of the API (docs.bigmodel.cn) are checked when the request is built, so that
 * a request that breaks them is never sent: a query of at most {@value #MAX_TEXT_LENGTH}
 * characters, 1 to {@value #MAX_DOCUMENTS} documents of at most {@value #MAX_TEXT_LENGTH}
 * characters each.
 *
 * @author zai-spring-boot contributors
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "model", "query", "documents", "top_n", "return_documents", "return_raw_scores", "request_id",
		"user_id" })
public final class RerankRequest {

	/**
	 * The most documents one request takes.
	 */
	public static final int MAX_DOCUMENTS = 128;

	/**
	 * The longest query or document, in characters.
	 */
	public static final int MAX_TEXT_LENGTH = 4096;

	private static final Set<String> TYPED_FIELDS = Set.of("model", "query", "documents", "top_n", "return_documents",
			"return_raw_scores", "request_id", "user_id");

	private final @Nullable String model;

	private final String query;

	private final List<String> documents;

	private final @Nullable Integer topN;

	private final @Nullable Boolean returnDocuments;

	private final @Nullable Boolean returnRawScores;

	private final @Nullable String requestId;

	private final @Nullable String userId;

	private final Map<String, Object> extraBody;

	private RerankRequest(Builder builder, String query) {
		this.model = builder.model;
		this.query = query;
		this.documents = List.copyOf(builder.documents);
		this.topN = builder.topN;
		this.returnDocuments = builder.returnDocuments;
		this.returnRawScores = builder.returnRawScores;
		this.requestId = builder.requestId;
		this.userId = builder.userId;
		this.extraBody = Collections.unmodifiableMap(new LinkedHashMap<>(builder.extraBody));
	}

	/**
	 * Create a builder of a request.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Create a builder that starts from this request.
	 * @return a new builder
	 */
	public Builder mutate() {
		return new Builder(this);
	}

	/**
	 * Return the model.
	 * @return the model, such as {@code rerank}, or {@code null} for the configured one
	 */
	@JsonProperty("model")
	public @Nullable String model() {
		return this.model;
	}

	/**
	 * Return the query.
	 * @return the query
	 */
	@JsonProperty("query")
	public String query() {
		return this.query;
	}

	/**
	 * Return the documents to order.
	 * @return the documents, unmodifiable
	 */
	@JsonProperty("documents")
	public List<String> documents() {
		return this.documents;
	}

	/**
	 * Return how many of the best results to return.
	 * @return the number, {@code 0} for all, or {@code null} for the server's default
	 * (all)
	 */
	@JsonProperty("top_n")
	public @Nullable Integer topN() {
		return this.topN;
	}

	/**
	 * Return whether the results carry their document's text.
	 * @return whether to return documents, or {@code null} for the server's default (no)
	 */
	@JsonProperty("return_documents")
	public @Nullable Boolean returnDocuments() {
		return this.returnDocuments;
	}

	/**
	 * Return whether the server adds the raw scores. Their shape is not documented; read
	 * them from a response with your own type if you need them.
	 * @return whether to return raw scores, or {@code null} for the server's default (no)
	 */
	@JsonProperty("return_raw_scores")
	public @Nullable Boolean returnRawScores() {
		return this.returnRawScores;
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
		return (this == other) || (other instanceof RerankRequest that && Objects.equals(this.model, that.model)
				&& this.query.equals(that.query) && this.documents.equals(that.documents)
				&& Objects.equals(this.topN, that.topN) && Objects.equals(this.returnDocuments, that.returnDocuments)
				&& Objects.equals(this.returnRawScores, that.returnRawScores)
				&& Objects.equals(this.requestId, that.requestId) && Objects.equals(this.userId, that.userId)
				&& this.extraBody.equals(that.extraBody));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.model, this.query, this.documents, this.topN, this.returnDocuments,
				this.returnRawScores, this.requestId, this.userId, this.extraBody);
	}

	@Override
	public String toString() {
		return "RerankRequest[model=" + this.model + ", query=" + this.query.length() + " chars, documents="
				+ this.documents.size() + ", topN=" + this.topN + "]";
	}

	/**
	 * Builder of a {@link RerankRequest}; the query and at least one document are
	 * required.
	 */
	public static final class Builder {

		private @Nullable String model;

		private @Nullable String query;

		private final List<String> documents = new ArrayList<>();

		private @Nullable Integer topN;

		private @Nullable Boolean returnDocuments;

		private @Nullable Boolean returnRawScores;

		private @Nullable String requestId;

		private @Nullable String userId;

		private final Map<String, Object> extraBody = new LinkedHashMap<>();

		private Builder() {
		}

		private Builder(RerankRequest request) {
			this.model = request.model;
			this.query = request.query;
			this.documents.addAll(request.documents);
			this.topN = request.topN;
			this.returnDocuments = request.returnDocuments;
			this.returnRawScores = request.returnRawScores;
			this.requestId = request.requestId;
			this.userId = request.userId;
			this.extraBody.putAll(request.extraBody);
		}

		/**
		 * Set the model.
		 * @param model the model, such as {@code rerank} (the only one documented), or
		 * {@code null} for the configured one
		 * @return this builder
		 */
		public Builder model(@Nullable String model) {
			Assert.isTrue(model == null || !model.isBlank(),
					"model must not be blank; use a model id such as rerank, or null for the configured one");
			this.model = model;
			return this;
		}

		/**
		 * Set the query.
		 * @param query the query, not blank, at most 4096 characters
		 * @return this builder
		 */
		public Builder query(String query) {
			this.query = query;
			return this;
		}

		/**
		 * Set the documents, replacing any set before.
		 * @param documents 1 to 128 documents, none blank, each at most 4096 characters
		 * @return this builder
		 */
		public Builder documents(List<String> documents) {
			Assert.notNull(documents, "documents must not be null");
			this.documents.clear();
			this.documents.addAll(documents);
			return this;
		}

		/**
		 * Return only the given number of best results.
		 * @param topN 1 to the number of documents, {@code 0} for all, or {@code null}
		 * for the server's default (all)
		 * @return this builder
		 */
		public Builder topN(@Nullable Integer topN) {
			this.topN = topN;
			return this;
		}

		/**
		 * Return each result's document text with it.
		 * @param returnDocuments whether to, or {@code null} for the server's default
		 * (no)
		 * @return this builder
		 */
		public Builder returnDocuments(@Nullable Boolean returnDocuments) {
			this.returnDocuments = returnDocuments;
			return this;
		}

		/**
		 * Ask the server for the raw scores too (shape not documented).
		 * @param returnRawScores whether to, or {@code null} for the server's default
		 * (no)
		 * @return this builder
		 */
		public Builder returnRawScores(@Nullable Boolean returnRawScores) {
			this.returnRawScores = returnRawScores;
			return this;
		}

		/**
		 * Set the caller's request id; it must be unique.
		 * @param requestId 6 to 64 characters, or {@code null}
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
		 * @throws IllegalArgumentException when the query, the documents or top n break
		 * the API's limits
		 */
		public RerankRequest build() {
			String query = this.query;
			Assert.isTrue(query != null && !query.isBlank(), "query must not be empty; pass the text to rank against");
			Assert.isTrue(query.length() <= MAX_TEXT_LENGTH,
					() -> "query must be at most " + MAX_TEXT_LENGTH + " characters, but has " + query.length());
			int size = this.documents.size();
			Assert.isTrue(size >= 1 && size <= MAX_DOCUMENTS,
					() -> "documents must hold 1 to " + MAX_DOCUMENTS + " texts, but holds " + size
							+ ((size > MAX_DOCUMENTS) ? "; rerank them in batches and merge by score" : ""));
			for (int i = 0; i < size; i++) {
				String document = this.documents.get(i);
				int index = i;
				Assert.isTrue(document != null && !document.isBlank(),
						() -> "documents[" + index + "] must not be empty or null");
				Assert.isTrue(document.length() <= MAX_TEXT_LENGTH, () -> "documents[" + index + "] must be at most "
						+ MAX_TEXT_LENGTH + " characters, but has " + document.length());
			}
			Integer topN = this.topN;
			Assert.isTrue(topN == null || (topN >= 0 && topN <= size), () -> "topN must be between 0 (all) and "
					+ "the number of documents (" + size + "), but was " + topN);
			return new RerankRequest(this, query);
		}

	}

}
