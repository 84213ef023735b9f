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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.zaispring.rerank.RerankResult;
import io.github.zaispring.test.ReceivedRequest;
import io.github.zaispring.test.ZaiEmbeddingReplies;
import io.github.zaispring.test.ZaiReply;
import io.github.zaispring.test.ZaiSearchReplies;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The script of the local Z.AI simulator, enough for everything the page does without a
 * key:
 * <ul>
 * <li>embeddings: each word of a text counts in one of the vector's dimensions, so that
 * texts that share words are near each other, as real embeddings of texts on the same
 * subject are;</li>
 * <li>rerank: a document scores the share of the question's words it contains;</li>
 * <li>chat: a question about the time in a city is answered with a call of the
 * {@code currentTime} tool, and the tool's result with a sentence that uses it; a
 * question sent with parts of the README is answered with a quote of the best one and the
 * numbers of the others to cite; anything else with a note that says where the answer
 * comes from and the earlier questions of the conversation, read from the messages the
 * request carried.</li>
 * </ul>
 *
 * @author zai-spring-boot contributors
 */
final class SimulatorReplies implements Function<ReceivedRequest, ZaiReply> {

	static final String TOOL = "currentTime";

	private static final Pattern TIME_IN_CITY = Pattern
		.compile("(?i)\\btime\\b.*?\\bin\\s+(\\p{L}[\\p{L} .'-]*?)\\s*(?:right now|now|today)?\\s*[?.!]*$");

	private static final Pattern SOURCE = Pattern.compile("(?m)^\\[(\\d+)\\] ## (.+)$");

	private static final Set<String> COMMON_WORDS = Set.of("a", "an", "and", "are", "be", "can", "do", "does", "for",
			"how", "i", "in", "is", "it", "me", "my", "of", "on", "or", "the", "this", "that", "to", "what", "when",
			"which", "with", "you", "your");

	private static final int LONGEST_QUOTE = 400;

	@Override
	public ZaiReply apply(ReceivedRequest request) {
		if (ZaiEmbeddingReplies.isEmbeddings(request)) {
			Integer asked = ZaiEmbeddingReplies.dimensions(request);
			int dimensions = (asked != null) ? asked : ZaiEmbeddingReplies.DEFAULT_DIMENSIONS;
			return ZaiEmbeddingReplies.responder((text) -> wordVector(text, dimensions)).apply(request);
		}
		if (request.path().endsWith("/rerank")) {
			return rerank(request.body());
		}
		if (!request.path().endsWith("/chat/completions")) {
			return ZaiReply.error(404, "404", "The sample's simulator does not serve " + request.path());
		}
		List<JsonNode> messages = request.body().path("messages").valueStream().toList();
		JsonNode last = request.body().path("messages").path(messages.size() - 1);
		if ("tool".equals(last.path("role").asString(""))) {
			return ZaiReply.text(timeAnswer(last.path("content").asString("")));
		}
		String question = request.lastUserMessage();
		Matcher city = TIME_IN_CITY.matcher((question != null) ? question.strip() : "");
		if (city.find() && offersTool(request.body())) {
			return ZaiReply.toolCall(TOOL, JsonMapper.shared().writeValueAsString(Map.of("city", city.group(1))));
		}
		String system = messages.isEmpty() ? "" : messages.get(0).path("content").asString("");
		if (SOURCE.matcher(system).find()) {
			return ZaiReply.text(citedAnswer(system));
		}
		List<String> questions = messages.stream()
			.filter((message) -> "user".equals(message.path("role").asString("")))
			.map((message) -> message.path("content").asString(""))
			.toList();
		return ZaiReply.text(plainAnswer(questions));
	}

	/**
	 * Return the vector of a text: the number of times each word occurs, each word in one
	 * dimension (several words may share one), scaled to unit length.
	 * @param text the text
	 * @param dimensions the length of the vector
	 * @return the vector
	 */
	static float[] wordVector(String text, int dimensions) {
		float[] vector = new float[dimensions];
		words(text).forEach((word) -> vector[Math.floorMod(word.hashCode(), dimensions)]++);
		double norm = 0;
		for (float value : vector) {
			norm += value * value;
		}
		if (norm == 0) {
			vector[0] = 1;
			return vector;
		}
		for (int i = 0; i < dimensions; i++) {
			vector[i] /= (float) Math.sqrt(norm);
		}
		return vector;
	}

	private static ZaiReply rerank(JsonNode body) {
		Set<String> question = new LinkedHashSet<>(words(body.path("query").asString("")));
		List<RerankResult> results = new ArrayList<>();
		List<JsonNode> documents = body.path("documents").valueStream().toList();
		for (int i = 0; i < documents.size(); i++) {
			Set<String> document = new LinkedHashSet<>(words(documents.get(i).asString("")));
			long shared = question.stream().filter(document::contains).count();
			results.add(new RerankResult(i, question.isEmpty() ? 0 : (double) shared / question.size(), null));
		}
		results.sort(Comparator.comparingDouble(RerankResult::relevanceScore).reversed());
		int topN = body.path("top_n").asInt(0);
		return ZaiSearchReplies
			.rerank(results.stream().limit((topN > 0) ? topN : results.size()).toArray(RerankResult[]::new));
	}

	private static boolean offersTool(JsonNode body) {
		return body.path("tools")
			.valueStream()
			.anyMatch((tool) -> TOOL.equals(tool.path("function").path("name").asString("")));
	}

	static String timeAnswer(String toolResult) {
		JsonNode result = parse(toolResult);
		if (result == null || !result.has("time")) {
			return "The `" + TOOL + "` tool could not tell: " + toolResult.replaceAll("^\"|\"$", "")
					+ "\n\n*Answered by the local Z.AI simulator from the tool's error.*";
		}
		return "In **" + result.path("city").asString() + "** it is **" + result.path("time").asString() + "** on "
				+ result.path("date").asString() + " (" + result.path("timeZone").asString() + ", UTC"
				+ result.path("utcOffset").asString()
				+ ").\n\n*Answered by the local Z.AI simulator from the result of " + "the sample's `" + TOOL
				+ "` tool.*";
	}

	static String citedAnswer(String system) {
		Matcher source = SOURCE.matcher(system);
		List<String> sections = new ArrayList<>();
		List<Integer> starts = new ArrayList<>();
		while (source.find()) {
			sections.add(source.group(2).strip());
			starts.add(source.end());
		}
		int firstEnd = (starts.size() > 1) ? system.lastIndexOf('[', starts.get(1)) : system.length();
		StringBuilder answer = new StringBuilder("The README says, in “").append(sections.get(0))
			.append("”: ")
			.append(firstSentences(system.substring(starts.get(0), firstEnd)))
			.append(" [1]");
		if (sections.size() > 1) {
			answer.append("\n\nMore in ");
			for (int i = 1; i < sections.size(); i++) {
				answer.append((i > 1) ? " and " : "")
					.append("“")
					.append(sections.get(i))
					.append("” [")
					.append(i + 1)
					.append("]");
			}
			answer.append('.');
		}
		return answer.append("\n\n*The local Z.AI simulator quotes the best-ranked part of the README instead of ")
			.append("writing an answer; set `ZAI_API_KEY` to have GLM read them.*")
			.toString();
	}

	static String plainAnswer(List<String> questions) {
		String question = questions.isEmpty() ? "" : questions.get(questions.size() - 1);
		StringBuilder answer = new StringBuilder("You asked “").append(question.strip()).append("”.\n\n");
		answer.append("This answer comes from the **local Z.AI simulator**, not from GLM: without `ZAI_API_KEY` ");
		answer.append("the sample answers from a script, offline. Try *What time is it in Tokyo?* for a tool ");
		answer.append("call, or tick *Ask the docs* and ask *How do I set the API key?*.");
		if (questions.size() > 1) {
			answer.append("\n\nThis is question ").append(questions.size()).append(" of our conversation, which ");
			answer.append("the sample keeps in its database, so it survives a restart. You asked before:\n\n");
			questions.subList(0, questions.size() - 1)
				.forEach((earlier) -> answer.append("- “").append(earlier.strip()).append("”\n"));
		}
		return answer.toString().strip();
	}

	private static String firstSentences(String markdown) {
		String prose = Arrays.stream(markdown.strip().split("\\n\\s*\\n"))
			.filter((paragraph) -> !paragraph.startsWith("```") && !paragraph.startsWith("|"))
			.findFirst()
			.orElse("")
			.replaceAll("\\s+", " ")
			.replaceFirst("^(\\d+\\.|[-*]) ", "")
			.strip();
		if (prose.length() <= LONGEST_QUOTE) {
			return prose;
		}
		int end = prose.lastIndexOf(". ", LONGEST_QUOTE);
		return (end > 0) ? prose.substring(0, end + 1) : prose.substring(0, LONGEST_QUOTE) + "…";
	}

	private static List<String> words(String text) {
		return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
			.filter((word) -> word.length() > 1 && !COMMON_WORDS.contains(word))
			.toList();
	}

	private static @Nullable JsonNode parse(String json) {
		try {
			JsonNode node = JsonMapper.shared().readTree(json);
			return node.isObject() ? node : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
