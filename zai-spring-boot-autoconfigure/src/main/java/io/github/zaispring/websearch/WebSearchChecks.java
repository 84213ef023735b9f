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

import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The limits of the Web Search API, checked before a request is sent, each written once.
 *
 * @author zai-spring-boot contributors
 */
final class WebSearchChecks {

	/**
	 * The most results one search returns.
	 */
	static final int MAX_COUNT = 50;

	/**
	 * The longest query the {@code open.bigmodel.cn} engines take (docs.bigmodel.cn);
	 * docs.z.ai states no limit for {@code search-prime}, so none is enforced there.
	 */
	static final int MAX_BIGMODEL_QUERY_LENGTH = 70;

	private static final Set<String> BIGMODEL_ENGINES = Set.of(SearchEngines.SEARCH_STD, SearchEngines.SEARCH_PRO,
			SearchEngines.SEARCH_PRO_SOGOU, SearchEngines.SEARCH_PRO_QUARK);

	private WebSearchChecks() {
	}

	static String query(@Nullable String query) {
		Assert.isTrue(query != null && !query.isBlank(), "query must not be empty; pass the text to search for");
		return query;
	}

	static String searchEngine(String name, @Nullable String searchEngine) {
		Assert.isTrue(
				searchEngine != null && !searchEngine.isBlank()
						&& searchEngine.chars().noneMatch(Character::isWhitespace),
				() -> name + " must be a search engine such as " + SearchEngines.SEARCH_PRIME + " (api.z.ai) or "
						+ SearchEngines.SEARCH_STD + " (open.bigmodel.cn), without spaces, but was '" + searchEngine
						+ "'");
		return searchEngine;
	}

	static int count(String name, int count) {
		Assert.isTrue(count >= 1 && count <= MAX_COUNT,
				() -> name + " must be between 1 and " + MAX_COUNT + ", but was " + count);
		return count;
	}

	static String domain(String domain) {
		Assert.isTrue(
				!domain.isBlank() && !domain.contains("/") && !domain.contains(",")
						&& domain.chars().noneMatch(Character::isWhitespace),
				() -> "domainFilter must be one domain such as www.example.com, without scheme, path, spaces or "
						+ "commas, but was '" + domain + "'");
		return domain;
	}

	/**
	 * Check the rules that tie the count and the query to the search engine.
	 */
	static void checkForEngine(@Nullable String engine, @Nullable Integer count, String query) {
		Assert.isTrue(!SearchEngines.SEARCH_PRO_SOGOU.equals(engine) || count == null || count % 10 == 0,
				() -> "count must be 10, 20, 30, 40 or 50 with the search engine " + SearchEngines.SEARCH_PRO_SOGOU
						+ ", but was " + count);
		Assert.isTrue(
				engine == null || !BIGMODEL_ENGINES.contains(engine) || query.length() <= MAX_BIGMODEL_QUERY_LENGTH,
				() -> "query must be at most " + MAX_BIGMODEL_QUERY_LENGTH + " characters with the search engine "
						+ engine + ", but has " + query.length());
	}

}
