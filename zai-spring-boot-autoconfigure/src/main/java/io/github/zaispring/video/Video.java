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

package io.github.zaispring.video;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One generated video of a finished task.
 *
 * @param url the URL of the video; temporary, so download it
 * @param coverImageUrl the URL of its cover image, or {@code null} when not reported
 * @author zai-spring-boot contributors
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Video(@JsonProperty("url") @Nullable String url,
		@JsonProperty("cover_image_url") @Nullable String coverImageUrl) {

}
