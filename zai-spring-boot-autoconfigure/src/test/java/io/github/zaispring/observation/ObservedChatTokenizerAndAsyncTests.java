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

import io.github.zaispring.chat.ChatRequest;
import io.github.zaispring.chat.ZaiChatTemplate;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat template's token counting and asynchronous chat observed: one
 * {@code gen_ai.client.operation} observation per call, with its own operation name and
 * the usage the answer reports.
 *
 * @author zai-spring-boot contributors
 */
class ObservedChatTokenizerAndAsyncTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private MockWebServer server;

	@BeforeEach
	void start() throws IOException {
		this.server = new MockWebServer();
		this.server.start(InetAddress.getLoopbackAddress(), 0);
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	private ZaiChatTemplate template(ObservationRegistry registry) {
		return ZaiChatTemplate.builder()
			.apiKey("k.secret")
			.baseUrl(this.server.url("/api/paas/v4").toString())
			.interceptor(new ObservationZaiInterceptor(registry, null, new DefaultZaiChatObservationConvention(), null))
			.asyncPolling(Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMinutes(1))
			.build();
	}

	@Test
	void aTokenCountIsOneTokenizeObservationWithItsPromptTokens() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.server.enqueue(json("""
				{"id":"tok-1","created":1773455580,"request_id":"tok-42",
				 "usage":{"prompt_tokens":23,"image_tokens":0,"video_tokens":0,"total_tokens":23}}"""));
		try (ZaiChatTemplate template = template(registry)) {
			assertThat(template.countTokens(ChatRequest.builder().user("hi").build()).block(WAIT)).isEqualTo(23);
		}
		TestObservationRegistryAssert.assertThat(registry)
			.hasNumberOfObservationsWithNameEqualTo("gen_ai.client.operation", 1)
			.hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasLowCardinalityKeyValue("gen_ai.operation.name", "tokenize")
			.hasLowCardinalityKeyValue("gen_ai.request.model", "glm-4.6")
			.hasLowCardinalityKeyValue("error.type", "none")
			.satisfies(
					(context) -> assertThat(((ZaiObservationContext) context).getUsage().promptTokens()).isEqualTo(23));
	}

	@Test
	void aSubmitAndEachPollAreObservationsOfTheirOwn() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.server.enqueue(json("{\"model\":\"glm-4.7\",\"id\":\"task-1\",\"task_status\":\"PROCESSING\"}"));
		this.server.enqueue(json("{\"id\":\"task-1\",\"task_status\":\"PROCESSING\"}"));
		this.server.enqueue(json("""
				{"id":"task-1","model":"glm-4.7","task_status":"SUCCESS",
				 "choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"Answer"}}],
				 "usage":{"prompt_tokens":18,"completion_tokens":240,"total_tokens":258}}"""));
		try (ZaiChatTemplate template = template(registry)) {
			String taskId = template.submit(ChatRequest.builder().user("hi").build()).block(WAIT);
			assertThat(template.awaitResult(taskId).block(WAIT).content()).isEqualTo("Answer");
		}
		TestObservationRegistryAssert.assertThat(registry)
			.hasNumberOfObservationsWithNameEqualTo("gen_ai.client.operation", 3)
			.hasAnObservation((observation) -> observation.hasNameEqualTo("gen_ai.client.operation")
				.hasLowCardinalityKeyValue("gen_ai.operation.name", "async_chat_submit"))
			.hasAnObservation((observation) -> observation.hasNameEqualTo("gen_ai.client.operation")
				.hasLowCardinalityKeyValue("gen_ai.operation.name", "async_chat_result")
				.hasLowCardinalityKeyValue("gen_ai.response.model", "glm-4.7")
				.satisfies((context) -> assertThat(((ZaiObservationContext) context).getUsage().totalTokens())
					.isEqualTo(258)));
	}

	private static MockResponse json(String body) {
		return new MockResponse.Builder().addHeader("Content-Type", "application/json; charset=UTF-8")
			.body(body)
			.build();
	}

}
