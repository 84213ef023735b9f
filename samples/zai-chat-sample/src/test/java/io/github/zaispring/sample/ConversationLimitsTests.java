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
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests of {@link ConversationLimits}.
 *
 * @author zai-spring-boot contributors
 */
class ConversationLimitsTests {

	private final ConversationLimits limits = new ConversationLimits(
			new SampleChatProperties(10, 3, 40, Duration.ofSeconds(10)));

	@Test
	void acceptsAMessageAndStripsItsSurroundingWhiteSpace() {
		assertThat(this.limits.check(List.of(), "  Hello\n")).isEqualTo("Hello");
	}

	@Test
	void rejectsAMissingOrBlankMessage() {
		assertThatExceptionOfType(MessageRejectedException.class).isThrownBy(() -> this.limits.check(List.of(), null))
			.withMessage("Write a message first: an empty message cannot be answered.");
		assertThatExceptionOfType(MessageRejectedException.class)
			.isThrownBy(() -> this.limits.check(List.of(), " \n\t"))
			.withMessage("Write a message first: an empty message cannot be answered.");
	}

	@Test
	void countsCharactersAsAPersonWouldNotUtf16Units() {
		assertThat(this.limits.check(List.of(), "😀".repeat(10))).hasSize(20);
		assertThatExceptionOfType(MessageRejectedException.class)
			.isThrownBy(() -> this.limits.check(List.of(), "😀".repeat(11)))
			.withMessage("Your message is 11 characters long, more than the 10 this sample accepts "
					+ "(sample.chat.max-message-length). Shorten it and send it again.");
	}

	@Test
	void acceptsTheLastTurnAndRejectsTheOneAfter() {
		List<Turn> two = List.of(new Turn("a", "b"), new Turn("c", "d"));
		assertThat(this.limits.check(two, "e")).isEqualTo("e");
		List<Turn> three = List.of(new Turn("a", "b"), new Turn("c", "d"), new Turn("e", "f"));
		assertThatExceptionOfType(MessageRejectedException.class).isThrownBy(() -> this.limits.check(three, "g"))
			.withMessage("This conversation already has 3 questions, the most this sample sends to Z.AI "
					+ "(sample.chat.max-turns). Start a new chat to go on.");
	}

	@Test
	void countsQuestionsAnswersAndTheNewMessageAgainstTheConversationLength() {
		List<Turn> turns = List.of(new Turn("0123456789", "0123456789"), new Turn("0123456789", "012345678"));
		assertThat(this.limits.check(turns, "x")).isEqualTo("x");
		assertThatExceptionOfType(MessageRejectedException.class).isThrownBy(() -> this.limits.check(turns, "xy"))
			.withMessage("With your message this conversation would be 41 characters long, more than the 40 this "
					+ "sample sends to Z.AI (sample.chat.max-conversation-length). Start a new chat to go on.");
	}

}
