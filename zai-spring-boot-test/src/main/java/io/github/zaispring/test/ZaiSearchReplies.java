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

package io.github.zaispring.test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.zaispring.internal.WireJson;
import io.github.zaispring.rerank.RerankResponse;
import io.github.zaispring.rerank.RerankResult;
import io.github.zaispring.rerank.RerankUsage;
import io.github.zaispring.websearch.SearchIntent;
import io.github.zaispring.websearch.SearchResult;
import io.github.zaispring.websearch.WebSearchResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Scripted answers of the {@link ZaiMockServer} for the endpoints beyond chat, written as
 * Z.AI writes them. Enqueue them like any {@link ZaiReply}; errors, raw bodies, dropped
 * connections, {@code Retry-After} and headers work for every endpoint through
 * {@link ZaiReply} itself. <pre class="code">
 * server.enqueue(ZaiSearchReplies.webSearch(new SearchResult("Title", "Summary",
 *         "https://example.com/a", "Example", null, "ref_1", "2026-02-11")));
 * server.enqueue(ZaiSearchReplies.rerank(new RerankResult(2, 0.97, null), new RerankResult(0, 0.12, null)));
 * server.enqueue(ZaiReply.error(429, "1113", "Insufficient balance or no resource package"));
 * </pre>
 *
 * @author zai-spring-boot contributors
 */
public final class ZaiSearchReplies {

	private static final AtomicLong ids = new AtomicLong();

	private ZaiSearchReplies() {
	}

	/**
	 * Return an answer of {@code POST /web_search} with the given results and a generated
	 * id.
	 * @param results the pages found, in order
	 * @return the reply
	 */
	public static ZaiReply webSearch(SearchResult... results) {
		Assert.noNullElements(results, "results must not contain null");
		return webSearch(new WebSearchResponse(nextId("web-search-"), Instant.now().getEpochSecond(), null, List.of(),
				List.of(results)));
	}

	/**
	 * Return an answer of {@code POST /web_search} with exactly the given content,
	 * including the search intent.
	 * @param response the answer
	 * @return the reply
	 */
	public static ZaiReply webSearch(WebSearchResponse response) {
		Assert.notNull(response, "response must not be null");
		return json(response);
	}

	/**
	 * The answer the server gives a web search when no reply is queued: as many results
	 * as the request's count (10 by default) about its query, and its intent when the
	 * request asks for it.
	 */
	static ZaiReply defaultWebSearch(ReceivedRequest request) {
		String query = request.body().path("search_query").asString("");
		int count = Math.max(1, Math.min(50, request.body().path("count").asInt(10)));
		SearchResult[] results = new SearchResult[count];
		for (int i = 0; i < count; i++) {
			int n = i + 1;
			results[i] = new SearchResult("Result " + n + " for " + query, "A page about " + query + ".",
					"https://example.com/search/" + n, "Example", "https://example.com/favicon.ico", "ref_" + n,
					"2026-01-01");
		}
		List<SearchIntent> intent = request.body().path("search_intent").asBoolean(false)
				? List.of(new SearchIntent(query, "SEARCH_ALL", query)) : List.of();
		String requestId = request.requestId();
		return json(new WebSearchResponse(nextId("web-search-"), Instant.now().getEpochSecond(), requestId, intent,
				List.of(results)));
	}

	/**
	 * Return an answer of {@code POST /rerank} with the given results (sent in the given
	 * order), a generated id and usage.
	 * @param results the results, each with the index of its document
	 * @return the reply
	 */
	public static ZaiReply rerank(RerankResult... results) {
		Assert.noNullElements(results, "results must not contain null");
		return json(new RerankWire(nextId("rerank-"), Instant.now().getEpochSecond(), null, List.of(results),
				new RerankUsage(10 * results.length, 10 * results.length)));
	}

	/**
	 * Return an answer of {@code POST /rerank} with exactly the given content.
	 * @param response the answer
	 * @return the reply
	 */
	public static ZaiReply rerank(RerankResponse response) {
		Assert.notNull(response, "response must not be null");
		return json(new RerankWire(response.id(), response.created(), response.requestId(), response.results(),
				response.usage()));
	}

	/**
	 * The answer the server gives a rerank when no reply is queued: each document scored
	 * by the share of the query's words it contains, best first, as many as {@code top_n}
	 * asks for, with the documents when {@code return_documents} is set.
	 */
	static ZaiReply defaultRerank(ReceivedRequest request) {
		Set<String> queryWords = words(request.body().path("query").asString(""));
		boolean returnDocuments = request.body().path("return_documents").asBoolean(false);
		List<RerankResult> results = new ArrayList<>();
		int index = 0;
		int tokens = queryWords.size();
		for (var document : request.body().path("documents")) {
			String text = document.asString("");
			Set<String> documentWords = words(text);
			tokens += documentWords.size();
			long shared = queryWords.stream().filter(documentWords::contains).count();
			double score = queryWords.isEmpty() ? 0 : (double) shared / queryWords.size();
			results.add(new RerankResult(index++, score, returnDocuments ? text : null));
		}
		results.sort(Comparator.comparingDouble(RerankResult::relevanceScore).reversed());
		int topN = request.body().path("top_n").asInt(0);
		List<RerankResult> top = (topN > 0 && topN < results.size()) ? results.subList(0, topN) : results;
		return json(new RerankWire(nextId("rerank-"), Instant.now().getEpochSecond(), request.requestId(),
				List.copyOf(top), new RerankUsage(tokens, tokens)));
	}

	private static Set<String> words(String text) {
		Set<String> words = new HashSet<>(Arrays.asList(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")));
		words.remove("");
		return words;
	}

	static String nextId(String prefix) {
		return prefix + ids.incrementAndGet();
	}

	static ZaiReply json(Object answer) {
		return ZaiReply.rawBody(200, ReplyWriter.JSON, new String(WireJson.write(answer), StandardCharsets.UTF_8));
	}

	/**
	 * A rerank answer written in the order given: {@link RerankResponse} sorts its
	 * results, and a test may want to send them unsorted.
	 */
	private record RerankWire(@JsonProperty("id") @Nullable String id, @JsonProperty("created") @Nullable Long created,
			@JsonProperty("request_id") @Nullable String requestId, @JsonProperty("results") List<RerankResult> results,
			@JsonProperty("usage") @Nullable RerankUsage usage) {

	}

}
