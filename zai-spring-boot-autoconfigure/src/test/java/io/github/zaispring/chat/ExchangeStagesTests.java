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
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import io.github.zaispring.ZaiCall;
import io.github.zaispring.ZaiInterceptor;
import io.github.zaispring.resilience.ConcurrencyLimiter;
import io.github.zaispring.resilience.LocalConcurrencyLimiter;
import io.github.zaispring.resilience.ZaiRetryPolicy.RetrySettings;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order of the stages of the exchange core, seen through the chat template: the
 * interceptors outside the limit, the limit outside the retry, the attempt inside both.
 *
 * @author zai-spring-boot contributors
 */
class ExchangeStagesTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final String REPLY = """
			{"choices":[{"finish_reason":"stop","index":0,"message":{"content":"Hi","role":"assistant"}}],\
			"id":"r1","model":"glm-4.6","usage":{"completion_tokens":1,"prompt_tokens":2,"total_tokens":3}}""";

	private static final String STREAM = """
			data: {"id":"s1","model":"glm-4.6","choices":[{"index":0,"delta":{"role":"assistant","content":"Once"}}]}

			data: {"id":"s1","model":"glm-4.6","choices":[{"index":0,"delta":{"content":" upon"}}]}

			data: {"id":"s1","model":"glm-4.6","choices":[{"index":0,"finish_reason":"stop","delta":{"content":" a time"}}]}

			data: [DONE]

			""";

	private MockWebServer server;

	private final List<String> permitEvents = new CopyOnWriteArrayList<>();

	@BeforeEach
	void startServer() throws IOException {
		this.server = new MockWebServer();
		this.server.start(InetAddress.getLoopbackAddress(), 0);
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void aRetryKeepsItsPermitAndTheInterceptorSeesOneCallOfTwoAttempts() {
		this.server.enqueue(new MockResponse.Builder().code(500).body("{\"error\":{\"code\":\"500\"}}").build());
		this.server.enqueue(json(REPLY));
		AtomicReference<ZaiCall> seen = new AtomicReference<>();
		List<String> signals = new CopyOnWriteArrayList<>();
		try (ZaiChatTemplate template = builder().interceptor(new ZaiInterceptor() {
			@Override
			public <T> Flux<T> intercept(ZaiCall call, Flux<T> exchange) {
				seen.set(call);
				return exchange.doOnSubscribe((s) -> signals.add("subscribe"))
					.doOnNext((answer) -> signals.add("answer"));
			}
		}).build()) {
			ChatCompletion completion = template.chat(ChatRequest.builder().user("hi").build()).block(WAIT);
			assertThat(completion.content()).isEqualTo("Hi");
		}
		assertThat(this.server.getRequestCount()).isEqualTo(2);
		assertThat(this.permitEvents).containsExactly("acquired", "released");
		assertThat(signals).containsExactly("subscribe", "answer");
		ZaiCall call = seen.get();
		assertThat(call.operationName()).isEqualTo("chat");
		assertThat(call.streaming()).isFalse();
		assertThat(call.model()).isEqualTo("glm-4.6");
		assertThat(call.attempts()).isEqualTo(2);
		assertThat(call.result()).isInstanceOf(ChatCompletion.class);
	}

	@Test
	void aCancelledStreamGivesItsPermitBackOnceAndItsFoldHoldsWhatArrived() {
		this.server.enqueue(sse(STREAM));
		AtomicReference<ZaiCall> seen = new AtomicReference<>();
		try (ZaiChatTemplate template = builder().interceptor(new ZaiInterceptor() {
			@Override
			public <T> Flux<T> intercept(ZaiCall call, Flux<T> exchange) {
				seen.set(call);
				return exchange;
			}
		}).build()) {
			List<ChatCompletionChunk> first = template.stream(ChatRequest.builder().user("hi").build())
				.take(1)
				.collectList()
				.block(WAIT);
			assertThat(first).hasSize(1);
		}
		assertThat(this.permitEvents).containsExactly("acquired", "released");
		assertThat(seen.get().streaming()).isTrue();
		assertThat(seen.get().result()).isInstanceOfSatisfying(ChatCompletion.class,
				(folded) -> assertThat(folded.content()).isEqualTo("Once"));
		assertThat(seen.get().firstElementLatency()).isNotNull();
	}

	@Test
	void aWholeStreamIsFoldedOnceForTheInterceptors() {
		this.server.enqueue(sse(STREAM));
		AtomicReference<ZaiCall> seen = new AtomicReference<>();
		try (ZaiChatTemplate template = builder().interceptor(new ZaiInterceptor() {
			@Override
			public <T> Flux<T> intercept(ZaiCall call, Flux<T> exchange) {
				seen.set(call);
				return exchange;
			}
		}).build()) {
			assertThat(template.streamText("hi").collectList().block(WAIT)).containsExactly("Once", " upon", " a time");
		}
		assertThat(seen.get().result()).isInstanceOfSatisfying(ChatCompletion.class,
				(folded) -> assertThat(folded.content()).isEqualTo("Once upon a time"));
	}

	@Test
	void extraHeadersOfARequestAreSentWithTheKeyAndNotInTheBody() throws InterruptedException {
		this.server.enqueue(json(REPLY));
		try (ZaiChatTemplate template = builder().build()) {
			template.chat(ChatRequest.builder().user("hi").header("X-Request-Source", "batch").build()).block(WAIT);
		}
		mockwebserver3.RecordedRequest request = this.server.takeRequest();
		assertThat(request.getHeaders().get("X-Request-Source")).isEqualTo("batch");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer test-id.test-secret");
		assertThat(request.getBody().utf8()).doesNotContain("X-Request-Source");
	}

	private ZaiChatTemplate.Builder builder() {
		ConcurrencyLimiter.Listener listener = new ConcurrencyLimiter.Listener() {

			@Override
			public void onAcquired(String key, Duration waited) {
				ExchangeStagesTests.this.permitEvents.add("acquired");
			}

			@Override
			public void onReleased(String key) {
				ExchangeStagesTests.this.permitEvents.add("released");
			}

		};
		return ZaiChatTemplate.builder()
			.apiKey("test-id.test-secret")
			.baseUrl(this.server.url("/api/paas/v4").toString())
			.retry(new RetrySettings(3, Duration.ofMillis(1), 2, Duration.ofMillis(5), Duration.ofSeconds(60)))
			.concurrencyLimiter(new LocalConcurrencyLimiter(1, Duration.ZERO, listener));
	}

	private static MockResponse json(String body) {
		return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
	}

	private static MockResponse sse(String body) {
		return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/event-stream").body(body).build();
	}

}
