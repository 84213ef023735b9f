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

import io.github.zaispring.chat.ZaiChatOperations;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link AutoConfigureZaiMockServer} with the starter's auto-configuration.
 *
 * @author zai-spring-boot contributors
 */
@SpringBootTest
@AutoConfigureZaiMockServer
class AutoConfigureZaiMockServerTests {

	@Autowired
	ZaiMockServer zai;

	@Autowired
	GreetingService service;

	@Autowired
	Environment environment;

	@Test
	void serviceTalksToTheMockServer() {
		this.zai.enqueue(ZaiReply.text("Hi"));
		assertThat(this.service.ask("hello").block(Duration.ofSeconds(10))).isEqualTo("Hi");
		assertThat(this.zai.takeRequest(Duration.ofSeconds(1)).lastUserMessage()).isEqualTo("hello");
	}

	@Test
	void propertiesPointAtTheServer() {
		assertThat(this.environment.getProperty("zai.base-url")).isEqualTo(this.zai.baseUrl());
		assertThat(this.environment.getProperty("zai.api-key")).isNotBlank();
		assertThat(this.zai.requestCount()).as("reset before each test").isZero();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class GreetingApplication {

		@Bean
		GreetingService greetingService(ZaiChatOperations zai) {
			return new GreetingService(zai);
		}

	}

	static class GreetingService {

		private final ZaiChatOperations zai;

		GreetingService(ZaiChatOperations zai) {
			this.zai = zai;
		}

		Mono<String> ask(String question) {
			return this.zai.chat(question);
		}

	}

}
