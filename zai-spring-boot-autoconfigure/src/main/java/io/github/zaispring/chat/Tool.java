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

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * An item of the request's {@code tools} array: a function the model may call, the
 * built-in web search, or retrieval from a knowledge base. Create tools with the static
 * factories; exactly the payload that matches {@link #type()} is set.
 *
 * @param type {@code "function"}, {@code "web_search"} or {@code "retrieval"}
 * @param function the function of a {@code function} tool
 * @param webSearch the options of a {@code web_search} tool
 * @param retrieval the knowledge base of a {@code retrieval} tool
 * @author zai-spring-boot
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Tool(String type, @Nullable FunctionDefinition function,
		@JsonProperty("web_search") @Nullable WebSearch webSearch, @Nullable Retrieval retrieval) {

	/**
	 * Create a new instance, checking that the type is set.
	 * @param type the tool type
	 * @param function the function of a {@code function} tool
	 * @param webSearch the options of a {@code web_search} tool
	 * @param retrieval the knowledge base of a {@code retrieval} tool
	 */
	public Tool {
		Assert.hasText(type, "type must not be empty; use function, web_search or retrieval");
	}

	/**
	 * Return a function tool.
	 * @param name the function name, 1 to 64 characters matching {@code ^[a-zA-Z0-9_-]+$}
	 * @param description what the function does
	 * @param parameters the JSON schema object of the arguments, or {@code null} when the
	 * function takes none
	 * @return the tool
	 * @throws IllegalArgumentException if the name is invalid
	 */
	public static Tool function(String name, @Nullable String description, @Nullable Map<String, Object> parameters) {
		return function(new FunctionDefinition(name, description, parameters));
	}

	/**
	 * Return a function tool.
	 * @param function the function definition
	 * @return the tool
	 */
	public static Tool function(FunctionDefinition function) {
		Assert.notNull(function, "function must not be null");
		return new Tool("function", function, null, null);
	}

	/**
	 * Return a web search tool.
	 * @param webSearch the search options, see {@link WebSearch#builder(String)}
	 * @return the tool
	 */
	public static Tool webSearch(WebSearch webSearch) {
		Assert.notNull(webSearch, "webSearch must not be null; build one with WebSearch.builder(searchEngine)");
		return new Tool("web_search", null, webSearch, null);
	}

	/**
	 * Return a knowledge base retrieval tool.
	 * @param knowledgeId the knowledge base id
	 * @param promptTemplate the prompt template, or {@code null} for the server's default
	 * @return the tool
	 */
	public static Tool retrieval(String knowledgeId, @Nullable String promptTemplate) {
		return new Tool("retrieval", null, null, new Retrieval(knowledgeId, promptTemplate));
	}

}
