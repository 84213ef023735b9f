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

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The answer of a web search.
 *
 * @param id the id of the answer
 * @param created when the answer was created, in seconds since the epoch
 * @param requestId the request id, the caller's or one the server generated
 * @param searchIntent what the server understood the query to ask for; empty unless it
 * ran intent recognition
 * @param results the pages found, in the server's order; never {@code null}
 * @author zai-spring-boot contributors
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebSearchResponse(@JsonProperty("id") @Nullable String id,
		@JsonProperty("created") @Nullable Long created, @JsonProperty("request_id") @Nullable String requestId,
		// the docs and the Java SDK send arrays, the Python SDK models single objects:
		// take both
		@JsonProperty("search_intent") @JsonFormat(
				with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<SearchIntent> searchIntent,
		@JsonProperty("search_result") @JsonFormat(
				with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<SearchResult> results) {

	/**
	 * Create a response; absent lists (which the server may leave out) become empty ones.
	 */
	public WebSearchResponse {
		searchIntent = (searchIntent != null) ? searchIntent.stream().filter(Objects::nonNull).toList() : List.of();
		results = (results != null) ? results.stream().filter(Objects::nonNull).toList() : List.of();
	}

}
