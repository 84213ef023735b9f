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

package io.github.zaispring.audio;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.zaispring.ZaiQuotaExceededException;
import io.github.zaispring.ZaiStreamException;
import io.github.zaispring.resilience.ZaiRetryPolicy.RetrySettings;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ZaiTranscriptionTemplate} against a server on 127.0.0.1.
 *
 * @author zai-spring-boot contributors
 */
class ZaiTranscriptionTemplateTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	// the shape of zai-api-endpoints.md §9.1, with the segments of the Java SDK's model
	private static final String REPLY = """
			{"id":"20260314104555a1b2c3","created":1773456355,"request_id":"asr-000001","model":"glm-asr-2512",
			 "text":"Hello, how can I help you today?",
			 "segments":[{"id":0,"start":0.0,"end":1.2,"text":"Hello,"},
			 {"id":1,"start":1.2,"end":2.9,"text":"how can I help you today?"}]}""";

	private static final String STREAM = """
			data: {"id":"asr-1","created":1773456355,"model":"glm-asr-2512","type":"transcript.text.delta","delta":"Hello,"}

			data: {"id":"asr-1","created":1773456355,"model":"glm-asr-2512","type":"transcript.text.delta","delta":" how can I"}

			data: {"id":"asr-1","created":1773456355,"model":"glm-asr-2512","type":"transcript.text.delta","delta":" help you?"}

			data: {"id":"asr-1","created":1773456356,"model":"glm-asr-2512","type":"transcript.text.done","delta":""}

			data: [DONE]

			""";

	// the first bytes of a WAV file and a byte of every value, so that no byte is lost
	// to a text encoding on the way
	private static final byte[] AUDIO = audio();

	private MockWebServer server;

	private ZaiTranscriptionTemplate template;

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

	private ZaiTranscriptionTemplate.Builder builder() {
		return ZaiTranscriptionTemplate.builder()
			.apiKey("k.secret")
			.baseUrl(this.server.url("/api/paas/v4").toString())
			.retry(new RetrySettings(3, Duration.ofMillis(1), 2, Duration.ofMillis(5), Duration.ofSeconds(60)));
	}

	private static byte[] audio() {
		byte[] audio = new byte[300];
		System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, audio, 0, 4);
		for (int i = 4; i < audio.length; i++) {
			audio[i] = (byte) i;
		}
		return audio;
	}

	@Test
	void sendsTheFileAsAMultipartFormWithTheDefaultModelAndReadsTheTranscript() throws Exception {
		this.server.enqueue(json(REPLY));
		Transcription transcription = this.template
			.transcribe(TranscriptionRequest.builder().file(AUDIO, "question.wav").build())
			.block(WAIT);
		RecordedRequest request = take();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getUrl().encodedPath()).isEqualTo("/api/paas/v4/audio/transcriptions");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer k.secret");
		assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
		FormParts form = parts(request);
		assertThat(form.names()).containsExactly("file", "model", "stream");
		FormParts.Part file = form.part("file");
		assertThat(file.disposition()).isEqualTo("form-data; name=\"file\"; filename=\"question.wav\"");
		assertThat(MediaType.parseMediaType(file.headers().get("content-type")).getSubtype()).endsWith("wav");
		assertThat(file.content()).isEqualTo(AUDIO);
		assertThat(form.part("model").headers()).containsOnlyKeys("content-disposition");
		assertThat(form.values("model")).containsExactly("glm-asr-2512");
		assertThat(form.values("stream")).containsExactly("false");
		assertThat(transcription.id()).isEqualTo("20260314104555a1b2c3");
		assertThat(transcription.created()).isEqualTo(1773456355L);
		assertThat(transcription.requestId()).isEqualTo("asr-000001");
		assertThat(transcription.model()).isEqualTo("glm-asr-2512");
		assertThat(transcription.text()).isEqualTo("Hello, how can I help you today?");
		assertThat(transcription.segments()).containsExactly(new Transcription.Segment(0, 0.0, 1.2, "Hello,"),
				new Transcription.Segment(1, 1.2, 2.9, "how can I help you today?"));
	}

	@Test
	void sendsEveryOptionAsAFieldAndEachHotwordAsAPartOfItsOwn() throws Exception {
		this.server.enqueue(json("{\"text\":\"ok\"}"));
		Transcription transcription = this.template
			.transcribe(TranscriptionRequest.builder()
				.model("glm-asr-2")
				.fileBase64("UklGRg==")
				.prompt("Earlier: the customer asked about Zhipu.")
				.hotwords(List.of("Zhipu", "GLM-4.6"))
				.hotword("Z.AI")
				.requestId("asr-000123")
				.userId("user-0042")
				.build())
			.block(WAIT);
		FormParts form = parts(take());
		assertThat(form.names()).containsExactly("file_base64", "model", "prompt", "hotwords", "hotwords", "hotwords",
				"stream", "request_id", "user_id");
		assertThat(form.values("file_base64")).containsExactly("UklGRg==");
		assertThat(form.values("model")).containsExactly("glm-asr-2");
		assertThat(form.values("prompt")).containsExactly("Earlier: the customer asked about Zhipu.");
		assertThat(form.values("hotwords")).containsExactly("Zhipu", "GLM-4.6", "Z.AI");
		assertThat(form.values("request_id")).containsExactly("asr-000123");
		assertThat(form.values("user_id")).containsExactly("user-0042");
		assertThat(transcription.text()).isEqualTo("ok");
		assertThat(transcription.segments()).isEmpty();
	}

	@Test
	void readsAFileFromAResourceAndAPath(@TempDir Path directory) throws Exception {
		Path path = Files.write(directory.resolve("answer.mp3"), AUDIO);
		this.server.enqueue(json(REPLY));
		this.server.enqueue(json(REPLY));
		this.server.enqueue(json(REPLY));
		assertThat(this.template.transcribe(AudioFile.of(path)).block(WAIT))
			.isEqualTo("Hello, how can I help you today?");
		FormParts.Part fromPath = parts(take()).part("file");
		assertThat(fromPath.disposition()).contains("filename=\"answer.mp3\"");
		assertThat(fromPath.headers().get("content-type")).isEqualTo("audio/mpeg");
		assertThat(fromPath.content()).isEqualTo(AUDIO);
		this.template.transcribe(TranscriptionRequest.builder().file(new FileSystemResource(path)).build()).block(WAIT);
		assertThat(parts(take()).part("file").content()).isEqualTo(AUDIO);
		ByteArrayResource named = new ByteArrayResource(AUDIO) {
			@Override
			public String getFilename() {
				return "clip.wav";
			}
		};
		this.template.transcribe(TranscriptionRequest.builder().file(named).build()).block(WAIT);
		assertThat(parts(take()).part("file").disposition()).contains("filename=\"clip.wav\"");
	}

	@Test
	void retriesAServerErrorWithTheSameForm() throws Exception {
		this.server.enqueue(error(500, "500", "Internal error"));
		this.server.enqueue(json(REPLY));
		Transcription transcription = this.template
			.transcribe(TranscriptionRequest.builder().file(AUDIO, "question.wav").hotword("Zhipu").build())
			.block(WAIT);
		assertThat(transcription.text()).isEqualTo("Hello, how can I help you today?");
		RecordedRequest first = take();
		RecordedRequest second = take();
		assertThat(this.server.getRequestCount()).isEqualTo(2);
		assertThat(second.getHeaders().get("Content-Type")).isEqualTo(first.getHeaders().get("Content-Type"));
		assertThat(second.getBody().toByteArray()).isEqualTo(first.getBody().toByteArray());
		FormParts form = parts(second);
		assertThat(form.names()).containsExactly("file", "model", "hotwords", "stream");
		assertThat(form.part("file").content()).isEqualTo(AUDIO);
	}

	@Test
	void failsAtOnceWithAQuotaErrorWhenTheBalanceIsUsedUp() {
		this.server.enqueue(error(429, "1113", "Insufficient balance or no resource package. Please recharge."));
		StepVerifier.create(this.template.transcribe(AudioFile.of(AUDIO, "question.wav")))
			.expectError(ZaiQuotaExceededException.class)
			.verify(WAIT);
		assertThat(this.server.getRequestCount()).as("exactly one request").isEqualTo(1);
	}

	@Test
	void streamsTheDeltasInOrderAndTheDoneEvent() throws Exception {
		this.server.enqueue(sse(STREAM));
		StepVerifier
			.create(this.template.stream(TranscriptionRequest.builder().file(AUDIO, "question.wav").build())
				.map((event) -> event.type() + ":" + event.delta()))
			.expectNext("transcript.text.delta:Hello,", "transcript.text.delta: how can I",
					"transcript.text.delta: help you?", "transcript.text.done:")
			.verifyComplete();
		RecordedRequest request = take();
		assertThat(request.getHeaders().get("Accept")).isEqualTo("text/event-stream");
		FormParts form = parts(request);
		assertThat(form.values("stream")).containsExactly("true");
		assertThat(form.part("file").content()).isEqualTo(AUDIO);
		this.server.enqueue(sse(STREAM));
		StepVerifier.create(this.template.streamText(TranscriptionRequest.builder().fileBase64("UklGRg==").build()))
			.expectNext("Hello,", " how can I", " help you?")
			.verifyComplete();
	}

	@Test
	void readsTheDoneEventAsTheEndOfTheTranscript() {
		TranscriptionEvent done = new TranscriptionEvent("a", 1L, "glm-asr-2512", TranscriptionEvent.DONE, null);
		assertThat(done.isDone()).isTrue();
		assertThat(done.isDelta()).isFalse();
		assertThat(done.delta()).isEmpty();
		assertThat(new TranscriptionEvent(null, null, null, null, null).type()).isEmpty();
	}

	@Test
	void failsAStreamThatEndsWithoutDone() {
		this.server.enqueue(sse(STREAM.substring(0, STREAM.indexOf("data: [DONE]"))));
		StepVerifier.create(this.template.stream(TranscriptionRequest.builder().fileBase64("UklGRg==").build()))
			.expectNextCount(4)
			.expectError(ZaiStreamException.class)
			.verify(WAIT);
	}

	@Test
	void checksTheAudioAndTheOptionsBeforeSendingAnything() {
		assertThatIllegalArgumentException().isThrownBy(() -> AudioFile.of(new byte[0], "a.wav"))
			.withMessageContaining("audio content must not be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> AudioFile.of(new byte[AudioFile.MAX_BYTES + 1], "a.wav"))
			.withMessageContaining("at most 25 MB");
		assertThatIllegalArgumentException().isThrownBy(() -> AudioFile.of(null, "a.wav"))
			.withMessageContaining("audio content must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> AudioFile.of(AUDIO, " "))
			.withMessageContaining("filename must not be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> AudioFile.of(new ByteArrayResource(AUDIO)))
			.withMessageContaining("has no file name");
		assertThatIllegalArgumentException().isThrownBy(() -> TranscriptionRequest.builder().build())
			.withMessageContaining("file must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TranscriptionRequest.builder().file(AUDIO, "a.wav").fileBase64("UklGRg==").build())
			.withMessageContaining("file and fileBase64 must not both be set");
		assertThatIllegalArgumentException().isThrownBy(() -> TranscriptionRequest.builder().fileBase64(" "))
			.withMessageContaining("fileBase64 must not be empty");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TranscriptionRequest.builder().fileBase64("A".repeat(40 * 1024 * 1024)))
			.withMessageContaining("fileBase64 must encode at most 25 MB");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TranscriptionRequest.builder().hotwords(Collections.nCopies(101, "word")))
			.withMessageContaining("hotwords must have at most 100 items, but has 101");
		assertThatIllegalArgumentException().isThrownBy(() -> TranscriptionRequest.builder().hotword(""))
			.withMessageContaining("hotword must not be blank");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TranscriptionRequest.builder().hotwords(java.util.Arrays.asList("a", null)))
			.withMessageContaining("hotword must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> TranscriptionRequest.builder().prompt("  "))
			.withMessageContaining("prompt must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> TranscriptionRequest.builder().model(""))
			.withMessageContaining("model must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> TranscriptionRequest.builder().requestId("abc"))
			.withMessageContaining("requestId must be 6 to 64 characters long");
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.transcribe((TranscriptionRequest) null))
			.withMessageContaining("request must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.stream(null))
			.withMessageContaining("request must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.transcribe((AudioFile) null))
			.withMessageContaining("file must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> ZaiTranscriptionTemplate.builder().defaultModel(" "))
			.withMessageContaining("defaultModel must not be empty");
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void takesTheConfiguredModelOnlyWhenTheRequestNamesNone() throws Exception {
		try (ZaiTranscriptionTemplate custom = builder().defaultModel("glm-asr-next").build()) {
			this.server.enqueue(json(REPLY));
			this.server.enqueue(json(REPLY));
			custom.transcribe(AudioFile.of(AUDIO, "a.wav")).block(WAIT);
			assertThat(parts(take()).values("model")).containsExactly("glm-asr-next");
			custom.transcribe(TranscriptionRequest.builder().model("glm-asr-2512").fileBase64("UklGRg==").build())
				.block(WAIT);
			assertThat(parts(take()).values("model")).containsExactly("glm-asr-2512");
			assertThat(custom.toString()).doesNotContain("k.secret");
		}
	}

	private static FormParts parts(RecordedRequest request) {
		return FormParts.parse(request.getHeaders().get("Content-Type"), request.getBody().toByteArray());
	}

	private RecordedRequest take() throws InterruptedException {
		RecordedRequest request = this.server.takeRequest(5, TimeUnit.SECONDS);
		assertThat(request).isNotNull();
		return request;
	}

	private static MockResponse json(String body) {
		return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(body).build();
	}

	private static MockResponse sse(String body) {
		return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(body).build();
	}

	private static MockResponse error(int status, String code, String message) {
		return new MockResponse.Builder().code(status)
			.addHeader("Content-Type", "application/json")
			.body("{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}")
			.build();
	}

}
