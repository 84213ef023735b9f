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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link ZaiMockServerExtension} registered on a static field.
 *
 * @author zai-spring-boot contributors
 */
class ZaiMockServerRegisteredExtensionTests {

	@RegisterExtension
	static final ZaiMockServerExtension zai = new ZaiMockServerExtension();

	@Test
	void serverIsAvailableFromTheExtension() {
		zai.server().enqueue(ZaiReply.text("From the field"));
		try (ZaiChatTemplate template = ZaiChatTemplate.builder().apiKey("k").baseUrl(zai.server().baseUrl()).build()) {
			assertThat(template.chat("hi").block(Duration.ofSeconds(10))).isEqualTo("From the field");
		}
	}

}
