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

package io.github.zaispring.test;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The paths the {@link ZaiMockServer} serves besides chat, and the answer each gives when
 * no reply is queued and no responder was set. Kept out of the server so that an endpoint
 * adds one line here.
 *
 * @author zai-spring-boot contributors
 */
enum EndpointRoutes {

	WEB_SEARCH("/web_search", ZaiEndpointReplies::defaultWebSearch),

	RERANK("/rerank", ZaiEndpointReplies::defaultRerank);

	private final String path;

	private final Function<ReceivedRequest, ZaiReply> defaultReply;

	EndpointRoutes(String path, Function<ReceivedRequest, ZaiReply> defaultReply) {
		this.path = path;
		this.defaultReply = defaultReply;
	}

	/**
	 * Return the route of a request path, under any prefix.
	 * @param path the request path
	 * @return the route, or {@code null} when the path is not one of these endpoints
	 */
	static @Nullable EndpointRoutes of(String path) {
		for (EndpointRoutes route : values()) {
			if (path.endsWith(route.path)) {
				return route;
			}
		}
		return null;
	}

	ZaiReply defaultReply(ReceivedRequest request) {
		return this.defaultReply.apply(request);
	}

}
