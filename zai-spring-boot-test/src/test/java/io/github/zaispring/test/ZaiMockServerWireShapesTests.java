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

package io.github.zaispring.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.resilience4j.retry.Retry;
import io.github.zaispring.chat.ChatCompletion;
import io.github.zaispring.chat.ChatCompletionChunk;
import io.github.zaispring.chat.ChatMessage;
import io.github.zaispring.chat.ChatRequest;
import io.github.zaispring.chat.ContentPart;
import io.github.zaispring.chat.ContentPart.FileInput;
import io.github.zaispring.chat.FinishReason;
import io.github.zaispring.chat.FunctionDefinition;
import io.github.zaispring.chat.Mcp;
import io.github.zaispring.chat.ReasoningEffort;
import io.github.zaispring.chat.Tool;
import io.github.zaispring.chat.ToolChoice;
import io.github.zaispring.chat.WebSearch;
import io.github.zaispring.chat.WebSearchResult;
import io.github.zaispring.chat.ZaiChatTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the request and answer shapes beyond the basic ones with
 * {@link ZaiMockServer}: the server records the new request shapes as sent, and answers
 * with web search results, raw finish reasons and events without blank lines that the
 * real {@link ZaiChatTemplate} reads.
 *
 * @author zai-spring-boot contributors
 */
class ZaiMockServerWireShapesTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final WebSearchResult RESULT = new WebSearchResult("Florence weather today", "Sunny, 24 °C",
			"https://weather.example/florence", "Weather Example", null, "ref_1", "2025-11-11");

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	private ZaiMockServer server;

	private ZaiChatTemplate template;

	@BeforeEach
	void start() {
		this.server = ZaiMockServer.start();
		this.template = ZaiChatTemplate.builder()
			.apiKey("k")
			.baseUrl(this.server.baseUrl())
			.retry((Retry) null)
			.build();
	}

	@AfterEach
	void stop() {
		this.template.close();
		this.server.close();
	}

	@Test
	void newRequestShapesArriveAsSent() {
		ChatRequest request = ChatRequest.builder()
			.model("glm-5.2")
			.message(ChatMessage
				.user(ContentPart.text("Read this"), ContentPart.file(FileInput.url("https://x.test/r.pdf")),
						ContentPart.inputAudio("UklGRg==", "wav"))
				.withExtra("name", "alice"))
			.tool(Tool
				.function(new FunctionDefinition("weather", "Weather", Map.of("type", "object")).withStrict(true)))
			.tool(Tool.mcp(Mcp.builder("docs").serverUrl("https://mcp.example/sse").build()))
			.toolChoice(ToolChoice.function("weather"))
			.reasoningEffort(ReasoningEffort.LOW)
			.build();
		this.template.chat(request).block(WAIT);
		ReceivedRequest received = this.server.takeRequest(WAIT);
		JsonNode body = received.body();
		assertThat(received.lastUserMessage()).isEqualTo("Read this");
		assertThat(body.at("/messages/0/name").asString()).isEqualTo("alice");
		assertThat(body.at("/messages/0/content/1/file/file_url").asString()).isEqualTo("https://x.test/r.pdf");
		assertThat(body.at("/messages/0/content/2/input_audio/format").asString()).isEqualTo("wav");
		assertThat(body.at("/tools/0/function/strict").asBoolean()).isTrue();
		assertThat(body.at("/tools/1/mcp/server_label").asString()).isEqualTo("docs");
		assertThat(body.at("/tool_choice/function/name").asString()).isEqualTo("weather");
		assertThat(body.at("/reasoning_effort").asString()).isEqualTo("low");
	}

	@Test
	void webSearchResultsReachAStreamAndAPlainAnswer() {
		ZaiReply reply = ZaiReply.text("It is sunny [ref_1].").webSearch(RESULT);
		ChatRequest request = ChatRequest.builder()
			.user("Weather in Florence?")
			.tool(Tool.webSearch(WebSearch.builder("search_pro_jina").enable(true).searchResult(true).build()))
			.build();
		this.server.enqueue(reply);
		List<ChatCompletionChunk> chunks = this.template.stream(request).collectList().block(WAIT);
		assertThat(chunks.get(0).webSearch()).containsExactly(RESULT);
		assertThat(chunks.subList(1, chunks.size())).allSatisfy((chunk) -> assertThat(chunk.webSearch()).isEmpty());
		ChatCompletion folded = ChatCompletion.fromChunks(chunks);
		assertThat(folded.webSearch()).containsExactly(RESULT);
		assertThat(folded.content()).isEqualTo("It is sunny [ref_1].");
		this.server.enqueue(reply);
		ChatCompletion plain = this.template.chat(request).block(WAIT);
		assertThat(plain.webSearch()).containsExactly(RESULT);
		assertThat(plain.content()).isEqualTo("It is sunny [ref_1].");
	}

	@Test
	void unknownFinishReasonIsKeptBesideUnknown() {
		ZaiReply reply = ZaiReply.text("Cut").finishReasonValue("abort");
		this.server.enqueue(reply);
		ChatCompletion folded = ChatCompletion
			.fromChunks(this.template.stream(ChatRequest.builder().user("Hi").build()).collectList().block(WAIT));
		assertThat(folded.finishReason()).isEqualTo(FinishReason.UNKNOWN);
		assertThat(folded.finishReasonValue()).isEqualTo("abort");
		this.server.enqueue(reply);
		ChatCompletion plain = this.template.chat(ChatRequest.builder().user("Hi").build()).block(WAIT);
		assertThat(plain.finishReason()).isEqualTo(FinishReason.UNKNOWN);
		assertThat(plain.finishReasonValue()).isEqualTo("abort");
	}

	@Test
	void eventsWithoutBlankLinesAreSentAsTheDocsPrintThem() throws Exception {
		this.server.enqueue(ZaiReply.text("Spring comes with").chunkSize(6).withoutBlankLines());
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.server.baseUrl() + "/chat/completions"))
				.timeout(WAIT)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.body()).doesNotContain("\n\n").endsWith("}\ndata: [DONE]\n");
		List<String> lines = List.of(response.body().split("\n"));
		assertThat(lines).allSatisfy((line) -> assertThat(line).startsWith("data: "));
		assertThat(this.jsonMapper.readTree(lines.get(0).substring("data: ".length()))
			.at("/choices/0/delta/content")
			.asString()).isEqualTo("Spring");
	}

	@Test
	void templateReadsEventsWithoutBlankLines() throws IOException {
		this.server.enqueue(ZaiReply.text("Spring comes with").chunkSize(6).withoutBlankLines());
		List<ChatCompletionChunk> chunks = this.template.stream(ChatRequest.builder().user("Hi").build())
			.collectList()
			.block(WAIT);
		assertThat(chunks).extracting(ChatCompletionChunk::content).containsExactly("Spring", " comes", " with", "");
		assertThat(chunks.get(chunks.size() - 1).finishReason()).isEqualTo(FinishReason.STOP);
	}

}
