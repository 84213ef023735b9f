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
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * The endpoints other than chat that {@link ZaiMockServer} serves, each with the path it
 * answers under any prefix, its HTTP method, and its answer when neither a reply is
 * enqueued nor a responder set. A new endpoint is one more constant.
 *
 * @author zai-spring-boot contributors
 */
enum EndpointRoutes {

	EMBEDDINGS(path("/embeddings"), false, ZaiEmbeddingReplies::defaultReply),

	WEB_SEARCH(path("/web_search"), false, ZaiSearchReplies::defaultWebSearch),

	RERANK(path("/rerank"), false, ZaiSearchReplies::defaultRerank),

	MODERATIONS(path("/moderations"), false, ZaiModerationReplies::defaultModeration),

	TOKENIZER(path("/tokenizer"), false, ZaiEndpointReplies::defaultReply),

	ASYNC_CHAT(path("/async/chat/completions"), false, ZaiEndpointReplies::defaultReply),

	ASYNC_RESULT(ZaiEndpointReplies::isResult, true, ZaiVideoReplies::defaultResult),

	IMAGES(path("/images/generations"), false, ZaiEndpointReplies::defaultReply),

	VIDEOS(path("/videos/generations"), false, ZaiVideoReplies::defaultSubmit),

	TRANSCRIPTIONS(path("/audio/transcriptions"), false, ZaiAudioReplies::defaultTranscription),

	SPEECH(path("/audio/speech"), false, ZaiAudioReplies::defaultSpeech);

	private final Predicate<String> matches;

	private final boolean get;

	private final Function<ReceivedRequest, ZaiReply> defaultReply;

	EndpointRoutes(Predicate<String> matches, boolean get, Function<ReceivedRequest, ZaiReply> defaultReply) {
		this.matches = matches;
		this.get = get;
		this.defaultReply = defaultReply;
	}

	private static Predicate<String> path(String suffix) {
		return (path) -> path.endsWith(suffix);
	}

	/**
	 * Return the route of a request path, under any prefix.
	 * @param path the request path
	 * @return the route, or {@code null} when the path is not one of these endpoints
	 */
	static @Nullable EndpointRoutes of(String path) {
		for (EndpointRoutes route : values()) {
			if (route.matches.test(path)) {
				return route;
			}
		}
		return null;
	}

	/**
	 * Return whether the endpoint is read with {@code GET}, without a body; the others
	 * are {@code POST}s of a JSON object (or of a form, which reads as one).
	 */
	boolean isGet() {
		return this.get;
	}

	/**
	 * The default responder of the server: the default reply of an endpoint, and for chat
	 * {@code "You said: <last user message>"}.
	 */
	static ZaiReply defaultOrEcho(ReceivedRequest request) {
		EndpointRoutes route = of(request.path());
		if (route != null) {
			return route.defaultReply(request);
		}
		String message = request.lastUserMessage();
		return ZaiReply.text("You said: " + ((message != null) ? message : ""));
	}

	ZaiReply defaultReply(ReceivedRequest request) {
		return this.defaultReply.apply(request);
	}

}
