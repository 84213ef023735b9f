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
package io.github.zaispring.benchmarks;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

/**
 * Spring AI 2.0's OpenAI chat model (on the OpenAI Java SDK and OkHttp) pointed at the
 * simulator, with observations into a meter registry like the starter's, since a Boot
 * user of Spring AI has them too. Called directly (system {@code spring-ai}), or through
 * a {@link ChatClient} on the same registry (system {@code spring-ai-chatclient}), as
 * Spring AI's auto-configured {@code ChatClient.Builder} builds it.
 *
 * @author zai-spring-boot contributors
 */
final class SpringAiClient implements BenchClient {

	private final OpenAiChatModel model;

	private final @Nullable ChatClient chatClient;

	SpringAiClient(String baseUrl, boolean viaChatClient) {
		ObservationRegistry observations = ObservationRegistry.create();
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
		this.model = OpenAiChatModel.builder()
			.options(OpenAiChatOptions.builder().baseUrl(baseUrl).apiKey("id.secret").model("glm-4.6").build())
			.observationRegistry(observations)
			.meterRegistry(meters)
			.build();
		this.chatClient = viaChatClient ? ChatClient.create(this.model, observations) : null;
	}

	@Override
	public String call(String prompt) {
		if (this.chatClient != null) {
			String text = this.chatClient.prompt(prompt).call().content();
			return (text != null) ? text : "";
		}
		return text(this.model.call(new Prompt(prompt)));
	}

	@Override
	public CompletableFuture<String> callAsync(String prompt, Executor blockingPool) {
		return CompletableFuture.supplyAsync(() -> call(prompt), blockingPool);
	}

	@Override
	public void stream(String prompt, StreamSink sink) {
		if (this.chatClient != null) {
			this.chatClient.prompt(prompt).stream().content().subscribe((text) -> {
				if (!text.isEmpty()) {
					sink.piece(text);
				}
			}, sink::error, sink::complete);
			return;
		}
		this.model.stream(new Prompt(prompt)).subscribe((response) -> {
			String text = text(response);
			if (!text.isEmpty()) {
				sink.piece(text);
			}
		}, sink::error, sink::complete);
	}

	static String text(ChatResponse response) {
		if (response.getResult() == null || response.getResult().getOutput() == null) {
			return "";
		}
		String text = response.getResult().getOutput().getText();
		return (text != null) ? text : "";
	}

}
