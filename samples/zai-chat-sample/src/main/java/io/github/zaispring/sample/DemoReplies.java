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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.github.zaispring.test.ReceivedRequest;
import io.github.zaispring.test.ZaiEndpointReplies;
import io.github.zaispring.test.ZaiReply;
import io.github.zaispring.test.ZaiSearchReplies;
import io.github.zaispring.websearch.SearchResult;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The script of the local simulator: a short reasoning, then a Markdown answer that
 * echoes the question, says it comes from the simulator and how to reach GLM instead. A
 * follow-up question is answered with its number in the conversation and the earlier
 * questions, read from the messages the request carried, which shows that the whole
 * conversation reached Z.AI. Streamed word by word with a typing pace; the usage is
 * estimated from the sizes of the question and the answer, about four characters a token,
 * as a real answer's would be.
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
		// the other endpoints the page uses get the test kit's usual answers: about one
		// token per four characters, and pages about the query
		if (request.path().endsWith("/tokenizer")) {
			return ZaiEndpointReplies.tokenCount(Math.max(1, request.bodyText().length() / 4));
		}
		if (request.path().endsWith("/web_search")) {
			String query = request.body().path("search_query").asString("");
			return ZaiSearchReplies
				.webSearch(new SearchResult("About " + query, "A page the local simulator made up about " + query + ".",
						"https://example.com/search/1", "Example", null, "ref_1", null));
		}
		List<String> questions = userMessages(request.body());
		String question = quote(questions.isEmpty() ? null : questions.get(questions.size() - 1));
		List<String> earlier = (questions.size() > 1) ? questions.subList(0, questions.size() - 1) : List.of();
		List<String> quoted = earlier.stream().map(DemoReplies::quote).toList();
		return ZaiReply.text(answer(question, quoted))
			.reasoning(reasoning(question))
			.delayBeforeFirstChunk(THINKING_TIME)
			.delayBetweenChunks(TYPING_PACE);
	}

	static String reasoning(String question) {
		return "The user asks " + question + ". No API key is configured, so I am not GLM but the "
				+ "local simulator the sample started on 127.0.0.1. I should say that plainly, and "
				+ "explain how to reach the real model.";
	}

	/**
	 * Return the answer to the first question of a conversation.
	 * @param question the question, quoted
	 * @return the answer, in Markdown
	 */
	static String answer(String question) {
		return answer(question, List.of());
	}

	/**
	 * Return the answer to a question.
	 * @param question the question, quoted
	 * @param earlier the earlier questions of the conversation, quoted, oldest first
	 * @return the answer, in Markdown
	 */
	static String answer(String question, List<String> earlier) {
		if (earlier.isEmpty()) {
			return "You asked " + question + ".\n\n" + "This answer comes from the **local Z.AI simulator**, "
					+ "not from GLM: the sample starts it when no API key is set, so everything works offline "
					+ "and every answer is scripted.\n\n" + "To chat with the real model:\n\n"
					+ "1. Stop the application.\n" + "2. Set your key from z.ai:\n\n"
					+ "   ```bash\n   export ZAI_API_KEY=your-key\n   ```\n\n"
					+ "3. Start it again: the sample then streams GLM's own answer, reasoning included.";
		}
		StringBuilder answer = new StringBuilder();
		answer.append("You asked ").append(question).append(".\n\n");
		answer.append("This is question ").append(earlier.size() + 1).append(" of our conversation, and it ");
		answer.append("reached Z.AI with the whole conversation. You said earlier:\n\n");
		earlier.forEach((quote) -> answer.append("- ").append(quote).append("\n"));
		answer.append("\nThe answers still come from the **local Z.AI simulator**; set `ZAI_API_KEY` and restart ");
		answer.append("to hear GLM itself.");
		return answer.toString();
	}

	private static List<String> userMessages(JsonNode body) {
		JsonNode messages = body.get("messages");
		List<String> questions = new ArrayList<>();
		if (messages != null && messages.isArray()) {
			for (JsonNode message : messages) {
				JsonNode role = message.get("role");
				JsonNode content = message.get("content");
				if (role != null && "user".equals(role.asString(null)) && content != null && content.isString()) {
					questions.add(content.asString());
				}
			}
		}
		return questions;
	}

	static String quote(@Nullable String message) {
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
