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

package io.github.zaispring.observation;

import io.github.zaispring.chat.ChatCompletion;
import io.github.zaispring.chat.ChatRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Context of the observation of one chat call or one stream: the request, what came back,
 * and how it went; the {@link ZaiObservationContext} of a chat call. Created by the
 * client for each {@code chat(..)} or {@code stream(..)} subscription; a failure is the
 * observation's {@link #getError() error}.
 *
 * @author zai-spring-boot contributors
 * @see ZaiChatObservationDocumentation
 * @see DefaultZaiChatObservationConvention
 */
public class ZaiChatObservationContext extends ZaiObservationContext {

	private final ChatRequest request;

	/**
	 * Create a context for a call that is not streamed.
	 * @param request the request as sent, with the model resolved
	 */
	public ZaiChatObservationContext(ChatRequest request) {
		this(request, false);
	}

	/**
	 * Create a context.
	 * @param request the request as sent, with the model resolved
	 * @param streaming whether the answer is streamed
	 */
	public ZaiChatObservationContext(ChatRequest request, boolean streaming) {
		super("chat", modelOf(request), streaming);
		this.request = request;
	}

	private static @Nullable String modelOf(ChatRequest request) {
		Assert.notNull(request, "'request' must not be null");
		return request.model();
	}

	/**
	 * Return the request.
	 * @return the request
	 */
	public ChatRequest getRequest() {
		return this.request;
	}

	/**
	 * Return the answer: the completion of a call, or the chunks of a stream folded into
	 * one completion.
	 * @return the answer, or {@code null} when none (or, for a stream, nothing) arrived
	 */
	public @Nullable ChatCompletion getResponse() {
		return (getResult() instanceof ChatCompletion completion) ? completion : null;
	}

	/**
	 * Set the answer. For a stream, set the completion folded from the chunks received,
	 * also when the stream fails or is cancelled part way.
	 * @param response the answer
	 */
	public void setResponse(@Nullable ChatCompletion response) {
		setResult(response);
	}

}
