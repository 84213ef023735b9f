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

import io.github.zaispring.observation.ZaiChatObservationDocumentation.HighCardinalityKeyNames;
import io.github.zaispring.observation.ZaiChatObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

/**
 * The default {@link ZaiObservationConvention}: the same low-cardinality keys as chat
 * calls (so that one dashboard shows every operation), the response and request ids and
 * the attempts.
 *
 * @author zai-spring-boot contributors
 */
public class DefaultZaiObservationConvention implements ZaiObservationConvention {

	@Override
	public String getName() {
		return DefaultZaiChatObservationConvention.NAME;
	}

	/**
	 * Return {@code {operation} {model}}, as the GenAI conventions name spans, or the
	 * operation alone when the request names no model.
	 */
	@Override
	public String getContextualName(ZaiObservationContext context) {
		return contextualName(context);
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ZaiObservationContext context) {
		return lowCardinalityKeyValues(context);
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(ZaiObservationContext context) {
		KeyValue responseId = ofNullable(HighCardinalityKeyNames.RESPONSE_ID, context.getResponseId());
		KeyValue requestId = ofNullable(HighCardinalityKeyNames.REQUEST_ID, context.getRequestId());
		KeyValue attempts = KeyValue.of(HighCardinalityKeyNames.REQUEST_ATTEMPTS,
				Integer.toString(context.getAttempts()));
		KeyValues values = KeyValues.of(attempts);
		if (responseId != null) {
			values = values.and(responseId);
		}
		return (requestId != null) ? values.and(requestId) : values;
	}

	static String contextualName(ZaiObservationContext context) {
		String model = context.getRequestModel();
		return (model != null) ? context.getOperationName() + " " + model : context.getOperationName();
	}

	/**
	 * The low-cardinality keys of every operation, in the order of their keys:
	 * {@code KeyValues} sorts, and a sorted array costs it one pass.
	 */
	static KeyValues lowCardinalityKeyValues(ZaiObservationContext context) {
		Throwable error = context.getError();
		return KeyValues.of(
				KeyValue.of(LowCardinalityKeyNames.ERROR_TYPE,
						(error != null) ? ErrorTypes.of(error) : ErrorTypes.NONE),
				KeyValue.of(LowCardinalityKeyNames.OPERATION_NAME, context.getOperationName()),
				KeyValue.of(LowCardinalityKeyNames.PROVIDER_NAME, DefaultZaiChatObservationConvention.PROVIDER_NAME),
				KeyValue.of(LowCardinalityKeyNames.REQUEST_MODEL, orNone(context.getRequestModel())),
				KeyValue.of(LowCardinalityKeyNames.REQUEST_STREAM, Boolean.toString(context.isStreaming())),
				KeyValue.of(LowCardinalityKeyNames.RESPONSE_CANCELLED, Boolean.toString(context.isCancelled())),
				KeyValue.of(LowCardinalityKeyNames.RESPONSE_MODEL, orNone(context.getResponseModel())),
				KeyValue.of(LowCardinalityKeyNames.SERVER_ADDRESS, orNone(context.getServerAddress())));
	}

	static String orNone(@Nullable String value) {
		return (value != null && !value.isBlank()) ? value : ErrorTypes.NONE;
	}

	private static @Nullable KeyValue ofNullable(HighCardinalityKeyNames key, @Nullable Object value) {
		return (value != null) ? KeyValue.of(key, value.toString()) : null;
	}

}
