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

package io.github.zaispring.image;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code POST /images/generations}.
 *
 * @param created the creation time, Unix seconds
 * @param images the generated images (currently exactly one), never {@code null}
 * @param contentFilter the content filter's verdicts, empty when none was returned
 * @author zai-spring-boot contributors
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImageResponse(@JsonProperty("created") @Nullable Long created, @JsonProperty("data") List<Image> images,
		@JsonProperty("content_filter") List<ContentFilter> contentFilter) {

	/**
	 * Create a response; {@code null} lists become empty.
	 * @param created the creation time
	 * @param images the images
	 * @param contentFilter the content filter's verdicts
	 */
	public ImageResponse(@Nullable Long created, @Nullable List<Image> images,
			@Nullable List<ContentFilter> contentFilter) {
		this.created = created;
		this.images = (images != null) ? List.copyOf(images) : List.of();
		this.contentFilter = (contentFilter != null) ? List.copyOf(contentFilter) : List.of();
	}

	/**
	 * One generated image.
	 *
	 * @param url the URL of the image; temporary (30 days), download it
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Image(@JsonProperty("url") @Nullable String url) {

	}

	/**
	 * A verdict of the content filter.
	 *
	 * @param role what the verdict is about: {@code assistant} (the image), {@code user}
	 * (the prompt) or {@code history}
	 * @param level the severity, from 0 (most severe) to 3
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record ContentFilter(@JsonProperty("role") @Nullable String role,
			@JsonProperty("level") @Nullable Integer level) {

	}

}
