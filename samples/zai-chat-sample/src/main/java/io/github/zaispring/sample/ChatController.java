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

package io.github.zaispring.sample;

import java.util.List;

import io.github.zaispring.chat.ChatCompletion;
import io.github.zaispring.chat.Usage;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP API of the sample: a whole answer as JSON, or a stream of text deltas as
 * server-sent events ({@code reasoning} events for the model's thinking, {@code message}
 * events for the answer).
 *
 * @author zai-spring-boot contributors
 */
@RestController
@RequestMapping("/api/chat")
public class ChatController {

	private final ChatService chatService;

	public ChatController(ChatService chatService) {
		this.chatService = chatService;
	}

	@PostMapping
	public Mono<ChatReply> chat(@RequestBody ChatMessageRequest request) {
		return this.chatService.ask(request.message()).map(ChatReply::of);
	}

	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	public Flux<ServerSentEvent<String>> stream(@RequestParam String message) {
		return this.chatService.stream(message).concatMapIterable((chunk) -> {
			if (!chunk.reasoningContent().isEmpty()) {
				return List.of(ServerSentEvent.builder(chunk.reasoningContent()).event("reasoning").build());
			}
			if (!chunk.content().isEmpty()) {
				return List.of(ServerSentEvent.builder(chunk.content()).event("message").build());
			}
			return List.of();
		});
	}

	/**
	 * Body of {@code POST /api/chat}.
	 *
	 * @param message the user's message
	 */
	public record ChatMessageRequest(String message) {

	}

	/**
	 * Answer of {@code POST /api/chat}.
	 *
	 * @param reply the answer text
	 * @param reasoning the model's reasoning, if it reasoned
	 * @param model the model that answered
	 * @param usage the tokens used
	 */
	public record ChatReply(String reply, @Nullable String reasoning, @Nullable String model, @Nullable Usage usage) {

		static ChatReply of(ChatCompletion completion) {
			return new ChatReply(completion.content(), completion.reasoningContent(), completion.model(),
					completion.usage());
		}

	}

}
