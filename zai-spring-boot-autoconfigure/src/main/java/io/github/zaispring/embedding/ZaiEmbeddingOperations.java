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

package io.github.zaispring.embedding;

import java.util.List;

import reactor.core.publisher.Mono;

/**
 * Operations of the Z.AI embeddings API ({@code POST /embeddings}): text in, vectors out.
 * Any number of texts may be embedded at once; an implementation sends them in batches
 * within the API's limit and returns the vectors in the order of the texts.
 *
 * @author zai-spring-boot contributors
 * @see ZaiEmbeddingTemplate
 */
public interface ZaiEmbeddingOperations {

	/**
	 * Embed the texts of a request, with the configured model and dimensions where the
	 * request sets none.
	 * @param request the request
	 * @return the embeddings, one per input, in input order ({@link Embedding#index()} is
	 * the position of its input), with the usage of all batches summed; fails with a
	 * {@link io.github.zaispring.ZaiException} when any batch fails
	 */
	Mono<EmbeddingResponse> embed(EmbeddingRequest request);

	/**
	 * Embed texts with the configured model and dimensions.
	 * @param texts the texts, none blank
	 * @return the vectors, one per text, in the order of the texts; fails with a
	 * {@link io.github.zaispring.ZaiException} when any batch fails
	 * @throws IllegalArgumentException when the list is empty or a text is blank
	 */
	Mono<List<float[]>> embed(List<String> texts);

}
