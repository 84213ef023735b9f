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

package io.github.zaispring;

import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SkippedTestsListener}.
 *
 * @author zai-spring-boot contributors
 */
class SkippedTestsListenerTests {

	@Test
	void namesTheSkippedTestAndTheReason() {
		TestIdentifier live = TestIdentifier
			.from(new EngineDescriptor(UniqueId.forEngine("live"), "ZaiChatTemplateIT"));
		assertThat(SkippedTestsListener.describe(live, "set ZAI_API_KEY to run it"))
			.isEqualTo("Skipped ZaiChatTemplateIT: set ZAI_API_KEY to run it");
	}

	@Test
	void isRegisteredWithTheLauncher() {
		assertThat(ServiceLoader.load(TestExecutionListener.class))
			.hasAtLeastOneElementOfType(SkippedTestsListener.class);
	}

}
