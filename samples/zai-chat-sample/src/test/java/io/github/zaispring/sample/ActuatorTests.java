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

package io.github.zaispring.sample;

import java.time.Duration;
import java.util.Map;

import io.github.zaispring.test.AutoConfigureZaiMockServer;
import io.github.zaispring.test.ZaiMockServer;
import io.github.zaispring.test.ZaiReply;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests that the starter's meters reach the actuator's metrics and Prometheus endpoints.
 *
 * @author zai-spring-boot contributors
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@AutoConfigureZaiMockServer
class ActuatorTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private ZaiMockServer zai;

	@Test
	void exposesHealth() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
	}

	@Test
	void exposesTheChatMetersAfterAChatAndAStream() {
		this.zai.enqueue(ZaiReply.text("Hello").usage(10, 5));
		this.zai.enqueue(ZaiReply.text("Hello again").usage(12, 7));
		this.client.post().uri("/api/chat").bodyValue(Map.of("message", "hi")).exchange().expectStatus().isOk();
		this.client.get()
			.uri("/api/chat/stream?message=hi")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody()
			.blockLast(Duration.ofSeconds(10));
		// a stream's observation stops with its last chunk, which may land just after the
		// last event reached the client
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> this.client.get()
				.uri("/actuator/metrics/gen_ai.client.operation")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.name")
				.isEqualTo("gen_ai.client.operation")
				.jsonPath("$.measurements[0].statistic")
				.isEqualTo("COUNT")
				.jsonPath("$.measurements[0].value")
				.isEqualTo(2.0));
		this.client.get()
			.uri("/actuator/metrics/gen_ai.client.token.usage")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("gen_ai.client.token.usage")
			.jsonPath("$.availableTags[?(@.tag == 'gen_ai.token.type')].values[*]")
			.value((types) -> assertThat(types.toString()).contains("input").contains("output"));
		String prometheus = this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(prometheus).contains("gen_ai_client_operation").contains("gen_ai_client_token_usage");
	}

}
