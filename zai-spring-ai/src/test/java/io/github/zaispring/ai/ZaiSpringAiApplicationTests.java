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
import java.util.stream.Collectors;

import io.github.zaispring.test.ZaiAudioReplies;
import io.github.zaispring.test.ZaiMockServer;
import io.github.zaispring.test.ZaiReply;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.ai.audio.tts.TextToSpeechModel;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot application with {@code zai-spring-ai} on the class path and nothing but
 * {@code zai.api-key} and {@code zai.base-url} set gets a working
 * {@link ChatClient.Builder}, {@link EmbeddingModel} and {@link TextToSpeechModel},
 * through the real auto-configuration chain.
 *
 * @author zai-spring-boot contributors
 */
class ZaiSpringAiApplicationTests {

	private static ZaiMockServer server;

	private static ConfigurableApplicationContext context;

	@BeforeAll
	static void start() {
		server = ZaiMockServer.start();
		SpringApplication application = new SpringApplication(Application.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		context = application.run("--zai.api-key=app-test.key", "--zai.base-url=" + server.baseUrl());
	}

	@AfterAll
	static void stop() {
		context.close();
		server.close();
	}

	@AfterEach
	void reset() {
		server.reset();
	}

	@Test
	void chatClientCallsTheModel() {
		server.enqueue(ZaiReply.text("Hello from GLM").usage(11, 4));
		ChatClient chatClient = context.getBean(ChatClient.Builder.class).build();
		ChatResponse response = chatClient.prompt().user("Hi").call().chatResponse();
		assertThat(response.getResult().getOutput().getText()).isEqualTo("Hello from GLM");
		assertThat(response.getMetadata().getUsage().getPromptTokens()).isEqualTo(11);
		assertThat(response.getMetadata().getUsage().getCompletionTokens()).isEqualTo(4);
		assertThat(context.getBean(ChatModel.class)).isInstanceOf(ZaiChatModel.class);
	}

	@Test
	void chatClientStreamsTheModel() {
		server.enqueue(ZaiReply.text("Hello from a stream"));
		ChatClient chatClient = context.getBean(ChatClient.Builder.class).build();
		List<String> pieces = chatClient.prompt()
			.user("Hi")
			.stream()
			.content()
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(pieces.stream().collect(Collectors.joining())).isEqualTo("Hello from a stream");
		assertThat(server.takeRequest(Duration.ofSeconds(5)).stream()).isTrue();
	}

	@Test
	void springAiMetersCountTheCallsOfTheModel() {
		MeterRegistry meters = context.getBean(MeterRegistry.class);
		long calls = calls(meters);
		double input = tokens(meters, "input");
		double output = tokens(meters, "output");
		server.enqueue(ZaiReply.text("Hello").usage(7, 3));
		context.getBean(ChatClient.Builder.class).build().prompt().user("Hi").call().content();
		assertThat(calls(meters)).isEqualTo(calls + 1);
		assertThat(tokens(meters, "input")).isEqualTo(input + 7);
		assertThat(tokens(meters, "output")).isEqualTo(output + 3);
	}

	private static long calls(MeterRegistry meters) {
		return meters.find("gen_ai.client.operation")
			.tag("gen_ai.system", "zai")
			.timers()
			.stream()
			.mapToLong(Timer::count)
			.sum();
	}

	private static double tokens(MeterRegistry meters, String type) {
		return meters.find("gen_ai.client.token.usage")
			.tag("gen_ai.system", "zai")
			.tag("gen_ai.token.type", type)
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

	@Test
	void embeddingModelEmbeds() {
		EmbeddingModel embeddingModel = context.getBean(EmbeddingModel.class);
		assertThat(embeddingModel).isInstanceOf(ZaiEmbeddingModel.class);
		List<float[]> vectors = embeddingModel.embed(List.of("one", "two"));
		assertThat(vectors).hasSize(2);
		assertThat(vectors.get(0)).hasSize(embeddingModel.dimensions());
	}

	@Test
	void textToSpeechModelSpeaks() {
		server.enqueue(ZaiAudioReplies.speech(new byte[] { 'R', 'I', 'F', 'F', 0, 1 }, "audio/wav"));
		TextToSpeechModel speechModel = context.getBean(TextToSpeechModel.class);
		assertThat(speechModel).isInstanceOf(ZaiTextToSpeechModel.class);
		assertThat(speechModel.call("Hi")).containsExactly('R', 'I', 'F', 'F', 0, 1);
		assertThat(server.takeRequest(Duration.ofSeconds(5)).path()).endsWith("/audio/speech");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
