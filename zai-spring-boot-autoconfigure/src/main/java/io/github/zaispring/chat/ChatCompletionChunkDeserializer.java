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

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a {@link ChatCompletionChunk}, its choices and their deltas straight from the
 * parser's tokens: the one type a stream reads for every event.
 * <p>
 * Measured reason (JFR and perf on the benchmarks' one long stream, JDK 17, Jackson 3.1):
 * reading these three records through their creators was about a third of the client's
 * CPU per chunk. Jackson calls a creator of several arguments with
 * {@code MethodHandle.invokeWithArguments}, which builds a spreader on every call
 * ({@code MethodType} interning, lambda forms, even interpreted frames), and checks
 * {@code Class.isRecord} per object.
 * <p>
 * Only the tokens of the usual shape are read by hand. Every other value (an
 * {@code usage} object, tool calls, content given as an array of parts, a number sent as
 * a string, an unexpected token) goes to the application's own deserializers, so the
 * result is the same as the records' annotations would give; unknown properties are
 * skipped, as {@code @JsonIgnoreProperties(ignoreUnknown = true)} does.
 *
 * @author zai-spring-boot contributors
 */
final class ChatCompletionChunkDeserializer extends ValueDeserializer<ChatCompletionChunk> {

	@Override
	public ChatCompletionChunk deserialize(JsonParser parser, DeserializationContext context) {
		JsonToken token = startObject(parser);
		if (token != JsonToken.PROPERTY_NAME && token != JsonToken.END_OBJECT) {
			return (ChatCompletionChunk) context.handleUnexpectedToken(ChatCompletionChunk.class, parser);
		}
		String id = null;
		Long created = null;
		String model = null;
		List<ChunkChoice> choices = null;
		Usage usage = null;
		for (; token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
			String name = parser.currentName();
			JsonToken value = parser.nextToken();
			switch (name) {
				case "id" -> id = string(parser, context);
				case "created" -> created = (value == JsonToken.VALUE_NUMBER_INT) ? parser.getLongValue()
						: nullOr(parser, context, Long.class);
				case "model" -> model = string(parser, context);
				case "choices" -> choices = choices(parser, context);
				case "usage" -> usage = nullOr(parser, context, Usage.class);
				default -> parser.skipChildren();
			}
		}
		return new ChatCompletionChunk(id, created, model, choices, usage);
	}

	private static @Nullable List<ChunkChoice> choices(JsonParser parser, DeserializationContext context) {
		JsonToken token = parser.currentToken();
		if (token == JsonToken.VALUE_NULL) {
			return null;
		}
		if (token != JsonToken.START_ARRAY) {
			return context.readValue(parser, listOf(context, ChunkChoice.class));
		}
		List<ChunkChoice> choices = new ArrayList<>(1);
		while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
			choices.add((token == JsonToken.START_OBJECT) ? choice(parser, context)
					: nullOr(parser, context, ChunkChoice.class));
		}
		return choices;
	}

	private static ChunkChoice choice(JsonParser parser, DeserializationContext context) {
		Integer index = null;
		Delta delta = null;
		FinishReason finishReason = null;
		for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
			String name = parser.currentName();
			JsonToken value = parser.nextToken();
			switch (name) {
				case "index" -> index = (value == JsonToken.VALUE_NUMBER_INT) ? parser.getIntValue()
						: nullOr(parser, context, Integer.class);
				case "delta" -> delta = (value == JsonToken.START_OBJECT) ? delta(parser, context)
						: nullOr(parser, context, Delta.class);
				case "finish_reason" -> finishReason = (value == JsonToken.VALUE_STRING)
						? FinishReason.from(parser.getString()) : nullOr(parser, context, FinishReason.class);
				default -> parser.skipChildren();
			}
		}
		return ChunkChoice.of(index, delta, finishReason);
	}

	private static Delta delta(JsonParser parser, DeserializationContext context) {
		String role = null;
		Object content = null;
		String reasoningContent = null;
		List<ToolCall> toolCalls = null;
		for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
			String name = parser.currentName();
			JsonToken value = parser.nextToken();
			switch (name) {
				case "role" -> role = string(parser, context);
				// a string, or an array of parts whose texts Delta.of joins
				case "content" -> content = (value == JsonToken.VALUE_STRING) ? parser.getString()
						: nullOr(parser, context, Object.class);
				case "reasoning_content" -> reasoningContent = string(parser, context);
				case "tool_calls" -> toolCalls = (value == JsonToken.VALUE_NULL) ? null
						: context.readValue(parser, listOf(context, ToolCall.class));
				default -> parser.skipChildren();
			}
		}
		return Delta.of(role, content, reasoningContent, toolCalls);
	}

	/**
	 * Move past the start of the object, if the parser is on it.
	 * @return the token after it
	 */
	private static JsonToken startObject(JsonParser parser) {
		JsonToken token = parser.currentToken();
		return (token == JsonToken.START_OBJECT) ? parser.nextToken() : token;
	}

	private static @Nullable String string(JsonParser parser, DeserializationContext context) {
		return (parser.currentToken() == JsonToken.VALUE_STRING) ? parser.getString()
				: nullOr(parser, context, String.class);
	}

	/**
	 * Read the current value with the application's deserializers, {@code null} for a
	 * JSON {@code null}.
	 */
	private static <T> @Nullable T nullOr(JsonParser parser, DeserializationContext context, Class<T> type) {
		return (parser.currentToken() == JsonToken.VALUE_NULL) ? null : context.readValue(parser, type);
	}

	private static JavaType listOf(DeserializationContext context, Class<?> elementType) {
		return context.getTypeFactory().constructCollectionType(List.class, elementType);
	}

}
