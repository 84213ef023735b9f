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
import java.util.concurrent.TimeUnit;

import io.github.zaispring.ZaiAsyncTimeoutException;
import io.github.zaispring.ZaiException;
import io.github.zaispring.ZaiQuotaExceededException;
import io.github.zaispring.ZaiTimeoutException;
import io.github.zaispring.internal.AsyncPolling;
import io.github.zaispring.resilience.ZaiRetryPolicy.RetrySettings;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Asynchronous chat ({@code POST /async/chat/completions}, {@code GET
 * /async-result/{id}}) of {@link ZaiChatTemplate} against a server on 127.0.0.1.
 *
 * @author zai-spring-boot contributors
 */
class ZaiChatTemplateAsyncTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private static final String TASK = "20260314104011e0c5d9f1a2b34c56";

	private static final String SUBMITTED = """
			{"model":"glm-4.7","id":"20260314104011e0c5d9f1a2b34c56","request_id":"job-0001","task_status":"PROCESSING"}""";

	private static final String PROCESSING = """
			{"id":"20260314104011e0c5d9f1a2b34c56","request_id":"job-0001","model":"glm-4.7","task_status":"PROCESSING"}""";

	private static final String SUCCESS = """
			{"id":"20260314104011e0c5d9f1a2b34c56","request_id":"job-0001","created":1773456011,"model":"glm-4.7",
			 "task_status":"SUCCESS",
			 "choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"Answer text"}}],
			 "usage":{"prompt_tokens":18,"completion_tokens":240,"total_tokens":258}}""";

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	private MockWebServer server;

	private ZaiChatTemplate template;

	@BeforeEach
	void start() throws IOException {
		this.server = new MockWebServer();
		this.server.start(InetAddress.getLoopbackAddress(), 0);
		this.template = builder().build();
	}

	private ZaiChatTemplate.Builder builder() {
		return ZaiChatTemplate.builder()
			.apiKey("k.secret")
			.baseUrl(this.server.url("/api/paas/v4").toString())
			.retry(new RetrySettings(3, Duration.ofMillis(1), 2, Duration.ofMillis(5), Duration.ofSeconds(60)))
			.asyncPolling(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMinutes(1));
	}

	@AfterEach
	void stop() {
		this.template.close();
		this.server.close();
	}

	@Test
	void submitSendsTheChatRequestWithDefaultsAndReturnsTheTaskId() throws Exception {
		this.server.enqueue(json(200, SUBMITTED));
		ChatRequest request = ChatRequest.builder().user("Write an essay").requestId("job-0001").build();
		assertThat(this.template.submit(request).block(WAIT)).isEqualTo(TASK);
		RecordedRequest recorded = take();
		assertThat(recorded.getMethod()).isEqualTo("POST");
		assertThat(recorded.getUrl().encodedPath()).isEqualTo("/api/paas/v4/async/chat/completions");
		JsonNode body = this.jsonMapper.readTree(recorded.getBody().utf8());
		assertThat(body.get("model").asString()).isEqualTo("glm-4.6");
		assertThat(body.get("messages").get(0).get("content").asString()).isEqualTo("Write an essay");
		assertThat(body.get("request_id").asString()).isEqualTo("job-0001");
		assertThat(body.has("stream")).isFalse();
	}

	@Test
	void submitWithoutATaskIdInTheAnswerFails() {
		this.server.enqueue(json(200, "{\"request_id\":\"job-0001\",\"task_status\":\"PROCESSING\"}"));
		StepVerifier.create(this.template.submit(ChatRequest.builder().user("hi").build()))
			.expectErrorSatisfies(
					(ex) -> assertThat(ex).isInstanceOf(ZaiException.class).hasMessageContaining("without a task id"))
			.verify(WAIT);
	}

	@Test
	void pollsUntilTheTaskSucceeds() throws Exception {
		this.server.enqueue(json(200, PROCESSING));
		this.server.enqueue(json(200, PROCESSING));
		this.server.enqueue(json(200, SUCCESS));
		ChatCompletion completion = this.template.awaitResult(TASK).block(WAIT);
		assertThat(completion.content()).isEqualTo("Answer text");
		assertThat(completion.id()).isEqualTo(TASK);
		assertThat(completion.requestId()).isEqualTo("job-0001");
		assertThat(completion.usage().totalTokens()).isEqualTo(258);
		assertThat(completion.finishReason()).isEqualTo(FinishReason.STOP);
		assertThat(this.server.getRequestCount()).isEqualTo(3);
		for (int i = 0; i < 3; i++) {
			RecordedRequest poll = take();
			assertThat(poll.getMethod()).isEqualTo("GET");
			assertThat(poll.getUrl().encodedPath()).isEqualTo("/api/paas/v4/async-result/" + TASK);
			assertThat(poll.getBody()).satisfiesAnyOf((body) -> assertThat(body).isNull(),
					(body) -> assertThat(body.size()).isZero());
		}
	}

	@Test
	void aTaskIdIsSentAsOnePathSegment() throws Exception {
		this.server.enqueue(json(200, SUCCESS));
		this.template.awaitResult("../chat/completions?x=1 #").block(WAIT);
		assertThat(take().getUrl().encodedPath())
			.isEqualTo("/api/paas/v4/async-result/..%2Fchat%2Fcompletions%3Fx%3D1%20%23");
	}

	@Test
	void aResultIsFetchedWithAGetThatAcceptsJsonAndSendsNoBodyOrContentType() throws Exception {
		this.server.enqueue(json(200, SUCCESS));
		this.template.awaitResult(TASK).block(WAIT);
		RecordedRequest request = take();
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
		assertThat(request.getHeaders().get("Content-Type")).isNull();
		assertThat(request.getBody()).satisfiesAnyOf((body) -> assertThat(body).isNull(),
				(body) -> assertThat(body.size()).isZero());
	}

	@Test
	void aFailedTaskIsAnErrorWithTheServersReason() {
		this.server.enqueue(json(200, PROCESSING));
		this.server.enqueue(json(200, """
				{"id":"%s","task_status":"FAIL","error":{"code":"1301","message":"Unsafe content"}}"""
			.formatted(TASK)));
		StepVerifier.create(this.template.awaitResult(TASK)).expectErrorSatisfies((ex) -> {
			assertThat(ex).isExactlyInstanceOf(ZaiException.class)
				.hasMessageContaining(TASK)
				.hasMessageContaining("Unsafe content");
			assertThat(((ZaiException) ex).getErrorCode()).isEqualTo("1301");
		}).verify(WAIT);
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void aFailedTaskWithoutAReasonSaysSo() {
		this.server.enqueue(json(200, "{\"id\":\"" + TASK + "\",\"task_status\":\"FAIL\"}"));
		StepVerifier.create(this.template.awaitResult(TASK))
			.expectErrorSatisfies((ex) -> assertThat(ex).hasMessageContaining("failed: no reason given"))
			.verify(WAIT);
	}

	@Test
	void cancellingStopsThePolling() throws Exception {
		for (int i = 0; i < 1000; i++) {
			this.server.enqueue(json(200, PROCESSING));
		}
		Disposable waiting = this.template.awaitResult(TASK).subscribe();
		take();
		take();
		waiting.dispose();
		// at most the one poll in flight at the moment of cancelling still arrives
		int afterCancel = this.server.getRequestCount();
		RecordedRequest late = this.server.takeRequest(500, TimeUnit.MILLISECONDS);
		if (late != null) {
			afterCancel++;
		}
		// with a 1-2 ms interval, polling on would have sent hundreds by now
		assertThat(this.server.takeRequest(500, TimeUnit.MILLISECONDS)).isNull();
		assertThat(this.server.getRequestCount()).isLessThanOrEqualTo(afterCancel);
	}

	@Test
	void pollsWithGrowingIntervalsOnVirtualTimeAndGivesUpAfterMaxWaitNamingTheTask() {
		for (int i = 0; i < 1000; i++) {
			this.server.enqueue(json(200, PROCESSING));
		}
		try (ZaiChatTemplate slow = builder().responseTimeout(Duration.ofHours(1))
			.asyncPolling(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(10))
			.build()) {
			StepVerifier.withVirtualTime(() -> slow.awaitResult(TASK))
				.expectSubscription()
				.thenAwait(Duration.ofMinutes(10))
				.expectErrorSatisfies((ex) -> {
					assertThat(ex).isInstanceOf(ZaiAsyncTimeoutException.class)
						.isInstanceOf(ZaiTimeoutException.class)
						.hasMessageContaining(TASK)
						.hasMessageContaining("zai.async.max-wait");
					assertThat(((ZaiAsyncTimeoutException) ex).getTaskId()).isEqualTo(TASK);
					assertThat(((ZaiAsyncTimeoutException) ex).getTimeout()).isEqualTo(Duration.ofMinutes(10));
				})
				.verify(WAIT);
		}
		// ten minutes of polls at growing intervals from 5s up to 30s: far fewer than 120
		assertThat(this.server.getRequestCount()).isLessThan(40);
	}

	@Test
	void quotaExceededOnSubmitIsOneRequest() {
		this.server.enqueue(json(429, "{\"error\":{\"code\":\"1113\",\"message\":\"Insufficient balance\"}}"));
		StepVerifier.create(this.template.submit(ChatRequest.builder().user("hi").build()))
			.expectError(ZaiQuotaExceededException.class)
			.verify(WAIT);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void quotaExceededOnAPollIsOneRequest() {
		this.server.enqueue(json(429, "{\"error\":{\"code\":\"1113\",\"message\":\"Insufficient balance\"}}"));
		StepVerifier.create(this.template.awaitResult(TASK)).expectError(ZaiQuotaExceededException.class).verify(WAIT);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void aPollThatFailsWithAServerErrorIsRetried() {
		this.server.enqueue(json(500, "{\"error\":{\"code\":\"500\",\"message\":\"Internal error\"}}"));
		this.server.enqueue(json(200, SUCCESS));
		assertThat(this.template.awaitResult(TASK).block(WAIT).content()).isEqualTo("Answer text");
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void badPollingSettingsAreRejectedWithTheirNames() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ZaiChatTemplate.builder()
				.asyncPolling(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofMinutes(1)))
			.withMessageContaining("asyncMaxPollInterval must be at least asyncPollInterval");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ZaiChatTemplate.builder()
				.asyncPolling(Duration.ZERO, Duration.ofSeconds(1), Duration.ofMinutes(1)))
			.withMessageContaining("asyncPollInterval must be positive");
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.awaitResult(" "))
			.withMessageContaining("taskId must not be empty");
	}

	@Test
	void intervalsGrowByHalfUpToTheCap() {
		AsyncPolling settings = new AsyncPolling(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMinutes(1));
		assertThat(settings.next(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(3));
		assertThat(settings.next(Duration.ofSeconds(3))).isEqualTo(Duration.ofMillis(4500));
		assertThat(settings.next(Duration.ofMillis(4500))).isEqualTo(Duration.ofSeconds(5));
		assertThat(settings.next(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
	}

	private RecordedRequest take() throws InterruptedException {
		RecordedRequest request = this.server.takeRequest(5, TimeUnit.SECONDS);
		assertThat(request).isNotNull();
		return request;
	}

	private static MockResponse json(int status, String body) {
		return new MockResponse.Builder().code(status)
			.addHeader("Content-Type", "application/json; charset=UTF-8")
			.body(body)
			.build();
	}

}
