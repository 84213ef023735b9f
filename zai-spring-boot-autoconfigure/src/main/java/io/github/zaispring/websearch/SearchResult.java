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
 * One page found by a web search. The same shape as the chat package's
 * {@code WebSearchResult}; it has a type of its own because endpoint packages do not
 * depend on each other.
 *
 * @param title the page title
 * @param content a summary of the page, as long as the request's content size asks
 * @param link the page URL
 * @param media the name of the site
 * @param icon the URL of the site's icon
 * @param refer the reference label, such as {@code ref_1}
 * @param publishDate the publication date as the server sends it, such as
 * {@code 2026-02-11}; may be empty
 * @author zai-spring-boot contributors
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SearchResult(@JsonProperty("title") @Nullable String title,
		@JsonProperty("content") @Nullable String content, @JsonProperty("link") @Nullable String link,
		@JsonProperty("media") @Nullable String media, @JsonProperty("icon") @Nullable String icon,
		@JsonProperty("refer") @Nullable String refer, @JsonProperty("publish_date") @Nullable String publishDate) {

}
