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
package io.github.zaispring.ai;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import io.github.zaispring.ZaiQuotaExceededException;
import io.github.zaispring.ai.autoconfigure.ZaiTranscriptionModelAutoConfiguration;
import io.github.zaispring.audio.ZaiTranscriptionOperations;
import io.github.zaispring.autoconfigure.ZaiAutoConfiguration;
import io.github.zaispring.test.ReceivedFile;
import io.github.zaispring.test.ReceivedRequest;
import io.github.zaispring.test.ZaiAudioReplies;
import io.github.zaispring.test.ZaiMockServer;
import io.github.zaispring.test.ZaiReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.audio.transcription.AudioTranscriptionPrompt;
import org.springframework.ai.audio.transcription.AudioTranscriptionResponse;
import org.springframework.ai.audio.transcription.TranscriptionModel;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.mockito.Mockito.mock;

/**
 * The auto-configured {@link ZaiTranscriptionModel} against the loopback Z.AI simulator.
 *
 * @author zai-spring-boot contributors
 */
class ZaiTranscriptionModelTests {

	private static final byte[] AUDIO = "RIFF-fake-wav".getBytes(StandardCharsets.US_ASCII);

	private ZaiMockServer server;

	private ApplicationContextRunner runner;

	@BeforeEach
	void start() {
		this.server = ZaiMockServer.start();
		this.runner = new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(ZaiAutoConfiguration.class, ZaiTranscriptionModelAutoConfiguration.class))
			.withPropertyValues("zai.api-key=transcription-test.key", "zai.base-url=" + this.server.baseUrl());
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	private static Resource wav() {
		return new ByteArrayResource(AUDIO) {

			@Override
			public String getFilename() {
				return "question.wav";
			}

		};
	}

	private void run(Consumer<TranscriptionModel> test, String... properties) {
		this.runner.withPropertyValues(properties).run((context) -> test.accept(transcriptionModel(context)));
	}

	private static TranscriptionModel transcriptionModel(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		return context.getBean(TranscriptionModel.class);
	}

	@Test
	void theFileAndTheConfiguredModelAreUploadedAndTheTranscriptAnswered() {
		this.server.enqueue(ZaiAudioReplies.transcription("Book a table for two"));
		run((model) -> {
			assertThat(model.transcribe(wav())).isEqualTo("Book a table for two");
			ReceivedRequest request = this.server.takeRequest(Duration.ofSeconds(5));
			assertThat(request.path()).endsWith("/audio/transcriptions");
			assertThat(request.formPart("model").text()).isEqualTo("glm-asr-next");
			ReceivedFile file = request.formPart("file");
			assertThat(file.filename()).isEqualTo("question.wav");
			assertThat(file.content()).isEqualTo(AUDIO);
			assertThat(request.formPart("prompt")).isNull();
		}, "zai.transcription.model=glm-asr-next");
	}

	@Test
	void optionsAreSentOnTheWire() {
		run((model) -> {
			AudioTranscriptionResponse response = model.call(new AudioTranscriptionPrompt(wav(),
					ZaiTranscriptionOptions.builder()
						.model("glm-asr-x")
						.prompt("Earlier: hello")
						.hotwords(List.of("Zhipu", "GLM"))
						.userId("user-123456")
						.build()));
			assertThat(response.getResult().getOutput()).isEqualTo(ZaiAudioReplies.TRANSCRIPT);
			ReceivedRequest request = this.server.takeRequest(Duration.ofSeconds(5));
			assertThat(request.formPart("model").text()).isEqualTo("glm-asr-x");
			assertThat(request.formPart("prompt").text()).isEqualTo("Earlier: hello");
			assertThat(request.formParts("hotwords")).extracting(ReceivedFile::text).containsExactly("Zhipu", "GLM");
			assertThat(request.formPart("user_id").text()).isEqualTo("user-123456");
		});
	}

	@Test
	void streamAnswersThePieces() {
		this.server.enqueue(ZaiAudioReplies.transcriptionStream("Book a table", " for two"));
		run((model) -> assertThat(model.stream(new AudioTranscriptionPrompt(wav()))
			.map((response) -> response.getResult().getOutput())
			.collectList()
			.block()).containsExactly("Book a table", " for two"));
	}

	@Test
	void noBalanceIsANonTransientExceptionWithTheTypedCause() {
		this.server.enqueue(ZaiReply.error(429, "1113", "Insufficient balance or no resource package."));
		run((model) -> assertThatExceptionOfType(NonTransientAiException.class)
			.isThrownBy(() -> model.transcribe(wav()))
			.withCauseInstanceOf(ZaiQuotaExceededException.class));
	}

	@Test
	void invalidInputFailsBeforeAnyRequest() {
		run((model) -> {
			assertThatIllegalArgumentException().isThrownBy(() -> model.call(new AudioTranscriptionPrompt(null)))
				.withMessageContaining("audio resource");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> model
					.call(new AudioTranscriptionPrompt(wav(), ZaiTranscriptionOptions.builder().userId("abc").build())))
				.withMessageContaining("user");
			assertThat(this.server.requestCount()).isZero();
		});
	}

	@Test
	void autoConfigurationFollowsSpringAiModelSelection() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(ZaiTranscriptionModel.class));
		this.runner.withPropertyValues("spring.ai.model.audio.transcription=zai")
			.run((context) -> assertThat(context).hasSingleBean(ZaiTranscriptionModel.class));
		this.runner.withPropertyValues("spring.ai.model.audio.transcription=other")
			.run((context) -> assertThat(context).doesNotHaveBean(TranscriptionModel.class));
		this.runner.withPropertyValues("zai.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(TranscriptionModel.class));
		ZaiTranscriptionModel own = new ZaiTranscriptionModel(mock(ZaiTranscriptionOperations.class), "glm-asr");
		this.runner.withBean(ZaiTranscriptionModel.class, () -> own)
			.run((context) -> assertThat(context).getBean(TranscriptionModel.class).isSameAs(own));
	}

	@Test
	void toStringNamesTheModelButNotTheKey() {
		run((model) -> assertThat(model.toString()).contains("ZaiTranscriptionModel")
			.doesNotContain("transcription-test.key"));
	}

}
