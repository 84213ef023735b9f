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

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.netty.http.server.HttpServerResponse;

import io.netty.handler.codec.http.HttpMethod;

/**
 * The answers {@link ZaiMockServer} gives, as Z.AI does, to a request it will not serve:
 * an unknown path, the wrong method, a missing or wrong key, a body that is not a JSON
 * object.
 *
 * @author zai-spring-boot contributors
 */
final class RequestChecks {

	private static final String CHAT_PATH = "/chat/completions";

	private RequestChecks() {
	}

	/**
	 * Return the error answer of a request that cannot be served, or {@code null} when it
	 * can.
	 */
	static @Nullable Publisher<Void> reject(ReceivedRequest request, HttpMethod method, @Nullable String apiKey,
			HttpServerResponse response) {
		EndpointRoutes route = EndpointRoutes.of(request.path());
		if (route == null && !request.path().endsWith(CHAT_PATH)) {
			return ReplyWriter.error(response, 404, "1222", "API " + request.path() + " does not exist");
		}
		boolean get = route != null && route.isGet();
		if (!(get ? HttpMethod.GET : HttpMethod.POST).equals(method)) {
			return ReplyWriter.error(response, 405, "1212", "Method " + method + " is not supported");
		}
		if (apiKey != null) {
			String authorization = request.header("Authorization");
			if (authorization == null || authorization.isBlank()) {
				return ReplyWriter.error(response, 401, "1001", "Authorization Token Missing");
			}
			if (!authorization.equals("Bearer " + apiKey)) {
				return ReplyWriter.error(response, 401, "1002",
						"Authorization Token is invalid, please ensure that the Authorization Token is correctly provided.");
			}
		}
		if (!get && !request.body().isObject()) {
			return ReplyWriter.error(response, 400, "1214", "Invalid request body: not a JSON object");
		}
		return null;
	}

}
