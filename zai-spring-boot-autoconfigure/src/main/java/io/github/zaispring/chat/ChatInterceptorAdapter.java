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

import io.github.zaispring.ZaiCall;
import io.github.zaispring.ZaiInterceptor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a {@link ZaiChatInterceptor} as a {@link ZaiInterceptor}: on chat calls only, with
 * the single answer of a call as a {@code Mono}, as the chat interceptor expects.
 *
 * @author zai-spring-boot contributors
 */
@SuppressWarnings("deprecation")
final class ChatInterceptorAdapter implements ZaiInterceptor {

	private final ZaiChatInterceptor delegate;

	ChatInterceptorAdapter(ZaiChatInterceptor delegate) {
		this.delegate = delegate;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> Flux<T> intercept(ZaiCall call, Flux<T> exchange) {
		if (!(call.request() instanceof ChatRequest request)) {
			return exchange;
		}
		if (call.streaming()) {
			return (Flux<T>) this.delegate.interceptStream(request, call.serverAddress(),
					(Flux<ChatCompletionChunk>) exchange);
		}
		Mono<ChatCompletion> answer = Mono.fromDirect((Flux<ChatCompletion>) exchange);
		return (Flux<T>) this.delegate.interceptCall(request, call.serverAddress(), answer).flux();
	}

	@Override
	public String toString() {
		return "ChatInterceptorAdapter[" + this.delegate + "]";
	}

}
