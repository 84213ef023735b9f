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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link AutoConfigureZaiMockServer} when the application configures its own key
 * and base URL.
 *
 * @author zai-spring-boot contributors
 */
@SpringBootTest(classes = AutoConfigureZaiMockServerTests.GreetingApplication.class,
		properties = { "zai.api-key=my-own.key", "zai.base-url=https://api.z.ai/api/coding/paas/v4" })
@AutoConfigureZaiMockServer
class AutoConfigureZaiMockServerWithKeyTests {

	@Autowired
	ZaiMockServer zai;

	@Autowired
	ZaiChatOperations operations;

	@Test
	void keepsTheConfiguredKeyAndReplacesTheBaseUrl() {
		this.zai.requireApiKey("my-own.key");
		assertThat(this.operations.chat("hello").block(Duration.ofSeconds(10))).isEqualTo("You said: hello");
		assertThat(this.zai.takeRequest(Duration.ofSeconds(1)).header("Authorization")).isEqualTo("Bearer my-own.key");
	}

}
