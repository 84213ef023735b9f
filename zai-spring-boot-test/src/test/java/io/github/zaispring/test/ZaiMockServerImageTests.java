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

import io.github.resilience4j.retry.Retry;
import io.github.zaispring.ZaiQuotaExceededException;
import io.github.zaispring.image.ImageRequest;
import io.github.zaispring.image.ImageResponse;
import io.github.zaispring.image.ZaiImageTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ZaiMockServer} serving image generation to a user's test, with
 * {@link ZaiEndpointReplies}.
 *
 * @author zai-spring-boot contributors
 */
class ZaiMockServerImageTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private ZaiMockServer server;

	private ZaiImageTemplate template;

	@BeforeEach
	void start() {
		this.server = ZaiMockServer.start();
		this.template = ZaiImageTemplate.builder()
			.apiKey("k")
			.baseUrl(this.server.baseUrl())
			.retry((Retry) null)
			.build();
	}

	@AfterEach
	void stop() {
		this.template.close();
		this.server.close();
	}

	@Test
	void servesScriptedImageUrlsAndRecordsTheRequest() {
		this.server
			.enqueue(ZaiEndpointReplies.images("https://cdn.example.com/a.png", "https://cdn.example.com/b.png"));
		ImageResponse response = this.template
			.generate(ImageRequest.builder().prompt("Two cats").size("768x1344").build())
			.block(WAIT);
		assertThat(response.images()).extracting(ImageResponse.Image::url)
			.containsExactly("https://cdn.example.com/a.png", "https://cdn.example.com/b.png");
		assertThat(response.contentFilter()).isEmpty();
		ReceivedRequest request = this.server.takeRequest(WAIT);
		assertThat(request.path()).isEqualTo("/api/paas/v4/images/generations");
		assertThat(request.model()).isEqualTo("cogview-4-250304");
		assertThat(request.body().get("prompt").asString()).isEqualTo("Two cats");
		assertThat(request.body().get("size").asString()).isEqualTo("768x1344");
	}

	@Test
	void servesContentFilterVerdicts() {
		this.server.enqueue(ZaiEndpointReplies.filteredImage("https://cdn.example.com/a.png", "assistant", 2));
		ImageResponse response = this.template.generate(ImageRequest.builder().prompt("A cat").build()).block(WAIT);
		assertThat(response.contentFilter()).containsExactly(new ImageResponse.ContentFilter("assistant", 2));
	}

	@Test
	void answersWithOneImageByDefault() {
		assertThat(this.template.generate("A cat").block(WAIT)).startsWith("https://").endsWith(".png");
	}

	@Test
	void servesFaults() {
		this.server.enqueue(ZaiReply.error(429, "1113", "Insufficient balance"));
		StepVerifier.create(this.template.generate("A cat")).expectError(ZaiQuotaExceededException.class).verify(WAIT);
		assertThat(this.server.requestCount()).isEqualTo(1);
	}

}
