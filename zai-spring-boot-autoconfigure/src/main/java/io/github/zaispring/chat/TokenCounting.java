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

package io.github.zaispring.chat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.zaispring.ZaiException;
import io.github.zaispring.internal.ExchangeCore;
import io.github.zaispring.internal.ExchangeCore.Timeouts;
import io.github.zaispring.internal.Operation;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;

/**
 * Token counting of chat requests ({@code POST /tokenizer}): the part of a chat request
 * the tokenizer accepts, and the call that counts its prompt tokens.
 * <p>
 * The tokenizer's documented body (docs.z.ai, "Tokenizer") is {@code model},
 * {@code messages}, {@code tools} (function tools only) and {@code request_id} /
 * {@code user_id}; nothing else of a chat request is sent. No official SDK implements
 * this endpoint (neither the Java nor the Python SDK has a tokenizer API), so the shape
 * follows the documentation alone.
 *
 * @author zai-spring-boot contributors
 */
final class TokenCounting {

	static final Operation<Body, TokenizerResponse> TOKENIZE = new Operation<>("tokenize", HttpMethod.POST,
			"/tokenizer", TokenizerResponse.class, false, Body::model, Body::requestId, Body::headers, null);

	private TokenCounting() {
	}

	/**
	 * Count the prompt tokens of a chat request.
	 * @param core the exchange core
	 * @param request the chat request, with the client's defaults applied
	 * @param timeouts the timeouts of the call
	 * @return the prompt tokens; fails with a {@link ZaiException} when the answer
	 * reports no usage
	 */
	static Mono<Integer> count(ExchangeCore core, ChatRequest request, Timeouts timeouts) {
		return core.call(TOKENIZE, body(request), timeouts).handle((response, sink) -> {
			if (response.usage() == null) {
				sink.error(new ZaiException("Z.AI tokenizer answered without usage, so no token count can be given",
						200, null, response.requestId(), null));
				return;
			}
			sink.next(response.promptTokens());
		});
	}

	static Body body(ChatRequest request) {
		// the tokenizer documents function tools only; web search, retrieval and MCP
		// tools are options of the call, not text of the prompt
		List<Tool> functions = request.tools().stream().filter((tool) -> "function".equals(tool.type())).toList();
		return new Body(request.model(), request.messages(), functions.isEmpty() ? null : functions,
				request.requestId(), request.userId(), request.headers());
	}

	/**
	 * The body of a tokenizer request.
	 *
	 * @param model the model whose tokenizer counts
	 * @param messages the messages
	 * @param tools the function tools, {@code null} for none
	 * @param requestId the request id
	 * @param userId the end user id
	 * @param headers the extra HTTP headers of the chat request, not part of the body
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonPropertyOrder({ "model", "messages", "tools", "request_id", "user_id" })
	record Body(@JsonProperty("model") @Nullable String model, @JsonProperty("messages") List<ChatMessage> messages,
			@JsonProperty("tools") @Nullable List<Tool> tools, @JsonProperty("request_id") @Nullable String requestId,
			@JsonProperty("user_id") @Nullable String userId, @JsonIgnore Map<String, String> headers) {

	}

}
