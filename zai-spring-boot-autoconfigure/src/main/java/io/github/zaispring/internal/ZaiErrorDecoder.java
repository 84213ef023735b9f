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

package io.github.zaispring.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

import io.github.zaispring.ZaiApiException;
import io.github.zaispring.ZaiAuthenticationException;
import io.github.zaispring.ZaiBadRequestException;
import io.github.zaispring.ZaiContentFilterException;
import io.github.zaispring.ZaiQuotaExceededException;
import io.github.zaispring.ZaiRateLimitException;
import io.github.zaispring.ZaiServerException;
import io.github.zaispring.ZaiStreamException;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ResolvableType;
import org.springframework.core.codec.Decoder;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;

/**
 * Turns an error answer of the Z.AI API (a non-2xx response, or an error event inside a
 * stream) into the matching {@link ZaiApiException} or {@link ZaiStreamException}.
 * <p>
 * The exception class is chosen by the business code first and the HTTP status second,
 * because HTTP 429 covers both "slow down" (1302) and "out of money" (1113). Every body
 * shape the API and its SDKs are known to produce is accepted; a body that is not JSON
 * (an HTML page from a proxy, say) becomes a shortened text message. Decoding never
 * throws.
 *
 * @author zai-spring-boot contributors
 */
public final class ZaiErrorDecoder {

	private static final ResolvableType MAP_TYPE = ResolvableType.forClassWithGenerics(Map.class, String.class,
			Object.class);

	/**
	 * Longest message taken from a body that is not JSON, in characters.
	 */
	static final int MAX_TEXT_LENGTH = 500;

	private final Decoder<?> jsonDecoder;

	private final boolean canDecodeJson;

	private final Clock clock;

	/**
	 * Create a decoder that reads JSON bodies with the given decoder.
	 * @param jsonDecoder the decoder for JSON bodies, typically the Jackson decoder of
	 * the {@code WebClient}'s codecs
	 */
	public ZaiErrorDecoder(Decoder<?> jsonDecoder) {
		this(jsonDecoder, Clock.systemUTC());
	}

	/**
	 * Create a decoder that reads JSON bodies with the given decoder and resolves
	 * {@code Retry-After} dates against the given clock.
	 * @param jsonDecoder the decoder for JSON bodies, typically the Jackson decoder of
	 * the {@code WebClient}'s codecs
	 * @param clock the clock that an HTTP-date {@code Retry-After} is relative to
	 */
	public ZaiErrorDecoder(Decoder<?> jsonDecoder, Clock clock) {
		Assert.notNull(jsonDecoder, "'jsonDecoder' must not be null");
		Assert.notNull(clock, "'clock' must not be null");
		this.jsonDecoder = jsonDecoder;
		this.canDecodeJson = jsonDecoder.canDecode(MAP_TYPE, MediaType.APPLICATION_JSON);
		this.clock = clock;
	}

	/**
	 * Decode an error response into the exception that describes it.
	 * @param statusCode the HTTP status of the response
	 * @param headers the response headers (only {@code Retry-After} is read)
	 * @param body the complete response body, possibly empty
	 * @param requestId the request id the client sent, if any; a {@code request_id} in
	 * the body takes precedence
	 * @return the exception, never {@code null}; its message is never {@code null}
	 */
	public ZaiApiException decode(int statusCode, HttpHeaders headers, byte[] body, @Nullable String requestId) {
		Assert.notNull(headers, "'headers' must not be null");
		Assert.notNull(body, "'body' must not be null");
		ErrorBody error = parse(body);
		String code = error.code();
		String message = (error.message() != null) ? error.message() : describeEmpty(statusCode);
		String id = (error.requestId() != null) ? error.requestId() : requestId;
		Duration retryAfter = retryAfter(headers);
		return switch (ErrorKind.of(statusCode, code)) {
			case AUTHENTICATION -> new ZaiAuthenticationException(statusCode, code, message, id, retryAfter);
			case RATE_LIMIT -> new ZaiRateLimitException(statusCode, code, message, id, retryAfter);
			case QUOTA_EXCEEDED -> new ZaiQuotaExceededException(statusCode, code, message, id, retryAfter);
			case CONTENT_FILTER -> new ZaiContentFilterException(statusCode, code, message, id, retryAfter);
			case BAD_REQUEST -> new ZaiBadRequestException(statusCode, code, message, id, retryAfter);
			case SERVER -> new ZaiServerException(statusCode, code, message, id, retryAfter);
			case OTHER -> new ZaiApiException(statusCode, code, message, id, retryAfter);
		};
	}

	/**
	 * Decode the payload of an error inside an event stream (an {@code event: error} or a
	 * {@code data:} object with an {@code error} key) into a {@link ZaiStreamException}
	 * that carries the business code and the server's message.
	 * @param payload the event's data, possibly empty
	 * @param requestId the request id the client sent, if any; a {@code request_id} in
	 * the payload takes precedence
	 * @return the exception, never {@code null}
	 */
	public ZaiStreamException decodeStreamError(byte[] payload, @Nullable String requestId) {
		Assert.notNull(payload, "'payload' must not be null");
		ErrorBody error = parse(payload);
		StringBuilder message = new StringBuilder("Z.AI stream reported an error");
		if (error.code() != null) {
			message.append(" (code ").append(error.code()).append(')');
		}
		message.append(": ").append((error.message() != null) ? error.message() : "no details");
		String id = (error.requestId() != null) ? error.requestId() : requestId;
		return new ZaiStreamException(message.toString(), error.code(), id, null);
	}

	private ErrorBody parse(byte[] body) {
		if (isBlank(body)) {
			return ErrorBody.EMPTY;
		}
		Map<?, ?> json = decodeJsonObject(body);
		if (json == null) {
			return new ErrorBody(null, text(body), null);
		}
		Object error = json.get("error");
		Object code = null;
		Object message = null;
		Object requestId = json.get("request_id");
		if (error instanceof Map<?, ?> nested) {
			// {"error":{"code":"1214","message":"…"}}, also inside Anthropic's envelope
			code = nested.get("code");
			message = nested.get("message");
			if (requestId == null) {
				requestId = nested.get("request_id");
			}
		}
		else if (error instanceof String text) {
			// {"error":"text","code":…}
			message = text;
		}
		if (code == null) {
			code = json.get("code");
		}
		if (message == null || message.toString().isBlank()) {
			message = (json.get("msg") != null) ? json.get("msg") : json.get("message");
		}
		String messageText = nonBlank(message);
		return new ErrorBody(normalizeCode(code), (messageText != null) ? messageText : text(body),
				nonBlank(requestId));
	}

	private @Nullable Map<?, ?> decodeJsonObject(byte[] body) {
		if (!this.canDecodeJson || !startsWithBrace(body)) {
			return null;
		}
		try {
			Object decoded = this.jsonDecoder.decode(DefaultDataBufferFactory.sharedInstance.wrap(body), MAP_TYPE,
					MediaType.APPLICATION_JSON, null);
			return (decoded instanceof Map<?, ?> map) ? map : null;
		}
		catch (RuntimeException ex) {
			// Malformed JSON is reported as text: the decoder must never throw
			return null;
		}
	}

	private @Nullable Duration retryAfter(HttpHeaders headers) {
		String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
		if (value == null || value.isBlank()) {
			return null;
		}
		value = value.trim();
		if (isDigits(value)) {
			// More digits than a long holds are not a wait anyone means
			return (value.length() <= 18) ? Duration.ofSeconds(Long.parseLong(value)) : null;
		}
		try {
			ZonedDateTime date = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
			Duration wait = Duration.between(this.clock.instant(), date.toInstant());
			// A date in the past means "retry now"
			return wait.isNegative() ? Duration.ZERO : wait;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static String describeEmpty(int statusCode) {
		HttpStatus status = HttpStatus.resolve(statusCode);
		String reason = (status != null) ? " " + status.getReasonPhrase() : "";
		return "HTTP " + statusCode + reason + " with no body";
	}

	private static @Nullable String normalizeCode(@Nullable Object code) {
		if (code instanceof Number number) {
			double value = number.doubleValue();
			if (value == Math.rint(value) && !Double.isInfinite(value)) {
				return Long.toString(number.longValue());
			}
			return number.toString();
		}
		return nonBlank(code);
	}

	private static @Nullable String nonBlank(@Nullable Object value) {
		if (value == null || value instanceof Map || value instanceof Iterable) {
			return null;
		}
		String text = value.toString().trim();
		return text.isEmpty() ? null : text;
	}

	/**
	 * Return the body as one shortened line of text, with whitespace runs collapsed and
	 * bearer tokens masked: a proxy's error page may echo the request's headers.
	 */
	private static @Nullable String text(byte[] body) {
		// Four bytes per character at most, so this never cuts text that would be kept
		int length = Math.min(body.length, MAX_TEXT_LENGTH * 4);
		String raw = new String(body, 0, length, StandardCharsets.UTF_8);
		StringBuilder text = new StringBuilder(Math.min(raw.length(), MAX_TEXT_LENGTH + 1));
		boolean space = false;
		for (int i = 0; i < raw.length() && text.length() <= MAX_TEXT_LENGTH; i++) {
			char c = raw.charAt(i);
			if (Character.isWhitespace(c) || Character.isISOControl(c)) {
				space = text.length() > 0;
			}
			else {
				if (space) {
					text.append(' ');
					space = false;
				}
				text.append(c);
			}
		}
		String masked = maskBearerTokens(text);
		if (masked.length() > MAX_TEXT_LENGTH) {
			return masked.substring(0, MAX_TEXT_LENGTH) + "…";
		}
		return masked.isEmpty() ? null : masked;
	}

	private static String maskBearerTokens(StringBuilder text) {
		int from = 0;
		while (true) {
			int start = indexOfIgnoreCase(text, "bearer ", from);
			if (start < 0) {
				return text.toString();
			}
			int tokenStart = start + "bearer ".length();
			int tokenEnd = tokenStart;
			while (tokenEnd < text.length() && isTokenChar(text.charAt(tokenEnd))) {
				tokenEnd++;
			}
			text.replace(tokenStart, tokenEnd, "***");
			from = tokenStart + 3;
		}
	}

	private static int indexOfIgnoreCase(CharSequence text, String lowerCaseNeedle, int from) {
		outer: for (int i = from; i <= text.length() - lowerCaseNeedle.length(); i++) {
			for (int j = 0; j < lowerCaseNeedle.length(); j++) {
				if (Character.toLowerCase(text.charAt(i + j)) != lowerCaseNeedle.charAt(j)) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	private static boolean isTokenChar(char c) {
		return c != ' ' && c != '"' && c != '\'' && c != '<' && c != ',' && c != ';';
	}

	private static boolean isBlank(byte[] body) {
		for (byte b : body) {
			if (!isJsonWhitespace(b)) {
				return false;
			}
		}
		return true;
	}

	private static boolean startsWithBrace(byte[] body) {
		for (byte b : body) {
			if (!isJsonWhitespace(b)) {
				return b == '{';
			}
		}
		return false;
	}

	private static boolean isJsonWhitespace(byte b) {
		return b == ' ' || b == '\t' || b == '\n' || b == '\r';
	}

	static boolean isDigits(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	private record ErrorBody(@Nullable String code, @Nullable String message, @Nullable String requestId) {

		static final ErrorBody EMPTY = new ErrorBody(null, null, null);

	}

}
