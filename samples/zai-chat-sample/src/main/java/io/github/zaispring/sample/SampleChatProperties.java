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

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * Limits of the sample's conversations ({@code sample.chat.*}), checked before any
 * request reaches Z.AI, so that a long paste or an endless conversation cannot spend the
 * key's balance unnoticed.
 *
 * @param maxMessageLength the longest message a user may send, in characters
 * @param maxTurns the most questions one conversation may hold, the new one included
 * @param maxConversationLength the longest conversation, in characters of all questions
 * and answers, the new message included
 * @param reconnectDelay how long a browser waits before it reconnects a stream that broke
 * off (the SSE {@code retry:} field); the sample's page never reconnects, this slows down
 * clients that would
 * @author zai-spring-boot contributors
 */
@ConfigurationProperties("sample.chat")
public record SampleChatProperties(@DefaultValue("4000") int maxMessageLength, @DefaultValue("40") int maxTurns,
		@DefaultValue("32000") int maxConversationLength, @DefaultValue("10s") Duration reconnectDelay) {

	public SampleChatProperties {
		Assert.isTrue(maxMessageLength > 0,
				() -> "sample.chat.max-message-length must be a positive number of characters, such as 4000, but was "
						+ maxMessageLength);
		Assert.isTrue(maxTurns > 0,
				() -> "sample.chat.max-turns must be a positive number of questions, such as 40, but was " + maxTurns);
		Assert.isTrue(maxConversationLength >= maxMessageLength,
				() -> "sample.chat.max-conversation-length must be at least sample.chat.max-message-length ("
						+ maxMessageLength + "), such as 32000, but was " + maxConversationLength);
		Assert.isTrue(reconnectDelay != null && !reconnectDelay.isNegative() && !reconnectDelay.isZero(),
				() -> "sample.chat.reconnect-delay must be a positive duration, such as 10s, but was "
						+ reconnectDelay);
	}

}
