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
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static io.github.zaispring.chat.Fixtures.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the JSON form of {@link ChatRequest}, checked against the field names of the
 * API reference.
 *
 * @author zai-spring-boot
 */
class ChatRequestSerializationTests {

	private static final Map<String, Object> WEATHER_SCHEMA = Map.of("type", "object", "properties",
			Map.of("location", Map.of("type", "string", "description", "the city")), "required", List.of("location"));

	@Test
	void minimalRequestWritesOnlyModelAndMessages() {
		ChatRequest request = ChatRequest.builder().model("glm-4.6").user("Hi").build();
		assertThat(MAPPER.writeValueAsString(request))
			.isEqualTo("{\"model\":\"glm-4.6\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
	}

	@Test
	void requestWithoutModelOmitsIt() {
		ChatRequest request = ChatRequest.builder().user("Hi").build();
		assertThat(MAPPER.writeValueAsString(request))
			.isEqualTo("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
	}

	@Test
	void requestWithEveryFieldWritesTheApiNames() {
		ToolCall call = ToolCall.function("call_1", "weather", "{\"location\":\"Florence,Italy\"}");
		WebSearch webSearch = WebSearch.builder("search_pro_jina")
			.enable(true)
			.searchQuery("weather Florence")
			.searchIntent(false)
			.count(5)
			.searchDomainFilter("www.example.com")
			.searchRecencyFilter("oneWeek")
			.contentSize("high")
			.resultSequence("before")
			.searchResult(true)
			.requireSearch(false)
			.searchPrompt("Today is {{current_date}}")
			.build();
		ChatRequest request = ChatRequest.builder()
			.model("glm-4.7")
			.system("You are a helpful assistant")
			.message(ChatMessage.user(ContentPart.text("What is this?"), ContentPart.imageUrl("https://x.test/a.png"),
					ContentPart.videoUrl("https://x.test/v.mp4"), ContentPart.fileUrl("https://x.test/f.pdf")))
			.message(ChatMessage.assistant("Checking.", "I should call weather.", List.of(call)))
			.message(ChatMessage.tool("call_1", "40 C"))
			.user("Thanks")
			.doSample(true)
			.thinking(Thinking.enabled().withClearThinking(false))
			.temperature(0.3)
			.topP(0.9)
			.maxTokens(4000)
			.tool(Tool.function("weather", "Get weather information for a location", WEATHER_SCHEMA))
			.tool(Tool.webSearch(webSearch))
			.tool(Tool.retrieval("kb-1", "Use {{ knowledge }} to answer {{ question }}"))
			.toolChoice("auto")
			.toolStream(true)
			.stop("END")
			.responseFormat(ResponseFormat.jsonObject())
			.requestId("req-123456")
			.userId("user-123456")
			.reasoningEffort(ReasoningEffort.HIGH)
			.build()
			.withStream(true);
		JsonNode json = MAPPER.readTree(MAPPER.writeValueAsString(request));

		assertThat(json.propertyNames()).containsExactly("model", "messages", "do_sample", "stream", "thinking",
				"temperature", "top_p", "max_tokens", "tools", "tool_choice", "tool_stream", "stop", "response_format",
				"request_id", "user_id", "reasoning_effort");
		assertPath(json, "/model", "glm-4.7");
		assertPath(json, "/do_sample", true);
		assertPath(json, "/stream", true);
		assertPath(json, "/thinking", Map.of("type", "enabled", "clear_thinking", false));
		assertPath(json, "/temperature", 0.3);
		assertPath(json, "/top_p", 0.9);
		assertPath(json, "/max_tokens", 4000);
		assertPath(json, "/tool_choice", "auto");
		assertPath(json, "/tool_stream", true);
		assertPath(json, "/stop", List.of("END"));
		assertPath(json, "/response_format", Map.of("type", "json_object"));
		assertPath(json, "/request_id", "req-123456");
		assertPath(json, "/user_id", "user-123456");
		assertPath(json, "/reasoning_effort", "high");

		assertThat(json.at("/messages").size()).isEqualTo(5);
		assertPath(json, "/messages/0", Map.of("role", "system", "content", "You are a helpful assistant"));
		assertPath(json, "/messages/1/role", "user");
		assertPath(json, "/messages/1/content/0", Map.of("type", "text", "text", "What is this?"));
		assertPath(json, "/messages/1/content/1",
				Map.of("type", "image_url", "image_url", Map.of("url", "https://x.test/a.png")));
		assertPath(json, "/messages/1/content/2",
				Map.of("type", "video_url", "video_url", Map.of("url", "https://x.test/v.mp4")));
		assertPath(json, "/messages/1/content/3",
				Map.of("type", "file_url", "file_url", Map.of("url", "https://x.test/f.pdf")));
		assertPath(json, "/messages/2",
				Map.of("role", "assistant", "content", "Checking.", "reasoning_content", "I should call weather.",
						"tool_calls", List.of(Map.of("id", "call_1", "type", "function", "function",
								Map.of("name", "weather", "arguments", "{\"location\":\"Florence,Italy\"}")))));
		assertPath(json, "/messages/3", Map.of("role", "tool", "content", "40 C", "tool_call_id", "call_1"));
		assertPath(json, "/messages/4", Map.of("role", "user", "content", "Thanks"));

		assertThat(json.at("/tools").size()).isEqualTo(3);
		assertPath(json, "/tools/0", Map.of("type", "function", "function", Map.of("name", "weather", "description",
				"Get weather information for a location", "parameters", WEATHER_SCHEMA)));
		assertPath(json, "/tools/1/type", "web_search");
		assertPath(json, "/tools/1/web_search",
				Map.ofEntries(Map.entry("enable", true), Map.entry("search_engine", "search_pro_jina"),
						Map.entry("search_query", "weather Florence"), Map.entry("search_intent", false),
						Map.entry("count", 5), Map.entry("search_domain_filter", "www.example.com"),
						Map.entry("search_recency_filter", "oneWeek"), Map.entry("content_size", "high"),
						Map.entry("result_sequence", "before"), Map.entry("search_result", true),
						Map.entry("require_search", false), Map.entry("search_prompt", "Today is {{current_date}}")));
		assertPath(json, "/tools/2", Map.of("type", "retrieval", "retrieval",
				Map.of("knowledge_id", "kb-1", "prompt_template", "Use {{ knowledge }} to answer {{ question }}")));
	}

	@Test
	void toolResultFollowUpMatchesTheRecordedRequest() {
		ChatCompletion completion = MAPPER.readValue(Fixtures.read("chat/tool-call.json"), ChatCompletion.class);
		ToolCall call = completion.toolCalls().get(0);
		ChatRequest request = ChatRequest.builder()
			.model("glm-4.7-flash")
			.system("You are a helpful assistant")
			.user("What's the weather in Florence,Italy?")
			.message(completion.toAssistantMessage())
			.message(ChatMessage.tool(call.id(), "40 C"))
			.maxTokens(4000)
			.toolChoice("auto")
			.tool(Tool.function("weather", "Get weather information for a location",
					Map.of("properties", Map.of("location", Map.of("description", "the city", "type", "string")),
							"required", List.of("location"), "type", "object")))
			.build();
		String recorded = "{\"messages\":[{\"content\":\"You are a helpful assistant\",\"role\":\"system\"},{\"content\":\"What's the weather in Florence,Italy?\",\"role\":\"user\"},{\"content\":\"I'll check the weather in Florence, Italy for you.\",\"tool_calls\":[{\"id\":\"call_-7807249954186984837\",\"function\":{\"arguments\":\"{\\\"location\\\":\\\"Florence,Italy\\\"}\",\"name\":\"weather\"},\"type\":\"function\"}],\"role\":\"assistant\",\"reasoning_content\":\"The user is asking for the weather in Florence, Italy. I have a weather function available that can get weather information for a location. The function requires a \\\"location\\\" parameter, and the user has provided \\\"Florence,Italy\\\" as the location. I should use this function to get the weather information.\"},{\"content\":\"40 C\",\"tool_call_id\":\"call_-7807249954186984837\",\"role\":\"tool\"}],\"model\":\"glm-4.7-flash\",\"max_tokens\":4000,\"tool_choice\":\"auto\",\"tools\":[{\"function\":{\"name\":\"weather\",\"strict\":false,\"description\":\"Get weather information for a location\",\"parameters\":{\"properties\":{\"location\":{\"description\":\"the city\",\"type\":\"string\"}},\"required\":[\"location\"],\"type\":\"object\"}},\"type\":\"function\"}]}";
		JsonNode expected = MAPPER.readTree(recorded);
		((ObjectNode) expected.at("/tools/0/function")).remove("strict");
		assertThat(MAPPER.readTree(MAPPER.writeValueAsString(request))).isEqualTo(expected);
	}

	@Test
	void streamFlagIsSetOnlyThroughWithStream() {
		ChatRequest request = ChatRequest.builder().user("Hi").build();
		assertThat(request.stream()).isNull();
		ChatRequest streaming = request.withStream(true);
		assertThat(streaming.stream()).isTrue();
		assertThat(streaming.withStream(true)).isSameAs(streaming);
		assertThat(streaming.withStream(false).stream()).isFalse();
		assertThat(request.stream()).isNull();
		assertThat(streaming.mutate().temperature(0.5).build().stream()).isTrue();
	}

	@Test
	void mutateStartsFromAnEqualRequest() {
		ChatRequest request = ChatRequest.builder()
			.model("glm-4.6")
			.system("Be brief")
			.user("Hi")
			.temperature(0.2)
			.stop("x")
			.tool(Tool.retrieval("kb-1", null))
			.extraBody("seed", 7)
			.build();
		assertThat(request.mutate().build()).isEqualTo(request).hasSameHashCodeAs(request);
		ChatRequest changed = request.mutate().user("More").model("glm-4.7").build();
		assertThat(changed.messages()).hasSize(3);
		assertThat(changed.model()).isEqualTo("glm-4.7");
		assertThat(request.messages()).hasSize(2);
		assertThat(request.model()).isEqualTo("glm-4.6");
	}

	@Test
	void extraBodyIsFlattenedIntoTheTopLevel() {
		ChatRequest request = ChatRequest.builder()
			.user("Hi")
			.extraBody(Map.of("stream_options", Map.of("include_usage", true)))
			.extraBody("seed", 42)
			.build();
		JsonNode json = MAPPER.readTree(MAPPER.writeValueAsString(request));
		assertPath(json, "/stream_options", Map.of("include_usage", true));
		assertPath(json, "/seed", 42);
		assertThat(json.has("extraBody")).isFalse();
		assertThat(request.extraBody()).containsOnlyKeys("stream_options", "seed");
	}

	@Test
	void assistantMessageWithoutContentOmitsContentAndToolCallIndex() {
		ToolCall withIndex = new ToolCall("call_1", "function", 0, new FunctionCall("add", "{}"));
		ChatMessage message = ChatMessage.assistant(null, List.of(withIndex));
		assertThat(MAPPER.writeValueAsString(message)).isEqualTo(
				"{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"add\",\"arguments\":\"{}\"}}]}");
	}

	@Test
	void functionToolWithoutParametersOmitsThem() {
		assertThat(MAPPER.writeValueAsString(Tool.function("now", "Current time", null)))
			.isEqualTo("{\"type\":\"function\",\"function\":{\"name\":\"now\",\"description\":\"Current time\"}}");
	}

	@Test
	void toStringIsConciseAndHidesContent() {
		ChatRequest request = ChatRequest.builder()
			.model("glm-4.6")
			.user("a secret question that is long enough to matter")
			.temperature(0.5)
			.extraBody("seed", 1)
			.build();
		assertThat(request).hasToString("ChatRequest{model=glm-4.6, messages=1, temperature=0.5, extraBody=[seed]}");
	}

	private static void assertPath(JsonNode json, String path, Object expected) {
		assertThat(json.at(path)).as(path).isEqualTo(MAPPER.valueToTree(expected));
	}

}
