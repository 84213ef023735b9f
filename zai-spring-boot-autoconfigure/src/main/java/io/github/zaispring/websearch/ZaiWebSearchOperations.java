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

import reactor.core.publisher.Mono;

/**
 * Searches the web through Z.AI's Web Search API ({@code POST /web_search}), for answers
 * grounded in current pages. Implemented by {@link ZaiWebSearchTemplate}.
 *
 * @author zai-spring-boot contributors
 */
public interface ZaiWebSearchOperations {

	/**
	 * Run a search; options the request leaves unset take the configured defaults
	 * ({@code zai.web-search.*}).
	 * @param request the search
	 * @return the results and, when the server ran intent recognition, the search intent;
	 * fails with a {@link io.github.zaispring.ZaiException} subclass when the API refuses
	 * the request or cannot be reached
	 * @throws IllegalArgumentException when the request, with the defaults applied, is
	 * invalid (for example a count that the search engine does not accept); no request is
	 * sent then
	 */
	Mono<WebSearchResponse> search(WebSearchRequest request);

	/**
	 * Search for the given query with the configured defaults.
	 * @param query the search query, not blank
	 * @return the results; fails as {@link #search(WebSearchRequest)} does
	 * @throws IllegalArgumentException when the query is blank or too long for the
	 * configured search engine
	 */
	Mono<WebSearchResponse> search(String query);

}
