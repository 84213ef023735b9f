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
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.github.zaispring.chat.FinishReason;
import io.github.zaispring.chat.FunctionCall;
import io.github.zaispring.chat.ToolCall;
import io.github.zaispring.chat.Usage;
import io.github.zaispring.chat.WebSearchResult;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bytes of a completion reply, encoded once when the reply is first used so that
 * answering a request only glues a per-request prefix (id, time, model) to ready-made
 * bytes.
 * <p>
 * Every stream event is {@code prefix + body}: the prefix is {@code data:
 * {"id":…,"created":…,"object":…,"model":…,} and a body is {@code "choices":[…]}}
 * followed by the blank line. The last chunk's body ends before the usage, which is
 * written per request when it is estimated from the request's size.
 *
 * @author zai-spring-boot contributors
 */
final class PreparedReply {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** Argument fragment size of streamed tool calls when no chunk size is set. */
	private static final int TOOL_ARGUMENT_PIECE = 8;

	private final byte[][] deltaBodies;

	private final byte[] lastChunkBody;

	private final byte[] completionChoices;

	private final @Nullable String usageJson;

	private final int completionTokens;

	private final int reasoningTokens;

	PreparedReply(ReplySettings settings) {
		List<ToolCall> toolCalls = withIdsAndIndexes(settings.toolCalls);
		FinishReason finishReason = (settings.finishReason != null) ? settings.finishReason
				: toolCalls.isEmpty() ? FinishReason.STOP : FinishReason.TOOL_CALLS;
		String finishReasonValue = (settings.finishReasonValue != null) ? settings.finishReasonValue
				: finishReason.value();
		ArrayNode webSearch = webSearch(settings.webSearch);
		List<byte[]> deltas = new ArrayList<>();
		if (webSearch != null) {
			ObjectNode choice = NODES.objectNode().put("index", 0);
			choice.set("delta", delta().put("content", ""));
			deltas.add(utf8("\"choices\":" + write(NODES.arrayNode().add(choice)) + ",\"web_search\":"
					+ write(webSearch) + "}\n\n"));
		}
		if (settings.reasoning != null) {
			for (String piece : TextPieces.split(settings.reasoning, settings.chunkSize)) {
				deltas.add(textBody("reasoning_content", piece));
			}
		}
		if (settings.content != null) {
			for (String piece : TextPieces.split(settings.content, settings.chunkSize)) {
				deltas.add(textBody("content", piece));
			}
		}
		for (ToolCall call : toolCalls) {
			if (settings.toolStream) {
				addToolCallFragments(deltas, call, settings.chunkSize);
			}
			else {
				deltas.add(body(toolCallDelta(toolCall(call))));
			}
		}
		this.deltaBodies = deltas.toArray(new byte[0][]);
		ObjectNode last = NODES.objectNode().put("index", 0).put("finish_reason", finishReasonValue);
		last.set("delta", delta().put("content", ""));
		this.lastChunkBody = utf8("\"choices\":" + write(NODES.arrayNode().add(last)) + ",\"usage\":");
		this.completionChoices = utf8(
				"\"choices\":" + write(NODES.arrayNode().add(completionChoice(settings, toolCalls, finishReasonValue)))
						+ ((webSearch != null) ? ",\"web_search\":" + write(webSearch) : "") + ",\"usage\":");
		this.usageJson = (settings.usage != null) ? usageJson(settings.usage) : null;
		this.reasoningTokens = (settings.reasoning != null) ? estimateTokens(settings.reasoning.length()) : 0;
		int toolTokens = 0;
		for (ToolCall call : toolCalls) {
			toolTokens += estimateTokens(call.function().arguments().length() + call.function().name().length());
		}
		this.completionTokens = this.reasoningTokens
				+ estimateTokens((settings.content != null) ? settings.content.length() : 0) + toolTokens;
	}

	/**
	 * Return the number of data chunks of a whole stream.
	 * @return the deltas plus the last chunk
	 */
	int chunkCount() {
		return this.deltaBodies.length + 1;
	}

	/**
	 * Return the body of a delta chunk.
	 * @param index the chunk index, below {@code chunkCount() - 1}
	 * @return the bytes after the prefix, up to and including the blank line
	 */
	byte[] deltaBody(int index) {
		return this.deltaBodies[index];
	}

	/**
	 * Return the body of the last chunk up to the usage value.
	 * @return the bytes
	 */
	byte[] lastChunkBody() {
		return this.lastChunkBody;
	}

	/**
	 * Return the choices of a non-streamed completion followed by {@code ,"usage":}.
	 * @return the bytes
	 */
	byte[] completionChoices() {
		return this.completionChoices;
	}

	/**
	 * Return the usage JSON: the reply's own, or an estimate from the request size.
	 * @param requestBodyLength the length of the request body in bytes
	 * @return the usage object as JSON text
	 */
	String usageJson(int requestBodyLength) {
		if (this.usageJson != null) {
			return this.usageJson;
		}
		int prompt = estimateTokens(requestBodyLength);
		return usageJson(new Usage(prompt, this.completionTokens, prompt + this.completionTokens,
				new Usage.PromptTokensDetails(0),
				(this.reasoningTokens > 0) ? new Usage.CompletionTokensDetails(this.reasoningTokens) : null));
	}

	private static String usageJson(Usage usage) {
		StringBuilder json = new StringBuilder(160).append("{\"prompt_tokens\":")
			.append(usage.promptTokens())
			.append(",\"completion_tokens\":")
			.append(usage.completionTokens())
			.append(",\"total_tokens\":")
			.append(usage.totalTokens());
		if (usage.cachedTokens() != null) {
			json.append(",\"prompt_tokens_details\":{\"cached_tokens\":").append(usage.cachedTokens()).append('}');
		}
		if (usage.reasoningTokens() != null) {
			json.append(",\"completion_tokens_details\":{\"reasoning_tokens\":")
				.append(usage.reasoningTokens())
				.append('}');
		}
		return json.append('}').toString();
	}

	private static int estimateTokens(int characters) {
		return (characters <= 0) ? 0 : Math.max(1, (characters + 3) / 4);
	}

	private static List<ToolCall> withIdsAndIndexes(List<ToolCall> calls) {
		List<ToolCall> result = new ArrayList<>(calls.size());
		for (int i = 0; i < calls.size(); i++) {
			ToolCall call = calls.get(i);
			String id = (call.id() != null) ? call.id() : generatedCallId();
			FunctionCall function = (call.function() != null) ? call.function() : new FunctionCall("tool", "{}");
			String name = (function.name() != null) ? function.name() : "tool";
			result.add(new ToolCall(id, (call.type() != null) ? call.type() : "function", i,
					new FunctionCall(name, function.arguments())));
		}
		return result;
	}

	static String generatedCallId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "call_" + Long.toHexString(random.nextLong() | Long.MIN_VALUE)
				+ Integer.toHexString(random.nextInt() | Integer.MIN_VALUE);
	}

	private static void addToolCallFragments(List<byte[]> deltas, ToolCall call, int chunkSize) {
		ObjectNode first = NODES.objectNode().put("index", call.index()).put("id", call.id()).put("type", call.type());
		first.set("function", NODES.objectNode().put("name", call.function().name()).put("arguments", ""));
		deltas.add(body(toolCallDelta(first)));
		int size = (chunkSize > 0) ? chunkSize : TOOL_ARGUMENT_PIECE;
		for (String piece : TextPieces.split(call.function().arguments(), size)) {
			ObjectNode fragment = NODES.objectNode().put("index", call.index());
			fragment.set("function", NODES.objectNode().put("arguments", piece));
			deltas.add(body(toolCallDelta(fragment)));
		}
	}

	private static @Nullable ArrayNode webSearch(List<WebSearchResult> results) {
		if (results.isEmpty()) {
			return null;
		}
		ArrayNode array = NODES.arrayNode();
		for (WebSearchResult result : results) {
			ObjectNode node = array.addObject();
			putIfSet(node, "title", result.title());
			putIfSet(node, "content", result.content());
			putIfSet(node, "link", result.link());
			putIfSet(node, "media", result.media());
			putIfSet(node, "icon", result.icon());
			putIfSet(node, "refer", result.refer());
			putIfSet(node, "publish_date", result.publishDate());
		}
		return array;
	}

	private static void putIfSet(ObjectNode node, String name, @Nullable String value) {
		if (value != null) {
			node.put(name, value);
		}
	}

	private static ObjectNode completionChoice(ReplySettings settings, List<ToolCall> toolCalls, String finishReason) {
		ObjectNode message = NODES.objectNode().put("role", "assistant");
		if (settings.content != null) {
			message.put("content", settings.content);
		}
		if (settings.reasoning != null) {
			message.put("reasoning_content", settings.reasoning);
		}
		if (!toolCalls.isEmpty()) {
			ArrayNode calls = message.putArray("tool_calls");
			toolCalls.forEach((call) -> calls.add(toolCall(call)));
		}
		ObjectNode choice = NODES.objectNode().put("finish_reason", finishReason).put("index", 0);
		choice.set("message", message);
		return choice;
	}

	private static ObjectNode toolCall(ToolCall call) {
		ObjectNode node = NODES.objectNode().put("id", call.id()).put("index", call.index()).put("type", call.type());
		node.set("function",
				NODES.objectNode().put("name", call.function().name()).put("arguments", call.function().arguments()));
		return node;
	}

	/** Tool-call deltas carry no role, as on the wire. */
	private static ObjectNode toolCallDelta(ObjectNode call) {
		ObjectNode delta = NODES.objectNode();
		delta.putArray("tool_calls").add(call);
		return delta;
	}

	private static ObjectNode delta() {
		return NODES.objectNode().put("role", "assistant");
	}

	/**
	 * Write a text delta by hand: replies built per request (such as the echo) encode one
	 * per piece, and this is several times cheaper than a tree and a mapper.
	 */
	private static byte[] textBody(String field, String piece) {
		StringBuilder json = new StringBuilder(piece.length() + 96)
			.append("\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"")
			.append(field)
			.append("\":");
		return utf8(JsonText.quote(json, piece).append("}}]}\n\n").toString());
	}

	private static byte[] body(ObjectNode delta) {
		ObjectNode choice = NODES.objectNode().put("index", 0);
		choice.set("delta", delta);
		return utf8("\"choices\":" + write(NODES.arrayNode().add(choice)) + "}\n\n");
	}

	private static String write(Object value) {
		return MAPPER.writeValueAsString(value);
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
