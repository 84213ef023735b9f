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
import java.util.concurrent.atomic.AtomicReference;

import io.github.zaispring.test.AutoConfigureZaiMockServer;
import io.github.zaispring.test.ZaiMockServer;
import io.github.zaispring.test.ZaiReply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests that a client that goes away in the middle of a streamed answer, as a browser
 * does when the user presses Stop or closes the tab, cancels the request to Z.AI too, and
 * that the conversation goes on from what was shown.
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
	void aClientThatDisconnectsAfterTwoWordsCancelsTheStreamToZai() {
		this.zai.enqueue(ZaiReply.text("one two three four five six seven eight nine ten eleven twelve")
			.delayBetweenChunks(Duration.ofMillis(200)));
		List<ServerSentEvent<Map<String, Object>>> events = words(WebClient.create(url()), "count to twelve", 2);
		assertThat(events).extracting((event) -> event.data().get("text")).containsExactly("one", " two");
		assertThat(this.zai.awaitCancelledStreams(1, Duration.ofSeconds(10)))
			.as("Z.AI saw the stream cancelled, so no tokens are generated for nobody")
			.isTrue();
		assertThat(this.zai.activeStreams()).isZero();
	}

	@Test
	void aFollowUpAfterAStoppedAnswerCarriesTheWordsThatWereShown() {
		this.zai.enqueue(ZaiReply.text("one two three four five six seven eight nine ten eleven twelve")
			.delayBetweenChunks(Duration.ofMillis(200)));
		AtomicReference<String> session = new AtomicReference<>();
		WebClient browser = WebClient.builder()
			.baseUrl(url())
			.filter((request,
					next) -> next
						.exchange((session.get() != null)
								? ClientRequest.from(request).cookie("SESSION", session.get()).build() : request)
						.doOnNext((response) -> {
							ResponseCookie cookie = response.cookies().getFirst("SESSION");
							if (cookie != null) {
								session.set(cookie.getValue());
							}
						}))
			.build();
		words(browser, "count to twelve", 2);
		assertThat(this.zai.awaitCancelledStreams(1, Duration.ofSeconds(10))).isTrue();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(browser.get()
				.uri("/api/chat/conversation")
				.retrieve()
				.bodyToMono(String.class)
				.block(Duration.ofSeconds(5))).contains("count to twelve"));
		this.zai.enqueue(ZaiReply.text("I stopped at two."));
		browser.get()
			.uri("/api/chat/stream?message={message}", "where did you stop?")
			.retrieve()
			.bodyToFlux(String.class)
			.blockLast(Duration.ofSeconds(10));
		JsonNode messages = this.zai.requests().get(1).body().get("messages");
		assertThat(messages.get(2).get("role").asString()).isEqualTo("assistant");
		String shown = messages.get(2).get("content").asString();
		assertThat(shown).as("the answer as far as it was sent").startsWith("one two").doesNotContain("twelve");
	}

	private String url() {
		return "http://127.0.0.1:" + this.port;
	}

	private static List<ServerSentEvent<Map<String, Object>>> words(WebClient browser, String message, int count) {
		return browser.get()
			.uri("/api/chat/stream?message={message}", message)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.retrieve()
			.bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
			})
			.filter((event) -> "message".equals(event.event()))
			.take(count)
			.collectList()
			.block(Duration.ofSeconds(10));
	}

}
