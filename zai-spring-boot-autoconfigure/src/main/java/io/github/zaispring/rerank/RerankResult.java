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

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The relevance of one document to the query.
 *
 * @param index the position of the document in the request's documents
 * @param relevanceScore how relevant the document is; higher is better
 * @param document the document text, when the request asked for {@code return_documents},
 * else {@code null}
 * @author zai-spring-boot contributors
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RerankResult(@JsonProperty("index") int index, @JsonProperty("relevance_score") double relevanceScore,
		@JsonProperty("document") @Nullable String document) {

}
