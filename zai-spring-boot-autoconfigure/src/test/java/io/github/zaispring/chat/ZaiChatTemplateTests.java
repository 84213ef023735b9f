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

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.zaispring.ZaiApiException;
import io.github.zaispring.ZaiAuthenticationException;
import io.github.zaispring.ZaiBadRequestException;
import io.github.resilience4j.retry.Retry;
import io.github.zaispring.ZaiConnectionException;
import io.github.zaispring.ZaiContentFilterException;
import io.github.zaispring.ZaiException;
import io.github.zaispring.ZaiQuotaExceededException;
import io.github.zaispring.ZaiRateLimitException;
import io.github.zaispring.ZaiServerException;
import io.github.zaispring.ZaiStreamException;
import io.github.zaispring.ZaiTimeoutException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * HTTP tests of {@link ZaiChatTemplate} against a server on 127.0.0.1, with fixtures
 * built from recorded Z.AI traffic.
 *
 * @author zai-spring-boot contributors
 */
class ZaiChatTemplateTests {

	private static final String KEY = "key-id.very-secret-key-value";

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	private MockWebServer server;

	private ZaiChatTemplate template;

	@BeforeEach
	void start() throws IOException {
		this.server = new MockWebServer();
		this.server.start(InetAddress.getLoopbackAddress(), 0);
		this.template = templateBuilder().build();
	}

	@AfterEach
	void stop() {
		this.template.close();
		this.server.close();
	}

	/**
	 * A template that sends every request once: retries have tests of their own.
	 */
	private ZaiChatTemplate.Builder templateBuilder() {
		return ZaiChatTemplate.builder()
			.apiKey(KEY)
			.baseUrl(this.server.url("/api/paas/v4").toString())
			.retry((Retry) null);
	}

	@Test
	void chatDecodesTheRecordedReply() throws Exception {
		this.server.enqueue(json(200, fixture("chat/simple.json")));
		ChatCompletion completion = this.template.chat(ChatRequest.builder().model("glm-4.5").user("Say hi").build())
			.block(WAIT);
		assertThat(completion.id()).isEqualTo("2025111117561942405e9f6eb547c7");
		assertThat(completion.requestId()).isEqualTo("2025111117561942405e9f6eb547c7");
		assertThat(completion.created()).isEqualTo(1762854981L);
		assertThat(completion.model()).isEqualTo("glm-4.5");
		assertThat(completion.content()).isEqualTo("Olá!");
		assertThat(completion.reasoningContent()).startsWith("\nThe user is asking me to say \"hi\" in Portuguese.");
		assertThat(completion.finishReason()).isEqualTo(FinishReason.STOP);
		assertThat(completion.usage().promptTokens()).isEqualTo(16);
		assertThat(completion.usage().completionTokens()).isEqualTo(72);
		assertThat(completion.usage().totalTokens()).isEqualTo(88);
		assertThat(completion.usage().cachedTokens()).isEqualTo(7);
		RecordedRequest request = take();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getUrl().encodedPath()).isEqualTo("/api/paas/v4/chat/completions");
		assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
		assertThat(request.getHeaders().values("Accept")).containsExactly("application/json");
		JsonNode body = this.jsonMapper.readTree(request.getBody().utf8());
		assertThat(body.get("model").asString()).isEqualTo("glm-4.5");
		assertThat(body.get("messages").get(0).get("role").asString()).isEqualTo("user");
		assertThat(body.get("messages").get(0).get("content").asString()).isEqualTo("Say hi");
		assertThat(body.has("stream")).as("stream is not sent on a plain call").isFalse();
		assertThat(body.has("temperature")).as("unset fields are not sent").isFalse();
	}

	@Test
	void chatFailsClearlyOnABodyThatIsNotACompletion() {
		this.server.enqueue(json(200, "{\"id\":\"x\",\"choices\":[{\"index\":"));
		assertThatExceptionOfType(ZaiException.class).isThrownBy(
				() -> this.template.chat(ChatRequest.builder().user("a").requestId("req-000007").build()).block(WAIT))
			.withMessageStartingWith("Z.AI sent a response that is not a valid chat completion: ")
			.satisfies((ex) -> {
				assertThat(ex.getRequestId()).isEqualTo("req-000007");
				assertThat(ex.getStatusCode()).isZero();
			});
		assertThat(this.server.getRequestCount()).isOne();
	}

	@Test
	void chatDecodesARecordedToolCall() throws Exception {
		this.server.enqueue(json(200, fixture("chat/tool-call.json")));
		ChatCompletion completion = this.template.chat(ChatRequest.builder().user("Weather in Florence?").build())
			.block(WAIT);
		assertThat(completion.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
		assertThat(completion.toolCalls()).singleElement().satisfies((call) -> {
			assertThat(call.id()).isEqualTo("call_-7807249954186984837");
			assertThat(call.function().name()).isEqualTo("weather");
			assertThat(call.function().arguments()).isEqualTo("{\"location\":\"Florence,Italy\"}");
		});
		assertThat(completion.usage().reasoningTokens()).isEqualTo(62);
	}

	@Test
	void appliesConfiguredDefaultsAndLetsTheRequestWin() throws Exception {
		try (ZaiChatTemplate withDefaults = templateBuilder().defaultModel("glm-4.7")
			.defaultTemperature(0.2)
			.defaultTopP(0.7)
			.defaultMaxTokens(256)
			.defaultThinking(Thinking.disabled())
			.build()) {
			this.server.enqueue(json(200, fixture("chat/simple.json")));
			this.server.enqueue(json(200, fixture("chat/simple.json")));
			withDefaults.chat(ChatRequest.builder().user("a").build()).block(WAIT);
			withDefaults
				.chat(ChatRequest.builder()
					.model("glm-4.5")
					.temperature(0.9)
					.topP(0.5)
					.maxTokens(64)
					.thinking(Thinking.enabled())
					.user("b")
					.build())
				.block(WAIT);
			JsonNode defaulted = this.jsonMapper.readTree(take().getBody().utf8());
			assertThat(defaulted.get("model").asString()).isEqualTo("glm-4.7");
			assertThat(defaulted.get("temperature").asDouble()).isEqualTo(0.2);
			assertThat(defaulted.get("top_p").asDouble()).isEqualTo(0.7);
			assertThat(defaulted.get("max_tokens").asInt()).isEqualTo(256);
			assertThat(defaulted.get("thinking").get("type").asString()).isEqualTo("disabled");
			JsonNode overridden = this.jsonMapper.readTree(take().getBody().utf8());
			assertThat(overridden.get("model").asString()).isEqualTo("glm-4.5");
			assertThat(overridden.get("temperature").asDouble()).isEqualTo(0.9);
			assertThat(overridden.get("top_p").asDouble()).isEqualTo(0.5);
			assertThat(overridden.get("max_tokens").asInt()).isEqualTo(64);
			assertThat(overridden.get("thinking").get("type").asString()).isEqualTo("enabled");
		}
	}

	@Test
	void chatTextReturnsTheReplyWithTheDefaultModel() throws Exception {
		this.server.enqueue(json(200, fixture("chat/simple.json")));
		assertThat(this.template.chat("Say hi").block(WAIT)).isEqualTo("Olá!");
		JsonNode body = this.jsonMapper.readTree(take().getBody().utf8());
		assertThat(body.get("model").asString()).isEqualTo("glm-4.6");
	}

	@Test
	void chatTextFailsWhenTheReplyWasFiltered() throws Exception {
		this.server.enqueue(json(200,
				fixture("chat/simple.json").replace("\"finish_reason\":\"stop\"", "\"finish_reason\":\"sensitive\"")));
		StepVerifier.create(this.template.chat("hi"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ZaiContentFilterException.class)
				.hasMessageContaining("sensitive"))
			.verify(WAIT);
	}

	@Test
	void chatTextFailsWhenTheReplyHadANetworkError() throws Exception {
		this.server.enqueue(json(200, fixture("chat/simple.json").replace("\"finish_reason\":\"stop\"",
				"\"finish_reason\":\"network_error\"")));
		StepVerifier.create(this.template.chat("hi"))
			.expectErrorSatisfies(
					(ex) -> assertThat(ex).isInstanceOf(ZaiStreamException.class).hasMessageContaining("network_error"))
			.verify(WAIT);
	}

	@Test
	void streamSendsStreamTrueAndDecodesReasoningThenContent() throws Exception {
		this.server.enqueue(sse(fixture("stream/reasoning-then-content.sse")));
		List<ChatCompletionChunk> chunks = this.template.stream(ChatRequest.builder().user("Say hi").build())
			.collectList()
			.block(WAIT);
		ChatCompletion folded = ChatCompletion.fromChunks(chunks);
		ChatCompletion expected = ChatCompletion.fromChunks(parseFixture("stream/reasoning-then-content.sse"));
		assertThat(chunks).hasSize(parseFixture("stream/reasoning-then-content.sse").size());
		assertThat(folded.content()).isEqualTo(expected.content()).isNotEmpty();
		assertThat(folded.reasoningContent()).isEqualTo(expected.reasoningContent()).startsWith("\nThe person");
		assertThat(folded.finishReason()).isEqualTo(FinishReason.STOP);
		assertThat(chunks.get(chunks.size() - 1).usage().totalTokens()).isEqualTo(161);
		assertThat(folded.usage().cachedTokens()).isEqualTo(6);
		RecordedRequest request = take();
		assertThat(request.getHeaders().get("Accept")).isEqualTo("text/event-stream");
		assertThat(this.jsonMapper.readTree(request.getBody().utf8()).get("stream").asBoolean()).isTrue();
	}

	@Test
	void streamDecodesAToolCallInOneDelta() throws Exception {
		this.server.enqueue(sse(fixture("stream/tool-call.sse")));
		ChatCompletion folded = ChatCompletion
			.fromChunks(this.template.stream(ChatRequest.builder().user("weather").build()).collectList().block(WAIT));
		assertThat(folded.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
		assertThat(folded.toolCalls()).singleElement().satisfies((call) -> {
			assertThat(call.id()).isEqualTo("call_6bc2e48a34f34e80995b40d2");
			assertThat(call.function().name()).isEqualTo("weather");
			assertThat(call.function().arguments()).isEqualTo("{\"location\":\"Florence,Italy\"}");
		});
		assertThat(folded.usage().promptTokens()).isEqualTo(179);
	}

	@Test
	void streamDecodesParallelToolCalls() throws Exception {
		this.server.enqueue(sse(fixture("stream/parallel-tool-calls.sse")));
		ChatCompletion folded = ChatCompletion
			.fromChunks(this.template.stream(ChatRequest.builder().user("math").build()).collectList().block(WAIT));
		assertThat(folded.toolCalls()).extracting((call) -> call.function().name()).containsExactly("add", "multiply");
		assertThat(folded.toolCalls()).extracting((call) -> call.function().arguments())
			.containsExactly("{\"a\":2,\"b\":3}", "{\"a\":2,\"b\":3}");
	}

	@Test
	void streamMergesToolStreamArgumentPieces() throws Exception {
		this.server.enqueue(sse(fixture("stream/tool-stream.sse")));
		ChatCompletion folded = ChatCompletion
			.fromChunks(this.template.stream(ChatRequest.builder().user("write").toolStream(true).build())
				.collectList()
				.block(WAIT));
		ChatCompletion expected = ChatCompletion.fromChunks(parseFixture("stream/tool-stream.sse"));
		assertThat(folded.toolCalls()).isEqualTo(expected.toolCalls()).isNotEmpty();
		assertThat(folded.toolCalls().get(0).function().name()).isEqualTo("write_file");
		this.jsonMapper.readTree(folded.toolCalls().get(0).function().arguments());
		assertThat(this.jsonMapper.readTree(take().getBody().utf8()).get("tool_stream").asBoolean()).isTrue();
	}

	@Test
	void streamEmitsEachChunkAsItArrives() throws Exception {
		CountDownLatch firstChunkSeen = new CountDownLatch(1);
		String first = "data: {\"id\":\"1\",\"created\":1,\"model\":\"glm-4.6\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hel\"}}]}\n\n";
		String rest = "data: {\"id\":\"1\",\"created\":1,\"model\":\"glm-4.6\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"delta\":{\"role\":\"assistant\",\"content\":\"lo\"}}],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2,\"total_tokens\":3}}\n\ndata: [DONE]\n\n";
		this.server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream;charset=UTF-8")
			.body(new GatedBody(first, rest, firstChunkSeen))
			.removeHeader("Content-Length")
			.addHeader("Transfer-Encoding", "chunked")
			.build());
		// the server holds the rest back until the client has seen the first chunk: a
		// client that buffered the body would never see it and time out
		StepVerifier.create(this.template.streamText("hi"))
			.expectNext("Hel")
			.then(firstChunkSeen::countDown)
			.expectNext("lo")
			.verifyComplete();
	}

	@Test
	void streamsGiveTheirConnectionBackToThePoolAfterDone() throws Exception {
		// Z.AI ends a stream with data: [DONE] and then the end of the chunked body; a
		// client that cancels at [DONE] closes the connection, and the next call pays
		// for a new one (over TLS, a handshake)
		for (int i = 0; i < 3; i++) {
			this.server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream;charset=UTF-8")
				.chunkedBody(fixture("stream/reasoning-then-content.sse"), 64)
				.build());
		}
		for (int i = 0; i < 3; i++) {
			assertThat(this.template.streamText("hi").collectList().block(WAIT)).isNotEmpty();
			// the pool takes the connection back on its event loop just after the body
			// ended, which can be a moment after the stream completed
			Thread.sleep(100);
		}
		List<RecordedRequest> requests = List.of(take(), take(), take());
		assertThat(requests).extracting(RecordedRequest::getConnectionIndex).containsOnly(0);
		assertThat(requests).extracting(RecordedRequest::getExchangeIndex).containsExactly(0, 1, 2);
	}

	@Test
	void streamTextEmitsOnlyContentDeltas() throws Exception {
		this.server.enqueue(sse(fixture("stream/reasoning-then-content.sse")));
		List<String> deltas = this.template.streamText("hi").collectList().block(WAIT);
		assertThat(deltas).isNotEmpty().allSatisfy((delta) -> assertThat(delta).isNotEmpty());
		assertThat(String.join("", deltas))
			.isEqualTo(ChatCompletion.fromChunks(parseFixture("stream/reasoning-then-content.sse")).content());
	}

	@Test
	void streamTextFailsAfterTheTextWhenTheReplyIsFiltered() throws Exception {
		this.server.enqueue(
				sse("""
						data: {"id":"1","created":1,"model":"glm-4.6","choices":[{"index":0,"delta":{"role":"assistant","content":"Once"}}]}

						data: {"id":"1","created":1,"model":"glm-4.6","choices":[{"index":0,"finish_reason":"sensitive","delta":{"role":"assistant","content":""}}]}

						data: [DONE]

						"""));
		StepVerifier.create(this.template.streamText("hi"))
			.expectNext("Once")
			.expectError(ZaiContentFilterException.class)
			.verify(WAIT);
	}

	@Test
	void streamFailsWhenTheBodyEndsBeforeDone() throws Exception {
		this.server.enqueue(
				sse("""
						data: {"id":"1","created":1,"model":"glm-4.6","choices":[{"index":0,"delta":{"role":"assistant","content":"Once"}}]}

						"""));
		StepVerifier.create(this.template.streamText("hi"))
			.expectNext("Once")
			.expectErrorSatisfies(
					(ex) -> assertThat(ex).isInstanceOf(ZaiStreamException.class).hasMessageContaining("[DONE]"))
			.verify(WAIT);
	}

	@Test
	void streamFailsOnAMalformedChunk() throws Exception {
		this.server.enqueue(sse("""
				data: {"id":"1","created":1,"model":"glm-4.6","choices":[{"index":0,"delta":{"content":"Once"}}]}

				data: {"id":"1","choices":[{"index":0,"delta":

				data: [DONE]

				"""));
		StepVerifier.create(this.template.streamText("hi"))
			.expectNext("Once")
			.expectError(ZaiStreamException.class)
			.verify(WAIT);
	}

	@Test
	void authenticationErrorCarriesStatusCodeAndMessage() {
		this.server.enqueue(json(401,
				"""
						{"error":{"code":"1002","message":"Authorization Token is invalid, please ensure that the Authorization Token is correctly provided."}}"""));
		ZaiAuthenticationException ex = expectError(ZaiAuthenticationException.class);
		assertThat(ex.getStatusCode()).isEqualTo(401);
		assertThat(ex.getErrorCode()).isEqualTo("1002");
		assertThat(ex.getErrorMessage()).startsWith("Authorization Token is invalid");
		assertThat(ex.getMessage()).contains("1002").contains("401").doesNotContain(KEY);
	}

	@Test
	void parameterErrorIsABadRequest() {
		this.server.enqueue(json(400, "{\"error\":{\"code\":\"1214\",\"message\":\"Input cannot be empty\"}}"));
		ZaiBadRequestException ex = expectError(ZaiBadRequestException.class);
		assertThat(ex.getStatusCode()).isEqualTo(400);
		assertThat(ex.getErrorCode()).isEqualTo("1214");
	}

	@Test
	void concurrencyThrottlingIsARateLimit() {
		this.server
			.enqueue(json(429, "{\"error\":{\"code\":\"1302\",\"message\":\"Rate limit reached for requests\"}}"));
		ZaiRateLimitException ex = expectError(ZaiRateLimitException.class);
		assertThat(ex.getStatusCode()).isEqualTo(429);
		assertThat(ex.getErrorCode()).isEqualTo("1302");
	}

	@Test
	void insufficientBalanceIsAQuotaErrorDespiteHttp429() {
		this.server.enqueue(json(429,
				"{\"error\":{\"code\":\"1113\",\"message\":\"Insufficient balance or no resource package. Please recharge.\"}}"));
		ZaiQuotaExceededException ex = expectError(ZaiQuotaExceededException.class);
		assertThat(ex).isNotInstanceOf(ZaiRateLimitException.class);
		assertThat(ex.getStatusCode()).isEqualTo(429);
		assertThat(ex.getErrorCode()).isEqualTo("1113");
	}

	@Test
	void internalErrorIsAServerError() {
		this.server.enqueue(json(500, "{\"error\":{\"code\":\"500\",\"message\":\"Internal Error\"}}"));
		ZaiServerException ex = expectError(ZaiServerException.class);
		assertThat(ex.getStatusCode()).isEqualTo(500);
		assertThat(ex.getErrorCode()).isEqualTo("500");
	}

	@Test
	void errorWithABodyThatIsNotJsonIsStillDecoded() {
		this.server.enqueue(new MockResponse.Builder().code(502)
			.addHeader("Content-Type", "text/html")
			.body("<html><body>Bad Gateway</body></html>")
			.build());
		ZaiServerException ex = expectError(ZaiServerException.class);
		assertThat(ex.getStatusCode()).isEqualTo(502);
		assertThat(ex.getErrorCode()).isNull();
		assertThat(ex.getMessage()).contains("Bad Gateway");
	}

	@Test
	void errorOfAStreamIsDecodedLikeACall() {
		this.server
			.enqueue(json(429, "{\"error\":{\"code\":\"1302\",\"message\":\"Rate limit reached for requests\"}}"));
		StepVerifier.create(this.template.stream(ChatRequest.builder().user("hi").build()))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ZaiRateLimitException.class)
				.extracting((e) -> ((ZaiApiException) e).getErrorCode())
				.isEqualTo("1302"))
			.verify(WAIT);
	}

	@Test
	void errorCarriesTheRequestIdTheClientSent() {
		this.server.enqueue(json(400, "{\"error\":{\"code\":\"1214\",\"message\":\"Input cannot be empty\"}}"));
		StepVerifier.create(this.template.chat(ChatRequest.builder().user("hi").requestId("req-123456").build()))
			.expectErrorSatisfies((ex) -> assertThat(((ZaiException) ex).getRequestId()).isEqualTo("req-123456"))
			.verify(WAIT);
	}

	@Test
	void unreachableServerIsAConnectionExceptionWithoutStatus() throws IOException {
		this.server.close();
		try (ZaiChatTemplate unreachable = templateBuilder().build()) {
			StepVerifier.create(unreachable.chat("hi")).expectErrorSatisfies((ex) -> {
				assertThat(ex).isExactlyInstanceOf(ZaiConnectionException.class).hasMessageContaining("Could not send");
				assertThat(((ZaiException) ex).getStatusCode()).isZero();
				assertThat(ex.getMessage()).doesNotContain(KEY);
			}).verify(WAIT);
		}
	}

	@Test
	void responseTimeoutNamesThePropertyAndItsValue() {
		this.server.enqueue(new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS).body("{}").build());
		try (ZaiChatTemplate impatient = templateBuilder().responseTimeout(Duration.ofMillis(200)).build()) {
			StepVerifier.create(impatient.chat("hi")).expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(ZaiTimeoutException.class).hasMessageContaining("zai.response-timeout");
				assertThat(((ZaiTimeoutException) ex).getTimeout()).isEqualTo(Duration.ofMillis(200));
			}).verify(WAIT);
		}
	}

	@Test
	void firstChunkTimeoutNamesTheProperty() {
		this.server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
			.bodyDelay(5, TimeUnit.SECONDS)
			.body("data: [DONE]\n\n")
			.build());
		try (ZaiChatTemplate impatient = templateBuilder().firstChunkTimeout(Duration.ofMillis(200)).build()) {
			StepVerifier.create(impatient.streamText("hi"))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ZaiTimeoutException.class)
					.hasMessageContaining("zai.first-chunk-timeout"))
				.verify(WAIT);
		}
	}

	@Test
	void idleTimeoutNamesTheProperty() {
		CountDownLatch never = new CountDownLatch(1);
		String first = "data: {\"id\":\"1\",\"created\":1,\"model\":\"glm-4.6\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"}}]}\n\n";
		this.server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
			.body(new GatedBody(first, "data: [DONE]\n\n", never))
			.removeHeader("Content-Length")
			.addHeader("Transfer-Encoding", "chunked")
			.build());
		try (ZaiChatTemplate impatient = templateBuilder().streamIdleTimeout(Duration.ofMillis(300)).build()) {
			StepVerifier.create(impatient.streamText("hi"))
				.expectNext("Hel")
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ZaiTimeoutException.class)
					.hasMessageContaining("zai.stream-idle-timeout"))
				.verify(WAIT);
		}
		finally {
			never.countDown();
		}
	}

	@Test
	void buildsItsHttpClientOnFirstUseNotAtStartup() throws Exception {
		java.util.concurrent.atomic.AtomicInteger builds = new java.util.concurrent.atomic.AtomicInteger();
		try (ZaiChatTemplate lazy = templateBuilder()
			.webClientBuilder(WebClient.builder().codecs((codecs) -> builds.incrementAndGet()))
			.build()) {
			assertThat(builds).as("no WebClient built by the constructor").hasValue(0);
			this.server.enqueue(json(200, fixture("chat/simple.json")));
			this.server.enqueue(json(200, fixture("chat/simple.json")));
			lazy.chat("hi").block(WAIT);
			int onFirstUse = builds.get();
			assertThat(onFirstUse).as("built on first use").isPositive();
			lazy.chat("again").block(WAIT);
			assertThat(builds).as("not built again by later calls").hasValue(onFirstUse);
		}
	}

	@Test
	void closesWithoutHavingBeenUsed() {
		templateBuilder().build().close();
	}

	@Test
	void rejectsAMissingKey() {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> ZaiChatTemplate.builder().build())
			.withMessageContaining("apiKey")
			.withMessageContaining("ZAI_API_KEY");
	}

	@Test
	void rejectsABaseUrlThatIsTheEndpoint() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> ZaiChatTemplate.builder().baseUrl("https://api.z.ai/api/paas/v4/chat/completions"))
			.withMessageContaining("baseUrl")
			.withMessageContaining("/chat/completions");
	}

	@Test
	void rejectsANonPositiveTimeout() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> ZaiChatTemplate.builder().responseTimeout(Duration.ofSeconds(-1)))
			.withMessageContaining("responseTimeout");
	}

	@Test
	void rejectsAnEmptyUserMessage() {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> this.template.chat(" "))
			.withMessageContaining("userMessage");
	}

	private <T extends Throwable> T expectError(Class<T> type) {
		Throwable[] error = new Throwable[1];
		StepVerifier.create(this.template.chat(ChatRequest.builder().user("hi").build()))
			.expectErrorSatisfies((ex) -> error[0] = ex)
			.verify(WAIT);
		assertThat(error[0]).isInstanceOf(type);
		return type.cast(error[0]);
	}

	private RecordedRequest take() throws InterruptedException {
		RecordedRequest request = this.server.takeRequest(5, TimeUnit.SECONDS);
		assertThat(request).isNotNull();
		return request;
	}

	private List<ChatCompletionChunk> parseFixture(String name) throws IOException {
		return fixture(name).lines()
			.filter((line) -> line.startsWith("data: ") && !line.equals("data: [DONE]"))
			.map((line) -> this.jsonMapper.readValue(line.substring(6), ChatCompletionChunk.class))
			.toList();
	}

	static String fixture(String name) throws IOException {
		try (InputStream in = ZaiChatTemplateTests.class.getResourceAsStream("/fixtures/" + name)) {
			assertThat(in).as("fixture %s", name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static MockResponse json(int status, String body) {
		return new MockResponse.Builder().code(status)
			.addHeader("Content-Type", "application/json; charset=UTF-8")
			.body(body)
			.build();
	}

	private static MockResponse sse(String body) {
		return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream;charset=UTF-8")
			.body(body)
			.build();
	}

	/**
	 * A chunked body that sends its first part, then holds the rest back until a latch
	 * opens.
	 */
	private record GatedBody(String first, String rest, CountDownLatch gate) implements MockResponseBody {

		@Override
		public long getContentLength() {
			return -1;
		}

		@Override
		public void writeTo(BufferedSink sink) throws IOException {
			writeChunk(sink, this.first);
			try {
				if (!this.gate.await(10, TimeUnit.SECONDS)) {
					return;
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			writeChunk(sink, this.rest);
			sink.writeUtf8("0\r\n\r\n");
			sink.flush();
		}

		private static void writeChunk(BufferedSink sink, String text) throws IOException {
			byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
			sink.writeUtf8(Integer.toHexString(bytes.length)).writeUtf8("\r\n").write(bytes).writeUtf8("\r\n");
			sink.flush();
		}

	}

}
