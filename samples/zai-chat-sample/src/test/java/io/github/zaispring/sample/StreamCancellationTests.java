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
import java.util.List;
import java.util.Map;

import io.github.zaispring.test.AutoConfigureZaiMockServer;
import io.github.zaispring.test.ZaiMockServer;
import io.github.zaispring.test.ZaiReply;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that a client that goes away in the middle of a streamed answer, as a browser
 * does when the user presses Stop or closes the tab, cancels the request to Z.AI too.
 *
 * @author zai-spring-boot contributors
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureZaiMockServer
class StreamCancellationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ZaiMockServer zai;

	@Test
	void aClientThatDisconnectsAfterTwoEventsCancelsTheStreamToZai() {
		this.zai.enqueue(ZaiReply.text("one two three four five six seven eight nine ten eleven twelve")
			.delayBetweenChunks(Duration.ofMillis(200)));
		WebClient browser = WebClient.create("http://127.0.0.1:" + this.port);
		List<ServerSentEvent<Map<String, Object>>> events = browser.get()
			.uri("/api/chat/stream?message={message}", "count to twelve")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.retrieve()
			.bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
			})
			.take(2)
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(events).extracting((event) -> event.data().get("text")).containsExactly("one", " two");
		assertThat(this.zai.awaitCancelledStreams(1, Duration.ofSeconds(10)))
			.as("Z.AI saw the stream cancelled, so no tokens are generated for nobody")
			.isTrue();
		assertThat(this.zai.activeStreams()).isZero();
	}

}
