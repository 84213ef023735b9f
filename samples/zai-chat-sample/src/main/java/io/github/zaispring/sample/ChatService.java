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

import java.util.ArrayList;
import java.util.List;

import io.github.zaispring.ZaiAuthenticationException;
import io.github.zaispring.ZaiException;
import io.github.zaispring.ZaiQuotaExceededException;
import io.github.zaispring.chat.ChatCompletion;
import io.github.zaispring.chat.ChatCompletionChunk;
import io.github.zaispring.chat.ChatMessage;
import io.github.zaispring.chat.ChatRequest;
import io.github.zaispring.chat.ZaiChatOperations;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * The application's use of the Z.AI client: a system prompt, the conversation so far and
 * the new question. A failure that only the operator can fix (a key Z.AI does not accept,
 * an account without quota) is logged once at WARN, since the people chatting cannot act
 * on it.
 *
 * @author zai-spring-boot contributors
 */
@Service
public class ChatService {

	private static final Log logger = LogFactory.getLog(ChatService.class);

	private static final String SYSTEM_PROMPT = "You are a helpful assistant. Answer briefly. "
			+ "Format your answers in Markdown.";

	private final ZaiChatOperations chat;

	public ChatService(ZaiChatOperations chat) {
		this.chat = chat;
	}

	/**
	 * Ask for a whole answer.
	 * @param history the conversation so far, oldest turn first
	 * @param question the new question
	 * @return the completion
	 */
	public Mono<ChatCompletion> ask(List<Turn> history, String question) {
		return this.chat.chat(request(history, question)).doOnError(ChatService::warnOperator);
	}

	/**
	 * Ask for an answer streamed chunk by chunk.
	 * @param history the conversation so far, oldest turn first
	 * @param question the new question
	 * @return the chunks as they arrive
	 */
	public Flux<ChatCompletionChunk> stream(List<Turn> history, String question) {
		return this.chat.stream(request(history, question)).doOnError(ChatService::warnOperator);
	}

	private static ChatRequest request(List<Turn> history, String question) {
		List<ChatMessage> messages = new ArrayList<>(history.size() * 2 + 2);
		messages.add(ChatMessage.system(SYSTEM_PROMPT));
		for (Turn turn : history) {
			messages.add(ChatMessage.user(turn.question()));
			messages.add(ChatMessage.assistant(turn.answer()));
		}
		messages.add(ChatMessage.user(question));
		return ChatRequest.builder().messages(messages).build();
	}

	private static void warnOperator(Throwable ex) {
		if (ex instanceof ZaiAuthenticationException || ex instanceof ZaiQuotaExceededException) {
			ZaiException zai = (ZaiException) ex;
			logger.warn(ErrorMessages.describe(ex) + " (HTTP " + zai.getStatusCode() + ", Z.AI code "
					+ zai.getErrorCode() + ", request id " + zai.getRequestId() + ")");
		}
	}

}
