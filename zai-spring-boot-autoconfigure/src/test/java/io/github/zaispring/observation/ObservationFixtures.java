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

package io.github.zaispring.observation;

import java.util.List;

import io.github.zaispring.chat.ChatCompletion;
import io.github.zaispring.chat.ChatCompletionChunk;
import io.github.zaispring.chat.ChatCompletionMessage;
import io.github.zaispring.chat.ChatMessage;
import io.github.zaispring.chat.ChatRequest;
import io.github.zaispring.chat.Choice;
import io.github.zaispring.chat.ChunkChoice;
import io.github.zaispring.chat.Delta;
import io.github.zaispring.chat.FinishReason;
import io.github.zaispring.chat.Usage;

/**
 * Requests and answers for the observation tests.
 *
 * @author zai-spring-boot contributors
 */
final class ObservationFixtures {

	private ObservationFixtures() {
	}

	static ChatRequest request() {
		return ChatRequest.builder()
			.model("glm-4.6")
			.message(ChatMessage.system("Answer briefly."))
			.message(ChatMessage.user("Say \"hi\""))
			.temperature(0.7)
			.topP(0.9)
			.maxTokens(256)
			.build();
	}

	static ChatCompletion completion() {
		return new ChatCompletion("task-1", "req-1", 1760000000L, "glm-4.6",
				List.of(new Choice(0, new ChatCompletionMessage("assistant", "hi", null, null), FinishReason.STOP)),
				new Usage(12, 30, 42, new Usage.PromptTokensDetails(4), new Usage.CompletionTokensDetails(20)), null);
	}

	static ChatCompletion foldedStream() {
		return ChatCompletion.fromChunks(List.of(
				new ChatCompletionChunk("task-2", 1760000000L, "glm-4.6",
						List.of(new ChunkChoice(0, new Delta("assistant", "h", null, null), null)), null),
				new ChatCompletionChunk("task-2", 1760000000L, "glm-4.6",
						List.of(new ChunkChoice(0, new Delta(null, "i", null, null), FinishReason.LENGTH)),
						new Usage(7, 2, 9, null, null))));
	}

	static ZaiChatObservationContext callContext() {
		ZaiChatObservationContext context = new ZaiChatObservationContext(request());
		context.setServerAddress("open.bigmodel.cn");
		return context;
	}

	static ZaiChatObservationContext streamContext() {
		ZaiChatObservationContext context = new ZaiChatObservationContext(request().withStream(true), true);
		context.setServerAddress("open.bigmodel.cn");
		return context;
	}

}
