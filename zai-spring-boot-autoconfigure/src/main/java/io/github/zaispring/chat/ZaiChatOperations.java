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
 * Operations of the Z.AI chat completions API ({@code POST /chat/completions}), in one
 * call or as a stream of chunks. Implemented by {@link ZaiChatTemplate}; inject this
 * interface to keep application code independent of the implementation and easy to
 * replace in tests.
 * <p>
 * Every method is lazy: nothing is sent until the returned publisher is subscribed, and
 * cancelling the subscription aborts the exchange. Failures arrive as error signals
 * carrying a {@link io.github.zaispring.ZaiException}.
 *
 * @author zai-spring-boot contributors
 */
public interface ZaiChatOperations {

	/**
	 * Send a chat request and receive the whole answer at once. Fields the request leaves
	 * unset take the configured defaults ({@code zai.chat.*}).
	 * @param request the request
	 * @return the completion; fails with a {@link io.github.zaispring.ZaiApiException}
	 * subclass for an error answer, a {@link io.github.zaispring.ZaiTimeoutException}
	 * when the response timeout elapses, or a {@link io.github.zaispring.ZaiException}
	 * when the server cannot be reached
	 */
	Mono<ChatCompletion> chat(ChatRequest request);

	/**
	 * Send a chat request and receive the answer as a stream of chunks, each emitted as
	 * soon as it arrives. The stream completes at the server's {@code data: [DONE]}; fold
	 * it with {@link ChatCompletion#fromChunks(java.util.List)}.
	 * @param request the request ({@code stream} is set by this method)
	 * @return the chunks; fails like {@link #chat(ChatRequest)}, and with a
	 * {@link io.github.zaispring.ZaiStreamException} when the stream is cut off before
	 * {@code [DONE]} or a chunk cannot be decoded
	 */
	Flux<ChatCompletionChunk> stream(ChatRequest request);

	/**
	 * Send one user message with the configured defaults and receive the reply text.
	 * @param userMessage the user's message, not empty
	 * @return the text of the reply; fails like {@link #chat(ChatRequest)}, and with a
	 * {@link io.github.zaispring.ZaiContentFilterException} or a
	 * {@link io.github.zaispring.ZaiStreamException} when the reply ended with finish
	 * reason {@code sensitive} or {@code network_error}, so that a truncated text is
	 * never mistaken for a whole one
	 */
	Mono<String> chat(String userMessage);

	/**
	 * Send one user message with the configured defaults and receive the reply text as it
	 * is generated. Only content deltas are emitted (no reasoning, no empty strings).
	 * @param userMessage the user's message, not empty
	 * @return the text deltas; fails like {@link #stream(ChatRequest)}, and with a
	 * {@link io.github.zaispring.ZaiContentFilterException} or a
	 * {@link io.github.zaispring.ZaiStreamException} when the reply ends with finish
	 * reason {@code sensitive} or {@code network_error}
	 */
	Flux<String> streamText(String userMessage);

	/**
	 * Count the prompt tokens of a chat request with Z.AI's tokenizer
	 * ({@code POST /tokenizer}): the tokens of exactly the request
	 * {@link #chat(ChatRequest)} would send, with the configured defaults applied (the
	 * same model, messages and function tools). Only what the tokenizer accepts is sent:
	 * model, messages, function tools, request id and user id.
	 * @param request the request
	 * @return the prompt tokens; fails like {@link #chat(ChatRequest)}
	 */
	Mono<Integer> countTokens(ChatRequest request);

	/**
	 * Submit a chat request to be answered asynchronously
	 * ({@code POST /async/chat/completions}), with the configured defaults applied. Fetch
	 * the answer with {@link #awaitResult(String)}.
	 * @param request the request
	 * @return the id of the task; fails like {@link #chat(ChatRequest)}
	 */
	Mono<String> submit(ChatRequest request);

	/**
	 * Wait for the answer of an asynchronous chat task by polling {@code GET
	 * /async-result/{id}} with growing intervals ({@code zai.async.*}), without blocking
	 * a thread. Cancelling the subscription stops the polling; every poll is retried like
	 * any call.
	 * @param taskId the id {@link #submit(ChatRequest)} returned
	 * @return the completion once the task succeeded; fails with a
	 * {@link io.github.zaispring.ZaiException} carrying the server's reason when the task
	 * failed, with a {@link io.github.zaispring.ZaiAsyncTimeoutException} naming the task
	 * id when {@code zai.async.max-wait} elapsed first (the task goes on: call this
	 * method again to resume), and like {@link #chat(ChatRequest)} when a poll fails
	 */
	Mono<ChatCompletion> awaitResult(String taskId);

}
