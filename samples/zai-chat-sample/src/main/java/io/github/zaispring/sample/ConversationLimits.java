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

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Checks a new message against the {@link SampleChatProperties limits} before anything is
 * sent to Z.AI: not empty, not too long, and not making the conversation too long.
 * Lengths are counted in characters (code points), as a person would count them.
 *
 * @author zai-spring-boot contributors
 */
@Component
class ConversationLimits {

	private final SampleChatProperties properties;

	ConversationLimits(SampleChatProperties properties) {
		this.properties = properties;
	}

	/**
	 * Check a message that would extend a conversation.
	 * @param turns the conversation so far
	 * @param message the new message
	 * @return the message, stripped of surrounding white space
	 * @throws MessageRejectedException with a sentence a person can act on when the
	 * message is empty or a limit would be exceeded
	 */
	String check(List<Turn> turns, @Nullable String message) {
		if (!StringUtils.hasText(message)) {
			throw new MessageRejectedException("Write a message first: an empty message cannot be answered.");
		}
		String text = message.strip();
		int length = length(text);
		int maxMessageLength = this.properties.maxMessageLength();
		if (length > maxMessageLength) {
			throw new MessageRejectedException(String.format(Locale.ROOT,
					"Your message is %,d characters long, more than the "
							+ "%,d this sample accepts (sample.chat.max-message-length). Shorten it and send it again.",
					length, maxMessageLength));
		}
		int maxTurns = this.properties.maxTurns();
		if (turns.size() + 1 > maxTurns) {
			throw new MessageRejectedException(String.format(Locale.ROOT,
					"This conversation already has %,d questions, the "
							+ "most this sample sends to Z.AI (sample.chat.max-turns). Start a new chat to go on.",
					turns.size()));
		}
		int total = length + turns.stream().mapToInt((turn) -> length(turn.question()) + length(turn.answer())).sum();
		int maxConversationLength = this.properties.maxConversationLength();
		if (total > maxConversationLength) {
			throw new MessageRejectedException(String.format(Locale.ROOT,
					"With your message this conversation would be %,d "
							+ "characters long, more than the %,d this sample sends to Z.AI "
							+ "(sample.chat.max-conversation-length). Start a new chat to go on.",
					total, maxConversationLength));
		}
		return text;
	}

	private static int length(String text) {
		return text.codePointCount(0, text.length());
	}

}
