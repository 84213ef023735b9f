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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.zaispring.chat.ContentPart.FileInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import static io.github.zaispring.chat.Fixtures.MAPPER;
import static io.github.zaispring.chat.Fixtures.STRICT_MAPPER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the request shapes of the official SDKs and the API reference beyond the
 * basic ones: the {@code file} and {@code input_audio} parts, the MCP tool, function
 * {@code strict}, the object form of {@code tool_choice}, {@code reasoning_effort} and
 * extra fields inside the typed objects. Each is compared byte for byte with the JSON the
 * API expects, with a default and a strict mapper.
 *
 * @author zai-spring-boot
 */
class ChatRequestWireShapesTests {

	private static final Map<String, Object> WEATHER_SCHEMA = orderedSchema();

	static Stream<Arguments> mappers() {
		return Stream.of(Arguments.of(MAPPER), Arguments.of(STRICT_MAPPER));
	}

	@ParameterizedTest
	@MethodSource("mappers")
	void filePartsTakeAnIdAUrlOrDataAndAFileName(JsonMapper mapper) {
		ChatMessage message = ChatMessage.user(ContentPart.text("Summarise these"),
				ContentPart.file(FileInput.url("https://x.test/r.pdf").withFilename("r.pdf")),
				ContentPart.file(FileInput.id("file-123")),
				ContentPart.file(FileInput.data("data:application/pdf;base64,JVBERi0x")));
		assertThat(mapper.writeValueAsString(message))
			.isEqualTo("{\"role\":\"user\",\"content\":[" + "{\"type\":\"text\",\"text\":\"Summarise these\"},"
					+ "{\"type\":\"file\",\"file\":{\"file_url\":\"https://x.test/r.pdf\",\"filename\":\"r.pdf\"}},"
					+ "{\"type\":\"file\",\"file\":{\"file_id\":\"file-123\"}},"
					+ "{\"type\":\"file\",\"file\":{\"file_data\":\"data:application/pdf;base64,JVBERi0x\"}}]}");
	}

	@ParameterizedTest
	@MethodSource("mappers")
	void inputAudioPartCarriesDataAndFormat(JsonMapper mapper) {
		ChatMessage message = ChatMessage.user(ContentPart.inputAudio("UklGRiQAAABXQVZF", "wav"),
				ContentPart.text("What is said?"));
		assertThat(mapper.writeValueAsString(message)).isEqualTo("{\"role\":\"user\",\"content\":["
				+ "{\"type\":\"input_audio\",\"input_audio\":{\"data\":\"UklGRiQAAABXQVZF\",\"format\":\"wav\"}},"
				+ "{\"type\":\"text\",\"text\":\"What is said?\"}]}");
	}

	@Test
	void filePartRejectsNoneOrSeveralSourcesAndDataThatIsNoDataUrl() {
		assertThatIllegalArgumentException().isThrownBy(() -> new FileInput(null, null, null, null))
			.withMessage("a file part takes exactly one of fileId, fileUrl and fileData, but 0 were set; "
					+ "use FileInput.id(..), FileInput.url(..) or FileInput.data(..)");
		assertThatIllegalArgumentException().isThrownBy(() -> new FileInput("f", "https://x.test/a", null, null))
			.withMessageContaining("but 2 were set");
		assertThatIllegalArgumentException().isThrownBy(() -> FileInput.data("JVBERi0x"))
			.withMessage("fileData must be a Base64 data URL such as data:application/pdf;base64,JVBERi0x…");
		assertThatIllegalArgumentException().isThrownBy(() -> FileInput.id(" "))
			.withMessage("fileId must not be empty; use the id the file upload API returned");
		assertThatIllegalArgumentException().isThrownBy(() -> ContentPart.inputAudio("AA==", ""))
			.withMessage("format must not be empty; use wav or mp3");
	}

	@Test
	void largePartsAreDescribedBySizeNotContent() {
		String data = "data:application/pdf;base64," + "A".repeat(1000);
		assertThat(FileInput.data(data).withFilename("big.pdf"))
			.hasToString("FileInput[fileData=" + data.length() + " chars, filename=big.pdf]");
		assertThat(new ContentPart.InputAudio("A".repeat(500), "mp3"))
			.hasToString("InputAudio[format=mp3, data=500 chars]");
	}

	@ParameterizedTest
	@MethodSource("mappers")
	void mcpToolWritesItsServerWithOnlyTheFieldsSet(JsonMapper mapper) {
		Tool full = Tool.mcp(Mcp.builder("docs")
			.serverUrl("https://mcp.example/sse")
			.transportType("sse")
			.allowedTools("search", "fetch")
			.header("Authorization", "Bearer mcp-secret")
			.build());
		assertThat(mapper.writeValueAsString(full)).isEqualTo("{\"type\":\"mcp\",\"mcp\":{\"server_label\":\"docs\","
				+ "\"server_url\":\"https://mcp.example/sse\",\"transport_type\":\"sse\","
				+ "\"allowed_tools\":[\"search\",\"fetch\"],\"headers\":{\"Authorization\":\"Bearer mcp-secret\"}}}");
		assertThat(mapper.writeValueAsString(Tool.mcp(Mcp.builder("docs").build())))
			.isEqualTo("{\"type\":\"mcp\",\"mcp\":{\"server_label\":\"docs\"}}");
	}

	@Test
	void mcpToolHidesHeaderValuesAndNeedsALabel() {
		Mcp mcp = Mcp.builder("docs").header("Authorization", "Bearer mcp-secret").build();
		assertThat(mcp.toString()).contains("headers=[Authorization]").doesNotContain("mcp-secret");
		assertThat(ChatRequest.builder().user("Hi").tool(Tool.mcp(mcp)).build().toString()).contains("tools=[mcp]")
			.doesNotContain("mcp-secret");
		assertThatIllegalArgumentException().isThrownBy(() -> Mcp.builder(" ").build())
			.withMessage("serverLabel must not be empty; name the MCP server, for example \"docs\"");
		assertThatIllegalArgumentException().isThrownBy(() -> Tool.mcp(null))
			.withMessage("mcp must not be null; build one with Mcp.builder(serverLabel)");
	}

	@ParameterizedTest
	@MethodSource("mappers")
	void functionStrictIsWrittenAfterTheParametersOnlyWhenSet(JsonMapper mapper) {
		FunctionDefinition weather = new FunctionDefinition("weather", "Get weather information for a location",
				WEATHER_SCHEMA);
		assertThat(mapper.writeValueAsString(Tool.function(weather.withStrict(false)))).isEqualTo(
				"{\"type\":\"function\",\"function\":{\"name\":\"weather\",\"description\":\"Get weather information for a location\","
						+ "\"parameters\":{\"properties\":{\"location\":{\"description\":\"the city\",\"type\":\"string\"}},"
						+ "\"required\":[\"location\"],\"type\":\"object\"},\"strict\":false}}");
		assertThat(mapper.writeValueAsString(Tool.function("now", "Current time", null)))
			.isEqualTo("{\"type\":\"function\",\"function\":{\"name\":\"now\",\"description\":\"Current time\"}}");
		assertThat(weather.withStrict(true).strict()).isTrue();
		assertThat(weather.strict()).isNull();
	}

	@Test
	void toolResultFollowUpWithStrictMatchesTheRecordedRequestWhole() {
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
			.tool(Tool
				.function(new FunctionDefinition("weather", "Get weather information for a location", WEATHER_SCHEMA)
					.withStrict(false)))
			.build();
		// The recorded body of the Go client (zai-api.md, [WIRE] tool.yaml), keys in its
		// order: the JSON is the same, the key order is the client's own
		String recorded = "{\"messages\":[{\"content\":\"You are a helpful assistant\",\"role\":\"system\"},{\"content\":\"What's the weather in Florence,Italy?\",\"role\":\"user\"},{\"content\":\"I'll check the weather in Florence, Italy for you.\",\"tool_calls\":[{\"id\":\"call_-7807249954186984837\",\"function\":{\"arguments\":\"{\\\"location\\\":\\\"Florence,Italy\\\"}\",\"name\":\"weather\"},\"type\":\"function\"}],\"role\":\"assistant\",\"reasoning_content\":\"The user is asking for the weather in Florence, Italy. I have a weather function available that can get weather information for a location. The function requires a \\\"location\\\" parameter, and the user has provided \\\"Florence,Italy\\\" as the location. I should use this function to get the weather information.\"},{\"content\":\"40 C\",\"tool_call_id\":\"call_-7807249954186984837\",\"role\":\"tool\"}],\"model\":\"glm-4.7-flash\",\"max_tokens\":4000,\"tool_choice\":\"auto\",\"tools\":[{\"function\":{\"name\":\"weather\",\"strict\":false,\"description\":\"Get weather information for a location\",\"parameters\":{\"properties\":{\"location\":{\"description\":\"the city\",\"type\":\"string\"}},\"required\":[\"location\"],\"type\":\"object\"}},\"type\":\"function\"}]}";
		assertThat(MAPPER.readTree(MAPPER.writeValueAsString(request))).isEqualTo(MAPPER.readTree(recorded));
	}

	@ParameterizedTest
	@MethodSource("mappers")
	void toolChoiceIsWrittenAsAStringOrAsAnObject(JsonMapper mapper) {
		assertThat(mapper.writeValueAsString(ChatRequest.builder().user("Hi").toolChoice("auto").build()))
			.isEqualTo("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"tool_choice\":\"auto\"}");
		assertThat(mapper.writeValueAsString(ChatRequest.builder().user("Hi").toolChoice(ToolChoice.none()).build()))
			.isEqualTo("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"tool_choice\":\"none\"}");
		assertThat(mapper
			.writeValueAsString(ChatRequest.builder().user("Hi").toolChoice(ToolChoice.function("weather")).build()))
			.isEqualTo("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],"
					+ "\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"weather\"}}}");
		Map<String, Object> custom = new LinkedHashMap<>();
		custom.put("type", "allowed_tools");
		custom.put("mode", "auto");
		assertThat(mapper.writeValueAsString(ToolChoice.object(custom)))
			.isEqualTo("{\"type\":\"allowed_tools\",\"mode\":\"auto\"}");
	}

	@Test
	void toolChoiceFormsCompareByTheirWireValue() {
		assertThat(ToolChoice.mode("auto")).isSameAs(ToolChoice.auto());
		assertThat(ToolChoice.function("weather")).isEqualTo(ToolChoice.function("weather"))
			.hasSameHashCodeAs(ToolChoice.function("weather"))
			.isNotEqualTo(ToolChoice.function("other"))
			.hasToString("{type=function, function={name=weather}}");
		assertThat(ChatRequest.builder().user("Hi").toolChoice("auto").build().toolChoice().mode()).isEqualTo("auto");
		assertThat(ChatRequest.builder().user("Hi").toolChoice((String) null).build().toolChoice()).isNull();
		assertThatIllegalArgumentException().isThrownBy(() -> ChatRequest.builder().toolChoice(""))
			.withMessage("toolChoice must not be empty; use \"auto\" or ToolChoice.function(name)");
		assertThatIllegalArgumentException().isThrownBy(() -> ToolChoice.object(Map.of("function", "f")))
			.withMessage("toolChoice object must have a \"type\" string, for example \"function\"");
	}

	@ParameterizedTest
	@MethodSource("mappers")
	void reasoningEffortIsATypedOption(JsonMapper mapper) {
		ChatRequest request = ChatRequest.builder().model("glm-5.2").user("Hi").reasoningEffort("High").build();
		assertThat(request.reasoningEffort()).isEqualTo(ReasoningEffort.HIGH);
		assertThat(mapper.writeValueAsString(request)).isEqualTo(
				"{\"model\":\"glm-5.2\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"reasoning_effort\":\"high\"}");
		assertThat(Stream.of(ReasoningEffort.values()).map(ReasoningEffort::value)).containsExactly("max", "xhigh",
				"high", "medium", "low", "minimal", "none");
		assertThat(request.toString()).contains("reasoningEffort=high");
	}

	@Test
	void reasoningEffortRejectsValuesTheApiDoesNotKnow() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ChatRequest.builder().user("Hi").reasoningEffort("extreme"))
			.withMessage("reasoningEffort 'extreme' is not a reasoning effort; "
					+ "use one of max, xhigh, high, medium, low, minimal, none");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ChatRequest.builder().user("Hi").extraBody("reasoning_effort", "high"))
			.withMessage(
					"extraBody key 'reasoning_effort' is a typed field of ChatRequest; use reasoningEffort(..) instead");
		assertThat(ChatRequest.builder().user("Hi").reasoningEffort((String) null).build().reasoningEffort()).isNull();
	}

	@ParameterizedTest
	@MethodSource("mappers")
	void extraFieldsAreWrittenFlatIntoTheirObjectAfterTheTypedOnes(JsonMapper mapper) {
		ChatMessage message = ChatMessage
			.user(ContentPart.imageUrl("https://x.test/a.png").withExtra("detail", "high"),
					ContentPart.text("What is it?"))
			.withExtra("name", "alice");
		Tool tool = Tool.function(new FunctionDefinition("now", "Current time", null).withExtra("examples", List.of()))
			.withExtra("cache_control", Map.of("type", "ephemeral"));
		Tool search = Tool
			.webSearch(WebSearch.builder("search_pro_jina").count(3).extra("search_region", "eu").build());
		ChatRequest request = ChatRequest.builder()
			.message(message)
			.tool(tool)
			.tool(search)
			.extraBody("seed", 7)
			.build();
		assertThat(mapper.writeValueAsString(request)).isEqualTo("{\"messages\":[{\"role\":\"user\",\"content\":["
				+ "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://x.test/a.png\"},\"detail\":\"high\"},"
				+ "{\"type\":\"text\",\"text\":\"What is it?\"}],\"name\":\"alice\"}],"
				+ "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"now\",\"description\":\"Current time\","
				+ "\"examples\":[]},\"cache_control\":{\"type\":\"ephemeral\"}},"
				+ "{\"type\":\"web_search\",\"web_search\":{\"search_engine\":\"search_pro_jina\",\"count\":3,"
				+ "\"search_region\":\"eu\"}}],\"seed\":7}");
	}

	@Test
	void extraFieldsCannotShadowTypedOnesAndNullRemovesThem() {
		assertThatIllegalArgumentException().isThrownBy(() -> ChatMessage.user("Hi").withExtra("content", "x"))
			.withMessage("extra field 'content' is a typed field of ChatMessage; set it with ChatMessage's own "
					+ "factories instead");
		assertThatIllegalArgumentException().isThrownBy(() -> ContentPart.text("a").withExtra("type", "x"))
			.withMessageStartingWith("extra field 'type' is a typed field of ContentPart");
		assertThatIllegalArgumentException().isThrownBy(() -> Tool.mcp(Mcp.builder("d").build()).withExtra("mcp", 1))
			.withMessageStartingWith("extra field 'mcp' is a typed field of Tool");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new FunctionDefinition("f", null, null).withExtra("strict", true))
			.withMessageStartingWith("extra field 'strict' is a typed field of FunctionDefinition");
		assertThatIllegalArgumentException().isThrownBy(() -> WebSearch.builder("s").extra("count", 3))
			.withMessageStartingWith("extra field 'count' is a typed field of WebSearch");
		assertThatIllegalArgumentException().isThrownBy(() -> Mcp.builder("d").extra("server_url", "u"))
			.withMessageStartingWith("extra field 'server_url' is a typed field of Mcp");
		assertThatIllegalArgumentException().isThrownBy(() -> ChatMessage.user("Hi").withExtra(" ", 1))
			.withMessage("ChatMessage extra field name must not be empty");
		ChatMessage message = ChatMessage.user("Hi").withExtra("name", "alice");
		assertThat(message.withExtra("name", null)).isEqualTo(ChatMessage.user("Hi"));
		assertThat(message).isNotEqualTo(ChatMessage.user("Hi"))
			.hasToString("ChatMessage{role=user, content='Hi', extra=[name]}");
	}

	private static Map<String, Object> orderedSchema() {
		Map<String, Object> location = new LinkedHashMap<>();
		location.put("description", "the city");
		location.put("type", "string");
		Map<String, Object> schema = new LinkedHashMap<>();
		schema.put("properties", Map.of("location", location));
		schema.put("required", List.of("location"));
		schema.put("type", "object");
		return schema;
	}

}
