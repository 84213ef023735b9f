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

package io.github.zaispring.chat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A web search result returned with a completion when the {@code web_search} tool ran
 * with {@code search_result} enabled.
 *
 * @param title the page title
 * @param content a content excerpt
 * @param link the page URL
 * @param media the site name
 * @param icon the site icon URL
 * @param refer the reference label used in the answer
 * @param publishDate the publication date as sent by the server
 * @author zai-spring-boot
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebSearchResult(@Nullable String title, @Nullable String content, @Nullable String link,
		@Nullable String media, @Nullable String icon, @Nullable String refer,
		@JsonProperty("publish_date") @Nullable String publishDate) {

}
