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

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Wraps every call and every stream of a {@link ZaiChatTemplate}, outside retries and the
 * concurrency limit: the hook through which observations, logging or auditing see each
 * exchange once, from subscription to completion, failure or cancellation.
 * <p>
 * The request passed in has the configured defaults applied. An interceptor may read
 * {@link #ATTEMPTS_CONTEXT_KEY} from the Reactor context it writes to learn how many
 * attempts an exchange took.
 *
 * <p>
 * <strong>Migration:</strong> implement {@link io.github.zaispring.ZaiInterceptor}
 * instead, which sees the calls of every endpoint (chat, embeddings, ...) through one
 * method: the request is {@link io.github.zaispring.ZaiCall#request()} (a
 * {@link ChatRequest} for chat), a single answer arrives as a {@code Flux} of one
 * element, and {@link io.github.zaispring.ZaiCall#attempts()} replaces
 * {@link #ATTEMPTS_CONTEXT_KEY}. Chat interceptors still work: beans of this type, and
 * interceptors given to {@link ZaiChatTemplate.Builder#interceptor(ZaiChatInterceptor)},
 * are run as a {@code ZaiInterceptor} on chat calls.
 *
 * @author zai-spring-boot contributors
 * @see ZaiChatTemplate.Builder#interceptor(ZaiChatInterceptor)
 * @deprecated since 0.2.0 in favour of {@link io.github.zaispring.ZaiInterceptor}
 */
@Deprecated(since = "0.2.0")
public interface ZaiChatInterceptor {

	/**
	 * Key of an {@link java.util.concurrent.atomic.AtomicInteger} that an interceptor may
	 * put in the Reactor context; the template increments it on every attempt.
	 */
	String ATTEMPTS_CONTEXT_KEY = "io.github.zaispring.chat.ZaiChatInterceptor.attempts";

	/**
	 * Wrap a call.
	 * @param request the request, defaults applied
	 * @param serverAddress the host of the API
	 * @param call the call, which starts on subscription
	 * @return the wrapped call
	 */
	Mono<ChatCompletion> interceptCall(ChatRequest request, String serverAddress, Mono<ChatCompletion> call);

	/**
	 * Wrap a stream.
	 * @param request the request, defaults applied
	 * @param serverAddress the host of the API
	 * @param stream the stream, which starts on subscription
	 * @return the wrapped stream
	 */
	Flux<ChatCompletionChunk> interceptStream(ChatRequest request, String serverAddress,
			Flux<ChatCompletionChunk> stream);

}
