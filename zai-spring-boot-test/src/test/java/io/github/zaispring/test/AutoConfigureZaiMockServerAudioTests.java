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

import java.time.Duration;

import io.github.zaispring.audio.AudioFile;
import io.github.zaispring.audio.ZaiSpeechOperations;
import io.github.zaispring.audio.ZaiTranscriptionOperations;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's test of their own code that transcribes a question and speaks the answer,
 * against the mock server of {@link AutoConfigureZaiMockServer}.
 *
 * @author zai-spring-boot contributors
 */
@SpringBootTest(properties = "zai.speech.voice=xiaochen")
@AutoConfigureZaiMockServer
class AutoConfigureZaiMockServerAudioTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Autowired
	ZaiMockServer zai;

	@Autowired
	EchoService service;

	@Test
	void serviceTranscribesAndSpeaksWithScriptedReplies() {
		this.zai.enqueue(ZaiAudioReplies.transcription("What time is it?"));
		this.zai.enqueue(ZaiAudioReplies.speech(new byte[] { 1, 2, 3 }, "audio/wav"));
		byte[] answer = this.service.echo(new byte[] { 'R', 'I', 'F', 'F' }).block(WAIT);
		assertThat(answer).containsExactly(1, 2, 3);
		ReceivedRequest transcription = this.zai.takeRequest(WAIT);
		assertThat(transcription.formPart("file").content()).containsExactly('R', 'I', 'F', 'F');
		assertThat(transcription.model()).isEqualTo("glm-asr-2512");
		ReceivedRequest speech = this.zai.takeRequest(WAIT);
		assertThat(speech.body().path("input").asString()).isEqualTo("What time is it?");
		assertThat(speech.body().path("voice").asString()).isEqualTo("xiaochen");
	}

	@Test
	void serviceTranscribesAndSpeaksWithTheDefaultReplies() {
		byte[] answer = this.service.echo(new byte[] { 'R', 'I', 'F', 'F' }).block(WAIT);
		assertThat(new String(answer, 0, 4)).isEqualTo("RIFF");
		assertThat(this.zai.requestCount()).isEqualTo(2);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class EchoApplication {

		@Bean
		EchoService echoService(ZaiTranscriptionOperations transcription, ZaiSpeechOperations speech) {
			return new EchoService(transcription, speech);
		}

	}

	/**
	 * The user's code: speaks back what it heard.
	 */
	static class EchoService {

		private final ZaiTranscriptionOperations transcription;

		private final ZaiSpeechOperations speech;

		EchoService(ZaiTranscriptionOperations transcription, ZaiSpeechOperations speech) {
			this.transcription = transcription;
			this.speech = speech;
		}

		Mono<byte[]> echo(byte[] question) {
			return this.transcription.transcribe(AudioFile.of(question, "question.wav"))
				.flatMap(this.speech::speak)
				.map((audio) -> audio.bytes());
		}

	}

}
