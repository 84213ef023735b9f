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

package io.github.zaispring.observation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

import io.github.zaispring.ZaiException;
import io.github.zaispring.chat.ChatCompletion;
import io.github.zaispring.chat.ChatMessage;
import io.github.zaispring.chat.ChatRequest;
import io.github.zaispring.chat.Choice;
import io.github.zaispring.chat.ContentPart;
import io.github.zaispring.chat.FinishReason;
import io.github.zaispring.observation.ZaiChatObservationDocumentation.HighCardinalityKeyNames;
import io.github.zaispring.observation.ZaiChatObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

/**
 * The default {@link ZaiChatObservationConvention}: the names of the OpenTelemetry GenAI
 * semantic conventions, as Spring AI uses them.
 * <p>
 * Low-cardinality keys are always present, with {@code none} for what is unknown, so that
 * every timer of the observation has the same tags. High-cardinality keys are present
 * only when known. The text of prompts and answers is recorded only when the convention
 * is created with {@code includeContent}, because it may hold personal data and is large.
 *
 * @author zai-spring-boot contributors
 * @see ZaiChatObservationDocumentation
 */
public class DefaultZaiChatObservationConvention implements ZaiChatObservationConvention {

	/**
	 * The name of the observation.
	 */
	public static final String NAME = "gen_ai.client.operation";

	/**
	 * The value of {@code gen_ai.operation.name}.
	 */
	public static final String OPERATION_NAME = "chat";

	/**
	 * The value of {@code gen_ai.provider.name}.
	 */
	public static final String PROVIDER_NAME = "z_ai";

	private static final String NONE = ErrorTypes.NONE;

	private static final KeyValue OPERATION_NAME_CHAT = KeyValue.of(LowCardinalityKeyNames.OPERATION_NAME,
			OPERATION_NAME);

	private static final KeyValue PROVIDER_NAME_Z_AI = KeyValue.of(LowCardinalityKeyNames.PROVIDER_NAME, PROVIDER_NAME);

	private static final KeyValue REQUEST_STREAM_TRUE = KeyValue.of(LowCardinalityKeyNames.REQUEST_STREAM, "true");

	private static final KeyValue REQUEST_STREAM_FALSE = KeyValue.of(LowCardinalityKeyNames.REQUEST_STREAM, "false");

	private static final KeyValue CANCELLED_TRUE = KeyValue.of(LowCardinalityKeyNames.RESPONSE_CANCELLED, "true");

	private static final KeyValue CANCELLED_FALSE = KeyValue.of(LowCardinalityKeyNames.RESPONSE_CANCELLED, "false");

	private static final KeyValue ERROR_TYPE_NONE = KeyValue.of(LowCardinalityKeyNames.ERROR_TYPE, NONE);

	/**
	 * The finish reasons of an answer with one choice, by the reason's ordinal.
	 */
	private static final KeyValue[] ONE_FINISH_REASON = Arrays.stream(FinishReason.values())
		.map((reason) -> KeyValue.of(HighCardinalityKeyNames.RESPONSE_FINISH_REASONS,
				toJsonArray(List.of(reason.value()))))
		.toArray(KeyValue[]::new);

	private final boolean includeContent;

	/**
	 * Create a convention that does not record the text of prompts and answers.
	 */
	public DefaultZaiChatObservationConvention() {
		this(false);
	}

	/**
	 * Create a convention.
	 * @param includeContent whether to record the text of prompts and answers as the
	 * high-cardinality keys {@code gen_ai.prompt} and {@code gen_ai.completion}
	 * ({@code zai.observations.include-content})
	 */
	public DefaultZaiChatObservationConvention(boolean includeContent) {
		this.includeContent = includeContent;
	}

	/**
	 * Return whether the text of prompts and answers is recorded.
	 * @return whether content is included
	 */
	public boolean isIncludeContent() {
		return this.includeContent;
	}

	@Override
	public String getName() {
		return NAME;
	}

	/**
	 * Return {@code chat {model}}, as the GenAI conventions name spans, or {@code chat}
	 * when the request names no model.
	 */
	@Override
	public String getContextualName(ZaiChatObservationContext context) {
		return DefaultZaiObservationConvention.contextualName(context);
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ZaiChatObservationContext context) {
		// in the order of their keys: KeyValues sorts, and a sorted array costs it one
		// pass
		return KeyValues.of(errorType(context), operationName(context), providerName(context), requestModel(context),
				requestStream(context), responseCancelled(context), responseModel(context), serverAddress(context));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(ZaiChatObservationContext context) {
		// in the order of their keys, as above
		List<KeyValue> keyValues = new ArrayList<>(9);
		if (this.includeContent) {
			addIfPresent(keyValues, completion(context));
			addIfPresent(keyValues, prompt(context));
		}
		addIfPresent(keyValues, maxTokens(context));
		addIfPresent(keyValues, temperature(context));
		addIfPresent(keyValues, topP(context));
		addIfPresent(keyValues, finishReasons(context));
		addIfPresent(keyValues, responseId(context));
		addIfPresent(keyValues, attempts(context));
		addIfPresent(keyValues, requestId(context));
		return KeyValues.of(keyValues);
	}

	private static void addIfPresent(List<KeyValue> keyValues, @Nullable KeyValue keyValue) {
		if (keyValue != null) {
			keyValues.add(keyValue);
		}
	}

	/**
	 * Return the {@code gen_ai.operation.name} key value, always {@code chat}.
	 * @param context the observation context
	 * @return the key value
	 */
	protected KeyValue operationName(ZaiChatObservationContext context) {
		return OPERATION_NAME_CHAT;
	}

	/**
	 * Return the {@code gen_ai.provider.name} key value, always {@code z_ai}.
	 * @param context the observation context
	 * @return the key value
	 */
	protected KeyValue providerName(ZaiChatObservationContext context) {
		return PROVIDER_NAME_Z_AI;
	}

	/**
	 * Return the {@code gen_ai.request.model} key value.
	 * @param context the observation context
	 * @return the key value
	 */
	protected KeyValue requestModel(ZaiChatObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.REQUEST_MODEL, orNone(context.getRequestModel()));
	}

	/**
	 * Return the {@code gen_ai.response.model} key value.
	 * @param context the observation context
	 * @return the key value
	 */
	protected KeyValue responseModel(ZaiChatObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.RESPONSE_MODEL, orNone(context.getResponseModel()));
	}

	/**
	 * Return the {@code gen_ai.request.stream} key value.
	 * @param context the observation context
	 * @return the key value
	 */
	protected KeyValue requestStream(ZaiChatObservationContext context) {
		return context.isStreaming() ? REQUEST_STREAM_TRUE : REQUEST_STREAM_FALSE;
	}

	/**
	 * Return the {@code gen_ai.response.cancelled} key value.
	 * @param context the observation context
	 * @return the key value
	 */
	protected KeyValue responseCancelled(ZaiChatObservationContext context) {
		return context.isCancelled() ? CANCELLED_TRUE : CANCELLED_FALSE;
	}

	/**
	 * Return the {@code error.type} key value.
	 * @param context the observation context
	 * @return the key value
	 */
	protected KeyValue errorType(ZaiChatObservationContext context) {
		Throwable error = context.getError();
		return (error != null) ? KeyValue.of(LowCardinalityKeyNames.ERROR_TYPE, ErrorTypes.of(error)) : ERROR_TYPE_NONE;
	}

	/**
	 * Return the {@code server.address} key value.
	 * @param context the observation context
	 * @return the key value
	 */
	protected KeyValue serverAddress(ZaiChatObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.SERVER_ADDRESS, orNone(context.getServerAddress()));
	}

	/**
	 * Return the {@code gen_ai.response.id} key value, or {@code null} when unknown.
	 * @param context the observation context
	 * @return the key value
	 */
	protected @Nullable KeyValue responseId(ZaiChatObservationContext context) {
		return ofNullable(HighCardinalityKeyNames.RESPONSE_ID, context.getResponseId());
	}

	/**
	 * Return the {@code zai.request.id} key value, or {@code null} when unknown.
	 * @param context the observation context
	 * @return the key value
	 */
	protected @Nullable KeyValue requestId(ZaiChatObservationContext context) {
		String requestId = context.getRequestId();
		if (requestId == null && context.getError() instanceof ZaiException zaiException) {
			requestId = zaiException.getRequestId();
		}
		if (requestId == null) {
			requestId = context.getRequest().requestId();
		}
		return ofNullable(HighCardinalityKeyNames.REQUEST_ID, requestId);
	}

	/**
	 * Return the {@code gen_ai.response.finish_reasons} key value, or {@code null} when
	 * unknown.
	 * @param context the observation context
	 * @return the key value
	 */
	protected @Nullable KeyValue finishReasons(ZaiChatObservationContext context) {
		ChatCompletion response = context.getResponse();
		if (response == null) {
			return null;
		}
		if (response.choices().size() == 1) {
			FinishReason reason = response.choices().get(0).finishReason();
			return (reason != null) ? ONE_FINISH_REASON[reason.ordinal()] : null;
		}
		List<String> reasons = new ArrayList<>(response.choices().size());
		for (Choice choice : response.choices()) {
			if (choice.finishReason() != null) {
				reasons.add(choice.finishReason().value());
			}
		}
		return reasons.isEmpty() ? null
				: KeyValue.of(HighCardinalityKeyNames.RESPONSE_FINISH_REASONS, toJsonArray(reasons));
	}

	/**
	 * Return the {@code gen_ai.request.temperature} key value, or {@code null} when not
	 * set.
	 * @param context the observation context
	 * @return the key value
	 */
	protected @Nullable KeyValue temperature(ZaiChatObservationContext context) {
		return ofNullable(HighCardinalityKeyNames.REQUEST_TEMPERATURE, context.getRequest().temperature());
	}

	/**
	 * Return the {@code gen_ai.request.top_p} key value, or {@code null} when not set.
	 * @param context the observation context
	 * @return the key value
	 */
	protected @Nullable KeyValue topP(ZaiChatObservationContext context) {
		return ofNullable(HighCardinalityKeyNames.REQUEST_TOP_P, context.getRequest().topP());
	}

	/**
	 * Return the {@code gen_ai.request.max_tokens} key value, or {@code null} when not
	 * set.
	 * @param context the observation context
	 * @return the key value
	 */
	protected @Nullable KeyValue maxTokens(ZaiChatObservationContext context) {
		return ofNullable(HighCardinalityKeyNames.REQUEST_MAX_TOKENS, context.getRequest().maxTokens());
	}

	/**
	 * Return the {@code zai.request.attempts} key value.
	 * @param context the observation context
	 * @return the key value
	 */
	protected KeyValue attempts(ZaiChatObservationContext context) {
		return KeyValue.of(HighCardinalityKeyNames.REQUEST_ATTEMPTS, Integer.toString(context.getAttempts()));
	}

	/**
	 * Return the {@code gen_ai.prompt} key value, or {@code null} when the request has no
	 * text; only called when content is included.
	 * @param context the observation context
	 * @return the key value
	 */
	protected @Nullable KeyValue prompt(ZaiChatObservationContext context) {
		ChatRequest request = context.getRequest();
		List<String> messages = new ArrayList<>(request.messages().size());
		for (ChatMessage message : request.messages()) {
			String text = text(message);
			if (text != null) {
				messages.add(message.role().value() + ": " + text);
			}
		}
		return messages.isEmpty() ? null : KeyValue.of(HighCardinalityKeyNames.PROMPT, toJsonArray(messages));
	}

	/**
	 * Return the {@code gen_ai.completion} key value, or {@code null} when the answer has
	 * no text; only called when content is included.
	 * @param context the observation context
	 * @return the key value
	 */
	protected @Nullable KeyValue completion(ZaiChatObservationContext context) {
		ChatCompletion response = context.getResponse();
		String content = (response != null) ? response.content() : "";
		return content.isEmpty() ? null : KeyValue.of(HighCardinalityKeyNames.COMPLETION, content);
	}

	private static @Nullable String text(ChatMessage message) {
		if (message.content() != null) {
			return message.content();
		}
		StringJoiner parts = new StringJoiner("\n");
		parts.setEmptyValue("");
		for (ContentPart part : message.contentParts()) {
			if (part.text() != null) {
				parts.add(part.text());
			}
		}
		String text = parts.toString();
		return text.isEmpty() ? null : text;
	}

	private static String orNone(@Nullable String value) {
		return DefaultZaiObservationConvention.orNone(value);
	}

	private static @Nullable KeyValue ofNullable(HighCardinalityKeyNames key, @Nullable Object value) {
		return (value != null) ? KeyValue.of(key, value.toString()) : null;
	}

	private static String toJsonArray(List<String> values) {
		StringJoiner array = new StringJoiner(",", "[", "]");
		for (String value : values) {
			array.add(toJsonString(value));
		}
		return array.toString();
	}

	private static String toJsonString(String value) {
		StringBuilder json = new StringBuilder(value.length() + 2).append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		return json.append('"').toString();
	}

}
