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

package io.github.zaispring.video;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.zaispring.ZaiAsyncTimeoutException;
import io.github.zaispring.ZaiException;
import io.github.zaispring.ZaiQuotaExceededException;
import io.github.zaispring.ZaiTimeoutException;
import io.github.zaispring.resilience.ZaiRetryPolicy.RetrySettings;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Video generation ({@code POST /videos/generations}, {@code GET /async-result/{id}}) of
 * {@link ZaiVideoTemplate} against a server on 127.0.0.1, with the bodies of the API's
 * documentation.
 *
 * @author zai-spring-boot contributors
 */
class ZaiVideoTemplateTests {

	static final Duration WAIT = Duration.ofSeconds(15);

	static final String TASK = "8a3f1c2e9b7d4e05a6c1f2e3d4b5a697";

	static final String SUBMITTED = """
			{"model":"cogvideox-3","id":"8a3f1c2e9b7d4e05a6c1f2e3d4b5a697","request_id":"vid-000042",\
			"task_status":"PROCESSING"}""";

	static final String PROCESSING = """
			{"model":"cogvideox-3","task_status":"PROCESSING","request_id":"vid-000042"}""";

	static final String SUCCESS = """
			{"model":"cogvideox-3","task_status":"SUCCESS",\
			"video_result":[{"url":"https://example-cdn.example.com/gen/2026/03/14/7c1e.mp4",\
			"cover_image_url":"https://example-cdn.example.com/gen/2026/03/14/7c1e.jpg"}],\
			"request_id":"vid-000042"}""";

	private MockWebServer server;

	private ZaiVideoTemplate template;

	@BeforeEach
	void start() throws IOException {
		this.server = new MockWebServer();
		this.server.start(InetAddress.getLoopbackAddress(), 0);
		this.template = builder().build();
	}

	private ZaiVideoTemplate.Builder builder() {
		return ZaiVideoTemplate.builder()
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
	void submitSendsEveryFieldUnderItsWireNameWithTheConfiguredModelAndReturnsTheTask() throws Exception {
		this.server.enqueue(json(200, SUBMITTED));
		VideoRequest request = VideoRequest.builder()
			.prompt("A cat plays the piano")
			.imageUrls("https://example.com/first.png", "https://example.com/last.png")
			.quality("speed")
			.withAudio(true)
			.size("1920x1080")
			.fps(30)
			.duration(5)
			.requestId("vid-000042")
			.userId("user-000001")
			.build();
		VideoTask task = this.template.submit(request).block(WAIT);
		assertThat(task).isEqualTo(new VideoTask("cogvideox-3", TASK, "vid-000042", "PROCESSING"));
		RecordedRequest recorded = take();
		assertThat(recorded.getMethod()).isEqualTo("POST");
		assertThat(recorded.getUrl().encodedPath()).isEqualTo("/api/paas/v4/videos/generations");
		assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer k.secret");
		assertThat(recorded.getBody().utf8())
			.isEqualTo("{\"model\":\"cogvideox-3\",\"prompt\":\"A cat plays the piano\","
					+ "\"image_url\":[\"https://example.com/first.png\",\"https://example.com/last.png\"],"
					+ "\"quality\":\"speed\",\"with_audio\":true,\"size\":\"1920x1080\",\"fps\":30,\"duration\":5,"
					+ "\"request_id\":\"vid-000042\",\"user_id\":\"user-000001\"}");
	}

	@Test
	void viduFieldsAndExtraFieldsAreSentAndUnsetFieldsAreNot() throws Exception {
		this.server.enqueue(json(200, SUBMITTED));
		this.template
			.submit(VideoRequest.builder()
				.model("viduq1-text")
				.prompt("Waves at dusk")
				.style("anime")
				.aspectRatio("16:9")
				.movementAmplitude("small")
				.extraBody("watermark_enabled", false)
				.extraBody("off_peak", true)
				.build())
			.block(WAIT);
		assertThat(take().getBody().utf8()).isEqualTo("{\"model\":\"viduq1-text\",\"prompt\":\"Waves at dusk\","
				+ "\"style\":\"anime\",\"aspect_ratio\":\"16:9\",\"movement_amplitude\":\"small\","
				+ "\"watermark_enabled\":false,\"off_peak\":true}");
	}

	@Test
	void oneImageSetWithImageUrlIsSentAsAString() throws Exception {
		this.server.enqueue(json(200, SUBMITTED));
		this.template
			.submit(VideoRequest.builder().model("viduq1-image").imageUrl("data:image/png;base64,iVBORw0KGgo=").build())
			.block(WAIT);
		assertThat(take().getBody().utf8())
			.isEqualTo("{\"model\":\"viduq1-image\",\"image_url\":\"data:image/png;base64,iVBORw0KGgo=\"}");
	}

	@Test
	void submitWithoutATaskIdInTheAnswerFails() {
		this.server.enqueue(json(200, "{\"request_id\":\"vid-000042\",\"task_status\":\"PROCESSING\"}"));
		StepVerifier.create(this.template.submit(VideoRequest.builder().prompt("A cat").build()))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ZaiException.class)
				.hasMessageContaining("video generation request without a task id"))
			.verify(WAIT);
	}

	@Test
	void pollsWhileProcessingUntilTheTaskSucceeds() throws Exception {
		this.server.enqueue(json(200, PROCESSING));
		this.server.enqueue(json(200, PROCESSING));
		this.server.enqueue(json(200, SUCCESS));
		VideoResult result = this.template.awaitResult(TASK).block(WAIT);
		assertThat(result.succeeded()).isTrue();
		assertThat(result.model()).isEqualTo("cogvideox-3");
		assertThat(result.requestId()).isEqualTo("vid-000042");
		assertThat(result.videos()).containsExactly(new Video("https://example-cdn.example.com/gen/2026/03/14/7c1e.mp4",
				"https://example-cdn.example.com/gen/2026/03/14/7c1e.jpg"));
		assertThat(result.url()).isEqualTo("https://example-cdn.example.com/gen/2026/03/14/7c1e.mp4");
		assertThat(this.server.getRequestCount()).isEqualTo(3);
		for (int i = 0; i < 3; i++) {
			RecordedRequest poll = take();
			assertThat(poll.getMethod()).isEqualTo("GET");
			assertThat(poll.getUrl().encodedPath()).isEqualTo("/api/paas/v4/async-result/" + TASK);
			assertThat(poll.getHeaders().get("Content-Type")).isNull();
		}
	}

	@Test
	void resultReadsTheStateOnceWhateverTheStatus() throws Exception {
		this.server.enqueue(json(200, PROCESSING));
		VideoResult result = this.template.result(TASK).block(WAIT);
		assertThat(result.taskStatus()).isEqualTo(VideoResult.PROCESSING);
		assertThat(result.succeeded()).isFalse();
		assertThat(result.failed()).isFalse();
		assertThat(result.videos()).isEmpty();
		assertThat(result.url()).isNull();
		this.server.enqueue(json(200, "{\"task_status\":\"FAIL\",\"error\":{\"code\":\"1301\",\"message\":\"x\"}}"));
		VideoResult failed = this.template.result(TASK).block(WAIT);
		assertThat(failed.failed()).isTrue();
		assertThat(failed.errorCode()).isEqualTo("1301");
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void anUnknownStatusKeepsItsValueAndIsNeverTakenForSuccess() {
		this.server
			.enqueue(json(200, "{\"task_status\":\"SUBMITTED\",\"video_result\":[{\"url\":\"https://x/early.mp4\"}]}"));
		VideoResult early = this.template.result(TASK).block(WAIT);
		assertThat(early.taskStatus()).isEqualTo("SUBMITTED");
		assertThat(early.succeeded()).isFalse();
		this.server.enqueue(json(200, "{\"task_status\":\"SUBMITTED\"}"));
		this.server.enqueue(json(200, "{\"task_status\":\"QUEUED_SOMEWHERE\"}"));
		this.server.enqueue(json(200, SUCCESS));
		assertThat(this.template.awaitResult(TASK).block(WAIT).succeeded()).isTrue();
		assertThat(this.server.getRequestCount()).isEqualTo(4);
	}

	@Test
	void aFailedTaskIsAnErrorWithTheServersReason() {
		this.server.enqueue(json(200, PROCESSING));
		this.server.enqueue(json(200, """
				{"model":"cogvideox-3","task_status":"FAIL","request_id":"vid-000042",\
				"error":{"code":"1301","message":"Unsafe content in the prompt"}}"""));
		StepVerifier.create(this.template.awaitResult(TASK)).expectErrorSatisfies((ex) -> {
			assertThat(ex).isExactlyInstanceOf(ZaiException.class)
				.hasMessageContaining("video generation task '" + TASK + "' failed")
				.hasMessageContaining("Unsafe content in the prompt");
			assertThat(((ZaiException) ex).getErrorCode()).isEqualTo("1301");
			assertThat(((ZaiException) ex).getRequestId()).isEqualTo("vid-000042");
		}).verify(WAIT);
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void aFailedTaskWithATopLevelMessageOrNoneSaysSo() {
		this.server.enqueue(json(200, "{\"task_status\":\"FAIL\",\"msg\":\"Generation failed\"}"));
		StepVerifier.create(this.template.awaitResult(TASK))
			.expectErrorSatisfies((ex) -> assertThat(ex).hasMessageContaining("failed: Generation failed"))
			.verify(WAIT);
		this.server.enqueue(json(200, "{\"task_status\":\"FAIL\"}"));
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
		if (this.server.takeRequest(500, TimeUnit.MILLISECONDS) != null) {
			afterCancel++;
		}
		// with a 1-2 ms interval, polling on would have sent hundreds by now
		assertThat(this.server.takeRequest(500, TimeUnit.MILLISECONDS)).isNull();
		assertThat(this.server.getRequestCount()).isLessThanOrEqualTo(afterCancel);
	}

	@Test
	void givesUpAfterMaxWaitOnVirtualTimeNamingTheTask() {
		for (int i = 0; i < 1000; i++) {
			this.server.enqueue(json(200, PROCESSING));
		}
		try (ZaiVideoTemplate slow = builder().responseTimeout(Duration.ofHours(1))
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
	void quotaExceededIsOneRequestOnSubmitAndOnAPoll() {
		this.server.enqueue(json(429, "{\"error\":{\"code\":\"1113\",\"message\":\"Insufficient balance\"}}"));
		StepVerifier.create(this.template.submit(VideoRequest.builder().prompt("A cat").build()))
			.expectError(ZaiQuotaExceededException.class)
			.verify(WAIT);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
		this.server.enqueue(json(429, "{\"error\":{\"code\":\"1113\",\"message\":\"Insufficient balance\"}}"));
		StepVerifier.create(this.template.awaitResult(TASK)).expectError(ZaiQuotaExceededException.class).verify(WAIT);
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void aServerErrorIsRetriedOnSubmitAndOnAPoll() {
		this.server.enqueue(json(500, "{\"error\":{\"code\":\"500\",\"message\":\"Internal error\"}}"));
		this.server.enqueue(json(200, SUBMITTED));
		assertThat(this.template.submit(VideoRequest.builder().prompt("A cat").build()).block(WAIT).id())
			.isEqualTo(TASK);
		this.server.enqueue(json(500, "{\"error\":{\"code\":\"500\",\"message\":\"Internal error\"}}"));
		this.server.enqueue(json(200, SUCCESS));
		assertThat(this.template.awaitResult(TASK).block(WAIT).succeeded()).isTrue();
		assertThat(this.server.getRequestCount()).isEqualTo(4);
	}

	@Test
	void generateSubmitsThenWaits() throws Exception {
		this.server.enqueue(json(200, SUBMITTED));
		this.server.enqueue(json(200, PROCESSING));
		this.server.enqueue(json(200, SUCCESS));
		assertThat(this.template.generate("A cat plays the piano").block(WAIT))
			.isEqualTo("https://example-cdn.example.com/gen/2026/03/14/7c1e.mp4");
		assertThat(take().getUrl().encodedPath()).isEqualTo("/api/paas/v4/videos/generations");
		assertThat(take().getUrl().encodedPath()).isEqualTo("/api/paas/v4/async-result/" + TASK);
		assertThat(take().getUrl().encodedPath()).isEqualTo("/api/paas/v4/async-result/" + TASK);
	}

	@Test
	void generateOfAPromptFailsWhenTheTaskSucceededWithoutAVideo() {
		this.server.enqueue(json(200, SUBMITTED));
		this.server.enqueue(json(200, "{\"id\":\"" + TASK + "\",\"task_status\":\"SUCCESS\",\"video_result\":[]}"));
		StepVerifier.create(this.template.generate("A cat"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ZaiException.class)
				.hasMessageContaining("succeeded without a video"))
			.verify(WAIT);
	}

	@Test
	void aRequestWithItsOwnModelKeepsIt() throws Exception {
		this.server.enqueue(json(200, SUBMITTED));
		this.server.enqueue(json(200, SUBMITTED));
		try (ZaiVideoTemplate vidu = builder().defaultModel("viduq1-text").build()) {
			vidu.submit(VideoRequest.builder().prompt("A cat").build()).block(WAIT);
			vidu.submit(VideoRequest.builder().model("cogvideox-3").prompt("A cat").build()).block(WAIT);
		}
		assertThat(take().getBody().utf8()).startsWith("{\"model\":\"viduq1-text\"");
		assertThat(take().getBody().utf8()).startsWith("{\"model\":\"cogvideox-3\"");
	}

	@Test
	void theKeyIsNeverShown() {
		assertThat(this.template.toString()).doesNotContain("k.secret").contains("cogvideox-3");
		assertThat(builder().toString()).doesNotContain("k.secret");
	}

	private RecordedRequest take() throws InterruptedException {
		RecordedRequest request = this.server.takeRequest(5, TimeUnit.SECONDS);
		assertThat(request).isNotNull();
		return request;
	}

	static MockResponse json(int status, String body) {
		return new MockResponse.Builder().code(status)
			.addHeader("Content-Type", "application/json; charset=UTF-8")
			.body(body)
			.build();
	}

}
