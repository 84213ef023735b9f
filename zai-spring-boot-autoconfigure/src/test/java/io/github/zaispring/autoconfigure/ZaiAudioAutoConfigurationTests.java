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

package io.github.zaispring.autoconfigure;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.github.zaispring.QuietOutput;
import io.github.zaispring.audio.AudioFile;
import io.github.zaispring.audio.SpeechAudio;
import io.github.zaispring.audio.SpeechChunk;
import io.github.zaispring.audio.SpeechFormat;
import io.github.zaispring.audio.SpeechRequest;
import io.github.zaispring.audio.Transcription;
import io.github.zaispring.audio.TranscriptionEvent;
import io.github.zaispring.audio.TranscriptionRequest;
import io.github.zaispring.audio.ZaiSpeechOperations;
import io.github.zaispring.audio.ZaiSpeechTemplate;
import io.github.zaispring.audio.ZaiTranscriptionOperations;
import io.github.zaispring.audio.ZaiTranscriptionTemplate;
import io.github.zaispring.chat.ZaiChatOperations;
import io.github.zaispring.internal.ExchangeCore;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the auto-configured audio clients.
 *
 * @author zai-spring-boot contributors
 */
@QuietOutput
class ZaiAudioAutoConfigurationTests {

	private static final String KEY = "test-id.test-secret-0123456789";

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, ZaiAutoConfiguration.class));

	private MockWebServer server;

	@BeforeEach
	void startServer() throws Exception {
		this.server = new MockWebServer();
		this.server.start(InetAddress.getLoopbackAddress(), 0);
	}

	@AfterEach
	void stopServer() {
		this.server.close();
		((Logger) LoggerFactory.getLogger("io.github.zaispring.http")).setLevel(null);
	}

	@Test
	void logsTheSizeOfAudioBodiesInsteadOfTheirBytes(CapturedOutput output) throws Exception {
		((Logger) LoggerFactory.getLogger("io.github.zaispring.http")).setLevel(Level.DEBUG);
		this.server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
			.body("{\"text\":\"Hello\"}")
			.build());
		this.server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "audio/wav").body("RIFFxyz").build());
		this.contextRunner
			.withPropertyValues("zai.api-key=" + KEY, "zai.base-url=" + this.server.url("/api/paas/v4"),
					"zai.logging.include-bodies=true")
			.run((context) -> {
				context.getBean(ZaiTranscriptionOperations.class)
					.transcribe(AudioFile.of("AUDIO-BYTES".getBytes(StandardCharsets.US_ASCII), "a.wav"))
					.block(WAIT);
				context.getBean(ZaiSpeechOperations.class).speak("Hi").block(WAIT);
			});
		assertThat(output).containsPattern("Z.AI request body: \\d+ bytes of multipart/form-data;boundary=")
			.contains("Z.AI response body: {\"text\":\"Hello\"}")
			.contains("Z.AI request body: {\"model\":\"glm-tts\"")
			.contains("Z.AI response body: 7 bytes of audio/wav")
			.doesNotContain("AUDIO-BYTES")
			.doesNotContain("RIFFxyz")
			.doesNotContain(KEY);
	}

	@Test
	void registersBothTemplatesOnTheSharedCoreWithTheDefaults() throws Exception {
		this.server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
			.body("{\"text\":\"Hello\"}")
			.build());
		this.server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "audio/wav").body("RIFF").build());
		this.contextRunner.withPropertyValues("zai.api-key=" + KEY, "zai.base-url=" + this.server.url("/api/paas/v4"))
			.run((context) -> {
				assertThat(context).hasSingleBean(ExchangeCore.class);
				assertThat(context.getBean(ZaiTranscriptionOperations.class))
					.isInstanceOf(ZaiTranscriptionTemplate.class);
				assertThat(context.getBean(ZaiSpeechOperations.class)).isInstanceOf(ZaiSpeechTemplate.class);
				ZaiProperties properties = context.getBean(ZaiProperties.class);
				assertThat(properties.getTranscription().getModel()).isEqualTo("glm-asr-2512");
				assertThat(properties.getSpeech().getModel()).isEqualTo("glm-tts");
				assertThat(properties.getSpeech().getVoice()).isEqualTo("tongtong");
				assertThat(properties.getSpeech().getResponseFormat()).isEqualTo(SpeechFormat.WAV);
				assertThat(context.getBean(ZaiTranscriptionOperations.class)
					.transcribe(AudioFile.of(new byte[] { 1, 2 }, "a.wav"))
					.block(WAIT)).isEqualTo("Hello");
				RecordedRequest transcription = this.server.takeRequest(5, TimeUnit.SECONDS);
				assertThat(transcription.getUrl().encodedPath()).isEqualTo("/api/paas/v4/audio/transcriptions");
				assertThat(transcription.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
				assertThat(transcription.getBody().utf8()).contains("glm-asr-2512");
				assertThat(context.getBean(ZaiSpeechOperations.class).speak("Hi").block(WAIT).size()).isEqualTo(4);
				RecordedRequest speech = this.server.takeRequest(5, TimeUnit.SECONDS);
				assertThat(speech.getUrl().encodedPath()).isEqualTo("/api/paas/v4/audio/speech");
				assertThat(speech.getBody().utf8()).isEqualTo("{\"model\":\"glm-tts\",\"input\":\"Hi\","
						+ "\"voice\":\"tongtong\",\"response_format\":\"wav\",\"stream\":false}");
			});
	}

	@Test
	void sendsTheConfiguredDefaults() throws Exception {
		this.server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
			.body("{\"text\":\"Hello\"}")
			.build());
		this.server.enqueue(new MockResponse.Builder().body("PCM").build());
		this.contextRunner
			.withPropertyValues("zai.api-key=" + KEY, "zai.base-url=" + this.server.url("/api/paas/v4"),
					"zai.transcription.model=glm-asr-next", "zai.speech.model=glm-tts-2", "zai.speech.voice=jam",
					"zai.speech.response-format=pcm")
			.run((context) -> {
				context.getBean(ZaiTranscriptionOperations.class)
					.transcribe(AudioFile.of(new byte[] { 1, 2 }, "a.wav"))
					.block(WAIT);
				assertThat(this.server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8()).contains("glm-asr-next");
				context.getBean(ZaiSpeechOperations.class).speak("Hi").block(WAIT);
				assertThat(this.server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8())
					.isEqualTo("{\"model\":\"glm-tts-2\",\"input\":\"Hi\",\"voice\":\"jam\","
							+ "\"response_format\":\"pcm\",\"stream\":false}");
			});
	}

	@Test
	void failsNamingThePropertyOfAnInvalidDefault() {
		this.contextRunner.withPropertyValues("zai.api-key=" + KEY, "zai.transcription.model= ").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure())
				.hasStackTraceContaining("zai.transcription.model must not be empty");
		});
		this.contextRunner.withPropertyValues("zai.api-key=" + KEY, "zai.speech.model= ").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("zai.speech.model must not be empty");
		});
		this.contextRunner.withPropertyValues("zai.api-key=" + KEY, "zai.speech.voice=").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("zai.speech.voice must not be empty");
		});
		this.contextRunner.withPropertyValues("zai.api-key=" + KEY, "zai.speech.response-format=mp3").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("zai.speech.response-format")
				.hasStackTraceContaining("mp3");
		});
	}

	@Test
	void backsOffForApplicationBeans() {
		this.contextRunner.withPropertyValues("zai.api-key=" + KEY)
			.withBean(ZaiTranscriptionOperations.class, OwnTranscription::new)
			.withBean(ZaiSpeechOperations.class, OwnSpeech::new)
			.run((context) -> {
				assertThat(context).hasSingleBean(ZaiTranscriptionOperations.class);
				assertThat(context).doesNotHaveBean(ZaiTranscriptionTemplate.class);
				assertThat(context).hasSingleBean(ZaiSpeechOperations.class);
				assertThat(context).doesNotHaveBean(ZaiSpeechTemplate.class);
			});
	}

	@Test
	void isOffWithZaiEnabledFalse() {
		this.contextRunner.withPropertyValues("zai.api-key=" + KEY, "zai.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(ZaiTranscriptionOperations.class);
			assertThat(context).doesNotHaveBean(ZaiSpeechOperations.class);
		});
	}

	@Test
	void needsNoKeyWhileNobodyUsesThem() {
		this.contextRunner.withBean(ZaiChatOperations.class, ZaiExchangeCoreAutoConfigurationTests.OwnChat::new)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeanFactory().containsBeanDefinition("zaiTranscriptionTemplate")).isTrue();
				assertThat(context.getBeanFactory().containsBeanDefinition("zaiSpeechTemplate")).isTrue();
			});
	}

	static class OwnTranscription implements ZaiTranscriptionOperations {

		@Override
		public Mono<Transcription> transcribe(TranscriptionRequest request) {
			return Mono.empty();
		}

		@Override
		public Mono<String> transcribe(AudioFile file) {
			return Mono.empty();
		}

		@Override
		public Flux<TranscriptionEvent> stream(TranscriptionRequest request) {
			return Flux.empty();
		}

		@Override
		public Flux<String> streamText(TranscriptionRequest request) {
			return Flux.empty();
		}

	}

	static class OwnSpeech implements ZaiSpeechOperations {

		@Override
		public Mono<SpeechAudio> speak(SpeechRequest request) {
			return Mono.empty();
		}

		@Override
		public Mono<SpeechAudio> speak(String input) {
			return Mono.empty();
		}

		@Override
		public Flux<SpeechChunk> stream(SpeechRequest request) {
			return Flux.empty();
		}

		@Override
		public Flux<byte[]> streamAudio(SpeechRequest request) {
			return Flux.empty();
		}

	}

}
