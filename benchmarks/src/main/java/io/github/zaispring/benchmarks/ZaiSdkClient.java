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

import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import ai.z.openapi.AbstractAiClient;
import ai.z.openapi.ZaiClient;
import ai.z.openapi.service.model.ChatCompletionCreateParams;
import ai.z.openapi.service.model.ChatCompletionResponse;
import ai.z.openapi.service.model.ChatMessage;
import ai.z.openapi.service.model.ChatMessageRole;
import ai.z.openapi.service.model.Delta;
import ai.z.openapi.service.model.ModelData;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.schedulers.Schedulers;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The official Z.AI SDK (OkHttp, Retrofit, RxJava 3): blocking calls, and streams as a
 * {@link Flowable} that reads the response on the subscribing thread, so each stream is
 * subscribed on RxJava's I/O scheduler as its documentation suggests for concurrency.
 *
 * @author zai-spring-boot contributors
 */
final class ZaiSdkClient implements BenchClient {

	private final ZaiClient client;

	ZaiSdkClient(String baseUrl, int maxConnections) {
		this.client = ZaiClient.builder()
			.apiKey("id.secret")
			.baseUrl(baseUrl + "/")
			.connectionPool(maxConnections, 5, TimeUnit.MINUTES)
			.build();
		raiseDispatcherLimits(this.client, maxConnections);
	}

	/**
	 * Streams go through OkHttp's asynchronous dispatcher, which runs 5 calls per host at
	 * a time by default, and the SDK has no setting for it: 500 streams of 2 s would take
	 * 200 s. A user with that many streams raises the limits on the SDK's client.
	 */
	private static void raiseDispatcherLimits(ZaiClient client, int maxRequests) {
		try {
			Field field = AbstractAiClient.class.getDeclaredField("httpClient");
			field.setAccessible(true);
			Dispatcher dispatcher = ((OkHttpClient) field.get(client)).dispatcher();
			dispatcher.setMaxRequests(maxRequests);
			dispatcher.setMaxRequestsPerHost(maxRequests);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot raise the SDK's OkHttp dispatcher limits", ex);
		}
	}

	@Override
	public String call(String prompt) {
		ChatCompletionResponse response = this.client.chat().createChatCompletion(params(prompt, false));
		if (!response.isSuccess()) {
			throw new IllegalStateException("Z.AI SDK call failed: " + response.getMsg());
		}
		return String.valueOf(response.getData().getChoices().get(0).getMessage().getContent());
	}

	@Override
	public CompletableFuture<String> callAsync(String prompt, Executor blockingPool) {
		return CompletableFuture.supplyAsync(() -> call(prompt), blockingPool);
	}

	@Override
	public void stream(String prompt, StreamSink sink) {
		Flowable.defer(() -> {
			ChatCompletionResponse response = this.client.chat().createChatCompletion(params(prompt, true));
			if (!response.isSuccess()) {
				return Flowable.error(new IllegalStateException("Z.AI SDK stream failed: " + response.getMsg()));
			}
			return response.getFlowable();
		}).subscribeOn(Schedulers.io()).subscribe((data) -> {
			String content = content(data);
			if (!content.isEmpty()) {
				sink.piece(content);
			}
		}, sink::error, sink::complete);
	}

	private static String content(ModelData data) {
		if (data.getChoices() == null || data.getChoices().isEmpty()) {
			return "";
		}
		Delta delta = data.getChoices().get(0).getDelta();
		return (delta != null && delta.getContent() != null) ? delta.getContent() : "";
	}

	private static ChatCompletionCreateParams params(String prompt, boolean stream) {
		return ChatCompletionCreateParams.builder()
			.model("glm-4.6")
			.messages(List.of(ChatMessage.builder().role(ChatMessageRole.USER.value()).content(prompt).build()))
			.stream(stream)
			.build();
	}

	@Override
	public void close() {
		this.client.close();
	}

}
