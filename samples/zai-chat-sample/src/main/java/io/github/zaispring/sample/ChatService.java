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
import java.util.Locale;
import java.util.Objects;

import io.github.zaispring.ZaiAuthenticationException;
import io.github.zaispring.ZaiException;
import io.github.zaispring.ZaiQuotaExceededException;
import io.github.zaispring.chat.ChatCompletion;
import io.github.zaispring.chat.ChatCompletionChunk;
import io.github.zaispring.chat.ChatMessage;
import io.github.zaispring.chat.ChatRequest;
import io.github.zaispring.chat.ZaiChatOperations;
import io.github.zaispring.websearch.SearchResult;
import io.github.zaispring.websearch.ZaiWebSearchOperations;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
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

	/**
	 * The longest search query sent; Z.AI's own search engines accept 70 characters.
	 */
	static final int MAX_QUERY_LENGTH = 70;

	private static final String SOURCES_PROMPT = "Answer from these web search results where they help, "
			+ "and cite them by number as [1], [2] and so on:";

	private final ZaiChatOperations chat;

	private final ZaiWebSearchOperations webSearch;

	public ChatService(ZaiChatOperations chat, ZaiWebSearchOperations webSearch) {
		this.chat = chat;
		this.webSearch = webSearch;
	}

	/**
	 * Search the web for a question, to ground its answer on the results.
	 * @param question the question, whose first {@value #MAX_QUERY_LENGTH} characters
	 * become the query
	 * @return the results that have a web link ({@code http} or {@code https}), in the
	 * search engine's order
	 */
	public Mono<List<Source>> search(String question) {
		return this.webSearch.search(query(question))
			.map((response) -> response.results().stream().map(Source::of).filter(Objects::nonNull).toList())
			.doOnError(ChatService::warnOperator);
	}

	/**
	 * Count the prompt tokens of the request that {@link #ask} would send for a draft,
	 * without sources.
	 * @param history the conversation so far, oldest turn first
	 * @param draft the message being written
	 * @return the number of prompt tokens
	 */
	public Mono<Integer> countTokens(List<Turn> history, String draft) {
		return this.chat.countTokens(request(history, draft, List.of())).doOnError(ChatService::warnOperator);
	}

	/**
	 * Ask for a whole answer.
	 * @param history the conversation so far, oldest turn first
	 * @param question the new question
	 * @return the completion
	 */
	public Mono<ChatCompletion> ask(List<Turn> history, String question) {
		return ask(history, question, List.of());
	}

	/**
	 * Ask for a whole answer grounded on web search results.
	 * @param history the conversation so far, oldest turn first
	 * @param question the new question
	 * @param sources the search results to answer from, none for an ungrounded answer
	 * @return the completion
	 */
	public Mono<ChatCompletion> ask(List<Turn> history, String question, List<Source> sources) {
		return this.chat.chat(request(history, question, sources)).doOnError(ChatService::warnOperator);
	}

	/**
	 * Ask for an answer streamed chunk by chunk.
	 * @param history the conversation so far, oldest turn first
	 * @param question the new question
	 * @return the chunks as they arrive
	 */
	public Flux<ChatCompletionChunk> stream(List<Turn> history, String question) {
		return stream(history, question, List.of());
	}

	/**
	 * Ask for an answer grounded on web search results, streamed chunk by chunk.
	 * @param history the conversation so far, oldest turn first
	 * @param question the new question
	 * @param sources the search results to answer from, none for an ungrounded answer
	 * @return the chunks as they arrive
	 */
	public Flux<ChatCompletionChunk> stream(List<Turn> history, String question, List<Source> sources) {
		return this.chat.stream(request(history, question, sources)).doOnError(ChatService::warnOperator);
	}

	private static ChatRequest request(List<Turn> history, String question, List<Source> sources) {
		List<ChatMessage> messages = new ArrayList<>(history.size() * 2 + 2);
		messages.add(ChatMessage.system(SYSTEM_PROMPT + (sources.isEmpty() ? "" : "\n\n" + describe(sources))));
		for (Turn turn : history) {
			messages.add(ChatMessage.user(turn.question()));
			messages.add(ChatMessage.assistant(turn.answer()));
		}
		messages.add(ChatMessage.user(question));
		return ChatRequest.builder().messages(messages).build();
	}

	static String query(String question) {
		String query = question.strip().replaceAll("\\s+", " ");
		if (query.length() <= MAX_QUERY_LENGTH) {
			return query;
		}
		int end = MAX_QUERY_LENGTH;
		if (Character.isHighSurrogate(query.charAt(end - 1))) {
			end--;
		}
		return query.substring(0, end);
	}

	private static String describe(List<Source> sources) {
		StringBuilder text = new StringBuilder(SOURCES_PROMPT);
		for (int i = 0; i < sources.size(); i++) {
			Source source = sources.get(i);
			text.append("\n\n[").append(i + 1).append("] ").append(source.title()).append(" (").append(source.link());
			text.append(")\n").append(source.content());
		}
		return text.toString();
	}

	private static void warnOperator(Throwable ex) {
		if (ex instanceof ZaiAuthenticationException || ex instanceof ZaiQuotaExceededException) {
			ZaiException zai = (ZaiException) ex;
			logger.warn(ErrorMessages.describe(ex) + " (HTTP " + zai.getStatusCode() + ", Z.AI code "
					+ zai.getErrorCode() + ", request id " + zai.getRequestId() + ")");
		}
	}

	/**
	 * A web page an answer is grounded on.
	 *
	 * @param title the page's title, or its link when it has none
	 * @param link the page's address, always {@code http} or {@code https}
	 * @param content what the search engine quoted from the page
	 */
	public record Source(String title, String link, String content) {

		static @Nullable Source of(SearchResult result) {
			String link = result.link();
			if (link == null || !isWebLink(link)) {
				return null;
			}
			link = link.strip();
			String title = (result.title() != null && !result.title().isBlank()) ? result.title().strip() : link;
			return new Source(title, link, (result.content() != null) ? result.content().strip() : "");
		}

		private static boolean isWebLink(String link) {
			String lower = link.strip().toLowerCase(Locale.ROOT);
			return lower.startsWith("https://") || lower.startsWith("http://");
		}

	}

}
