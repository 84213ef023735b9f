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

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the binding of {@link SampleChatProperties}.
 *
 * @author zai-spring-boot contributors
 */
class SampleChatPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(PropertiesConfiguration.class);

	@Test
	void hasTheDocumentedDefaults() {
		this.runner.run((context) -> assertThat(context.getBean(SampleChatProperties.class))
			.isEqualTo(new SampleChatProperties(4000, 40, 32000, Duration.ofSeconds(10))));
	}

	@Test
	void bindsEveryLimit() {
		this.runner
			.withPropertyValues("sample.chat.max-message-length=100", "sample.chat.max-turns=5",
					"sample.chat.max-conversation-length=1000", "sample.chat.reconnect-delay=250ms")
			.run((context) -> assertThat(context.getBean(SampleChatProperties.class))
				.isEqualTo(new SampleChatProperties(100, 5, 1000, Duration.ofMillis(250))));
	}

	@Test
	void rejectsALimitThatIsNotPositiveNamingTheProperty() {
		this.runner.withPropertyValues("sample.chat.max-turns=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("sample.chat.max-turns must be a positive number of questions, such as 40, but was 0"));
	}

	@Test
	void rejectsAConversationShorterThanOneMessage() {
		this.runner.withPropertyValues("sample.chat.max-conversation-length=100")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("sample.chat.max-conversation-length must be at least "
						+ "sample.chat.max-message-length (4000), such as 32000, but was 100"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SampleChatProperties.class)
	static class PropertiesConfiguration {

	}

}
