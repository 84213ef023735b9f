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
import java.util.List;

import io.github.zaispring.chat.ChatRequest;
import io.github.zaispring.chat.ZaiChatTemplate;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that {@link ZaiMockServer} serves thousands of concurrent streams.
 *
 * @author zai-spring-boot contributors
 */
class ZaiMockServerConcurrencyTests {

	private static final int STREAMS = 2000;

	@Test
	void servesTwoThousandConcurrentStreamsOfTwentyChunks() {
		ZaiReply reply = ZaiReply.text("abcdefghijklmnopqrs").chunkSize(1).delayBetweenChunks(Duration.ofMillis(20));
		assertThat(reply.streamChunkCount()).isEqualTo(20);
		try (ZaiMockServer server = ZaiMockServer.start().recordRequests(false);
				ZaiChatTemplate template = ZaiChatTemplate.builder()
					.apiKey("k")
					.baseUrl(server.baseUrl())
					.pool(STREAMS, Duration.ofSeconds(30), Duration.ofSeconds(30))
					.build()) {
			server.respondWith((request) -> reply);
			List<Long> counts = Flux.range(0, STREAMS)
				.flatMap((i) -> template.stream(ChatRequest.builder().user("stream " + i).build()).count(), STREAMS)
				.collectList()
				.block(Duration.ofSeconds(60));
			assertThat(counts).hasSize(STREAMS).containsOnly(20L);
			assertThat(server.requestCount()).isEqualTo(STREAMS);
			assertThat(server.cancelledStreams()).isZero();
		}
	}

}
