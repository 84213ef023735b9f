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

package io.github.zaispring.test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * A request the {@link ZaiMockServer} received: method, path, headers and body, with
 * shortcuts to the fields tests check most.
 *
 * @author zai-spring-boot contributors
 */
public final class ReceivedRequest {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final String method;

	private final String path;

	private final Map<String, List<String>> headers;

	private final String bodyText;

	private final int bodyLength;

	private final JsonNode body;

	private final @Nullable FormData form;

	ReceivedRequest(String method, String path, Map<String, List<String>> headers, byte[] body) {
		this.method = method;
		this.path = path;
		Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headers.forEach((name, values) -> copy.computeIfAbsent(name, (key) -> new ArrayList<>()).addAll(values));
		copy.replaceAll((name, values) -> List.copyOf(values));
		this.headers = Collections.unmodifiableMap(copy);
		this.bodyText = new String(body, StandardCharsets.UTF_8);
		this.bodyLength = body.length;
		List<String> contentType = this.headers.get("Content-Type");
		this.form = FormData.parse((contentType != null && !contentType.isEmpty()) ? contentType.get(0) : null, body);
		this.body = (this.form != null) ? this.form.toJson(MAPPER) : parse(body);
	}

	private static JsonNode parse(byte[] body) {
		if (body.length == 0) {
			return MissingNode.getInstance();
		}
		try {
			return MAPPER.readTree(body);
		}
		catch (JacksonException ex) {
			return MissingNode.getInstance();
		}
	}

	/**
	 * Return the HTTP method.
	 * @return the method, such as {@code POST}
	 */
	public String method() {
		return this.method;
	}

	/**
	 * Return the request path, without the query.
	 * @return the path, such as {@code /api/paas/v4/chat/completions}
	 */
	public String path() {
		return this.path;
	}

	/**
	 * Return all headers.
	 * @return the headers by name, looked up ignoring case
	 */
	public Map<String, List<String>> headers() {
		return this.headers;
	}

	/**
	 * Return the first value of a header.
	 * @param name the header name, in any case, such as {@code authorization}
	 * @return the value, or {@code null} when the request had no such header
	 */
	public @Nullable String header(String name) {
		List<String> values = this.headers.get(name);
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

	/**
	 * Return the body as received.
	 * @return the body text, {@code ""} when there was none
	 */
	public String bodyText() {
		return this.bodyText;
	}

	/**
	 * Return the body parsed as JSON; a {@code multipart/form-data} form reads as an
	 * object of its text fields (a repeated field as an array, {@code stream} as a
	 * boolean), with a file as its {@code filename}, {@code content_type} and
	 * {@code size} (its bytes are in {@link #formPart(String)}).
	 * @return the body, a {@code MissingNode} when it was empty or not JSON
	 */
	public JsonNode body() {
		return this.body;
	}

	/**
	 * Return the requested model.
	 * @return the {@code model} field, or {@code null} when absent
	 */
	public @Nullable String model() {
		JsonNode model = this.body.get("model");
		return (model != null && model.isString()) ? model.asString() : null;
	}

	/**
	 * Return whether the request asked for a stream.
	 * @return whether {@code stream} is {@code true}
	 */
	public boolean stream() {
		JsonNode stream = this.body.get("stream");
		return stream != null && stream.asBoolean(false);
	}

	/**
	 * Return the caller's request id.
	 * @return the {@code request_id} field, or {@code null} when absent
	 */
	public @Nullable String requestId() {
		JsonNode requestId = this.body.get("request_id");
		return (requestId != null && requestId.isString()) ? requestId.asString() : null;
	}

	/**
	 * Return the text of the last user message; the texts of a message made of parts are
	 * concatenated.
	 * @return the text, or {@code null} when there is no user message
	 */
	public @Nullable String lastUserMessage() {
		JsonNode messages = this.body.get("messages");
		if (messages == null || !messages.isArray()) {
			return null;
		}
		for (int i = messages.size() - 1; i >= 0; i--) {
			JsonNode message = messages.get(i);
			JsonNode role = message.get("role");
			if (role != null && "user".equals(role.asString(null))) {
				return text(message.get("content"));
			}
		}
		return null;
	}

	/**
	 * Return the tool results the request sends back: the contents of its {@code tool}
	 * messages by their {@code tool_call_id}, in message order. <pre class="code">
	 * assertThat(server.requests().get(1).toolResults()).containsOnlyKeys("call_1");
	 * </pre>
	 * @return the results by call id; empty when the request has no tool message
	 */
	public Map<String, String> toolResults() {
		Map<String, String> results = new LinkedHashMap<>();
		for (JsonNode message : messages()) {
			JsonNode id = message.get("tool_call_id");
			if (isRole(message, "tool") && id != null && id.isString()) {
				results.put(id.asString(), text(message.get("content")));
			}
		}
		return Collections.unmodifiableMap(results);
	}

	/**
	 * Return the result the request sends back for one tool call.
	 * @param toolCallId the call id, such as {@code call_1}
	 * @return the content of the {@code tool} message with that {@code tool_call_id}, or
	 * {@code null} when the request has none
	 * @see ZaiReply#onToolResult(ZaiReply)
	 */
	public @Nullable String toolResult(String toolCallId) {
		return toolResults().get(toolCallId);
	}

	/**
	 * Return the names of the function tools the request offers the model.
	 * @return the {@code tools[].function.name} values, in order; empty when none
	 */
	public List<String> toolNames() {
		JsonNode tools = this.body.get("tools");
		if (tools == null || !tools.isArray()) {
			return List.of();
		}
		List<String> names = new ArrayList<>();
		for (JsonNode tool : tools) {
			JsonNode function = tool.get("function");
			JsonNode name = (function != null) ? function.get("name") : null;
			if (name != null && name.isString()) {
				names.add(name.asString());
			}
		}
		return List.copyOf(names);
	}

	/**
	 * Return the response format the request asks for.
	 * @return the {@code response_format.type} value, such as {@code json_object}, or
	 * {@code null} when absent
	 */
	public @Nullable String responseFormat() {
		JsonNode format = this.body.get("response_format");
		JsonNode type = (format != null) ? format.get("type") : null;
		return (type != null && type.isString()) ? type.asString() : null;
	}

	/**
	 * Return the parts of a {@code multipart/form-data} request with the given name, such
	 * as the {@code file} of a transcription or each of its {@code hotwords}.
	 * @param name the field name
	 * @return the parts in the order sent; empty when there are none or the request is
	 * not a form
	 */
	public List<ReceivedFile> formParts(String name) {
		return (this.form != null) ? this.form.parts(name) : List.of();
	}

	/**
	 * Return the first part of a {@code multipart/form-data} request with the given name.
	 * @param name the field name, such as {@code file}
	 * @return the part, or {@code null} when there is none or the request is not a form
	 */
	public @Nullable ReceivedFile formPart(String name) {
		List<ReceivedFile> parts = formParts(name);
		return parts.isEmpty() ? null : parts.get(0);
	}

	private Iterable<JsonNode> messages() {
		JsonNode messages = this.body.get("messages");
		return (messages != null && messages.isArray()) ? messages : List.of();
	}

	private static boolean isRole(JsonNode message, String role) {
		JsonNode value = message.get("role");
		return value != null && role.equals(value.asString(null));
	}

	private static String text(@Nullable JsonNode content) {
		if (content == null || content.isNull()) {
			return "";
		}
		if (content.isArray()) {
			StringBuilder text = new StringBuilder();
			for (JsonNode part : content) {
				JsonNode partText = part.get("text");
				if (partText != null && partText.isString()) {
					text.append(partText.asString());
				}
			}
			return text.toString();
		}
		return content.asString("");
	}

	int bodyLength() {
		return this.bodyLength;
	}

	@Override
	public String toString() {
		return "ReceivedRequest[" + this.method + " " + this.path + ", " + this.bodyLength + " bytes]";
	}

}
