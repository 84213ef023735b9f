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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.github.zaispring.ZaiApiException;
import io.github.zaispring.ZaiAuthenticationException;
import io.github.zaispring.ZaiBadRequestException;
import io.github.zaispring.ZaiContentFilterException;
import io.github.zaispring.ZaiQuotaExceededException;
import io.github.zaispring.ZaiRateLimitException;
import io.github.zaispring.ZaiServerException;
import io.github.zaispring.ZaiStreamException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.core.ResolvableType;
import org.springframework.core.codec.StringDecoder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.codec.json.JacksonJsonDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ZaiErrorDecoder}.
 *
 * @author zai-spring-boot contributors
 */
class ZaiErrorDecoderTests {

	private static final Instant NOW = Instant.parse("2026-03-13T05:02:47Z");

	private final ZaiErrorDecoder decoder = new ZaiErrorDecoder(new JacksonJsonDecoder(),
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void documentedNestedBodyGivesCodeMessageStatusAndRequestId() {
		ZaiApiException ex = decode(401,
				"{\"error\":{\"code\":\"1002\",\"message\":\"Authorization Token is invalid, please ensure that the Authorization Token is correctly provided.\"}}",
				"req-1");
		assertThat(ex).isInstanceOf(ZaiAuthenticationException.class);
		assertThat(ex.getStatusCode()).isEqualTo(401);
		assertThat(ex.getErrorCode()).isEqualTo("1002");
		assertThat(ex.getErrorMessage()).startsWith("Authorization Token is invalid");
		assertThat(ex.getRequestId()).isEqualTo("req-1");
		assertThat(ex.getRetryAfter()).isNull();
		assertThat(ex.getMessage()).contains("HTTP 401", "code 1002", "request id req-1");
	}

	@Test
	void numericCodeIsNormalisedToAString() {
		ZaiApiException ex = decode(400, "{\"error\":{\"code\":1214,\"message\":\"Input cannot be empty\"}}", null);
		assertThat(ex).isInstanceOf(ZaiBadRequestException.class);
		assertThat(ex.getErrorCode()).isEqualTo("1214");
		assertThat(ex.getErrorMessage()).isEqualTo("Input cannot be empty");
	}

	@Test
	void errorTextWithTopLevelCodeIsRead() {
		ZaiApiException ex = decode(429, "{\"error\":\"Rate limit reached for requests\",\"code\":1302}", null);
		assertThat(ex).isInstanceOf(ZaiRateLimitException.class);
		assertThat(ex.getErrorCode()).isEqualTo("1302");
		assertThat(ex.getErrorMessage()).isEqualTo("Rate limit reached for requests");
	}

	@Test
	void msgAndCodeBodyIsRead() {
		ZaiApiException ex = decode(400, "{\"msg\":\"Model does not exist\",\"code\":\"1211\",\"success\":false}",
				null);
		assertThat(ex).isInstanceOf(ZaiBadRequestException.class);
		assertThat(ex.getErrorCode()).isEqualTo("1211");
		assertThat(ex.getErrorMessage()).isEqualTo("Model does not exist");
	}

	@Test
	void topLevelMessageAndCodeBodyIsRead() {
		ZaiApiException ex = decode(500, "{\"code\":1234,\"message\":\"Network error, error id: abc\"}", null);
		assertThat(ex).isInstanceOf(ZaiServerException.class);
		assertThat(ex.getErrorCode()).isEqualTo("1234");
		assertThat(ex.getErrorMessage()).isEqualTo("Network error, error id: abc");
	}

	@Test
	void messageBeforeCodeBodyIsRead() {
		ZaiApiException ex = decode(400, "{\"message\":\"API call blocked by policy\",\"code\":\"1300\"}", null);
		assertThat(ex).isInstanceOf(ZaiContentFilterException.class);
		assertThat(ex.getErrorCode()).isEqualTo("1300");
		assertThat(ex.getErrorMessage()).isEqualTo("API call blocked by policy");
	}

	@Test
	void anthropicStyleEnvelopeIsRead() {
		ZaiApiException ex = decode(429,
				"{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"code\":\"1113\",\"message\":\"Insufficient balance or no resource package. Please recharge.\"}}",
				null);
		assertThat(ex).isInstanceOf(ZaiQuotaExceededException.class);
		assertThat(ex.getErrorCode()).isEqualTo("1113");
		assertThat(ex.getErrorMessage()).isEqualTo("Insufficient balance or no resource package. Please recharge.");
	}

	@Test
	void requestIdInTheBodyWinsOverTheOneSent() {
		ZaiApiException ex = decode(500,
				"{\"error\":{\"code\":\"500\",\"message\":\"Internal Error\"},\"request_id\":\"server-id\"}",
				"sent-id");
		assertThat(ex.getRequestId()).isEqualTo("server-id");
	}

	@Test
	void emptyBodyGetsADescriptiveMessage() {
		ZaiApiException ex = decode(502, "", "req-2");
		assertThat(ex).isInstanceOf(ZaiServerException.class);
		assertThat(ex.getErrorCode()).isNull();
		assertThat(ex.getErrorMessage()).isEqualTo("HTTP 502 Bad Gateway with no body");
		assertThat(ex.getRequestId()).isEqualTo("req-2");
	}

	@Test
	void blankBodyOfAnUnknownStatusGetsADescriptiveMessage() {
		ZaiApiException ex = decode(599, " \r\n ", null);
		assertThat(ex).isInstanceOf(ZaiServerException.class);
		assertThat(ex.getErrorMessage()).isEqualTo("HTTP 599 with no body");
	}

	@Test
	void htmlBodyBecomesAShortenedSingleLineMessage() {
		String html = "<html>\r\n<head><title>502 Bad Gateway</title></head>\n<body>\n" + "x".repeat(2000)
				+ "</body></html>";
		ZaiApiException ex = decode(502, html, null);
		assertThat(ex).isInstanceOf(ZaiServerException.class);
		assertThat(ex.getErrorCode()).isNull();
		assertThat(ex.getErrorMessage()).startsWith("<html> <head><title>502 Bad Gateway</title></head> <body> xxx")
			.endsWith("…")
			.hasSize(ZaiErrorDecoder.MAX_TEXT_LENGTH + 1);
	}

	@Test
	void textBodyHidesBearerTokens() {
		ZaiApiException ex = decode(403, "Forbidden. Authorization: Bearer abc123.secretKey was rejected", null);
		assertThat(ex).isInstanceOf(ZaiAuthenticationException.class);
		assertThat(ex.getErrorMessage()).isEqualTo("Forbidden. Authorization: Bearer *** was rejected");
		assertThat(ex.getMessage()).doesNotContain("secretKey");
	}

	@Test
	void malformedJsonBecomesTextMessage() {
		ZaiApiException ex = decode(500, "{\"error\": {\"code\": \"1200\", ", null);
		assertThat(ex).isInstanceOf(ZaiServerException.class);
		assertThat(ex.getErrorCode()).isNull();
		assertThat(ex.getErrorMessage()).isEqualTo("{\"error\": {\"code\": \"1200\",");
	}

	@Test
	void jsonWithoutMessageUsesTheBodyAsMessage() {
		ZaiApiException ex = decode(400, "{\"code\":\"1210\"}", null);
		assertThat(ex).isInstanceOf(ZaiBadRequestException.class);
		assertThat(ex.getErrorCode()).isEqualTo("1210");
		assertThat(ex.getErrorMessage()).isEqualTo("{\"code\":\"1210\"}");
	}

	@Test
	void jsonArrayBodyBecomesTextMessage() {
		ZaiApiException ex = decode(400, "[1,2]", null);
		assertThat(ex).isInstanceOf(ZaiBadRequestException.class);
		assertThat(ex.getErrorMessage()).isEqualTo("[1,2]");
	}

	@Test
	void decoderThatCannotReadMapsFallsBackToText() {
		ZaiErrorDecoder textOnly = new ZaiErrorDecoder(StringDecoder.allMimeTypes());
		assertThat(StringDecoder.allMimeTypes()
			.canDecode(ResolvableType.forClassWithGenerics(java.util.Map.class, String.class, Object.class), null))
			.isFalse();
		ZaiApiException ex = textOnly.decode(429, new HttpHeaders(),
				"{\"error\":{\"code\":\"1113\",\"message\":\"m\"}}".getBytes(StandardCharsets.UTF_8), null);
		assertThat(ex).isInstanceOf(ZaiRateLimitException.class);
		assertThat(ex.getErrorCode()).isNull();
		assertThat(ex.getErrorMessage()).isEqualTo("{\"error\":{\"code\":\"1113\",\"message\":\"m\"}}");
	}

	/**
	 * Business code first, HTTP status second. An unknown code, or none, falls back to
	 * the status: 401 and 403 are authentication, 429 is (transient) rate limiting, any
	 * other 4xx (including 418) is a bad request, 5xx is a server error, anything else
	 * the base class.
	 */
	@ParameterizedTest(name = "HTTP {0} with code {1} is a {2}")
	@CsvSource(nullValues = "none", textBlock = """
			429, 1302, ZaiRateLimitException
			429, 1303, ZaiRateLimitException
			503, 1305, ZaiRateLimitException
			429, 1305, ZaiRateLimitException
			429, 1312, ZaiRateLimitException
			429, 1113, ZaiQuotaExceededException
			429, 1304, ZaiQuotaExceededException
			429, 1308, ZaiQuotaExceededException
			429, 1309, ZaiQuotaExceededException
			429, 1310, ZaiQuotaExceededException
			429, 1311, ZaiQuotaExceededException
			429, 1313, ZaiQuotaExceededException
			429, 1314, ZaiQuotaExceededException
			429, 1321, ZaiQuotaExceededException
			400, 1100, ZaiQuotaExceededException
			403, 1110, ZaiQuotaExceededException
			403, 1111, ZaiQuotaExceededException
			429, 1112, ZaiQuotaExceededException
			500, 1120, ZaiQuotaExceededException
			429, 1121, ZaiQuotaExceededException
			401, 1000, ZaiAuthenticationException
			401, 1001, ZaiAuthenticationException
			401, 1002, ZaiAuthenticationException
			401, 1003, ZaiAuthenticationException
			401, 1004, ZaiAuthenticationException
			401, 1005, ZaiAuthenticationException
			400, 1005, ZaiAuthenticationException
			400, 1300, ZaiContentFilterException
			400, 1301, ZaiContentFilterException
			200, 1301, ZaiContentFilterException
			400, 1210, ZaiBadRequestException
			400, 1211, ZaiBadRequestException
			400, 1214, ZaiBadRequestException
			403, 1220, ZaiBadRequestException
			400, 1222, ZaiBadRequestException
			400, 1231, ZaiBadRequestException
			400, 1261, ZaiBadRequestException
			500, 1214, ZaiBadRequestException
			500, 500, ZaiServerException
			500, 1200, ZaiServerException
			500, 1230, ZaiServerException
			500, 1234, ZaiServerException
			400, 1234, ZaiServerException
			401, none, ZaiAuthenticationException
			403, none, ZaiAuthenticationException
			403, 9999, ZaiAuthenticationException
			429, none, ZaiRateLimitException
			429, 1399, ZaiRateLimitException
			400, none, ZaiBadRequestException
			404, none, ZaiBadRequestException
			413, none, ZaiBadRequestException
			418, none, ZaiBadRequestException
			422, abc, ZaiBadRequestException
			434, none, ZaiBadRequestException
			500, none, ZaiServerException
			502, none, ZaiServerException
			503, none, ZaiServerException
			504, 1999, ZaiServerException
			302, none, ZaiApiException
			200, none, ZaiApiException
			""")
	void classifiesByBusinessCodeFirstAndStatusSecond(int status, String code, String exceptionType) {
		String body = (code != null) ? "{\"error\":{\"code\":\"" + code + "\",\"message\":\"m\"}}" : "";
		ZaiApiException ex = decode(status, body, null);
		assertThat(ex.getClass().getSimpleName()).isEqualTo(exceptionType);
		assertThat(ex.getStatusCode()).isEqualTo(status);
		assertThat(ex.getErrorCode()).isEqualTo(code);
	}

	@Test
	void retryAfterInSecondsIsRead() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, " 2 ");
		ZaiApiException ex = this.decoder.decode(429, headers,
				bytes("{\"error\":{\"code\":\"1302\",\"message\":\"m\"}}"), null);
		assertThat(ex).isInstanceOf(ZaiRateLimitException.class);
		assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void retryAfterAsHttpDateIsRelativeToTheClock() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "Fri, 13 Mar 2026 05:03:17 GMT");
		ZaiApiException ex = this.decoder.decode(503, headers, new byte[0], null);
		assertThat(ex).isInstanceOf(ZaiServerException.class);
		assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void retryAfterInThePastMeansRetryNow() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "Fri, 13 Mar 2026 05:00:00 GMT");
		assertThat(this.decoder.decode(429, headers, new byte[0], null).getRetryAfter()).isEqualTo(Duration.ZERO);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			-1
			1.5
			soon
			99999999999999999999999
			Friday, 13-Mar-26 05:03:17 GMT
			""")
	void invalidRetryAfterIsIgnored(String value) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, value);
		assertThat(this.decoder.decode(429, headers, new byte[0], null).getRetryAfter()).isNull();
	}

	@Test
	void streamErrorCarriesCodeAndMessage() {
		ZaiStreamException ex = this.decoder.decodeStreamError(
				bytes("{\"error\":{\"code\":\"1301\",\"message\":\"System detected potentially unsafe content\"}}"),
				"req-3");
		assertThat(ex.getErrorCode()).isEqualTo("1301");
		assertThat(ex.getMessage()).contains("System detected potentially unsafe content").contains("1301");
		assertThat(ex.getRequestId()).isEqualTo("req-3");
		assertThat(ex.getStatusCode()).isEqualTo(200);
	}

	@Test
	void streamErrorThatIsNotJsonKeepsItsText() {
		ZaiStreamException ex = this.decoder.decodeStreamError(bytes("upstream model crashed"), null);
		assertThat(ex.getErrorCode()).isNull();
		assertThat(ex.getMessage()).contains("upstream model crashed");
	}

	@Test
	void emptyStreamErrorSaysSo() {
		ZaiStreamException ex = this.decoder.decodeStreamError(new byte[0], null);
		assertThat(ex.getMessage()).isEqualTo("Z.AI stream reported an error: no details");
	}

	@Test
	void everyShapeDecodesWithoutThrowing() {
		for (String body : List.of("null", "{}", "{\"error\":null}", "{\"error\":[1]}", "{\"error\":{\"code\":[]}}",
				"{\"code\":12.5,\"message\":{}}", "\u0000\u0001", "{\"error\":{\"code\":1e3}}")) {
			ZaiApiException ex = decode(500, body, null);
			assertThat(ex.getErrorMessage()).as(body).isNotNull();
		}
		assertThat(decode(500, "{\"error\":{\"code\":1e3}}", null).getErrorCode()).isEqualTo("1000");
	}

	private ZaiApiException decode(int status, String body, String requestId) {
		return this.decoder.decode(status, new HttpHeaders(), bytes(body), requestId);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
