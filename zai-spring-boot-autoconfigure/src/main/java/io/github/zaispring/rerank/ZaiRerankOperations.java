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

import java.util.List;

import reactor.core.publisher.Mono;

/**
 * Orders documents by their relevance to a query through Z.AI's rerank API
 * ({@code POST /rerank}), for retrieval that keeps the best candidates. Implemented by
 * {@link ZaiRerankTemplate}.
 *
 * @author zai-spring-boot contributors
 */
public interface ZaiRerankOperations {

	/**
	 * Rerank documents; a request that names no model takes the configured one
	 * ({@code zai.rerank.model}).
	 * @param request the query, the documents and the options
	 * @return the results, best first, each with the index of its document in the
	 * request; fails with a {@link io.github.zaispring.ZaiException} subclass when the
	 * API refuses the request or cannot be reached
	 */
	Mono<RerankResponse> rerank(RerankRequest request);

	/**
	 * Rerank documents with the configured model, returning a score for every document.
	 * @param query the query, not blank, at most 4096 characters
	 * @param documents 1 to 128 documents, none blank, each at most 4096 characters
	 * @return the results, best first; fails as {@link #rerank(RerankRequest)} does
	 * @throws IllegalArgumentException when the query or the documents break these
	 * limits; no request is sent then
	 */
	Mono<RerankResponse> rerank(String query, List<String> documents);

}
