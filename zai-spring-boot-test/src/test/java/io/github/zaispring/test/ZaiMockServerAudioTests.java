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

package io.github.zaispring.test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.github.zaispring.ZaiQuotaExceededException;
import io.github.zaispring.audio.AudioFile;
import io.github.zaispring.audio.SpeechAudio;
import io.github.zaispring.audio.SpeechEncoding;
import io.github.zaispring.audio.SpeechFormat;
import io.github.zaispring.audio.SpeechRequest;
import io.github.zaispring.audio.Transcription;
import io.github.zaispring.audio.TranscriptionRequest;
import io.github.zaispring.audio.ZaiSpeechTemplate;
import io.github.zaispring.audio.ZaiTranscriptionTemplate;
import io.github.zaispring.internal.ExchangeCore;
import io.github.zaispring.resilience.ZaiRetryPolicy.RetrySettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link ZaiMockServer} serving speech to text and text to speech to the real
 * templates, as a user's test would use it.
 *
 * @author zai-spring-boot contributors
 */
class ZaiMockServerAudioTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final byte[] AUDIO = { 'R', 'I', 'F', 'F', 0, (byte) 0xff, (byte) 0x80, 13, 10, '-', '-' };

	private ZaiMockServer server;

	private ExchangeCore core;

	@BeforeEach
	void start() {
		this.server = ZaiMockServer.start();
		this.core = ExchangeCore.builder()
			.apiKey("k")
			.baseUrl(this.server.baseUrl())
			.retry(new RetrySettings(3, Duration.ofMillis(1), 2, Duration.ofMillis(5), Duration.ofSeconds(60)))
			.build();
	}

	@AfterEach
	void stop() {
		this.core.close();
		this.server.close();
	}

	private ZaiTranscriptionTemplate transcription() {
		return ZaiTranscriptionTemplate.builder().exchangeCore(this.core).build();
	}

	private ZaiSpeechTemplate speech() {
		return ZaiSpeechTemplate.builder().exchangeCore(this.core).build();
	}

	@Test
	void answersATranscriptionWhenNothingIsQueuedAndRecordsItsForm() {
		Transcription answer = transcription()
			.transcribe(TranscriptionRequest.builder()
				.file(AUDIO, "question.wav")
				.hotwords(List.of("Zhipu", "GLM"))
				.requestId("asr-req-9")
				.build())
			.block(WAIT);
		assertThat(answer.text()).isEqualTo(ZaiAudioReplies.TRANSCRIPT);
		assertThat(answer.model()).isEqualTo("glm-asr-2512");
		assertThat(answer.requestId()).isEqualTo("asr-req-9");
		ReceivedRequest request = this.server.takeRequest(WAIT);
		assertThat(request.path()).isEqualTo("/api/paas/v4/audio/transcriptions");
		assertThat(request.model()).isEqualTo("glm-asr-2512");
		assertThat(request.stream()).isFalse();
		ReceivedFile file = request.formPart("file");
		assertThat(file.filename()).isEqualTo("question.wav");
		assertThat(file.content()).isEqualTo(AUDIO);
		assertThat(request.formParts("hotwords")).extracting(ReceivedFile::text).containsExactly("Zhipu", "GLM");
		assertThat(request.body().path("file").path("size").asInt()).isEqualTo(AUDIO.length);
		assertThat(request.body().path("hotwords").size()).isEqualTo(2);
	}

	@Test
	void streamsTheDefaultTranscriptWordByWord() {
		StepVerifier
			.create(transcription().streamText(TranscriptionRequest.builder().file(AUDIO, "a.wav").build())
				.collect(StringBuilder::new, StringBuilder::append)
				.map(StringBuilder::toString))
			.expectNext(ZaiAudioReplies.TRANSCRIPT)
			.verifyComplete();
		assertThat(this.server.takeRequest(WAIT).stream()).isTrue();
	}

	@Test
	void answersWithTheQueuedTranscriptions() {
		this.server.enqueue(ZaiAudioReplies.transcription("Book a table for two"));
		this.server.enqueue(ZaiAudioReplies.transcriptionStream("Book a table", " for two"));
		assertThat(transcription().transcribe(AudioFile.of(AUDIO, "a.wav")).block(WAIT))
			.isEqualTo("Book a table for two");
		StepVerifier.create(transcription().stream(TranscriptionRequest.builder().fileBase64("UklGRg==").build()))
			.assertNext((event) -> assertThat(event.delta()).isEqualTo("Book a table"))
			.assertNext((event) -> assertThat(event.delta()).isEqualTo(" for two"))
			.assertNext((event) -> assertThat(event.isDone()).isTrue())
			.verifyComplete();
	}

	@Test
	void recordsTheSameFormForEachAttemptOfARetriedTranscription() {
		this.server.enqueue(ZaiReply.error(500, "500", "Internal error"));
		assertThat(transcription().transcribe(AudioFile.of(AUDIO, "a.wav")).block(WAIT))
			.isEqualTo(ZaiAudioReplies.TRANSCRIPT);
		List<ReceivedRequest> requests = this.server.requests();
		assertThat(requests).hasSize(2);
		assertThat(requests.get(1).bodyText()).isEqualTo(requests.get(0).bodyText());
		assertThat(requests.get(1).formPart("file").content()).isEqualTo(AUDIO);
	}

	@Test
	void answersSpeechWithSilenceInTheRequestedFormatWhenNothingIsQueued() {
		SpeechAudio wav = speech().speak(SpeechRequest.builder().input("Hi").responseFormat(SpeechFormat.WAV).build())
			.block(WAIT);
		int samples = 24_000 * ZaiAudioReplies.SILENCE_MILLIS / 1000;
		assertThat(wav.contentType()).isEqualTo(MediaType.parseMediaType("audio/wav"));
		assertThat(wav.size()).isEqualTo(44 + 2 * samples);
		ByteBuffer header = ByteBuffer.wrap(wav.bytes()).order(ByteOrder.LITTLE_ENDIAN);
		assertThat(new String(wav.bytes(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
		assertThat(new String(wav.bytes(), 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WAVE");
		assertThat(header.getInt(24)).as("sample rate").isEqualTo(24_000);
		SpeechAudio pcm = speech().speak("Hi").block(WAIT);
		assertThat(pcm.contentType()).isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
		assertThat(pcm.size()).isEqualTo(2 * samples);
		assertThat(this.server.takeRequest(WAIT).body().path("response_format").asString()).isEqualTo("wav");
		assertThat(this.server.takeRequest(WAIT).body().path("input").asString()).isEqualTo("Hi");
	}

	@Test
	void streamsSpeechInTheRequestedEncodingWhenNothingIsQueued() {
		for (SpeechEncoding encoding : SpeechEncoding.values()) {
			StepVerifier
				.create(speech().streamAudio(SpeechRequest.builder().input("Hi").encodeFormat(encoding).build())
					.map((piece) -> piece.length))
				.expectNext(2400, 2400)
				.as(encoding.name())
				.verifyComplete();
		}
	}

	@Test
	void answersSpeechWithTheQueuedAudioAndChunks() {
		byte[] second = { 9, 8, 7 };
		this.server.enqueue(ZaiAudioReplies.speech(AUDIO, "audio/wav"));
		this.server.enqueue(ZaiAudioReplies.speechStream(SpeechEncoding.HEX, AUDIO, second));
		SpeechAudio audio = speech().speak("Hi").block(WAIT);
		assertThat(audio.bytes()).isEqualTo(AUDIO);
		assertThat(audio.contentType().toString()).isEqualTo("audio/wav");
		StepVerifier
			.create(speech().streamAudio(SpeechRequest.builder().input("Hi").encodeFormat(SpeechEncoding.HEX).build()))
			.assertNext((piece) -> assertThat(piece).isEqualTo(AUDIO))
			.assertNext((piece) -> assertThat(piece).isEqualTo(second))
			.verifyComplete();
	}

	@Test
	void answersSpeechWithAQueuedErrorAsATypedException() {
		this.server.enqueue(ZaiReply.error(429, "1113", "Insufficient balance or no resource package"));
		StepVerifier.create(speech().speak("Hi")).expectError(ZaiQuotaExceededException.class).verify(WAIT);
		assertThat(this.server.requestCount()).isEqualTo(1);
	}

}
