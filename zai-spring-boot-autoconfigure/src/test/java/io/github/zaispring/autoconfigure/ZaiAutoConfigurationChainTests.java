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

package io.github.zaispring.autoconfigure;

import io.github.zaispring.QuietOutput;
import io.github.zaispring.chat.ZaiChatOperations;
import io.github.zaispring.chat.ZaiChatTemplate;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Boots an application through the real auto-configuration chain, so that a missing or
 * misordered entry in {@code AutoConfiguration.imports} is caught.
 *
 * @author zai-spring-boot contributors
 */
@QuietOutput
class ZaiAutoConfigurationChainTests {

	@Test
	void autoConfiguresTheTemplateThroughEnableAutoConfiguration() {
		SpringApplication application = new SpringApplication(Application.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = application.run("--zai.api-key=chain-test.key")) {
			assertThat(context.getBeansOfType(ZaiChatOperations.class)).hasSize(1);
			assertThat(context.getBean(ZaiChatOperations.class)).isInstanceOf(ZaiChatTemplate.class);
			// Boot's WebClient.Builder is there, so the template was built after it
			assertThat(context.getBeanProvider(WebClient.Builder.class).getIfAvailable()).isNotNull();
		}
	}

	@Test
	void reportsAMissingKeyThroughTheRegisteredFailureAnalyzer(CapturedOutput output) {
		SpringApplication application = new SpringApplication(Application.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(application::run);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("zai.api-key")
			.contains("ZAI_API_KEY")
			.contains("api-key: ${ZAI_API_KEY:}");
	}

	@Test
	void reportsAnEndpointUrlAsBaseUrlThroughTheRegisteredFailureAnalyzer(CapturedOutput output) {
		SpringApplication application = new SpringApplication(Application.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run("--zai.api-key=chain-test.key",
				"--zai.base-url=https://api.z.ai/api/paas/v4/chat/completions"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Invalid Z.AI configuration: zai.base-url")
			.contains("base-url: https://api.z.ai/api/paas/v4");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
