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

package io.github.zaispring.sample.ai;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.zaispring.sample.ai.Assistant.Answer;
import io.github.zaispring.sample.ai.Assistant.InvalidQuestionException;
import io.github.zaispring.sample.ai.Assistant.Turn;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.retry.TransientAiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API of the chat page. Questions are posted as JSON, which a page of another site
 * cannot do without the browser asking first (a CORS preflight this application never
 * allows), so no other site can spend the key's balance through a visitor's browser.
 *
 * @author zai-spring-boot contributors
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
class ChatController {

	private static final Log logger = LogFactory.getLog(ChatController.class);

	private final Assistant assistant;

	private final LocalSimulatorDetector simulator;

	private final SampleProperties properties;

	ChatController(Assistant assistant, LocalSimulatorDetector simulator, SampleProperties properties) {
		this.assistant = assistant;
		this.simulator = simulator;
		this.properties = properties;
	}

	/**
	 * Answer a question; a new conversation starts when the question names none.
	 */
	@PostMapping(path = "/chat", consumes = MediaType.APPLICATION_JSON_VALUE)
	Answer chat(@RequestBody Question question) {
		String conversationId = (question.conversationId() != null) ? question.conversationId()
				: UUID.randomUUID().toString();
		return this.assistant.ask(conversationId, (question.message() != null) ? question.message().strip() : "",
				Boolean.TRUE.equals(question.askTheDocs()));
	}

	@GetMapping("/chat/{conversationId}")
	Map<String, List<Turn>> conversation(@PathVariable String conversationId) {
		return Map.of("turns", this.assistant.conversation(conversationId));
	}

	@GetMapping("/settings")
	Map<String, Object> settings() {
		return Map.of("localSimulator", this.simulator.isLocalSimulator(), "maxMessageLength",
				this.properties.maxMessageLength());
	}

	@ExceptionHandler
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	Map<String, String> badRequest(InvalidQuestionException ex) {
		return Map.of("message", String.valueOf(ex.getMessage()));
	}

	@ExceptionHandler({ TransientAiException.class, NonTransientAiException.class })
	@ResponseStatus(HttpStatus.BAD_GATEWAY)
	Map<String, String> zaiFailed(RuntimeException ex) {
		logger.warn("Z.AI could not answer", ex);
		return Map.of("message", "Z.AI could not answer: " + ex.getMessage());
	}

	/**
	 * A question of the page.
	 *
	 * @param conversationId the conversation it continues, or {@code null} for a new one
	 * @param message the question
	 * @param askTheDocs whether to answer from the README
	 */
	record Question(@Nullable String conversationId, @Nullable String message, @Nullable Boolean askTheDocs) {

	}

}
