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

package io.github.zaispring.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.zaispring.chat.ChatCompletion;
import io.github.zaispring.chat.ChatCompletionChunk;
import io.github.zaispring.chat.ChatMessage;
import io.github.zaispring.chat.ChatRequest;
import io.github.zaispring.chat.FunctionCall;
import io.github.zaispring.chat.Tool;
import io.github.zaispring.chat.ToolCall;
import io.github.zaispring.chat.ZaiChatOperations;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.StreamUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bytes the starter sends to Z.AI and the values it reads back do not depend on the
 * application's {@code spring.jackson.*} settings, which configure the JSON of Boot's
 * {@code WebClient.Builder}.
 *
 * @author zai-spring-boot contributors
 */
class WireIndependenceTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
				WebClientAutoConfiguration.class, ZaiAutoConfiguration.class))
		.withPropertyValues("zai.api-key=test-id.test-secret", "zai.retry.enabled=false");

	private MockWebServer server;

	@BeforeEach
	void startServer() throws IOException {
		this.server = new MockWebServer();
		this.server.start(InetAddress.getLoopbackAddress(), 0);
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "spring.jackson.property-naming-strategy=UPPER_CAMEL_CASE",
			"spring.jackson.property-naming-strategy=SNAKE_CASE",
			"spring.jackson.property-naming-strategy=LOWER_CAMEL_CASE",
			"spring.jackson.default-property-inclusion=always", "spring.jackson.default-property-inclusion=non_empty",
			"spring.jackson.serialization.indent-output=true",
			"spring.jackson.deserialization.fail-on-unknown-properties=true",
			"spring.jackson.deserialization.fail-on-null-for-primitives=true", "spring.jackson.date-format=yyyy-MM-dd",
			"spring.jackson.mapper.sort-properties-alphabetically=true" })
	void wireIsTheSameUnderAnApplicationJsonSetting(String setting) {
		Exchange expected = exchange();
		Exchange actual = exchange(setting);
		assertThat(actual.chatBody()).isEqualTo(expected.chatBody());
		assertThat(actual.streamBody()).isEqualTo(expected.streamBody());
		assertThat(actual.completion()).isEqualTo(expected.completion());
		assertThat(actual.chunks()).isEqualTo(expected.chunks());
		ToolCall streamed = ChatCompletion.fromChunks(actual.chunks()).toolCalls().get(0);
		assertThat(streamed.id()).isEqualTo("call_6bc2e48a34f34e80995b40d2");
		assertThat(streamed.function().name()).isEqualTo("weather");
		assertThat(streamed.function().arguments()).isEqualTo("{\"location\":\"Florence,Italy\"}");
		assertThat(actual.completion().toolCalls()).isNotEmpty()
			.allSatisfy((call) -> assertThat(call.function().name()).isNotNull());
	}

	private Exchange exchange(String... settings) {
		List<Exchange> result = new ArrayList<>();
		this.contextRunner.withPropertyValues("zai.base-url=" + this.server.url("/api/paas/v4"))
			.withPropertyValues(settings)
			.run((context) -> {
				ZaiChatOperations chat = context.getBean(ZaiChatOperations.class);
				this.server.enqueue(new MockResponse.Builder().code(200)
					.setHeader("Content-Type", "application/json")
					.body(fixture("fixtures/chat/tool-call.json"))
					.build());
				ChatCompletion completion = chat.chat(request()).block(WAIT);
				String chatBody = body(this.server.takeRequest());
				this.server.enqueue(new MockResponse.Builder().code(200)
					.setHeader("Content-Type", "text/event-stream")
					.body(fixture("fixtures/stream/tool-call.sse"))
					.build());
				List<ChatCompletionChunk> chunks = chat.stream(request()).collectList().block(WAIT);
				String streamBody = body(this.server.takeRequest());
				result.add(new Exchange(chatBody, streamBody, completion, chunks));
			});
		assertThat(result).as("the context started").hasSize(1);
		return result.get(0);
	}

	private static ChatRequest request() {
		ToolCall call = new ToolCall("call_1", "function", null,
				new FunctionCall("weather", "{\"location\":\"Rome\"}"));
		return ChatRequest.builder()
			.model("glm-4.6")
			.system("Answer briefly.")
			.user("What is the weather in Florence?")
			.message(ChatMessage.assistant(null, List.of(call)))
			.message(ChatMessage.tool("call_1", "sunny"))
			.tools(List.of(Tool.function("weather", "Current weather of a city",
					Map.of("type", "object", "properties", Map.of("location", Map.of("type", "string"))))))
			.toolChoice("auto")
			.temperature(0.5)
			.requestId("req-000001")
			.build();
	}

	private static String body(RecordedRequest request) {
		return request.getBody().utf8();
	}

	private static String fixture(String name) {
		try {
			return StreamUtils.copyToString(new ClassPathResource(name).getInputStream(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record Exchange(String chatBody, String streamBody, ChatCompletion completion,
			List<ChatCompletionChunk> chunks) {

	}

}
