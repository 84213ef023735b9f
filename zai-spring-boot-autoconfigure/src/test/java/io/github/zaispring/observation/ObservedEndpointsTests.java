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

package io.github.zaispring.observation;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import io.github.zaispring.audio.AudioFile;
import io.github.zaispring.audio.SpeechRequest;
import io.github.zaispring.audio.ZaiSpeechTemplate;
import io.github.zaispring.audio.ZaiTranscriptionTemplate;
import io.github.zaispring.internal.ExchangeCore;
import io.github.zaispring.moderation.ZaiModerationTemplate;
import io.github.zaispring.rerank.ZaiRerankTemplate;
import io.github.zaispring.video.ZaiVideoTemplate;
import io.github.zaispring.websearch.ZaiWebSearchTemplate;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calls of the endpoints beyond chat, observed end to end against a server on
 * 127.0.0.1: one {@code gen_ai.client.operation} per call with the endpoint's operation
 * name.
 *
 * @author zai-spring-boot contributors
 */
class ObservedEndpointsTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private MockWebServer server;

	private ExchangeCore core;

	@BeforeEach
	void start() throws IOException {
		this.server = new MockWebServer();
		this.server.start(InetAddress.getLoopbackAddress(), 0);
		this.core = ExchangeCore.builder()
			.apiKey("k.secret")
			.baseUrl(this.server.url("/api/paas/v4").toString())
			.interceptor(
					new ObservationZaiInterceptor(this.registry, null, new DefaultZaiChatObservationConvention(), null))
			.build();
	}

	@AfterEach
	void stop() {
		this.core.close();
		this.server.close();
	}

	@Test
	void observesAWebSearchAsOneWebSearchOperation() {
		this.server.enqueue(json("{\"id\":\"ws-resp-1\",\"created\":1773454937,\"request_id\":\"ws-7f3a2c\","
				+ "\"search_result\":[{\"title\":\"t\",\"link\":\"https://example.com\"}]}"));
		ZaiWebSearchTemplate search = ZaiWebSearchTemplate.builder().exchangeCore(this.core).build();
		assertThat(search.search("GLM-5").block(WAIT).results()).hasSize(1);
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasNumberOfObservationsWithNameEqualTo("gen_ai.client.operation", 1)
			.hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasContextualNameEqualTo("web_search")
			.hasLowCardinalityKeyValue("gen_ai.operation.name", "web_search")
			.hasLowCardinalityKeyValue("gen_ai.request.model", "none")
			.hasLowCardinalityKeyValue("error.type", "none")
			.hasHighCardinalityKeyValue("gen_ai.response.id", "ws-resp-1")
			.hasBeenStopped();
	}

	@Test
	void observesARerankAsOneRerankOperationWithItsTokens() {
		this.server.enqueue(json("{\"id\":\"rr-resp-1\",\"request_id\":\"rr-000123\",\"results\":[{\"index\":0,"
				+ "\"relevance_score\":0.5}],\"usage\":{\"prompt_tokens\":61,\"total_tokens\":61}}"));
		ZaiRerankTemplate rerank = ZaiRerankTemplate.builder().exchangeCore(this.core).build();
		assertThat(rerank.rerank("q", List.of("a")).block(WAIT).results()).hasSize(1);
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasNumberOfObservationsWithNameEqualTo("gen_ai.client.operation", 1)
			.hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasContextualNameEqualTo("rerank rerank")
			.hasLowCardinalityKeyValue("gen_ai.operation.name", "rerank")
			.hasLowCardinalityKeyValue("gen_ai.request.model", "rerank")
			.hasLowCardinalityKeyValue("error.type", "none")
			.hasHighCardinalityKeyValue("gen_ai.response.id", "rr-resp-1")
			.hasBeenStopped();
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.satisfies((context) -> {
				ZaiObservationContext observed = (ZaiObservationContext) context;
				assertThat(observed.getUsage().promptTokens()).isEqualTo(61);
				assertThat(observed.getUsage().totalTokens()).isEqualTo(61);
				assertThat(observed.getRequestId()).isEqualTo("rr-000123");
			});
	}

	@Test
	void observesAModerationAsOneModerationOperationWithoutTokens() {
		this.server.enqueue(json("{\"id\":\"2026031410455503b7e9\",\"created\":1773456355000,\"request_id\":"
				+ "\"mod-000009\",\"result_list\":[{\"content_type\":\"text\",\"risk_level\":\"PASS\","
				+ "\"risk_type\":[]}],\"usage\":{\"moderation_text\":{\"call_count\":1}}}"));
		ZaiModerationTemplate moderation = ZaiModerationTemplate.builder().exchangeCore(this.core).build();
		assertThat(moderation.moderate("hello").block(WAIT).flagged()).isFalse();
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasNumberOfObservationsWithNameEqualTo("gen_ai.client.operation", 1)
			.hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasContextualNameEqualTo("moderation moderation")
			.hasLowCardinalityKeyValue("gen_ai.operation.name", "moderation")
			.hasLowCardinalityKeyValue("gen_ai.request.model", "moderation")
			.hasLowCardinalityKeyValue("error.type", "none")
			.hasHighCardinalityKeyValue("gen_ai.response.id", "2026031410455503b7e9")
			.hasBeenStopped();
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.satisfies((context) -> {
				ZaiObservationContext observed = (ZaiObservationContext) context;
				assertThat(observed.getUsage()).isNull();
				assertThat(observed.getRequestId()).isEqualTo("mod-000009");
			});
	}

	@Test
	void observesAVideoGenerationAsOneSubmitAndOneResultOperationPerPoll() {
		this.server.enqueue(json("{\"model\":\"cogvideox-3\",\"id\":\"video-task-1\",\"request_id\":"
				+ "\"vid-000042\",\"task_status\":\"PROCESSING\"}"));
		this.server.enqueue(json("{\"model\":\"cogvideox-3\",\"task_status\":\"PROCESSING\"}"));
		this.server.enqueue(json("{\"model\":\"cogvideox-3\",\"task_status\":\"SUCCESS\",\"request_id\":"
				+ "\"vid-000042\",\"video_result\":[{\"url\":\"https://cdn.example.com/v.mp4\"}]}"));
		ZaiVideoTemplate video = ZaiVideoTemplate.builder()
			.exchangeCore(this.core)
			.asyncPolling(Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMinutes(1))
			.build();
		assertThat(video.generate("A cat").block(WAIT)).isEqualTo("https://cdn.example.com/v.mp4");
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasNumberOfObservationsWithNameEqualTo("gen_ai.client.operation", 3)
			.hasAnObservation(
					(observation) -> observation.hasContextualNameEqualTo("video_generation_submit cogvideox-3")
						.hasLowCardinalityKeyValue("gen_ai.operation.name", "video_generation_submit")
						.hasLowCardinalityKeyValue("gen_ai.request.model", "cogvideox-3")
						.hasLowCardinalityKeyValue("gen_ai.response.model", "cogvideox-3")
						.hasLowCardinalityKeyValue("error.type", "none")
						.hasHighCardinalityKeyValue("gen_ai.response.id", "video-task-1"));
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasHandledContextsThatSatisfy((contexts) -> assertThat(contexts.stream()
				.map((context) -> context.getLowCardinalityKeyValue("gen_ai.operation.name").getValue())
				.toList())
				.containsExactly("video_generation_submit", "video_generation_result", "video_generation_result"));
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasAnObservation((observation) -> observation.hasContextualNameEqualTo("video_generation_result")
				.hasLowCardinalityKeyValue("gen_ai.request.model", "none")
				.hasLowCardinalityKeyValue("gen_ai.response.model", "cogvideox-3")
				.hasLowCardinalityKeyValue("error.type", "none"));
	}

	@Test
	void observesATranscriptionAsOneSpeechToTextOperation() {
		this.server.enqueue(json("{\"id\":\"asr-resp-1\",\"created\":1773456355,\"request_id\":\"asr-000009\","
				+ "\"model\":\"glm-asr-2512\",\"text\":\"Hello\"}"));
		ZaiTranscriptionTemplate transcription = ZaiTranscriptionTemplate.builder().exchangeCore(this.core).build();
		assertThat(transcription.transcribe(AudioFile.of(new byte[] { 1, 2, 3 }, "a.wav")).block(WAIT))
			.isEqualTo("Hello");
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasNumberOfObservationsWithNameEqualTo("gen_ai.client.operation", 1)
			.hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasContextualNameEqualTo("speech_to_text glm-asr-2512")
			.hasLowCardinalityKeyValue("gen_ai.operation.name", "speech_to_text")
			.hasLowCardinalityKeyValue("gen_ai.request.model", "glm-asr-2512")
			.hasLowCardinalityKeyValue("gen_ai.response.model", "glm-asr-2512")
			.hasLowCardinalityKeyValue("error.type", "none")
			.hasHighCardinalityKeyValue("gen_ai.response.id", "asr-resp-1")
			.hasBeenStopped();
	}

	@Test
	void observesSpeechAsOneTextToSpeechOperation() {
		this.server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "audio/wav").body("RIFF").build());
		this.server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
			.body("data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"AAE=\"}}]}\n\n"
					+ "data: [DONE]\n\n")
			.build());
		ZaiSpeechTemplate speech = ZaiSpeechTemplate.builder().exchangeCore(this.core).build();
		assertThat(speech.speak("Hi").block(WAIT).size()).isEqualTo(4);
		assertThat(speech.streamAudio(SpeechRequest.builder().input("Hi").build()).collectList().block(WAIT))
			.hasSize(1);
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasNumberOfObservationsWithNameEqualTo("gen_ai.client.operation", 2)
			.hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasContextualNameEqualTo("text_to_speech glm-tts")
			.hasLowCardinalityKeyValue("gen_ai.operation.name", "text_to_speech")
			.hasLowCardinalityKeyValue("gen_ai.request.model", "glm-tts")
			.hasLowCardinalityKeyValue("error.type", "none")
			.hasBeenStopped();
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasAnObservationWithAKeyValue("gen_ai.request.stream", "false")
			.hasAnObservationWithAKeyValue("gen_ai.request.stream", "true");
	}

	private static MockResponse json(String body) {
		return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(body).build();
	}

}
