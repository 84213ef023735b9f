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

package io.github.zaispring.sample.ai;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.zaispring.sample.ai.DocsSearch.Source;
import io.github.zaispring.sample.ai.ToolUses.ToolUse;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.MessageChatMemoryAdvisor;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.messages.MessageType;
import org.springframework.ai.support.ToolCallbacks;
import org.springframework.stereotype.Service;

/**
 * Answers the questions of the page with Spring AI's {@link ChatClient}: the conversation
 * so far comes from the {@link ChatMemory} (kept in the database) through
 * {@link MessageChatMemoryAdvisor}, the model may call the {@link CityClock} tool, and a
 * question asked of the docs is sent with the best parts of the README to cite.
 *
 * @author zai-spring-boot contributors
 */
@Service
class Assistant {

	static final String INSTRUCTIONS = """
			You are the assistant of a sample application of zai-spring-boot, the Spring Boot starter \
			and Spring AI provider for Z.AI's GLM models. Answer briefly, in Markdown. For the time in \
			a city, call the currentTime tool rather than guessing.""";

	static final String SOURCES = """

			Answer from these parts of the project's README and cite each one you use by its number, \
			like [1]. If they do not answer the question, say so.

			""";

	private final ChatClient chat;

	private final ChatMemory memory;

	private final DocsSearch docs;

	private final int maxMessageLength;

	Assistant(ChatClient.Builder chat, ChatMemory memory, CityClock clock, DocsSearch docs,
			SampleProperties properties) {
		this.chat = chat.defaultAdvisors(MessageChatMemoryAdvisor.builder(memory).build())
			.defaultToolCallbacks(ToolUses.recorded(ToolCallbacks.from(clock)))
			.build();
		this.memory = memory;
		this.docs = docs;
		this.maxMessageLength = properties.maxMessageLength();
	}

	/**
	 * Answer a question.
	 * @param conversationId the conversation, a UUID
	 * @param question the question
	 * @param askTheDocs whether to answer from the README
	 * @return the answer, with the tools it used and the sources it may cite
	 * @throws InvalidQuestionException for an empty or too long question, or a
	 * conversation id that is no UUID
	 */
	Answer ask(String conversationId, String question, boolean askTheDocs) {
		checkConversationId(conversationId);
		if (question.isBlank()) {
			throw new InvalidQuestionException("message must not be empty: write a question first");
		}
		if (question.length() > this.maxMessageLength) {
			throw new InvalidQuestionException("message is " + question.length() + " characters long, more than the "
					+ this.maxMessageLength + " this sample accepts (sample.max-message-length)");
		}
		List<Source> sources = askTheDocs ? this.docs.find(question) : List.of();
		List<ToolUse> toolUses = new CopyOnWriteArrayList<>();
		String answer = this.chat.prompt()
			.system(instructions(sources))
			.user(question)
			.advisors((advisors) -> advisors.param(ChatMemory.CONVERSATION_ID, conversationId))
			.toolContext(Map.of(ToolUses.KEY, toolUses))
			.call()
			.content();
		return new Answer(conversationId, (answer != null) ? answer : "", List.copyOf(toolUses), sources);
	}

	/**
	 * Return the conversation so far, as the chat memory holds it.
	 * @param conversationId the conversation, a UUID
	 * @return the questions and answers, oldest first
	 */
	List<Turn> conversation(String conversationId) {
		checkConversationId(conversationId);
		return this.memory.get(conversationId)
			.stream()
			.filter((message) -> message.getMessageType() == MessageType.USER
					|| message.getMessageType() == MessageType.ASSISTANT)
			.map((message) -> new Turn(message.getMessageType().getValue(), message.getText()))
			.toList();
	}

	private static String instructions(List<Source> sources) {
		if (sources.isEmpty()) {
			return INSTRUCTIONS;
		}
		StringBuilder text = new StringBuilder(INSTRUCTIONS).append(SOURCES);
		for (Source source : sources) {
			text.append('[').append(source.number()).append("] ").append(source.text()).append("\n\n");
		}
		return text.toString().strip();
	}

	private static void checkConversationId(String conversationId) {
		try {
			UUID.fromString(conversationId);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidQuestionException("conversationId must be a UUID, such as "
					+ "0b8f7c3e-1d2a-4c5b-9e6f-7a8b9c0d1e2f, but was '" + conversationId + "'");
		}
	}

	/**
	 * Thrown for a question the sample does not send to Z.AI; its message says why, in
	 * words for the page.
	 */
	static class InvalidQuestionException extends RuntimeException {

		InvalidQuestionException(String message) {
			super(message);
		}

	}

	/**
	 * An answer.
	 *
	 * @param conversationId the conversation it belongs to
	 * @param text the answer, in Markdown
	 * @param toolUses the tool calls it took, in order
	 * @param sources the parts of the README it was given to cite
	 */
	record Answer(String conversationId, String text, List<ToolUse> toolUses, List<Source> sources) {

	}

	/**
	 * A message of the conversation.
	 *
	 * @param role {@code user} or {@code assistant}
	 * @param text the text
	 */
	record Turn(String role, String text) {

	}

}
