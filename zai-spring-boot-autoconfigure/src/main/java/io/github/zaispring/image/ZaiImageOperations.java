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

import reactor.core.publisher.Mono;

/**
 * Operations of the Z.AI image generation API ({@code POST /images/generations}).
 * Implemented by {@link ZaiImageTemplate}; inject this interface to keep application code
 * independent of the implementation.
 * <p>
 * Every method is lazy: nothing is sent until the returned {@code Mono} is subscribed.
 * Failures arrive as error signals carrying a {@link io.github.zaispring.ZaiException}.
 *
 * @author zai-spring-boot contributors
 */
public interface ZaiImageOperations {

	/**
	 * Generate images. A request that names no model takes the configured default
	 * ({@code zai.image.model}).
	 * @param request the request
	 * @return the answer: the URLs of the images (temporary, download them) and the
	 * content filter's verdicts; fails with a {@link io.github.zaispring.ZaiApiException}
	 * subclass for an error answer
	 */
	Mono<ImageResponse> generate(ImageRequest request);

	/**
	 * Generate one image from a prompt with the configured defaults.
	 * @param prompt the description of the image, not empty
	 * @return the URL of the image; fails like {@link #generate(ImageRequest)}, and with
	 * a {@link io.github.zaispring.ZaiException} when the answer has no image
	 */
	Mono<String> generate(String prompt);

}
