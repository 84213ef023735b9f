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
import java.util.function.Function;

import io.github.zaispring.test.ReceivedRequest;
import io.github.zaispring.test.ZaiReply;
import org.jspecify.annotations.Nullable;

/**
 * The script of the local simulator: a short reasoning, then an answer that echoes the
 * question, says it comes from the simulator and how to reach GLM instead. Streamed word
 * by word with a typing pace; the usage is estimated from the sizes of the question and
 * the answer, about four characters a token, as a real answer's would be.
 *
 * @author zai-spring-boot contributors
 */
final class DemoReplies implements Function<ReceivedRequest, ZaiReply> {

	/**
	 * The pause between two streamed words.
	 */
	static final Duration TYPING_PACE = Duration.ofMillis(40);

	private static final Duration THINKING_TIME = Duration.ofMillis(300);

	private static final int LONGEST_QUOTE = 120;

	@Override
	public ZaiReply apply(ReceivedRequest request) {
		String question = quote(request.lastUserMessage());
		return ZaiReply.text(answer(question))
			.reasoning(reasoning(question))
			.delayBeforeFirstChunk(THINKING_TIME)
			.delayBetweenChunks(TYPING_PACE);
	}

	static String reasoning(String question) {
		return "The user asks " + question + ". No API key is configured, so I am not GLM but the "
				+ "local simulator the sample started on 127.0.0.1. I should say that plainly, and "
				+ "explain how to reach the real model.";
	}

	static String answer(String question) {
		return "You asked " + question + ".\n\n" + "This answer comes from the local Z.AI simulator, "
				+ "not from GLM: the sample starts it when no API key is set, so everything works offline "
				+ "and every answer is scripted.\n\n" + "To chat with the real model, stop the application, "
				+ "set ZAI_API_KEY to your key from z.ai and start it again: the sample then streams "
				+ "GLM's own answer, reasoning included.";
	}

	private static String quote(@Nullable String message) {
		String text = (message != null) ? message.strip().replaceAll("\\s+", " ") : "";
		if (text.isEmpty()) {
			return "nothing";
		}
		if (text.length() > LONGEST_QUOTE) {
			text = text.substring(0, LONGEST_QUOTE) + "…";
		}
		return "“" + text + "”";
	}

}
