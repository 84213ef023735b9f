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

import io.github.zaispring.ai.ZaiChatModel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * This project's Spring AI provider as a user has it: a Boot application with
 * {@code zai-spring-ai} and actuator on the class path (so observations go to a meter
 * registry), the auto-configured {@link ZaiChatModel} on the starter's template, with the
 * same pool size as the {@code starter} system. Either through the auto-configured
 * {@link ChatClient.Builder} (system {@code spring-ai-zai}, what a Spring AI application
 * calls), or the {@link ChatModel} called directly (system {@code zai-chat-model}, the
 * bridge alone, to compare with the bare template of the {@code starter} system).
 * <p>
 * {@code zai-spring-ai} and the Spring AI auto-configurations it brings are not on the
 * class path of the other systems (folder {@code lib-spring-ai-zai}), so that the
 * {@code starter} system and the startup workload stay as a starter user has them.
 *
 * @author zai-spring-boot contributors
 */
final class SpringAiZaiClient implements BenchClient {

	private final ConfigurableApplicationContext context;

	private final ChatModel model;

	private final ChatClient chatClient;

	private final boolean viaChatClient;

	SpringAiZaiClient(String baseUrl, int maxConnections, boolean viaChatClient) {
		this(new Class<?>[0], baseUrl, maxConnections, viaChatClient);
	}

	/**
	 * Create the client in an application that also has the given configuration classes,
	 * such as the one of {@link InProcessStreams} that answers without a network.
	 */
	SpringAiZaiClient(Class<?>[] extraSources, String baseUrl, int maxConnections, boolean viaChatClient) {
		this.context = new SpringApplicationBuilder(SpringAiApplication.class).sources(extraSources)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties("zai.api-key=id.secret", "zai.base-url=" + baseUrl,
					"zai.pool.max-connections=" + maxConnections, "spring.main.banner-mode=off",
					"logging.level.root=WARN")
			.run();
		this.model = this.context.getBean(ChatModel.class);
		if (!(this.model instanceof ZaiChatModel)) {
			throw new IllegalStateException("The ChatModel is " + this.model.getClass() + ", not ZaiChatModel");
		}
		if (this.context.getBean(ObservationRegistry.class).isNoop()) {
			throw new IllegalStateException("The Spring AI application has no ObservationRegistry");
		}
		this.chatClient = this.context.getBean(ChatClient.Builder.class).build();
		this.viaChatClient = viaChatClient;
	}

	@Override
	public String call(String prompt) {
		if (this.viaChatClient) {
			String text = this.chatClient.prompt(prompt).call().content();
			return (text != null) ? text : "";
		}
		return SpringAiClient.text(this.model.call(new Prompt(prompt)));
	}

	@Override
	public CompletableFuture<String> callAsync(String prompt, Executor blockingPool) {
		// ChatModel.call blocks, as Spring AI's OpenAI model does
		return CompletableFuture.supplyAsync(() -> call(prompt), blockingPool);
	}

	@Override
	public void stream(String prompt, StreamSink sink) {
		if (this.viaChatClient) {
			this.chatClient.prompt(prompt).stream().content().subscribe((text) -> {
				if (!text.isEmpty()) {
					sink.piece(text);
				}
			}, sink::error, sink::complete);
			return;
		}
		this.model.stream(new Prompt(prompt)).subscribe((response) -> {
			String text = SpringAiClient.text(response);
			if (!text.isEmpty()) {
				sink.piece(text);
			}
		}, sink::error, sink::complete);
	}

	private String meters() {
		return StarterClient.describeMeters(this.context.getBean(MeterRegistry.class), "gen_ai", "zai", "spring.ai");
	}

	/**
	 * Print the meters, as the worker does for the {@code starter} system, then stop the
	 * application.
	 */
	@Override
	public void close() {
		System.out.println("METERS\n" + meters());
		this.context.close();
	}

	/**
	 * The user's application.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class SpringAiApplication {

	}

}
