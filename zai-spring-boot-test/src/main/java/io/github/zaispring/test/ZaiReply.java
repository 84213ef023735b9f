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

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import io.github.zaispring.chat.FinishReason;
import io.github.zaispring.chat.FunctionCall;
import io.github.zaispring.chat.ToolCall;
import io.github.zaispring.chat.WebSearchResult;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A scripted answer of the {@link ZaiMockServer}: a completion (text, reasoning, tool
 * calls, usage), an error, a raw body or a dropped connection, optionally with delays and
 * stream faults.
 * <p>
 * A completion reply answers both kinds of request: a plain request gets one JSON
 * completion, a {@code "stream": true} request gets Server-Sent Events shaped like the
 * recorded Z.AI traffic (reasoning deltas, content deltas, tool-call deltas, a last chunk
 * with the finish reason and the usage, then {@code data: [DONE]}). Instances are
 * immutable: every method returns a new reply, so one reply can be enqueued many times
 * and its event bytes are encoded only once.
 * <p>
 * Stream faults ({@code cutOffAfterChunks}, {@code resetAfterChunks},
 * {@code malformedChunkAfter}, {@code sseErrorEvent…}) apply to streamed requests only; a
 * plain request gets the whole completion, except that silence holds back a plain answer
 * too. <pre class="code">
 * server.enqueue(ZaiReply.text("Hello there").reasoning("The user greets me.").usage(12, 30));
 * server.enqueue(ZaiReply.error(429, "1302", "Rate limit reached for requests").retryAfter(Duration.ofSeconds(2)));
 * server.enqueue(ZaiReply.text("Once upon a time").delayBetweenChunks(Duration.ofMillis(20)).cutOffAfterChunks(2));
 * server.enqueue(ZaiReply.toolCall("call_1", "get_weather", "{\"city\":\"Paris\"}").onToolResult(ZaiReply.text("Sunny")));
 * server.enqueue(ZaiReply.json("{\"city\":\"Paris\",\"celsius\":21}"));
 * </pre>
 *
 * @author zai-spring-boot contributors
 */
public final class ZaiReply extends ZaiReplyOptions {

	private final ReplySettings settings;

	private volatile @Nullable PreparedReply prepared;

	private ZaiReply(ReplySettings settings) {
		this.settings = settings;
	}

	/**
	 * Return a completion whose answer is the given text.
	 * @param content the answer text; may be empty
	 * @return the reply, finish reason {@code stop}
	 */
	public static ZaiReply text(String content) {
		Assert.notNull(content, "content must not be null; use \"\" for a reply without text");
		ReplySettings settings = new ReplySettings(ReplyKind.COMPLETION);
		settings.content = content;
		return new ZaiReply(settings);
	}

	/**
	 * Return a completion that only calls one function, as a model does when it needs a
	 * tool's result.
	 * @param name the function name, such as {@code get_weather}
	 * @param argumentsJson the arguments as JSON text, such as {@code {"city":"Beijing"}}
	 * @return the reply, finish reason {@code tool_calls}, with a generated call id
	 */
	public static ZaiReply toolCall(String name, String argumentsJson) {
		return toolCall(PreparedReply.generatedCallId(), name, argumentsJson);
	}

	/**
	 * Return a completion that only calls one function, with the given call id, so that a
	 * test can check that the tool's result came back under it (see
	 * {@link ReceivedRequest#toolResult(String)}). Follow it with
	 * {@link #onToolResult(ZaiReply)} to script the answer to that result.
	 * @param id the call id, such as {@code call_1}
	 * @param name the function name, such as {@code get_weather}
	 * @param argumentsJson the arguments as JSON text, such as {@code {"city":"Beijing"}}
	 * @return the reply, finish reason {@code tool_calls}
	 */
	public static ZaiReply toolCall(String id, String name, String argumentsJson) {
		Assert.hasText(id, "id must not be empty; use a tool call id such as call_1");
		Assert.hasText(name, "name must not be empty; use a function name such as get_weather");
		Assert.notNull(argumentsJson, "argumentsJson must not be null; use \"{}\" for no arguments");
		ReplySettings settings = new ReplySettings(ReplyKind.COMPLETION);
		settings.toolCalls = List.of(new ToolCall(id, "function", null, new FunctionCall(name, argumentsJson)));
		return new ZaiReply(settings);
	}

	/**
	 * Return a completion whose answer is the given JSON document, as a model answers a
	 * request with {@code "response_format": {"type": "json_object"}} (Spring AI's
	 * {@code .entity(MyRecord.class)}, for example). Streamed, the text arrives in pieces
	 * like any other answer.
	 * @param json the JSON document, such as {@code {"city":"Paris","celsius":21}}
	 * @return the reply, finish reason {@code stop}
	 * @throws IllegalArgumentException when the text is not one JSON document
	 */
	public static ZaiReply json(String json) {
		Assert.notNull(json, "json must not be null; use a JSON document such as {\"city\":\"Paris\"}");
		Assert.isTrue(JsonText.isDocument(json),
				() -> "json must be one JSON object or array, such as {\"city\":\"Paris\"}, but was " + json);
		return text(json);
	}

	/**
	 * Return a completion whose answer is the given value written as JSON with Jackson,
	 * for example a record of the type the application under test maps the answer to.
	 * @param value the value, such as {@code new Weather("Paris", 21)}
	 * @return the reply, finish reason {@code stop}
	 * @throws IllegalArgumentException when the value cannot be written as a JSON object
	 * or array
	 * @see #json(String)
	 */
	public static ZaiReply jsonOf(Object value) {
		Assert.notNull(value, "value must not be null; use a record or a map such as Map.of(\"city\", \"Paris\")");
		String json = JsonText.write(value);
		Assert.isTrue(JsonText.isDocument(json),
				() -> "value must be written as a JSON object or array, such as a record or a map, but was " + json);
		return text(json);
	}

	/**
	 * Return an error answer with Z.AI's error body
	 * {@code {"error":{"code":"<code>","message":"<message>"}}}, sent whether or not the
	 * request asked for a stream (as the real API does for errors found before the stream
	 * starts).
	 * @param httpStatus the HTTP status, such as {@code 429}
	 * @param code the business code, such as {@code "1302"}
	 * @param message the message
	 * @return the reply
	 */
	public static ZaiReply error(int httpStatus, String code, String message) {
		Assert.isTrue(httpStatus >= 100 && httpStatus <= 599,
				() -> "httpStatus must be an HTTP status between 100 and 599, such as 429, but was " + httpStatus);
		Assert.notNull(code, "code must not be null; use a Z.AI business code such as \"1302\"");
		Assert.notNull(message, "message must not be null; use the error text, such as \"Rate limit reached\"");
		ReplySettings settings = new ReplySettings(ReplyKind.ERROR);
		settings.status = httpStatus;
		settings.errorCode = code;
		settings.errorMessage = message;
		return new ZaiReply(settings);
	}

	/**
	 * Return an answer with exactly the given status, content type and body, for answers
	 * no well-behaved server sends (HTML error pages of a proxy, broken JSON).
	 * @param httpStatus the HTTP status
	 * @param contentType the {@code Content-Type}, such as {@code text/html}
	 * @param body the body text, sent as UTF-8
	 * @return the reply
	 */
	public static ZaiReply rawBody(int httpStatus, String contentType, String body) {
		Assert.isTrue(httpStatus >= 100 && httpStatus <= 599,
				() -> "httpStatus must be an HTTP status between 100 and 599, such as 502, but was " + httpStatus);
		Assert.hasText(contentType, "contentType must not be empty; use a media type such as text/html");
		Assert.notNull(body, "body must not be null; use \"\" for an empty body");
		ReplySettings settings = new ReplySettings(ReplyKind.RAW);
		settings.status = httpStatus;
		settings.contentType = contentType;
		settings.body = body;
		return new ZaiReply(settings);
	}

	/**
	 * Return an answer with exactly the given status, content type and bytes, such as
	 * audio.
	 * @param httpStatus the HTTP status
	 * @param contentType the {@code Content-Type}, or {@code null} for none
	 * @param body the bytes, sent as they are
	 * @return the reply
	 */
	static ZaiReply rawBytes(int httpStatus, @Nullable String contentType, byte[] body) {
		ReplySettings settings = new ReplySettings(ReplyKind.RAW);
		settings.status = httpStatus;
		settings.contentType = contentType;
		settings.bytes = body.clone();
		return new ZaiReply(settings);
	}

	/**
	 * Return an answer that closes the connection without sending any response. To get
	 * "connection refused" instead, {@link ZaiMockServer#close() close} the server.
	 * @return the reply
	 */
	public static ZaiReply dropConnection() {
		return new ZaiReply(new ReplySettings(ReplyKind.DROP));
	}

	/**
	 * Return a copy with the given finish reason. Defaults to {@code tool_calls} when the
	 * reply calls tools and {@code stop} otherwise.
	 * @param finishReason the finish reason, such as {@link FinishReason#LENGTH}
	 * @return the new reply
	 */
	public ZaiReply finishReason(FinishReason finishReason) {
		Assert.notNull(finishReason, "finishReason must not be null; use a value such as FinishReason.LENGTH");
		return completion("finishReason", (settings) -> settings.finishReason = finishReason);
	}

	/**
	 * Return a copy with a finish reason given by its wire value, for example one this
	 * library does not know yet (read as {@link FinishReason#UNKNOWN}).
	 * @param finishReasonValue the wire value, such as {@code "abort"}
	 * @return the new reply
	 */
	public ZaiReply finishReasonValue(String finishReasonValue) {
		Assert.hasText(finishReasonValue, "finishReasonValue must not be empty; use a value such as \"stop\"");
		return completion("finishReasonValue", (settings) -> {
			settings.finishReason = FinishReason.from(finishReasonValue);
			settings.finishReasonValue = finishReasonValue;
		});
	}

	/**
	 * Return a copy that carries web search results, as the server does when the
	 * {@code web_search} tool runs with {@code search_result} enabled: a plain answer has
	 * them in its top-level {@code web_search} array, a stream in a first chunk of its
	 * own (with an empty content delta).
	 * @param results the results
	 * @return the new reply
	 */
	public ZaiReply webSearch(WebSearchResult... results) {
		Assert.notNull(results, "results must not be null");
		Assert.noNullElements(results, "results must not contain null");
		List<WebSearchResult> copy = List.copyOf(Arrays.asList(results));
		return completion("webSearch", (settings) -> settings.webSearch = copy);
	}

	/**
	 * Return a copy whose stream events are separated by a single line feed instead of a
	 * blank line, as the API docs print them ({@code data: {…}\ndata: {…}\n}), to test a
	 * client against that form.
	 * @return the new reply
	 */
	public ZaiReply withoutBlankLines() {
		return completion("withoutBlankLines", (settings) -> settings.blankLines = false);
	}

	/**
	 * Return a copy that calls the given tools, in parallel when there are several. A
	 * call without an id gets a generated one; indexes follow the order given. Without
	 * {@link #toolStream(boolean) tool streaming}, each call arrives whole in one delta.
	 * @param toolCalls the calls, for example {@code ToolCall.function("call_1", "add",
	 * "{\"a\":2,\"b\":3}")}
	 * @return the new reply
	 */
	public ZaiReply toolCalls(ToolCall... toolCalls) {
		Assert.notNull(toolCalls, "toolCalls must not be null; use ToolCall.function(id, name, argumentsJson)");
		Assert.noNullElements(toolCalls,
				"toolCalls must not contain null; use ToolCall.function(id, name, argumentsJson)");
		List<ToolCall> calls = Arrays.stream(toolCalls)
			.map((call) -> (call.id() != null) ? call
					: new ToolCall(PreparedReply.generatedCallId(), call.type(), call.index(), call.function()))
			.toList();
		return completion("toolCalls", (settings) -> settings.toolCalls = calls);
	}

	/**
	 * Return a copy that, once it has answered a request with its tool calls, answers the
	 * first later request that carries a {@code tool} message for each of those calls
	 * (matched by {@code tool_call_id}) with the given reply: the tool loop of an
	 * application that runs the tool and sends its result back. That request gets the
	 * answer before any queued reply; requests without the results are answered as if no
	 * tool loop were waiting. The answer may itself call tools and script a further round
	 * with {@code onToolResult}. <pre class="code">
	 * server.enqueue(ZaiReply.toolCall("call_1", "get_weather", "{\"city\":\"Paris\"}")
	 *     .onToolResult(ZaiReply.text("It is 21 °C and sunny in Paris.")));
	 * // … run the application's tool loop, then:
	 * assertThat(server.requests().get(1).toolResult("call_1")).contains("21");
	 * </pre> Each request follows its own {@code stream} flag: both replies are sent as a
	 * JSON completion or as a stream, as any reply is.
	 * @param answer the reply to the request that carries the tool results
	 * @return the new reply
	 * @throws IllegalStateException when this reply calls no tools
	 */
	public ZaiReply onToolResult(ZaiReply answer) {
		Assert.notNull(answer, "answer must not be null; use ZaiReply.text(\"It is sunny\") for example");
		Assert.state(this.settings.kind == ReplyKind.COMPLETION && !this.settings.toolCalls.isEmpty(),
				"onToolResult applies to replies that call tools; start from ZaiReply.toolCall(id, name, argumentsJson)");
		return completion("onToolResult", (settings) -> settings.onToolResult = answer);
	}

	/**
	 * Return the ids of the calls this reply makes, generated when the reply was built
	 * for calls given without one.
	 * @return the ids, in call order; empty when the reply calls no tools
	 */
	public List<String> toolCallIds() {
		return this.settings.toolCalls.stream().map(ToolCall::id).toList();
	}

	/**
	 * Return a copy that streams tool calls in pieces, as with {@code tool_stream=true}:
	 * a first fragment with the id, type, name and empty arguments, then fragments of the
	 * arguments.
	 * @param toolStream whether to stream tool calls in pieces
	 * @return the new reply
	 */
	public ZaiReply toolStream(boolean toolStream) {
		return completion("toolStream", (settings) -> settings.toolStream = toolStream);
	}

	/**
	 * Return the number of data chunks a stream of this reply sends when it has no fault:
	 * reasoning, content and tool-call deltas plus the last chunk (the
	 * {@code data: [DONE]} line not counted).
	 * @return the number of chunks; {@code 0} for a reply that is no completion
	 */
	public int streamChunkCount() {
		return (this.settings.kind == ReplyKind.COMPLETION) ? prepared().chunkCount() : 0;
	}

	@Override
	public String toString() {
		ReplySettings s = this.settings;
		return switch (s.kind) {
			case COMPLETION -> "ZaiReply[text, " + ((s.content != null) ? s.content.length() : 0) + " chars, "
					+ s.toolCalls.size() + " tool calls" + ((s.onToolResult != null) ? ", then " + s.onToolResult : "")
					+ ((s.fault != ReplyFault.NONE) ? ", " + s.fault : "") + "]";
			case ERROR -> "ZaiReply[error " + s.status + " " + s.errorCode + "]";
			case RAW -> "ZaiReply[raw " + s.status + " " + s.contentType + "]";
			case DROP -> "ZaiReply[drop connection]";
		};
	}

	ReplySettings settings() {
		return this.settings;
	}

	PreparedReply prepared() {
		PreparedReply prepared = this.prepared;
		if (prepared == null) {
			// A race only encodes twice; both results are equal
			prepared = new PreparedReply(this.settings);
			this.prepared = prepared;
		}
		return prepared;
	}

	@Override
	ZaiReply fault(String method, ReplyFault fault, int chunks) {
		Assert.isTrue(chunks >= 0, () -> "chunks must be at least 0, but was " + chunks);
		return completion(method, (settings) -> {
			settings.fault = fault;
			settings.faultAfter = chunks;
		});
	}

	@Override
	ZaiReply completion(String method, Consumer<ReplySettings> change) {
		Assert.state(this.settings.kind == ReplyKind.COMPLETION,
				() -> method + " applies to completions only; start from ZaiReply.text(..) or ZaiReply.toolCall(..)");
		return with(change);
	}

	@Override
	ZaiReply with(Consumer<ReplySettings> change) {
		ReplySettings copy = this.settings.copy();
		change.accept(copy);
		return new ZaiReply(copy);
	}

}
