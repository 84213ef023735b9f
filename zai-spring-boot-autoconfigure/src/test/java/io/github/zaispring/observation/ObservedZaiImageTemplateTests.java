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

import io.github.zaispring.image.ZaiImageTemplate;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image template observed: one {@code gen_ai.client.operation} observation per call
 * named {@code image_generation}.
 *
 * @author zai-spring-boot contributors
 */
class ObservedZaiImageTemplateTests {

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

	@Test
	void aGenerationIsOneImageGenerationObservation() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
			.body("{\"created\":1773455802,\"data\":[{\"url\":\"https://cdn.example.com/1.png\"}]}")
			.build());
		try (ZaiImageTemplate template = ZaiImageTemplate.builder()
			.apiKey("k.secret")
			.baseUrl(this.server.url("/api/paas/v4").toString())
			.interceptor(new ObservationZaiInterceptor(registry, null, new DefaultZaiChatObservationConvention(), null))
			.build()) {
			assertThat(template.generate("A cat").block(Duration.ofSeconds(15)))
				.isEqualTo("https://cdn.example.com/1.png");
		}
		TestObservationRegistryAssert.assertThat(registry)
			.hasNumberOfObservationsWithNameEqualTo("gen_ai.client.operation", 1)
			.hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasLowCardinalityKeyValue("gen_ai.operation.name", "image_generation")
			.hasLowCardinalityKeyValue("gen_ai.request.model", "cogview-4-250304")
			.hasLowCardinalityKeyValue("error.type", "none")
			.hasBeenStopped();
	}

}
