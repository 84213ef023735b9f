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
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * An item of the request's {@code tools} array: a function the model may call, the
 * built-in web search, retrieval from a knowledge base, or a remote MCP server. Create
 * tools with the static factories; exactly the payload that matches {@link #type()} is
 * set. Fields the API adds later can be added with {@link #withExtra(String, Object)};
 * they are written into the tool's object.
 * <p>
 * Shapes: {@code {"type":"function","function":{…}}} (see {@link FunctionDefinition}),
 * {@code {"type":"web_search","web_search":{…}}} (see {@link WebSearch}),
 * {@code {"type":"retrieval","retrieval":{…}}} (see {@link Retrieval}) and
 * {@code {"type":"mcp","mcp":{…}}} (see {@link Mcp}).
 *
 * @param type {@code "function"}, {@code "web_search"}, {@code "retrieval"} or
 * {@code "mcp"}
 * @param function the function of a {@code function} tool
 * @param webSearch the options of a {@code web_search} tool
 * @param retrieval the knowledge base of a {@code retrieval} tool
 * @param mcp the MCP server of an {@code mcp} tool
 * @param extra fields written into the tool's object besides the typed ones, never
 * {@code null}
 * @author zai-spring-boot
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({ "type", "function", "web_search", "retrieval", "mcp" })
public record Tool(String type, @Nullable FunctionDefinition function,
		@JsonProperty("web_search") @Nullable WebSearch webSearch, @Nullable Retrieval retrieval, @Nullable Mcp mcp,
		@JsonAnyGetter Map<String, Object> extra) {

	private static final Set<String> TYPED_FIELDS = Set.of("type", "function", "web_search", "retrieval", "mcp");

	/**
	 * Create a new instance, checking that the type is set and copying the extra fields.
	 * @param type the tool type
	 * @param function the function of a {@code function} tool
	 * @param webSearch the options of a {@code web_search} tool
	 * @param retrieval the knowledge base of a {@code retrieval} tool
	 * @param mcp the MCP server of an {@code mcp} tool
	 * @param extra fields besides the typed ones, {@code null} for none
	 */
	public Tool(String type, @Nullable FunctionDefinition function, @Nullable WebSearch webSearch,
			@Nullable Retrieval retrieval, @Nullable Mcp mcp, @Nullable Map<String, Object> extra) {
		Assert.hasText(type, "type must not be empty; use function, web_search, retrieval or mcp");
		this.type = type;
		this.function = function;
		this.webSearch = webSearch;
		this.retrieval = retrieval;
		this.mcp = mcp;
		this.extra = ModelSupport.extra("Tool", TYPED_FIELDS, extra);
	}

	/**
	 * Create a function, web search or retrieval tool without extra fields.
	 * @param type the tool type
	 * @param function the function of a {@code function} tool
	 * @param webSearch the options of a {@code web_search} tool
	 * @param retrieval the knowledge base of a {@code retrieval} tool
	 */
	public Tool(String type, @Nullable FunctionDefinition function, @Nullable WebSearch webSearch,
			@Nullable Retrieval retrieval) {
		this(type, function, webSearch, retrieval, null, null);
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
	 * @param function the function definition, for example with
	 * {@link FunctionDefinition#withStrict(boolean) strict} set
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

	/**
	 * Return an MCP tool: a remote MCP server whose tools the model may call.
	 * @param mcp the MCP server, see {@link Mcp#builder(String)}
	 * @return the tool
	 */
	public static Tool mcp(Mcp mcp) {
		Assert.notNull(mcp, "mcp must not be null; build one with Mcp.builder(serverLabel)");
		return new Tool("mcp", null, null, null, mcp, null);
	}

	/**
	 * Return a copy of this tool with a field the typed API does not cover yet, written
	 * into the tool's object. A {@code null} value removes the field.
	 * @param name the JSON field name; must not be one of the typed fields
	 * @param value the value, anything the JSON codec can write
	 * @return a new tool
	 * @throws IllegalArgumentException if the name is empty or a typed field
	 */
	public Tool withExtra(String name, @Nullable Object value) {
		return new Tool(this.type, this.function, this.webSearch, this.retrieval, this.mcp,
				ModelSupport.withExtra("Tool", TYPED_FIELDS, this.extra, name, value));
	}

}
