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
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import io.github.zaispring.ZaiBadRequestException;
import io.github.zaispring.ZaiQuotaExceededException;
import io.github.zaispring.ZaiStreamException;
import io.github.zaispring.resilience.ZaiRetryPolicy.RetrySettings;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ZaiSpeechTemplate} against a server on 127.0.0.1.
 *
 * @author zai-spring-boot contributors
 */
class ZaiSpeechTemplateTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	// a byte of every value: none may be lost to a text encoding on the way
	private static final byte[] AUDIO = audio();

	private MockWebServer server;

	private ZaiSpeechTemplate template;

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

	private ZaiSpeechTemplate.Builder builder() {
		return ZaiSpeechTemplate.builder()
			.apiKey("k.secret")
			.baseUrl(this.server.url("/api/paas/v4").toString())
			.retry(new RetrySettings(3, Duration.ofMillis(1), 2, Duration.ofMillis(5), Duration.ofSeconds(60)));
	}

	private static byte[] audio() {
		byte[] audio = new byte[512];
		for (int i = 0; i < audio.length; i++) {
			audio[i] = (byte) i;
		}
		return audio;
	}

	@Test
	void returnsTheAudioByteForByteWithItsContentType() throws Exception {
		this.server.enqueue(binary(AUDIO, "audio/wav"));
		SpeechAudio speech = this.template.speak("Hello from Z.AI").block(WAIT);
		assertThat(speech.bytes()).isEqualTo(AUDIO);
		assertThat(speech.size()).isEqualTo(AUDIO.length);
		assertThat(speech.inputStream().readAllBytes()).isEqualTo(AUDIO);
		assertThat(speech.contentType()).isEqualTo(MediaType.parseMediaType("audio/wav"));
		RecordedRequest request = take();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getUrl().encodedPath()).isEqualTo("/api/paas/v4/audio/speech");
		assertThat(request.getHeaders().get("Accept")).isEqualTo("*/*");
		assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
		assertThat(request.getBody().utf8())
			.isEqualTo("{\"model\":\"glm-tts\",\"input\":\"Hello from Z.AI\",\"stream\":false}");
	}

	@Test
	void sendsEveryOptionAndTheConfiguredDefaultsOnlyForUnsetOnes() throws Exception {
		try (ZaiSpeechTemplate custom = builder().defaultModel("glm-tts-2")
			.defaultVoice("xiaochen")
			.defaultResponseFormat(SpeechFormat.WAV)
			.build()) {
			this.server.enqueue(binary(AUDIO, "audio/wav"));
			this.server.enqueue(binary(AUDIO, "audio/wav"));
			custom.speak("Hi").block(WAIT);
			assertThat(take().getBody().utf8()).isEqualTo(
					"{\"model\":\"glm-tts-2\",\"input\":\"Hi\",\"voice\":\"xiaochen\",\"response_format\":\"wav\",\"stream\":false}");
			custom
				.speak(SpeechRequest.builder()
					.model("glm-tts")
					.input("Hi")
					.voice("tongtong")
					.responseFormat(SpeechFormat.PCM)
					.speed(1.5)
					.volume(10.0)
					.watermarkEnabled(false)
					.requestId("tts-000123")
					.userId("user-0042")
					.build())
				.block(WAIT);
			assertThat(take().getBody().utf8())
				.isEqualTo("{\"model\":\"glm-tts\",\"input\":\"Hi\",\"voice\":\"tongtong\","
						+ "\"response_format\":\"pcm\",\"speed\":1.5,\"volume\":10.0,\"stream\":false,"
						+ "\"watermark_enabled\":false,\"request_id\":\"tts-000123\",\"user_id\":\"user-0042\"}");
			assertThat(custom.toString()).doesNotContain("k.secret");
		}
	}

	@Test
	void readsAudioLargerThanTheLimitOfJsonAnswersWhole() {
		// slow speech of 1024 characters is more WAV audio than the 16 MB of a JSON
		// answer
		byte[] large = new byte[20 * 1024 * 1024];
		large[large.length - 1] = 7;
		this.server.enqueue(binary(large, "audio/wav"));
		SpeechAudio speech = this.template.speak("Hi").block(WAIT);
		assertThat(speech.size()).isEqualTo(large.length);
		assertThat(speech.bytes()[large.length - 1]).isEqualTo((byte) 7);
	}

	@Test
	void takesAnAnswerWithoutContentTypeAsOctetStream() {
		this.server.enqueue(new MockResponse.Builder().body(new Buffer().write(AUDIO)).build());
		SpeechAudio speech = this.template.speak("Hi").block(WAIT);
		assertThat(speech.contentType()).isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
		assertThat(speech.bytes()).isEqualTo(AUDIO);
	}

	@Test
	void readsAnErrorAnswerAsATypedExceptionAfterExactlyOneRequest() {
		this.server.enqueue(error(429, "1113", "Insufficient balance or no resource package. Please recharge."));
		StepVerifier.create(this.template.speak("Hi")).expectError(ZaiQuotaExceededException.class).verify(WAIT);
		assertThat(this.server.getRequestCount()).as("exactly one request").isEqualTo(1);
		this.server.enqueue(error(400, "1214", "Invalid voice"));
		StepVerifier.create(this.template.speak("Hi")).expectError(ZaiBadRequestException.class).verify(WAIT);
	}

	@Test
	void retriesAServerErrorWithTheSameBody() throws Exception {
		this.server.enqueue(error(500, "500", "Internal error"));
		this.server.enqueue(binary(AUDIO, "audio/wav"));
		assertThat(this.template.speak("Hi").block(WAIT).bytes()).isEqualTo(AUDIO);
		assertThat(this.server.getRequestCount()).isEqualTo(2);
		assertThat(take().getBody().utf8()).isEqualTo(take().getBody().utf8());
	}

	@Test
	void streamsChunksAndDecodesTheirBase64Audio() throws Exception {
		byte[] first = { 0, 1, 2, (byte) 0xff };
		byte[] second = { 3, 4, (byte) 0x80 };
		this.server.enqueue(
				sse(stream(Base64.getEncoder().encodeToString(first), Base64.getEncoder().encodeToString(second))));
		SpeechRequest request = SpeechRequest.builder().input("Hi").build();
		StepVerifier.create(this.template.streamAudio(request))
			.assertNext((audio) -> assertThat(audio).isEqualTo(first))
			.assertNext((audio) -> assertThat(audio).isEqualTo(second))
			.verifyComplete();
		RecordedRequest sent = take();
		assertThat(sent.getHeaders().get("Accept")).isEqualTo("text/event-stream");
		assertThat(sent.getBody().utf8()).isEqualTo("{\"model\":\"glm-tts\",\"input\":\"Hi\",\"stream\":true}");
		this.server.enqueue(sse(stream("AAE=", "")));
		StepVerifier.create(this.template.stream(request)).assertNext((chunk) -> {
			assertThat(chunk.content()).isEqualTo("AAE=");
			assertThat(chunk.requestId()).isEqualTo("tts-req-1");
			assertThat(chunk.created()).isEqualTo(1773456355L);
			assertThat(chunk.choices().get(0).delta().role()).isEqualTo("assistant");
			assertThat(chunk.finishReason()).isNull();
		})
			.assertNext((chunk) -> assertThat(chunk.audio(SpeechEncoding.BASE64)).isEmpty())
			.assertNext((chunk) -> assertThat(chunk.finishReason()).isEqualTo("stop"))
			.verifyComplete();
	}

	@Test
	void streamsChunksAndDecodesTheirHexAudio() throws Exception {
		byte[] first = { 0, 1, 2, (byte) 0xff };
		this.server.enqueue(sse(stream(HexFormat.of().formatHex(first))));
		StepVerifier
			.create(this.template
				.streamAudio(SpeechRequest.builder().input("Hi").encodeFormat(SpeechEncoding.HEX).build()))
			.assertNext((audio) -> assertThat(audio).isEqualTo(first))
			.verifyComplete();
		assertThat(take().getBody().utf8())
			.isEqualTo("{\"model\":\"glm-tts\",\"input\":\"Hi\",\"stream\":true,\"encode_format\":\"hex\"}");
	}

	@Test
	void failsAStreamWhoseAudioIsNotInTheRequestedEncoding() {
		this.server.enqueue(sse(stream("not hex!")));
		StepVerifier
			.create(this.template
				.streamAudio(SpeechRequest.builder().input("Hi").encodeFormat(SpeechEncoding.HEX).build()))
			.expectErrorSatisfies(
					(ex) -> assertThat(ex).isInstanceOf(ZaiStreamException.class).hasMessageContaining("not valid hex"))
			.verify(WAIT);
	}

	@Test
	void checksTheRequestBeforeSendingAnything() {
		assertThatIllegalArgumentException().isThrownBy(() -> SpeechRequest.builder().build())
			.withMessageContaining("input must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> SpeechRequest.builder().input(" "))
			.withMessageContaining("input must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> SpeechRequest.builder().input("a".repeat(1025)))
			.withMessageContaining("input must be at most 1024 characters, but has 1025");
		assertThat(SpeechRequest.builder().input("语".repeat(1024)).build().input()).hasSize(1024);
		assertThatIllegalArgumentException().isThrownBy(() -> SpeechRequest.builder().speed(0.4))
			.withMessageContaining("speed must be in [0.5, 2]");
		assertThatIllegalArgumentException().isThrownBy(() -> SpeechRequest.builder().speed(2.1))
			.withMessageContaining("speed must be in [0.5, 2]");
		assertThatIllegalArgumentException().isThrownBy(() -> SpeechRequest.builder().speed(Double.NaN))
			.withMessageContaining("speed must be in [0.5, 2]");
		assertThatIllegalArgumentException().isThrownBy(() -> SpeechRequest.builder().volume(0.0))
			.withMessageContaining("volume must be in (0, 10]");
		assertThatIllegalArgumentException().isThrownBy(() -> SpeechRequest.builder().volume(10.5))
			.withMessageContaining("volume must be in (0, 10]");
		assertThatIllegalArgumentException().isThrownBy(() -> SpeechRequest.builder().voice(""))
			.withMessageContaining("voice must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> SpeechRequest.builder().model(" "))
			.withMessageContaining("model must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> SpeechRequest.builder().userId("u"))
			.withMessageContaining("userId must be 6 to 128 characters long");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.template
				.speak(SpeechRequest.builder().input("Hi").encodeFormat(SpeechEncoding.BASE64).build()))
			.withMessageContaining("encodeFormat applies only to streamed speech");
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.speak((SpeechRequest) null))
			.withMessageContaining("request must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.speak((String) null))
			.withMessageContaining("input must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.stream(null))
			.withMessageContaining("request must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.streamAudio(null))
			.withMessageContaining("request must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> SpeechFormat.of("mp3"))
			.withMessageContaining("must be wav or pcm, but was mp3");
		assertThat(SpeechFormat.of(" WAV ")).isEqualTo(SpeechFormat.WAV);
		assertThat(this.server.getRequestCount()).isZero();
	}

	private static String stream(String... contents) {
		StringBuilder events = new StringBuilder();
		for (String content : contents) {
			events.append("data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"")
				.append(content)
				.append("\"}}],\"request_id\":\"tts-req-1\",\"created\":1773456355}\n\n");
		}
		events.append("data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},")
			.append("\"finish_reason\":\"stop\"}],\"request_id\":\"tts-req-1\",\"created\":1773456356}\n\n");
		return events.append("data: [DONE]\n\n").toString();
	}

	private RecordedRequest take() throws InterruptedException {
		RecordedRequest request = this.server.takeRequest(5, TimeUnit.SECONDS);
		assertThat(request).isNotNull();
		return request;
	}

	private static MockResponse binary(byte[] body, String contentType) {
		return new MockResponse.Builder().addHeader("Content-Type", contentType).body(new Buffer().write(body)).build();
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
