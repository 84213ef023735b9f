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

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

/**
 * LangChain4j's OpenAI models (on the JDK HTTP client) pointed at the simulator.
 *
 * @author zai-spring-boot contributors
 */
final class LangChain4jClient implements BenchClient {

	private final OpenAiChatModel model;

	private final OpenAiStreamingChatModel streamingModel;

	LangChain4jClient(String baseUrl) {
		this.model = OpenAiChatModel.builder().baseUrl(baseUrl).apiKey("id.secret").modelName("glm-4.6").build();
		this.streamingModel = OpenAiStreamingChatModel.builder()
			.baseUrl(baseUrl)
			.apiKey("id.secret")
			.modelName("glm-4.6")
			.build();
	}

	@Override
	public String call(String prompt) {
		return this.model.chat(prompt);
	}

	@Override
	public CompletableFuture<String> callAsync(String prompt, Executor blockingPool) {
		return CompletableFuture.supplyAsync(() -> call(prompt), blockingPool);
	}

	@Override
	public void stream(String prompt, StreamSink sink) {
		this.streamingModel.chat(prompt, new StreamingChatResponseHandler() {

			@Override
			public void onPartialResponse(String partialResponse) {
				if (!partialResponse.isEmpty()) {
					sink.piece(partialResponse);
				}
			}

			@Override
			public void onCompleteResponse(ChatResponse completeResponse) {
				sink.complete();
			}

			@Override
			public void onError(Throwable error) {
				sink.error(error);
			}

		});
	}

}
