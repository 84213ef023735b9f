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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.github.zaispring.ZaiException;
import io.github.zaispring.ZaiRateLimitException;
import io.github.zaispring.ZaiTimeoutException;
import io.github.zaispring.chat.ChatCompletion;
import io.github.zaispring.chat.ChatCompletionChunk;
import io.github.zaispring.chat.Usage;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

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

	/**
	 * Answer a message at once.
	 * @param request the message
	 * @return the reply, the reasoning, the model and the usage
	 * @throws ResponseStatusException 400 when the message is empty
	 */
	@PostMapping
	public Mono<ChatReply> chat(@RequestBody ChatMessageRequest request) {
		return this.chatService.ask(requireText(request.message())).map(ChatReply::of);
	}

	/**
	 * Stream the answer: {@code reasoning} and {@code message} events carry text deltas
	 * as {@code {"text": "..."}} (JSON, so that leading spaces and newlines survive the
	 * SSE framing), then one {@code done} event with the model and usage, or an
	 * {@code error} event with a message a person can read.
	 * @param message the user's message
	 * @return the events
	 * @throws ResponseStatusException 400 when the message is empty
	 */
	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	public Flux<ServerSentEvent<Object>> stream(@RequestParam String message) {
		List<ChatCompletionChunk> received = new ArrayList<>();
		// errors become an event before the lists are flattened: flattening fails eagerly
		// and would drop the last words received before the error
		return this.chatService.stream(requireText(message))
			.doOnNext(received::add)
			.map(ChatController::deltaEvents)
			.concatWith(Mono.fromSupplier(() -> List.of(doneEvent(ChatCompletion.fromChunks(received)))))
			.onErrorResume((ex) -> Mono.just(List.of(event("error", Map.of("message", ErrorMessages.describe(ex))))))
			.concatMapIterable(Function.identity());
	}

	/**
	 * Answer a failed {@code POST /api/chat} with a problem detail a person can read.
	 * @param ex the failure
	 * @return the problem detail: 429 when Z.AI throttled, 504 on a timeout, else 502
	 */
	@ExceptionHandler(ZaiException.class)
	public ProblemDetail handle(ZaiException ex) {
		HttpStatus status = (ex instanceof ZaiRateLimitException) ? HttpStatus.TOO_MANY_REQUESTS
				: (ex instanceof ZaiTimeoutException) ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.BAD_GATEWAY;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ErrorMessages.describe(ex));
		problem.setProperty("errorCode", ex.getErrorCode());
		return problem;
	}

	private static String requireText(@Nullable String message) {
		if (!StringUtils.hasText(message)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"message must not be empty; ask something, such as \"Hello\"");
		}
		return message;
	}

	private static List<ServerSentEvent<Object>> deltaEvents(ChatCompletionChunk chunk) {
		List<ServerSentEvent<Object>> events = new ArrayList<>(2);
		if (!chunk.reasoningContent().isEmpty()) {
			events.add(event("reasoning", Map.of("text", chunk.reasoningContent())));
		}
		if (!chunk.content().isEmpty()) {
			events.add(event("message", Map.of("text", chunk.content())));
		}
		return events;
	}

	private static ServerSentEvent<Object> doneEvent(ChatCompletion completion) {
		Map<String, Object> done = new LinkedHashMap<>();
		done.put("model", completion.model());
		done.put("finishReason", (completion.finishReason() != null) ? completion.finishReason().value() : null);
		done.put("usage", completion.usage());
		return event("done", done);
	}

	private static ServerSentEvent<Object> event(String name, Object data) {
		return ServerSentEvent.builder(data).event(name).build();
	}

	/**
	 * Body of {@code POST /api/chat}.
	 *
	 * @param message the user's message
	 */
	public record ChatMessageRequest(@Nullable String message) {

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
