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

import io.github.zaispring.chat.ZaiChatTemplate;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link ZaiMockServerExtension}.
 *
 * @author zai-spring-boot contributors
 */
@ExtendWith(ZaiMockServerExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ZaiMockServerExtensionTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static ZaiMockServer first;

	private final ZaiMockServer constructorServer;

	ZaiMockServerExtensionTests(ZaiMockServer server) {
		this.constructorServer = server;
	}

	@Test
	@Order(1)
	void injectsARunningServer(ZaiMockServer server) {
		first = server;
		assertThat(server).isSameAs(this.constructorServer);
		server.enqueue(ZaiReply.text("Injected")).enqueue(ZaiReply.text("left over"));
		try (ZaiChatTemplate template = ZaiChatTemplate.builder().apiKey("k").baseUrl(server.baseUrl()).build()) {
			assertThat(template.chat("hi").block(WAIT)).isEqualTo("Injected");
		}
		assertThat(server.requestCount()).isOne();
	}

	@Test
	@Order(2)
	void sharesTheServerAcrossTestsAndResetsIt(ZaiMockServer server) {
		assertThat(server).isSameAs(first);
		assertThat(server.requestCount()).isZero();
		assertThat(server.requests()).isEmpty();
		try (ZaiChatTemplate template = ZaiChatTemplate.builder().apiKey("k").baseUrl(server.baseUrl()).build()) {
			assertThat(template.chat("hi").block(WAIT)).as("the queue was cleared").isEqualTo("You said: hi");
		}
	}

	@Nested
	class NestedTests {

		@Test
		void sharesTheEnclosingServer(ZaiMockServer server) {
			assertThat(server).isSameAs(ZaiMockServerExtensionTests.this.constructorServer);
		}

	}

}
