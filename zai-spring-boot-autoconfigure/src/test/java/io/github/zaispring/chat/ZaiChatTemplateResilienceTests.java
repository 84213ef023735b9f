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
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.zaispring.ZaiConnectionException;
import io.github.zaispring.ZaiQuotaExceededException;
import io.github.zaispring.ZaiRateLimitException;
import io.github.zaispring.ZaiServerException;
import io.github.zaispring.ZaiStreamException;
import io.github.zaispring.ZaiTimeoutException;
import io.github.zaispring.resilience.LocalConcurrencyLimiter;
import io.github.zaispring.resilience.ZaiRetryPolicy.RetrySettings;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault injection against a server on 127.0.0.1: which failures the template retries, the
 * rule that a started stream is never retried, timeouts, cancellation and the concurrency
 * limit. Backoff timing has tests of its own on virtual time; here the waits are a
 * millisecond so that only the behaviour is checked.
 *
 * @author zai-spring-boot contributors
 */
class ZaiChatTemplateResilienceTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private static final RetrySettings FAST_RETRIES = new RetrySettings(3, Duration.ofMillis(1), 2,
			Duration.ofMillis(5), Duration.ofSeconds(60));

	private static final String REPLY = """
			{"choices":[{"finish_reason":"stop","index":0,"message":{"content":"Olá!","role":"assistant"}}],\
			"created":1762854981,"id":"r1","model":"glm-4.6","request_id":"r1",\
			"usage":{"completion_tokens":2,"prompt_tokens":3,"total_tokens":5}}""";

	private static final String CHUNK = "data: {\"id\":\"s1\",\"created\":1,\"model\":\"glm-4.6\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"%s\"}}]}\n\n";

	private static final String LAST_CHUNK = "data: {\"id\":\"s1\",\"created\":1,\"model\":\"glm-4.6\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2,\"total_tokens\":5}}\n\ndata: [DONE]\n\n";

	private MockWebServer server;

	private ZaiChatTemplate template;

	@BeforeEach
	void start() throws IOException {
		this.server = new MockWebServer();
		this.server.start(InetAddress.getLoopbackAddress(), 0);
		this.template = builder().build();
	}

	@AfterEach
	void stop() {
		this.template.close();
		this.server.close();
	}

	private ZaiChatTemplate.Builder builder() {
		return ZaiChatTemplate.builder()
			.apiKey("k.secret")
			.baseUrl(this.server.url("/api/paas/v4").toString())
			.retry(FAST_RETRIES);
	}

	@Test
	void retriesServerErrorsUntilSuccess() {
		this.server.enqueue(error(500, "500", "Internal Error"));
		this.server.enqueue(error(500, "1234", "Network error"));
		this.server.enqueue(json(REPLY));
		assertThat(this.template.chat("hi").block(WAIT)).isEqualTo("Olá!");
		assertThat(this.server.getRequestCount()).isEqualTo(3);
	}

	@Test
	void retriesConcurrencyThrottling() {
		this.server.enqueue(error(429, "1302", "Rate limit reached for requests"));
		this.server.enqueue(json(REPLY));
		assertThat(this.template.chat("hi").block(WAIT)).isEqualTo("Olá!");
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void neverRetriesInsufficientBalance() {
		this.server.enqueue(error(429, "1113", "Insufficient balance or no resource package. Please recharge."));
		this.server.enqueue(json(REPLY));
		StepVerifier.create(this.template.chat("hi")).expectError(ZaiQuotaExceededException.class).verify(WAIT);
		assertThat(this.server.getRequestCount()).as("exactly one request").isEqualTo(1);
	}

	@Test
	void givesUpAfterMaxAttempts() {
		for (int i = 0; i < 3; i++) {
			this.server.enqueue(error(500, "500", "Internal Error"));
		}
		StepVerifier.create(this.template.chat("hi")).expectError(ZaiServerException.class).verify(WAIT);
		assertThat(this.server.getRequestCount()).isEqualTo(3);
	}

	@Test
	void honoursRetryAfter() {
		this.server.enqueue(new MockResponse.Builder().code(429)
			.addHeader("Content-Type", "application/json")
			.addHeader("Retry-After", "1")
			.body("{\"error\":{\"code\":\"1302\",\"message\":\"Rate limit reached for requests\"}}")
			.build());
		this.server.enqueue(json(REPLY));
		assertThat(this.template.chat("hi").block(WAIT)).isEqualTo("Olá!");
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void failsAtOnceWhenRetryAfterIsLongerThanAllowed() {
		this.server.enqueue(new MockResponse.Builder().code(429)
			.addHeader("Content-Type", "application/json")
			.addHeader("Retry-After", "120")
			.body("{\"error\":{\"code\":\"1302\",\"message\":\"Rate limit reached for requests\"}}")
			.build());
		StepVerifier.create(this.template.chat("hi"))
			.expectErrorSatisfies(
					(ex) -> assertThat(((ZaiRateLimitException) ex).getRetryAfter()).isEqualTo(Duration.ofSeconds(120)))
			.verify(WAIT);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void retriesARefusedConnection() {
		String baseUrl = this.server.url("/api/paas/v4").toString();
		this.server.close();
		try (ZaiChatTemplate refused = ZaiChatTemplate.builder()
			.apiKey("k.secret")
			.baseUrl(baseUrl)
			.retry(FAST_RETRIES)
			.build()) {
			StepVerifier.create(refused.chat("hi")).expectError(ZaiConnectionException.class).verify(WAIT);
		}
	}

	@Test
	void sendsEveryRequestOnceWhenRetriesAreOff() {
		try (ZaiChatTemplate once = builder().retry((io.github.resilience4j.retry.Retry) null).build()) {
			this.server.enqueue(error(500, "500", "Internal Error"));
			StepVerifier.create(once.chat("hi")).expectError(ZaiServerException.class).verify(WAIT);
			assertThat(this.server.getRequestCount()).isEqualTo(1);
		}
	}

	@Test
	void retriesAStreamThatFailsBeforeItsFirstChunk() {
		this.server.enqueue(error(500, "500", "Internal Error"));
		this.server.enqueue(sse(CHUNK.formatted("Hel") + CHUNK.formatted("lo") + LAST_CHUNK));
		assertThat(this.template.streamText("hi").collectList().block(WAIT)).containsExactly("Hel", "lo");
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void neverRetriesAStreamCutOffAfterItsFirstChunk() {
		this.server.enqueue(scripted(List.of(CHUNK.formatted("Once"), CHUNK.formatted(" upon")), Ending.CUT_OFF,
				new CountDownLatch(0)));
		this.server.enqueue(sse(CHUNK.formatted("Again") + LAST_CHUNK));
		StepVerifier.create(this.template.stream(ChatRequest.builder().user("hi").build()))
			.expectNextCount(2)
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(ZaiStreamException.class);
				ChatCompletion partial = ((ZaiStreamException) ex).getPartialResult(ChatCompletion.class);
				assertThat(partial).isNotNull();
				assertThat(partial.content()).isEqualTo("Once upon");
			})
			.verify(WAIT);
		assertThat(this.server.getRequestCount()).as("no re-send that would repeat text").isEqualTo(1);
	}

	@Test
	void neverRetriesAMalformedChunk() {
		this.server.enqueue(sse(CHUNK.formatted("Once") + "data: {\"id\":\"s1\",\"choices\":[{\n\n" + LAST_CHUNK));
		this.server.enqueue(sse(CHUNK.formatted("Again") + LAST_CHUNK));
		StepVerifier.create(this.template.streamText("hi"))
			.expectNext("Once")
			.expectError(ZaiStreamException.class)
			.verify(WAIT);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void aStreamWithoutDoneFailsWithWhatItReceived() {
		this.server.enqueue(sse(CHUNK.formatted("Once")));
		StepVerifier.create(this.template.stream(ChatRequest.builder().user("hi").build()))
			.expectNextCount(1)
			.expectErrorSatisfies(
					(ex) -> assertThat(((ZaiStreamException) ex).getPartialResult(ChatCompletion.class).content())
						.isEqualTo("Once"))
			.verify(WAIT);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void silenceAfterTheFirstChunkIsAnIdleTimeoutCarryingThePartialAnswer() {
		CountDownLatch release = new CountDownLatch(1);
		this.server.enqueue(scripted(List.of(CHUNK.formatted("Once")), Ending.SILENCE, release));
		ChatRequest request = ChatRequest.builder().user("hi").streamIdleTimeout(Duration.ofMillis(300)).build();
		try {
			StepVerifier.create(this.template.stream(request)).expectNextCount(1).expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(ZaiTimeoutException.class)
					.hasMessageContaining("zai.stream-idle-timeout")
					.hasMessageContaining("PT0.3S");
				assertThat(((ZaiTimeoutException) ex).getPartialResult(ChatCompletion.class).content())
					.isEqualTo("Once");
			}).verify(WAIT);
		}
		finally {
			release.countDown();
		}
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void silenceBeforeTheFirstChunkIsAFirstChunkTimeout() {
		CountDownLatch release = new CountDownLatch(1);
		this.server.enqueue(scripted(List.of(), Ending.SILENCE, release));
		ChatRequest request = ChatRequest.builder().user("hi").firstChunkTimeout(Duration.ofMillis(300)).build();
		try {
			StepVerifier.create(this.template.stream(request)).expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(ZaiTimeoutException.class);
				assertThat(((ZaiTimeoutException) ex).getTimeoutName()).isEqualTo("zai.first-chunk-timeout");
				assertThat(((ZaiTimeoutException) ex).getTimeout()).isEqualTo(Duration.ofMillis(300));
			}).verify(WAIT);
		}
		finally {
			release.countDown();
		}
		assertThat(this.server.getRequestCount()).as("the request was sent: no re-send").isEqualTo(1);
	}

	@Test
	void responseTimeoutCanBeSetPerRequest() {
		this.server.enqueue(new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS).body(REPLY).build());
		ChatRequest request = ChatRequest.builder().user("hi").responseTimeout(Duration.ofMillis(200)).build();
		StepVerifier.create(this.template.chat(request))
			.expectErrorSatisfies(
					(ex) -> assertThat(((ZaiTimeoutException) ex).getTimeoutName()).isEqualTo("zai.response-timeout"))
			.verify(WAIT);
	}

	@Test
	void cancellingAStreamClosesTheConnectionAtOnce() throws InterruptedException {
		CountDownLatch disconnected = new CountDownLatch(1);
		this.server.enqueue(scripted(List.of(CHUNK.formatted("tick")), Ending.ENDLESS, disconnected));
		assertThat(this.template.streamText("hi").take(3).collectList().block(WAIT)).hasSize(3);
		assertThat(disconnected.await(10, TimeUnit.SECONDS)).as("the server sees the client disconnect").isTrue();
	}

	@Test
	void concurrencyLimitMakesASecondStreamWaitForTheFirst() throws InterruptedException {
		CountDownLatch releaseFirst = new CountDownLatch(1);
		try (ZaiChatTemplate limited = builder()
			.concurrencyLimiter(new LocalConcurrencyLimiter(1, Duration.ofSeconds(10)))
			.build()) {
			this.server.enqueue(scripted(List.of(CHUNK.formatted("first")), Ending.DONE_AFTER_RELEASE, releaseFirst));
			this.server.enqueue(sse(CHUNK.formatted("second") + LAST_CHUNK));
			StepVerifier.create(limited.streamText("one").mergeWith(limited.streamText("two")))
				.expectNext("first")
				.then(() -> assertThat(this.server.getRequestCount()).as("second waits in the queue").isEqualTo(1))
				.then(releaseFirst::countDown)
				.expectNext("second")
				.verifyComplete();
			assertThat(this.server.getRequestCount()).isEqualTo(2);
		}
	}

	@Test
	void concurrencyLimitFailsAfterMaxWaitNamingTheLimit() {
		CountDownLatch releaseFirst = new CountDownLatch(1);
		try (ZaiChatTemplate limited = builder()
			.concurrencyLimiter(new LocalConcurrencyLimiter(1, Duration.ofSeconds(2)))
			.build()) {
			this.server.enqueue(scripted(List.of(CHUNK.formatted("first")), Ending.DONE_AFTER_RELEASE, releaseFirst));
			StepVerifier.create(limited.streamText("one").mergeWith(limited.streamText("two")))
				.expectNext("first")
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ZaiRateLimitException.class)
					.hasMessageContaining("zai.concurrency.max-in-flight of 1")
					.hasMessageContaining("glm-4.6"))
				.verify(WAIT);
		}
		finally {
			releaseFirst.countDown();
		}
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	private static MockResponse json(String body) {
		return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(body).build();
	}

	private static MockResponse error(int status, String code, String message) {
		return new MockResponse.Builder().code(status)
			.addHeader("Content-Type", "application/json")
			.body("{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}")
			.build();
	}

	private static MockResponse sse(String body) {
		return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream;charset=UTF-8")
			.body(body)
			.build();
	}

	private static MockResponse scripted(List<String> events, Ending ending, CountDownLatch latch) {
		// the body sets a Content-Length of -1, which must go for a chunked body
		MockResponse.Builder response = new MockResponse.Builder().body(new ScriptedBody(events, ending, latch))
			.removeHeader("Content-Length")
			.addHeader("Transfer-Encoding", "chunked")
			.addHeader("Content-Type", "text/event-stream");
		if (ending == Ending.CUT_OFF) {
			response.onResponseEnd(new SocketEffect.CloseSocket(true, false, false));
		}
		return response.build();
	}

	private enum Ending {

		/** Close the socket without the terminating chunk of the chunked encoding. */
		CUT_OFF,

		/** Stay silent until the latch opens. */
		SILENCE,

		/** Send the last chunk and [DONE] once the latch opens. */
		DONE_AFTER_RELEASE,

		/** Repeat the last event until the client goes away, then open the latch. */
		ENDLESS

	}

	/**
	 * A chunked SSE body that sends some events, then ends as scripted.
	 */
	private record ScriptedBody(List<String> events, Ending ending, CountDownLatch latch) implements MockResponseBody {

		@Override
		public long getContentLength() {
			return -1;
		}

		@Override
		public void writeTo(BufferedSink sink) throws IOException {
			for (String event : this.events) {
				writeChunk(sink, event);
			}
			switch (this.ending) {
				case CUT_OFF -> {
					// no terminating chunk: the socket is closed in the middle of the
					// body
				}
				case SILENCE -> await();
				case DONE_AFTER_RELEASE -> {
					await();
					writeChunk(sink, LAST_CHUNK);
					sink.writeUtf8("0\r\n\r\n");
					sink.flush();
				}
				case ENDLESS -> {
					try {
						for (int i = 0; i < 10_000; i++) {
							writeChunk(sink, this.events.get(0));
							Thread.sleep(5);
						}
					}
					catch (IOException ex) {
						this.latch.countDown();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}
			}
		}

		private void await() {
			try {
				this.latch.await(20, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		private static void writeChunk(BufferedSink sink, String text) throws IOException {
			byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
			sink.writeUtf8(Integer.toHexString(bytes.length)).writeUtf8("\r\n").write(bytes).writeUtf8("\r\n");
			sink.flush();
		}

	}

}
