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

package io.github.zaispring.sample.ai;

import java.nio.file.Path;
import java.util.UUID;

import io.github.zaispring.sample.ai.Assistant.Turn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests that a conversation survives a restart of the application: the chat memory is
 * Spring AI's JDBC repository on an H2 database in a file.
 *
 * @author zai-spring-boot contributors
 */
@DisabledIfEnvironmentVariable(named = "ZAI_API_KEY", matches = ".+",
		disabledReason = "with a key the sample talks to Z.AI, not to the local simulator")
class MemoryRestartTests {

	@TempDir
	private Path directory;

	@Test
	void continuesAConversationAfterARestart() {
		String conversationId = UUID.randomUUID().toString();
		try (ConfigurableApplicationContext context = start()) {
			context.getBean(Assistant.class).ask(conversationId, "My name is Ada.", false);
		}
		assertThat(this.directory).isDirectoryContaining("glob:**/chat-memory.mv.db");
		try (ConfigurableApplicationContext context = start()) {
			Assistant assistant = context.getBean(Assistant.class);
			assertThat(assistant.conversation(conversationId)).extracting(Turn::role, Turn::text)
				.first()
				.isEqualTo(tuple("user", "My name is Ada."));
			assertThat(assistant.conversation(conversationId)).hasSize(2);
			assertThat(assistant.ask(conversationId, "What is my name?", false).text())
				.contains("This is question 2 of our conversation")
				.endsWith("You asked before:\n\n- “My name is Ada.”");
		}
	}

	@Test
	void startsWithAnEmptyMemoryInANewDatabase() {
		try (ConfigurableApplicationContext context = start()) {
			assertThat(context.getBean(Assistant.class).conversation(UUID.randomUUID().toString())).isEmpty();
		}
	}

	private ConfigurableApplicationContext start() {
		// arguments, since application.yml overrides the builder's default properties
		return new SpringApplicationBuilder(ZaiSpringAiSampleApplication.class).run("--server.port=0",
				"--sample.data-directory=" + this.directory);
	}

}
