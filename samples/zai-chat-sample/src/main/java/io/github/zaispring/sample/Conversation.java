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

import org.springframework.web.server.WebSession;

/**
 * The questions and answers of one browser session, kept on the server so that follow-up
 * questions reach Z.AI with what was said before. Held in the {@link WebSession} (in
 * memory, gone after 30 minutes of silence) and bounded by {@link ConversationLimits}.
 * Thread-safe: two tabs of one browser share it.
 *
 * @author zai-spring-boot contributors
 */
final class Conversation {

	static final String ATTRIBUTE = Conversation.class.getName();

	private final List<Turn> turns = new ArrayList<>();

	/**
	 * Return the conversation of a session, starting one (and with it the session, so
	 * that its cookie is sent with the response) when there is none yet.
	 * @param session the session
	 * @return the conversation
	 */
	static Conversation of(WebSession session) {
		return (Conversation) session.getAttributes().computeIfAbsent(ATTRIBUTE, (name) -> new Conversation());
	}

	/**
	 * Return the turns so far, oldest first.
	 * @return a snapshot of the turns
	 */
	synchronized List<Turn> turns() {
		return List.copyOf(this.turns);
	}

	/**
	 * Remember a question and its answer.
	 * @param question the user's question
	 * @param answer the answer, possibly only its beginning when the user stopped it
	 */
	synchronized void add(String question, String answer) {
		this.turns.add(new Turn(question, answer));
	}

	/**
	 * Forget everything, to start a new chat.
	 */
	synchronized void clear() {
		this.turns.clear();
	}

}
