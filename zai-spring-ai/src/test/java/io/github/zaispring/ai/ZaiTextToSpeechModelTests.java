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
import java.util.function.Consumer;

import io.github.zaispring.ZaiQuotaExceededException;
import io.github.zaispring.ZaiServerException;
import io.github.zaispring.ai.autoconfigure.ZaiTextToSpeechModelAutoConfiguration;
import io.github.zaispring.audio.SpeechEncoding;
import io.github.zaispring.audio.ZaiSpeechOperations;
import io.github.zaispring.autoconfigure.ZaiAutoConfiguration;
import io.github.zaispring.test.ReceivedRequest;
import io.github.zaispring.test.ZaiAudioReplies;
import io.github.zaispring.test.ZaiMockServer;
import io.github.zaispring.test.ZaiReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.ai.audio.tts.TextToSpeechModel;
import org.springframework.ai.audio.tts.TextToSpeechOptions;
import org.springframework.ai.audio.tts.TextToSpeechPrompt;
import org.springframework.ai.audio.tts.TextToSpeechResponse;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.retry.TransientAiException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The auto-configured {@link ZaiTextToSpeechModel} against the loopback Z.AI simulator.
 *
 * @author zai-spring-boot contributors
 */
class ZaiTextToSpeechModelTests {

	private static final byte[] AUDIO = "RIFF-fake-wav-audio".getBytes(StandardCharsets.US_ASCII);

	private ZaiMockServer server;

	private ApplicationContextRunner runner;

	@BeforeEach
	void start() {
		this.server = ZaiMockServer.start();
		this.runner = new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(ZaiAutoConfiguration.class, ZaiTextToSpeechModelAutoConfiguration.class))
			.withPropertyValues("zai.api-key=speech-test.key", "zai.base-url=" + this.server.baseUrl());
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	private void run(Consumer<TextToSpeechModel> test, String... properties) {
		this.runner.withPropertyValues(properties).run((context) -> test.accept(speechModel(context)));
	}

	private static TextToSpeechModel speechModel(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		return context.getBean(TextToSpeechModel.class);
	}

	private ReceivedRequest takeRequest() {
		ReceivedRequest request = this.server.takeRequest(Duration.ofSeconds(5));
		assertThat(request.path()).endsWith("/audio/speech");
		return request;
	}

	@Test
	void callSendsTheTextWithTheConfiguredDefaultsAndAnswersTheAudio() {
		this.server.enqueue(ZaiAudioReplies.speech(AUDIO, "audio/wav"));
		run((model) -> {
			TextToSpeechResponse response = model.call(new TextToSpeechPrompt("Hello from Z.AI"));
			assertThat(response.getResults()).hasSize(1);
			assertThat(response.getResult().getOutput()).isEqualTo(AUDIO);
			assertThat((String) response.getMetadata().get(ZaiTextToSpeechModel.CONTENT_TYPE)).isEqualTo("audio/wav");
			assertThat(takeRequest().bodyText()).isEqualTo("{\"model\":\"glm-tts-next\",\"input\":\"Hello from Z.AI\","
					+ "\"voice\":\"xiaochen\",\"response_format\":\"pcm\",\"stream\":false}");
		}, "zai.speech.model=glm-tts-next", "zai.speech.voice=xiaochen", "zai.speech.response-format=pcm");
	}

	@Test
	void callOfATextAnswersTheBytes() {
		this.server.enqueue(ZaiAudioReplies.speech(AUDIO, "audio/wav"));
		run((model) -> {
			assertThat(model.call("Hi")).isEqualTo(AUDIO);
			assertThat(takeRequest().bodyText()).isEqualTo(
					"{\"model\":\"glm-tts\",\"input\":\"Hi\",\"voice\":\"tongtong\",\"response_format\":\"wav\",\"stream\":false}");
		});
	}

	@Test
	void everyOptionOfThePromptIsSentOnTheWire() {
		this.server.enqueue(ZaiAudioReplies.speech(AUDIO, "application/octet-stream"));
		run((model) -> {
			TextToSpeechResponse response = model.call(new TextToSpeechPrompt("Hi",
					ZaiTextToSpeechOptions.builder()
						.model("glm-tts-x")
						.voice("jam")
						.format("PCM")
						.speed(1.5)
						.volume(2.5)
						.watermarkEnabled(false)
						.userId("user-123456")
						.build()));
			assertThat(response.getResult().getOutput()).isEqualTo(AUDIO);
			assertThat((String) response.getMetadata().get(ZaiTextToSpeechModel.CONTENT_TYPE))
				.isEqualTo("application/octet-stream");
			assertThat(takeRequest().bodyText())
				.isEqualTo("{\"model\":\"glm-tts-x\",\"input\":\"Hi\",\"voice\":\"jam\","
						+ "\"response_format\":\"pcm\",\"speed\":1.5,\"volume\":2.5,\"stream\":false,"
						+ "\"watermark_enabled\":false,\"user_id\":\"user-123456\"}");
		});
	}

	@Test
	void promptOptionsOverTheModelsDefaultsOverTheConfiguredOnes() {
		this.runner
			.withPropertyValues("zai.speech.model=glm-tts-next", "zai.speech.voice=xiaochen",
					"zai.speech.response-format=pcm")
			.run((context) -> {
				ZaiTextToSpeechModel model = new ZaiTextToSpeechModel(context.getBean(ZaiSpeechOperations.class),
						ZaiTextToSpeechOptions.builder().voice("kazi").speed(0.8).volume(3.0).build());
				// Spring AI's own options, as another provider's code would pass them
				TextToSpeechOptions options = TextToSpeechOptions.builder().speed(1.25).format("wav").build();
				model.call(new TextToSpeechPrompt("Hi", options));
				assertThat(takeRequest().bodyText()).isEqualTo("{\"model\":\"glm-tts-next\",\"input\":\"Hi\","
						+ "\"voice\":\"kazi\",\"response_format\":\"wav\",\"speed\":1.25,\"volume\":3.0,\"stream\":false}");
				model.call(new TextToSpeechPrompt("Again"));
				assertThat(takeRequest().bodyText()).isEqualTo("{\"model\":\"glm-tts-next\",\"input\":\"Again\","
						+ "\"voice\":\"kazi\",\"response_format\":\"pcm\",\"speed\":0.8,\"volume\":3.0,\"stream\":false}");
			});
	}

	@Test
	void defaultOptionsAreTheConfiguredOnesAndACopy() {
		run((model) -> {
			ZaiTextToSpeechOptions expected = ZaiTextToSpeechOptions.builder()
				.model("glm-tts-next")
				.voice("douji")
				.format("pcm")
				.build();
			assertThat(model.getDefaultOptions()).isEqualTo(expected).hasSameHashCodeAs(expected);
			assertThat(model.getOptions()).isEqualTo(expected);
			assertThat(model.getDefaultOptions()).isNotSameAs(model.getDefaultOptions());
		}, "zai.speech.model=glm-tts-next", "zai.speech.voice=douji", "zai.speech.response-format=pcm");
	}

	@Test
	void optionsCopyEveryValue() {
		ZaiTextToSpeechOptions options = ZaiTextToSpeechOptions.builder()
			.model("glm-tts")
			.voice("jam")
			.format("wav")
			.speed(1.1)
			.volume(4.0)
			.watermarkEnabled(true)
			.userId("user-123456")
			.build();
		ZaiTextToSpeechOptions copy = options.copy();
		assertThat(copy).isNotSameAs(options).isEqualTo(options).hasSameHashCodeAs(options);
		assertThat(copy.getUserId()).isEqualTo("user-123456");
		assertThat(copy.getWatermarkEnabled()).isTrue();
		assertThat(copy).isNotEqualTo(ZaiTextToSpeechOptions.builder().model("glm-tts").voice("jam").build());
	}

	@Test
	void streamSendsAStreamRequestAndAnswersThePiecesInOrder() {
		byte[] first = { 1, 2, 3 };
		byte[] second = { 4, 5 };
		byte[] third = { 6 };
		this.server.enqueue(ZaiAudioReplies.speechStream(SpeechEncoding.BASE64, first, second, third));
		run((model) -> {
			StepVerifier
				.create(model
					.stream(new TextToSpeechPrompt("Hi", ZaiTextToSpeechOptions.builder().voice("jam").build()))
					.map((response) -> response.getResult().getOutput())
					.collectList())
				.assertNext((pieces) -> assertThat(pieces).containsExactly(first, second, third))
				.expectComplete()
				.verify(Duration.ofSeconds(5));
			assertThat(takeRequest().bodyText()).isEqualTo("{\"model\":\"glm-tts\",\"input\":\"Hi\",\"voice\":\"jam\","
					+ "\"response_format\":\"wav\",\"stream\":true}");
		});
	}

	@Test
	void noBalanceIsANonTransientExceptionWithTheTypedCause() {
		this.server.enqueue(ZaiReply.error(429, "1113", "Insufficient balance or no resource package."));
		this.server.enqueue(ZaiReply.error(429, "1113", "Insufficient balance or no resource package."));
		run((model) -> {
			assertThatExceptionOfType(NonTransientAiException.class)
				.isThrownBy(() -> model.call(new TextToSpeechPrompt("Hi")))
				.withCauseInstanceOf(ZaiQuotaExceededException.class);
			StepVerifier.create(model.stream(new TextToSpeechPrompt("Hi")))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(NonTransientAiException.class)
					.hasCauseInstanceOf(ZaiQuotaExceededException.class))
				.verify(Duration.ofSeconds(5));
		});
	}

	@Test
	void aServerErrorIsATransientExceptionWithTheTypedCause() {
		this.server.enqueue(ZaiReply.error(503, "1234", "Network error, please try again later."));
		run((model) -> StepVerifier.create(model.stream(new TextToSpeechPrompt("Hi")))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(TransientAiException.class)
				.hasCauseInstanceOf(ZaiServerException.class))
			.verify(Duration.ofSeconds(5)), "zai.retry.enabled=false");
	}

	@Test
	void optionsZaiCannotHonourFailBeforeAnyRequestNamingTheOption() {
		run((model) -> {
			assertThatIllegalArgumentException().isThrownBy(
					() -> model.call(new TextToSpeechPrompt("Hi", TextToSpeechOptions.builder().format("mp3").build())))
				.withMessageContaining("format must be wav or pcm")
				.withMessageContaining("'mp3'");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> model
					.stream(new TextToSpeechPrompt("Hi", ZaiTextToSpeechOptions.builder().format("opus").build())))
				.withMessageContaining("format must be wav or pcm");
			assertThatIllegalArgumentException().isThrownBy(
					() -> model.call(new TextToSpeechPrompt("Hi", TextToSpeechOptions.builder().speed(4.0).build())))
				.withMessageContaining("speed must be in [0.5, 2]")
				.withMessageContaining("4.0");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> model
					.call(new TextToSpeechPrompt("Hi", ZaiTextToSpeechOptions.builder().volume(0.0).build())))
				.withMessageContaining("volume must be in (0, 10]");
			assertThatIllegalArgumentException().isThrownBy(
					() -> model.call(new TextToSpeechPrompt("Hi", ZaiTextToSpeechOptions.builder().voice(" ").build())))
				.withMessageContaining("voice must not be blank");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> model
					.call(new TextToSpeechPrompt("Hi", ZaiTextToSpeechOptions.builder().userId("abc").build())))
				.withMessageContaining("userId must be 6 to 128 characters");
			assertThatIllegalArgumentException().isThrownBy(() -> model.call(new TextToSpeechPrompt(" ")))
				.withMessageContaining("input must not be blank");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> model.stream(new TextToSpeechPrompt("x".repeat(1025))))
				.withMessageContaining("input must be at most 1024 characters");
			assertThat(this.server.requestCount()).isZero();
		});
	}

	@Test
	void invalidDefaultOptionsFailWhenTheModelIsCreated() {
		ZaiSpeechOperations operations = mock(ZaiSpeechOperations.class);
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new ZaiTextToSpeechModel(operations, ZaiTextToSpeechOptions.builder().format("mp3").build()))
			.withMessageContaining("format must be wav or pcm");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ZaiTextToSpeechModel(operations, ZaiTextToSpeechOptions.builder().speed(0.1).build()))
			.withMessageContaining("speed must be in [0.5, 2]");
		verifyNoInteractions(operations);
	}

	@Test
	void toStringNamesTheDefaultsButNotTheKey() {
		run((model) -> assertThat(model.toString()).contains("ZaiTextToSpeechModel", "glm-tts")
			.doesNotContain("speech-test.key"));
	}

}
