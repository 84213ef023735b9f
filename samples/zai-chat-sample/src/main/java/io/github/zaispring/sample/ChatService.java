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

package io.github.zaispring.sample;

import io.github.zaispring.chat.ChatCompletion;
import io.github.zaispring.chat.ChatCompletionChunk;
import io.github.zaispring.chat.ChatRequest;
import io.github.zaispring.chat.ZaiChatOperations;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * The application's use of the Z.AI client: one system prompt, one user message.
 *
 * @author zai-spring-boot contributors
 */
@Service
public class ChatService {

	private static final String SYSTEM_PROMPT = "You are a helpful assistant. Answer briefly.";

	private final ZaiChatOperations chat;

	public ChatService(ZaiChatOperations chat) {
		this.chat = chat;
	}

	/**
	 * Ask for a whole answer.
	 * @param message the user's message
	 * @return the completion
	 */
	public Mono<ChatCompletion> ask(String message) {
		return this.chat.chat(request(message));
	}

	/**
	 * Ask for an answer streamed chunk by chunk.
	 * @param message the user's message
	 * @return the chunks as they arrive
	 */
	public Flux<ChatCompletionChunk> stream(String message) {
		return this.chat.stream(request(message));
	}

	private static ChatRequest request(String message) {
		return ChatRequest.builder().system(SYSTEM_PROMPT).user(message).build();
	}

}
