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

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The answer of a rerank.
 *
 * @param id the id of the answer
 * @param created when the answer was created, in seconds since the epoch, or {@code null}
 * @param requestId the request id, or {@code null}
 * @param results the results, best first (highest relevance score); never {@code null}
 * @param usage the tokens counted, or {@code null} when not reported
 * @author zai-spring-boot contributors
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RerankResponse(@JsonProperty("id") @Nullable String id, @JsonProperty("created") @Nullable Long created,
		@JsonProperty("request_id") @Nullable String requestId, @JsonProperty("results") List<RerankResult> results,
		@JsonProperty("usage") @Nullable RerankUsage usage) {

	private static final Comparator<RerankResult> BEST_FIRST = Comparator.comparingDouble(RerankResult::relevanceScore)
		.reversed();

	/**
	 * Create a response with its results best first: the order of the server's results is
	 * not documented, so they are sorted here (stably, so that equal scores keep the
	 * server's order).
	 */
	public RerankResponse {
		results = (results != null) ? results.stream().filter(Objects::nonNull).sorted(BEST_FIRST).toList() : List.of();
	}

}
