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
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;

/**
 * Read {@link ChatCompletion} and {@link ChatCompletionChunk}, with their choices and
 * messages, straight from the parser's tokens: every call reads one, and a stream one for
 * every event.
 * <p>
 * Why by hand, with the measurements: BENCHMARKS.md, "Why parts are written by hand".
 * <p>
 * Only the tokens of the usual shape are read by hand. Every other value (tool calls, web
 * search results, content given as an array of parts, a number sent as a string, an
 * unexpected token) goes to the mapper's own deserializers, so the result is the one the
 * records' annotations give; unknown properties are skipped, as
 * {@code @JsonIgnoreProperties(ignoreUnknown = true)} does.
 *
 * @author zai-spring-boot contributors
 */
final class CompletionDeserializers {

	private CompletionDeserializers() {
	}

	/**
	 * Reads a {@link ChatCompletion}.
	 */
	static final class Completion extends Reader<ChatCompletion> {

		Completion() {
			this(null);
		}

		private Completion(@Nullable Delegates delegates) {
			super(ChatCompletion.class, delegates);
		}

		@Override
		Completion withDelegates(Delegates delegates) {
			return new Completion(delegates);
		}

		@Override
		ChatCompletion read(JsonParser parser, DeserializationContext context, Delegates delegates, JsonToken first) {
			String id = null;
			String requestId = null;
			Long created = null;
			String model = null;
			List<Choice> choices = null;
			Usage usage = null;
			List<WebSearchResult> webSearch = null;
			for (JsonToken token = first; token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
				String name = parser.currentName();
				parser.nextToken();
				switch (name) {
					case "id" -> id = string(parser, context);
					case "request_id" -> requestId = string(parser, context);
					case "created" -> created = longValue(parser, context);
					case "model" -> model = string(parser, context);
					case "choices" -> choices = choices(parser, context, delegates, Choice.class, "message",
							ChatCompletionMessage.class, ChatCompletionMessage::of, Choice::of);
					case "usage" -> usage = usage(parser, context, delegates);
					case "web_search" -> webSearch = nullOr(parser, context, delegates.webSearch);
					default -> parser.skipChildren();
				}
			}
			return new ChatCompletion(id, requestId, created, model, choices, usage, webSearch);
		}

	}

	/**
	 * Reads a {@link ChatCompletionChunk}.
	 */
	static final class Chunk extends Reader<ChatCompletionChunk> {

		Chunk() {
			this(null);
		}

		private Chunk(@Nullable Delegates delegates) {
			super(ChatCompletionChunk.class, delegates);
		}

		@Override
		Chunk withDelegates(Delegates delegates) {
			return new Chunk(delegates);
		}

		@Override
		ChatCompletionChunk read(JsonParser parser, DeserializationContext context, Delegates delegates,
				JsonToken first) {
			String id = null;
			Long created = null;
			String model = null;
			List<ChunkChoice> choices = null;
			Usage usage = null;
			List<WebSearchResult> webSearch = null;
			for (JsonToken token = first; token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
				String name = parser.currentName();
				parser.nextToken();
				switch (name) {
					case "id" -> id = string(parser, context);
					case "created" -> created = longValue(parser, context);
					case "model" -> model = string(parser, context);
					case "choices" -> choices = choices(parser, context, delegates, ChunkChoice.class, "delta",
							Delta.class, Delta::of, ChunkChoice::of);
					case "usage" -> usage = usage(parser, context, delegates);
					// sent when the web_search tool runs with search_result enabled
					case "web_search" -> webSearch = nullOr(parser, context, delegates.webSearch);
					default -> parser.skipChildren();
				}
			}
			return new ChatCompletionChunk(id, created, model, choices, usage, webSearch);
		}

	}

	/**
	 * What both readers share: the start of the object, and the deserializers of the
	 * nested values, looked up when Jackson contextualizes the reader.
	 */
	private abstract static class Reader<T> extends ValueDeserializer<T> {

		private final Class<T> type;

		private final @Nullable Delegates delegates;

		Reader(Class<T> type, @Nullable Delegates delegates) {
			this.type = type;
			this.delegates = delegates;
		}

		@Override
		public ValueDeserializer<?> createContextual(DeserializationContext context, @Nullable BeanProperty property) {
			return withDelegates(Delegates.of(context));
		}

		@Override
		public T deserialize(JsonParser parser, DeserializationContext context) {
			Delegates delegates = (this.delegates != null) ? this.delegates : Delegates.of(context);
			return read(parser, context, delegates, startObject(parser, context, this.type));
		}

		abstract Reader<T> withDelegates(Delegates delegates);

		/**
		 * Read the object's properties.
		 * @param first the token after the start of the object: a property name or the
		 * end of the object
		 */
		abstract T read(JsonParser parser, DeserializationContext context, Delegates delegates, JsonToken first);

	}

	/**
	 * Creates a message or a delta from its wire form, as their {@code of} methods do.
	 */
	@FunctionalInterface
	private interface MessageFactory<M> {

		M create(@Nullable String role, @Nullable Object content, @Nullable String reasoningContent,
				@Nullable List<ToolCall> toolCalls);

	}

	/**
	 * Creates a choice from its wire form, as the {@code of} methods of the choices do.
	 */
	@FunctionalInterface
	private interface ChoiceFactory<C, M> {

		C create(@Nullable Integer index, @Nullable M message, @Nullable String finishReason);

	}

	private static <C, M> @Nullable List<C> choices(JsonParser parser, DeserializationContext context,
			Delegates delegates, Class<C> choiceType, String messageName, Class<M> messageType,
			MessageFactory<M> messageFactory, ChoiceFactory<C, M> choiceFactory) {
		JsonToken token = parser.currentToken();
		if (token != JsonToken.START_ARRAY) {
			return nullOr(parser, context, listOf(context, choiceType));
		}
		List<C> choices = new ArrayList<>(1);
		while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
			choices.add((token == JsonToken.START_OBJECT)
					? choice(parser, context, delegates, messageName, messageType, messageFactory, choiceFactory)
					: nullOr(parser, context, choiceType));
		}
		return choices;
	}

	private static <C, M> C choice(JsonParser parser, DeserializationContext context, Delegates delegates,
			String messageName, Class<M> messageType, MessageFactory<M> messageFactory,
			ChoiceFactory<C, M> choiceFactory) {
		Integer index = null;
		M message = null;
		String finishReason = null;
		for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
			String name = parser.currentName();
			JsonToken value = parser.nextToken();
			if (name.equals(messageName)) {
				message = (value == JsonToken.START_OBJECT) ? message(parser, context, delegates, messageFactory)
						: nullOr(parser, context, messageType);
				continue;
			}
			switch (name) {
				case "index" -> index = (value == JsonToken.VALUE_NUMBER_INT) ? parser.getIntValue()
						: nullOr(parser, context, Integer.class);
				// kept as sent: the choice reads it as a FinishReason and keeps the raw
				// value
				case "finish_reason" -> finishReason = string(parser, context);
				default -> parser.skipChildren();
			}
		}
		return choiceFactory.create(index, message, finishReason);
	}

	private static <M> M message(JsonParser parser, DeserializationContext context, Delegates delegates,
			MessageFactory<M> factory) {
		String role = null;
		Object content = null;
		String reasoningContent = null;
		List<ToolCall> toolCalls = null;
		for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
			String name = parser.currentName();
			JsonToken value = parser.nextToken();
			switch (name) {
				case "role" -> role = string(parser, context);
				// a string, or an array of parts whose texts the factory joins
				case "content" -> content = (value == JsonToken.VALUE_STRING) ? parser.getString()
						: nullOr(parser, context, Object.class);
				case "reasoning_content" -> reasoningContent = string(parser, context);
				case "tool_calls" -> toolCalls = nullOr(parser, context, delegates.toolCalls);
				default -> parser.skipChildren();
			}
		}
		return factory.create(role, content, reasoningContent, toolCalls);
	}

	/**
	 * Read a usage object: every call's answer and every stream's last chunk has one.
	 */
	private static @Nullable Usage usage(JsonParser parser, DeserializationContext context, Delegates delegates) {
		if (parser.currentToken() != JsonToken.START_OBJECT) {
			return nullOr(parser, context, delegates.usage);
		}
		Integer promptTokens = null;
		Integer completionTokens = null;
		Integer totalTokens = null;
		Usage.PromptTokensDetails promptDetails = null;
		Usage.CompletionTokensDetails completionDetails = null;
		for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
			String name = parser.currentName();
			JsonToken value = parser.nextToken();
			switch (name) {
				case "prompt_tokens" -> promptTokens = intValue(parser, context);
				case "completion_tokens" -> completionTokens = intValue(parser, context);
				case "total_tokens" -> totalTokens = intValue(parser, context);
				case "prompt_tokens_details" -> promptDetails = (value == JsonToken.START_OBJECT)
						? new Usage.PromptTokensDetails(intProperty(parser, context, "cached_tokens"))
						: nullOr(parser, context, Usage.PromptTokensDetails.class);
				case "completion_tokens_details" -> completionDetails = (value == JsonToken.START_OBJECT)
						? new Usage.CompletionTokensDetails(intProperty(parser, context, "reasoning_tokens"))
						: nullOr(parser, context, Usage.CompletionTokensDetails.class);
				default -> parser.skipChildren();
			}
		}
		return Usage.of(promptTokens, completionTokens, totalTokens, promptDetails, completionDetails);
	}

	/**
	 * Read the one property of an object that matters, skipping the others.
	 */
	private static @Nullable Integer intProperty(JsonParser parser, DeserializationContext context, String wanted) {
		Integer result = null;
		for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
			String name = parser.currentName();
			parser.nextToken();
			if (name.equals(wanted)) {
				result = intValue(parser, context);
			}
			else {
				parser.skipChildren();
			}
		}
		return result;
	}

	/**
	 * Move past the start of the object.
	 * @return the token after it: a property name or the end of the object
	 */
	private static JsonToken startObject(JsonParser parser, DeserializationContext context, Class<?> type) {
		JsonToken token = parser.currentToken();
		if (token == JsonToken.START_OBJECT) {
			token = parser.nextToken();
		}
		if (token != JsonToken.PROPERTY_NAME && token != JsonToken.END_OBJECT) {
			context.handleUnexpectedToken(type, parser);
		}
		return token;
	}

	private static @Nullable Long longValue(JsonParser parser, DeserializationContext context) {
		return (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) ? parser.getLongValue()
				: nullOr(parser, context, Long.class);
	}

	private static @Nullable Integer intValue(JsonParser parser, DeserializationContext context) {
		return (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) ? parser.getIntValue()
				: nullOr(parser, context, Integer.class);
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

	private static <T> @Nullable T nullOr(JsonParser parser, DeserializationContext context, JavaType type) {
		return (parser.currentToken() == JsonToken.VALUE_NULL) ? null : context.readValue(parser, type);
	}

	@SuppressWarnings("unchecked")
	private static <T> @Nullable T nullOr(JsonParser parser, DeserializationContext context,
			ValueDeserializer<?> deserializer) {
		return (parser.currentToken() == JsonToken.VALUE_NULL) ? null : (T) deserializer.deserialize(parser, context);
	}

	/**
	 * The application's deserializers of the nested values that are read whole, looked up
	 * once: {@code DeserializationContext.readValue} contextualizes the deserializer on
	 * every call, which for a bean rebuilds its property matcher.
	 */
	private static final class Delegates {

		private final ValueDeserializer<?> usage;

		private final ValueDeserializer<?> toolCalls;

		private final ValueDeserializer<?> webSearch;

		private Delegates(DeserializationContext context) {
			this.usage = context.findRootValueDeserializer(context.constructType(Usage.class));
			this.toolCalls = context.findRootValueDeserializer(listOf(context, ToolCall.class));
			this.webSearch = context.findRootValueDeserializer(listOf(context, WebSearchResult.class));
		}

		static Delegates of(DeserializationContext context) {
			return new Delegates(context);
		}

	}

	private static JavaType listOf(DeserializationContext context, Class<?> elementType) {
		return context.getTypeFactory().constructCollectionType(List.class, elementType);
	}

}
