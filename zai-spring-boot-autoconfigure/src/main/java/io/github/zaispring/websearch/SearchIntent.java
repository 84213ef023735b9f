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

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * What the server understood a web search to ask for, returned when it ran intent
 * recognition.
 *
 * @param query the query as it was searched
 * @param intent the recognised intent, such as {@code SEARCH_ALL}; the full list of
 * values is not documented, so it is kept as sent
 * @param keywords the keywords extracted from the query
 * @author zai-spring-boot contributors
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SearchIntent(@JsonProperty("query") @Nullable String query,
		@JsonProperty("intent") @Nullable String intent, @JsonProperty("keywords") @Nullable String keywords) {

}
