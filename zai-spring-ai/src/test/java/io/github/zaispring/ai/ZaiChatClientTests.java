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

package io.github.zaispring.ai;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.github.zaispring.ZaiQuotaExceededException;
import io.github.zaispring.ZaiRateLimitException;
import io.github.zaispring.ai.autoconfigure.ZaiChatModelAutoConfiguration;
import io.github.zaispring.ai.autoconfigure.ZaiEmbeddingModelAutoConfiguration;
import io.github.zaispring.autoconfigure.ZaiAutoConfiguration;
import io.github.zaispring.chat.Thinking;
import io.github.zaispring.test.ReceivedRequest;
import io.github.zaispring.test.ZaiMockServer;
import io.github.zaispring.test.ZaiReply;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.ObservationContextAssert;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration;
import org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.retry.TransientAiException;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link ChatClient} on the auto-configured {@link ZaiChatModel}, end to end against the
 * loopback Z.AI simulator.
 *
 * @author zai-spring-boot contributors
 */
class ZaiChatClientTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private ZaiMockServer server;

	private ApplicationContextRunner runner;

	@BeforeEach
	void start() {
		this.server = ZaiMockServer.start();
		this.runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ZaiAutoConfiguration.class, ToolCallingAutoConfiguration.class,
					ChatClientAutoConfiguration.class, ZaiChatModelAutoConfiguration.class,
					ZaiEmbeddingModelAutoConfiguration.class))
			.withPropertyValues("zai.api-key=chat-client-test.key", "zai.base-url=" + this.server.baseUrl(),
					"zai.chat.model=glm-4.6", "zai.retry.initial-backoff=10ms", "zai.retry.max-backoff=20ms");
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	private void run(Consumer<ChatClient> test) {
		this.runner.run((context) -> test.accept(chatClient(context)));
	}

	private static ChatClient chatClient(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		return context.getBean(ChatClient.Builder.class).build();
	}

	private ReceivedRequest takeRequest() {
		return this.server.takeRequest(TIMEOUT);
	}

	@Test
	void callAnswersWithTextUsageIdAndModel() {
		this.server.enqueue(ZaiReply.text("Hello from GLM").id("chat-1").model("glm-4.6").usage(20, 5, 8, 0));
		run((chatClient) -> {
			ChatResponse response = chatClient.prompt().user("Hi").call().chatResponse();
			assertThat(response.getResult().getOutput().getText()).isEqualTo("Hello from GLM");
			assertThat(response.getResult().getMetadata().getFinishReason()).isEqualTo("STOP");
			assertThat(response.getMetadata().getId()).isEqualTo("chat-1");
			assertThat(response.getMetadata().getModel()).isEqualTo("glm-4.6");
			assertThat(response.getMetadata().getUsage().getPromptTokens()).isEqualTo(20);
			assertThat(response.getMetadata().getUsage().getCompletionTokens()).isEqualTo(5);
			assertThat(response.getMetadata().getUsage().getTotalTokens()).isEqualTo(25);
			assertThat(response.getMetadata().getUsage().getCacheReadInputTokens()).isEqualTo(8L);
		});
		ReceivedRequest request = takeRequest();
		// exactly the messages of the prompt, no system message added, and never streamed
		assertThat(request.body().get("messages")).hasSize(1);
		assertThat(request.body().get("messages").get(0).get("role").asString()).isEqualTo("user");
		assertThat(request.body().has("stream") && request.body().get("stream").asBoolean()).isFalse();
		assertThat(request.model()).isEqualTo("glm-4.6");
	}

	@Test
	void toolLoopInACall() {
		Clock clock = new Clock();
		this.server.enqueue(ZaiReply.toolCall("currentTime", "{\"city\":\"Paris\"}"));
		this.server.enqueue(ZaiReply.text("It is noon in Paris."));
		run((chatClient) -> assertThat(
				chatClient.prompt().user("What time is it in Paris?").tools(clock).call().content())
			.isEqualTo("It is noon in Paris."));
		assertThat(clock.cities).containsExactly("Paris");
		JsonNode first = takeRequest().body();
		assertThat(first.get("tools").get(0).get("function").get("name").asString()).isEqualTo("currentTime");
		assertToolResultSent(takeRequest().body());
	}

	@Test
	void toolLoopInAStreamWithToolCallsStreamedInPieces() {
		Clock clock = new Clock();
		this.server.enqueue(ZaiReply.toolCall("currentTime", "{\"city\":\"Paris\"}").toolStream(true));
		this.server.enqueue(ZaiReply.text("It is noon in Paris."));
		run((chatClient) -> {
			List<String> pieces = chatClient.prompt()
				.user("What time is it in Paris?")
				.options(ZaiChatOptions.builder().toolStream(true))
				.tools(clock)
				.stream()
				.content()
				.collectList()
				.block(TIMEOUT);
			assertThat(String.join("", pieces)).isEqualTo("It is noon in Paris.");
		});
		// one whole call, with the arguments folded from their pieces
		assertThat(clock.cities).containsExactly("Paris");
		JsonNode first = takeRequest().body();
		assertThat(first.get("stream").asBoolean()).isTrue();
		assertThat(first.get("tool_stream").asBoolean()).isTrue();
		assertToolResultSent(takeRequest().body());
	}

	private static void assertToolResultSent(JsonNode second) {
		JsonNode messages = second.get("messages");
		assertThat(messages).hasSize(3);
		JsonNode assistant = messages.get(1);
		assertThat(assistant.get("role").asString()).isEqualTo("assistant");
		String callId = assistant.get("tool_calls").get(0).get("id").asString();
		assertThat(callId).isNotEmpty();
		assertThat(assistant.get("tool_calls").get(0).get("function").get("arguments").asString())
			.isEqualTo("{\"city\":\"Paris\"}");
		JsonNode tool = messages.get(2);
		assertThat(tool.get("role").asString()).isEqualTo("tool");
		assertThat(tool.get("tool_call_id").asString()).isEqualTo(callId);
		assertThat(tool.get("content").asString()).contains("12:00 in Paris");
	}

	@Test
	void entityIsReadFromTheJsonAnswer() {
		this.server.enqueue(ZaiReply.text("{\"city\":\"Paris\",\"temperature\":21}"));
		run((chatClient) -> assertThat(chatClient.prompt().user("Weather in Paris?").call().entity(Weather.class))
			.isEqualTo(new Weather("Paris", 21)));
		// Z.AI has no json_schema response format: the schema travels in the prompt
		ReceivedRequest request = takeRequest();
		assertThat(request.lastUserMessage()).contains("\"temperature\"");
		assertThat(request.body().has("response_format")).isFalse();
	}

	@Test
	void reasoningIsInTheMetadataAndNotInTheText() {
		this.server.enqueue(ZaiReply.text("42").reasoning("Six times seven."));
		this.server.enqueue(ZaiReply.text("42").reasoning("Six times seven."));
		run((chatClient) -> {
			ChatResponse response = chatClient.prompt().user("6*7?").call().chatResponse();
			assertThat(response.getResult().getOutput().getText()).isEqualTo("42");
			assertThat(response.getResult().getOutput().getMetadata()).containsEntry(ZaiChatModel.REASONING_CONTENT,
					"Six times seven.");
			List<String> streamed = chatClient.prompt().user("6*7?").stream().content().collectList().block(TIMEOUT);
			assertThat(String.join("", streamed)).isEqualTo("42");
		});
	}

	@Test
	void perCallOptionsOverrideTheDefaultsForThatCallOnly() {
		this.server.enqueue(ZaiReply.text("one"));
		this.server.enqueue(ZaiReply.text("two"));
		this.runner.withPropertyValues("zai.chat.temperature=0.5").run((context) -> {
			ChatClient chatClient = chatClient(context);
			chatClient.prompt()
				.user("Hi")
				.options(ZaiChatOptions.builder()
					.model("glm-4.5-air")
					.temperature(0.1)
					.thinking(Thinking.disabled())
					.doSample(false)
					.userId("user-7")
					.extraBody("custom_field", "x"))
				.call()
				.content();
			chatClient.prompt().user("Hi").call().content();
		});
		JsonNode first = takeRequest().body();
		assertThat(first.get("model").asString()).isEqualTo("glm-4.5-air");
		assertThat(first.get("temperature").asDouble()).isEqualTo(0.1);
		assertThat(first.get("thinking").get("type").asString()).isEqualTo("disabled");
		assertThat(first.get("do_sample").asBoolean()).isFalse();
		assertThat(first.get("user_id").asString()).isEqualTo("user-7");
		assertThat(first.get("custom_field").asString()).isEqualTo("x");
		JsonNode second = takeRequest().body();
		assertThat(second.get("model").asString()).isEqualTo("glm-4.6");
		assertThat(second.get("temperature").asDouble()).isEqualTo(0.5);
		assertThat(second.has("thinking")).isFalse();
		assertThat(second.has("do_sample")).isFalse();
		assertThat(second.has("user_id")).isFalse();
		assertThat(second.has("custom_field")).isFalse();
	}

	@Test
	void noBalanceIsOneRequestAndANonTransientExceptionWithTheTypedCause() {
		this.server.enqueue(ZaiReply.error(429, "1113", "Insufficient balance or no resource package."));
		run((chatClient) -> assertThatExceptionOfType(NonTransientAiException.class)
			.isThrownBy(() -> chatClient.prompt().user("Hi").call().content())
			.havingCause()
			.isInstanceOfSatisfying(ZaiQuotaExceededException.class, (ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(429);
				assertThat(ex.getErrorCode()).isEqualTo("1113");
			}));
		assertThat(this.server.requestCount()).isOne();
	}

	@Test
	void noBalanceInAStreamIsOneRequestAndANonTransientException() {
		this.server.enqueue(ZaiReply.error(429, "1113", "Insufficient balance or no resource package."));
		run((chatClient) -> assertThatExceptionOfType(NonTransientAiException.class)
			.isThrownBy(() -> chatClient.prompt().user("Hi").stream().content().blockLast(TIMEOUT))
			.withCauseInstanceOf(ZaiQuotaExceededException.class));
		assertThat(this.server.requestCount()).isOne();
	}

	@Test
	void concurrencyLimitIsRetriedOnceByThisLibraryOnly() {
		this.server.enqueue(ZaiReply.error(429, "1302", "High concurrency usage of this API."));
		this.server.enqueue(ZaiReply.text("after one retry"));
		run((chatClient) -> assertThat(chatClient.prompt().user("Hi").call().content()).isEqualTo("after one retry"));
		assertThat(this.server.requestCount()).isEqualTo(2);
	}

	@Test
	void concurrencyLimitBeyondTheRetriesIsATransientExceptionWithTheTypedCause() {
		for (int i = 0; i < 3; i++) {
			this.server.enqueue(ZaiReply.error(429, "1302", "High concurrency usage of this API."));
		}
		run((chatClient) -> assertThatExceptionOfType(TransientAiException.class)
			.isThrownBy(() -> chatClient.prompt().user("Hi").call().content())
			.withCauseInstanceOf(ZaiRateLimitException.class));
		// zai.retry.max-attempts (3), and no Spring AI retry on top
		assertThat(this.server.requestCount()).isEqualTo(3);
	}

	@Test
	void oneModelObservationPerCallAndPerStream() {
		this.server.enqueue(ZaiReply.text("one"));
		this.server.enqueue(ZaiReply.text("two"));
		this.runner.withBean(ObservationRegistry.class, TestObservationRegistry::create).run((context) -> {
			TestObservationRegistry registry = (TestObservationRegistry) context.getBean(ObservationRegistry.class);
			ChatClient chatClient = chatClient(context);
			chatClient.prompt().user("Hi").call().content();
			TestObservationRegistryAssert.assertThat(registry)
				.hasNumberOfObservationsWithNameEqualTo("gen_ai.client.operation", 1)
				.hasObservationWithNameEqualTo("gen_ai.client.operation")
				.that()
				.isInstanceOf(ChatModelObservationContext.class)
				.hasBeenStopped()
				.hasLowCardinalityKeyValue("gen_ai.system", "zai")
				.hasLowCardinalityKeyValue("gen_ai.request.model", "glm-4.6")
				.hasParentObservationContextMatching((parent) -> parent.getName().equals("spring.ai.advisor"));
			chatClient.prompt().user("Hi").stream().content().blockLast(TIMEOUT);
			// the starter's own observation of the exchange stays out: one per call,
			// nested in the ChatClient's advisors as with Spring AI's own models
			TestObservationRegistryAssert.assertThat(registry)
				.hasNumberOfObservationsWithNameEqualTo("gen_ai.client.operation", 2)
				.forAllObservationsWithNameEqualTo("gen_ai.client.operation",
						ObservationContextAssert::hasParentObservation);
		});
	}

	record Weather(String city, int temperature) {
	}

	static class Clock {

		final List<String> cities = new CopyOnWriteArrayList<>();

		@Tool(description = "The current time in a city")
		String currentTime(@ToolParam(description = "the city") String city) {
			this.cities.add(city);
			return "12:00 in " + city;
		}

	}

}
