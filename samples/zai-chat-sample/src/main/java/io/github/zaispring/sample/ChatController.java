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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import io.github.zaispring.ZaiException;
import io.github.zaispring.ZaiRateLimitException;
import io.github.zaispring.ZaiTimeoutException;
import io.github.zaispring.chat.ChatCompletion;
import io.github.zaispring.chat.ChatCompletionChunk;
import io.github.zaispring.chat.Usage;
import io.github.zaispring.sample.ChatService.Source;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.WebSession;

/**
 * HTTP API of the sample. Each browser session holds one {@link Conversation}, so that
 * follow-up questions are answered with what was said before; a message is checked
 * against the {@link ConversationLimits} before anything reaches Z.AI.
 * <p>
 * The stream is meant for a browser's {@code EventSource}: text deltas travel as JSON
 * ({@code {"text": " upon"}}) because {@code EventSource} strips the first space of each
 * {@code data:} line, and the stream ends with a named {@code done} (or {@code error})
 * event that tells the page to close the {@code EventSource}, which would otherwise
 * reconnect and ask again: a second billed call.
 *
 * @author zai-spring-boot contributors
 */
@RestController
@RequestMapping("/api/chat")
public class ChatController {

	private final ChatService chatService;

	private final ConversationLimits limits;

	private final SampleChatProperties properties;

	private final LocalSimulatorDetector simulator;

	public ChatController(ChatService chatService, ConversationLimits limits, SampleChatProperties properties,
			LocalSimulatorDetector simulator) {
		this.chatService = chatService;
		this.limits = limits;
		this.properties = properties;
		this.simulator = simulator;
	}

	/**
	 * Answer a message at once, as the next turn of the session's conversation.
	 * @param request the message
	 * @param session the caller's session, which holds the conversation
	 * @return the reply, the reasoning, the model and the usage
	 * @throws MessageRejectedException (400) when the message is empty or too long, or
	 * the conversation would become too long
	 */
	@PostMapping
	public Mono<ChatReply> chat(@RequestBody ChatMessageRequest request, WebSession session) {
		Conversation conversation = Conversation.of(session);
		List<Turn> history = conversation.turns();
		String question = this.limits.check(history, request.message());
		return sources(question, Boolean.TRUE.equals(request.webSearch()))
			.flatMap((sources) -> this.chatService.ask(history, question, sources)
				.doOnNext((completion) -> conversation.add(question, completion.content()))
				.map((completion) -> ChatReply.of(completion, sources)));
	}

	/**
	 * Count the prompt tokens that sending a draft would cost: the conversation so far
	 * plus the draft. A draft that the limits refuse is not counted, and not sent to
	 * Z.AI.
	 * @param request the draft
	 * @param session the caller's session, which holds the conversation
	 * @return the number of prompt tokens
	 * @throws MessageRejectedException (400) when the draft is empty or too long, or the
	 * conversation would become too long
	 */
	@PostMapping("/tokens")
	public Mono<TokenCount> countTokens(@RequestBody ChatMessageRequest request, WebSession session) {
		List<Turn> history = Conversation.of(session).turns();
		String draft = this.limits.check(history, request.message());
		return this.chatService.countTokens(history, draft).map(TokenCount::new);
	}

	/**
	 * Stream the answer to a message, as the next turn of the session's conversation:
	 * {@code reasoning} and {@code message} events carry text deltas as {@code {"text":
	 * "..."}}, then one {@code done} event with the model, finish reason and usage; or a
	 * single {@code error} event with a message a person can read, marked
	 * {@code "rejected": true} when the message was refused before reaching Z.AI. The
	 * first event only sets the client's reconnection delay
	 * ({@code sample.chat.reconnect-delay}).
	 * @param message the user's message
	 * @param session the caller's session, which holds the conversation
	 * @return the events
	 */
	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	public Flux<ServerSentEvent<Object>> stream(@RequestParam(required = false) @Nullable String message,
			@RequestParam(defaultValue = "false") boolean webSearch, WebSession session) {
		ServerSentEvent<Object> retry = ServerSentEvent.builder().retry(this.properties.reconnectDelay()).build();
		Conversation conversation = Conversation.of(session);
		List<Turn> history = conversation.turns();
		String question;
		try {
			question = this.limits.check(history, message);
		}
		catch (MessageRejectedException ex) {
			return Flux.just(retry, event("error", Map.of("message", ex.getMessage(), "rejected", true)));
		}
		List<ChatCompletionChunk> received = Collections.synchronizedList(new ArrayList<>());
		AtomicBoolean remembered = new AtomicBoolean();
		// errors become an event before the lists are flattened: flattening fails eagerly
		// and would drop the last words received before the error
		Flux<ServerSentEvent<Object>> answer = sources(question, webSearch)
			.flatMapMany((sources) -> Flux.concat(sourcesEvents(sources),
					this.chatService.stream(history, question, sources)
						.doOnNext(received::add)
						.map(ChatController::deltaEvents)))
			.concatWith(Mono.fromSupplier(() -> {
				ChatCompletion completion = ChatCompletion.fromChunks(List.copyOf(received));
				// remembered before the done event leaves, so a follow-up sent on it sees
				// this turn
				if (remembered.compareAndSet(false, true)) {
					conversation.add(question, completion.content());
				}
				return List.of(doneEvent(completion));
			}))
			.onErrorResume((ex) -> Mono.just(List.of(errorEvent(ErrorMessages.describe(ex)))))
			.concatMapIterable(Function.identity())
			.doOnCancel(() -> {
				// stopped by the user: the conversation goes on from what they saw
				String partial = ChatCompletion.fromChunks(List.copyOf(received)).content();
				if (!partial.isEmpty() && remembered.compareAndSet(false, true)) {
					conversation.add(question, partial);
				}
			});
		return Flux.concat(Mono.just(retry), answer);
	}

	/**
	 * Return the session's conversation, so that a reloaded page shows it again.
	 * @param session the caller's session
	 * @return the turns, oldest first
	 */
	@GetMapping("/conversation")
	public ConversationView conversation(WebSession session) {
		return new ConversationView(Conversation.of(session).turns());
	}

	/**
	 * Forget the session's conversation, to start a new chat.
	 * @param session the caller's session
	 * @return 204
	 */
	@DeleteMapping("/conversation")
	public ResponseEntity<Void> newConversation(WebSession session) {
		Conversation.of(session).clear();
		return ResponseEntity.noContent().build();
	}

	/**
	 * Return what the page shows about the sample: whether it answers from the local
	 * simulator, and the limits of a conversation.
	 * @return the settings
	 */
	@GetMapping("/settings")
	public Settings settings() {
		return new Settings(this.simulator.isLocalSimulator(), this.properties.maxMessageLength(),
				this.properties.maxTurns(), this.properties.maxConversationLength());
	}

	/**
	 * Answer a rejected message with a problem detail a person can read.
	 * @param ex the rejection
	 * @return the problem detail, 400
	 */
	@ExceptionHandler(MessageRejectedException.class)
	public ProblemDetail handle(MessageRejectedException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
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

	private Mono<List<Source>> sources(String question, boolean webSearch) {
		return webSearch ? this.chatService.search(question) : Mono.just(List.of());
	}

	private static Flux<List<ServerSentEvent<Object>>> sourcesEvents(List<Source> sources) {
		if (sources.isEmpty()) {
			return Flux.empty();
		}
		List<Map<String, String>> links = sources.stream()
			.map((source) -> Map.of("title", source.title(), "link", source.link()))
			.toList();
		return Flux.just(List.of(event("sources", Map.of("sources", links))));
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

	private static ServerSentEvent<Object> errorEvent(@Nullable String message) {
		return event("error", Map.of("message", (message != null) ? message : "Something went wrong."));
	}

	private static ServerSentEvent<Object> event(String name, Object data) {
		return ServerSentEvent.builder(data).event(name).build();
	}

	/**
	 * Body of {@code POST /api/chat}.
	 *
	 * @param message the user's message
	 * @param webSearch whether to search the web first and ground the answer on the
	 * results
	 */
	public record ChatMessageRequest(@Nullable String message, @Nullable Boolean webSearch) {

	}

	/**
	 * Answer of {@code POST /api/chat/tokens}.
	 *
	 * @param tokens the prompt tokens of the conversation with the draft
	 */
	public record TokenCount(int tokens) {

	}

	/**
	 * Answer of {@code POST /api/chat}.
	 *
	 * @param reply the answer text
	 * @param reasoning the model's reasoning, if it reasoned
	 * @param model the model that answered
	 * @param usage the tokens used
	 * @param sources the web pages the answer is grounded on, none without web search
	 */
	public record ChatReply(String reply, @Nullable String reasoning, @Nullable String model, @Nullable Usage usage,
			List<Source> sources) {

		static ChatReply of(ChatCompletion completion, List<Source> sources) {
			return new ChatReply(completion.content(), completion.reasoningContent(), completion.model(),
					completion.usage(), sources);
		}

	}

	/**
	 * Answer of {@code GET /api/chat/conversation}.
	 *
	 * @param turns the questions and answers so far, oldest first
	 */
	public record ConversationView(List<Turn> turns) {

	}

	/**
	 * Answer of {@code GET /api/chat/settings}.
	 *
	 * @param localSimulator whether the answers come from a local Z.AI simulator rather
	 * than from GLM
	 * @param maxMessageLength the longest message accepted, in characters
	 * @param maxTurns the most questions in one conversation
	 * @param maxConversationLength the longest conversation, in characters
	 */
	public record Settings(boolean localSimulator, int maxMessageLength, int maxTurns, int maxConversationLength) {

	}

}
