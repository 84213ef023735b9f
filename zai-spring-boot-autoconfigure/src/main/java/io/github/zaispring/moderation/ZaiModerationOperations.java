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

package io.github.zaispring.moderation;

import reactor.core.publisher.Mono;

/**
 * Reviews content for safety risks through Z.AI's moderation API
 * ({@code POST /moderations}): text, or the URLs of images, videos and audio. Implemented
 * by {@link ZaiModerationTemplate}.
 *
 * @author zai-spring-boot contributors
 */
public interface ZaiModerationOperations {

	/**
	 * Moderate content; a request that names no model takes the configured one
	 * ({@code zai.moderation.model}).
	 * @param request the text or the parts to review, and the options
	 * @return the verdict of each part; fails with a
	 * {@link io.github.zaispring.ZaiException} subclass when the API refuses the request
	 * or cannot be reached
	 */
	Mono<ModerationResponse> moderate(ModerationRequest request);

	/**
	 * Moderate a text with the configured model; the text is sent as a plain string.
	 * @param text the text, not blank
	 * @return the verdict; fails as {@link #moderate(ModerationRequest)} does
	 * @throws IllegalArgumentException when the text is {@code null} or blank; no request
	 * is sent then
	 */
	Mono<ModerationResponse> moderate(String text);

}
