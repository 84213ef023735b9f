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

package io.github.zaispring.chat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import static io.github.zaispring.chat.Fixtures.MAPPER;
import static io.github.zaispring.chat.Fixtures.STRICT_MAPPER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the web search results of a streamed answer: the top-level {@code web_search}
 * array a chunk carries when the {@code web_search} tool runs with {@code search_result}
 * enabled reaches the chunk, {@link ChatCompletion#fromChunks} and
 * {@link ChatCompletionAccumulator}.
 *
 * @author zai-spring-boot
 */
class StreamedWebSearchTests {

	private static final WebSearchResult FLORENCE = new WebSearchResult("Florence weather today",
			"Sunny, 24 °C, light wind from the north.", "https://weather.example/florence", "Weather Example",
			"https://weather.example/favicon.png", "ref_1", "2025-11-11");

	private static final WebSearchResult TUSCANY = new WebSearchResult("Tuscany forecast",
			"Clear skies across Tuscany all week.", "https://news.example/tuscany", "News Example",
			"https://news.example/favicon.png", "ref_2", "2025-11-10");

	static Stream<Arguments> mappers() {
		return Stream.of(Arguments.of(MAPPER), Arguments.of(STRICT_MAPPER));
	}

	@ParameterizedTest
	@MethodSource("mappers")
	void theChunkThatCarriesResultsExposesThem(JsonMapper mapper) {
		List<ChatCompletionChunk> chunks = Fixtures.chunks("stream/web-search.sse", mapper);
		assertThat(chunks).hasSize(4);
		assertThat(chunks.get(0).webSearch()).containsExactly(FLORENCE, TUSCANY);
		assertThat(chunks.get(0).content()).isEmpty();
		assertThat(chunks.subList(1, 4)).allSatisfy((chunk) -> assertThat(chunk.webSearch()).isEmpty());
	}

	@ParameterizedTest
	@MethodSource("mappers")
	void foldedCompletionCarriesTheResults(JsonMapper mapper) {
		ChatCompletion completion = ChatCompletion.fromChunks(Fixtures.chunks("stream/web-search.sse", mapper));
		assertThat(completion.webSearch()).containsExactly(FLORENCE, TUSCANY);
		assertThat(completion.content()).isEqualTo("It is sunny in Florence today [ref_1].");
		assertThat(completion.finishReason()).isEqualTo(FinishReason.STOP);
	}

	@ParameterizedTest
	@MethodSource("mappers")
	void accumulatorCollectsResultsOfSeveralChunksEachOnce(JsonMapper mapper) {
		ChatCompletionChunk first = mapper.readValue("""
				{"id":"a","choices":[{"index":0,"delta":{"role":"assistant","content":"x"}}],
				"web_search":[{"title":"Florence weather today","content":"Sunny, 24 °C, light wind from the north.",
				"link":"https://weather.example/florence","media":"Weather Example",
				"icon":"https://weather.example/favicon.png","refer":"ref_1","publish_date":"2025-11-11"}]}
				""", ChatCompletionChunk.class);
		ChatCompletionChunk repeatedAndMore = new ChatCompletionChunk("a", null, null, List.of(), null,
				List.of(FLORENCE, TUSCANY));
		ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
		assertThat(accumulator.toCompletion().webSearch()).isEmpty();
		accumulator.add(first).add(repeatedAndMore).add(first);
		assertThat(accumulator.toCompletion().webSearch()).containsExactly(FLORENCE, TUSCANY);
		assertThat(accumulator.toCompletion().content()).isEqualTo("xx");
	}

	@ParameterizedTest
	@MethodSource("mappers")
	void nullOrMissingResultsAreEmpty(JsonMapper mapper) {
		assertThat(mapper.readValue("{\"id\":\"a\",\"web_search\":null}", ChatCompletionChunk.class).webSearch())
			.isEmpty();
		assertThat(mapper.readValue("{\"id\":\"a\"}", ChatCompletionChunk.class).webSearch()).isEmpty();
		assertThat(
				mapper.readValue("{\"web_search\":[null,{\"title\":\"t\",\"unknown\":1}]}", ChatCompletionChunk.class)
					.webSearch())
			.containsExactly(new WebSearchResult("t", null, null, null, null, null, null));
	}

	@ParameterizedTest
	@MethodSource("mappers")
	void chunkWithResultsRoundTrips(JsonMapper mapper) {
		ChatCompletionChunk chunk = Fixtures.chunks("stream/web-search.sse", mapper).get(0);
		assertThat(mapper.readValue(mapper.writeValueAsString(chunk), ChatCompletionChunk.class)).isEqualTo(chunk);
		ChatCompletionChunk without = Fixtures.chunks("stream/web-search.sse", mapper).get(1);
		assertThat(mapper.writeValueAsString(without)).doesNotContain("web_search");
	}

}
