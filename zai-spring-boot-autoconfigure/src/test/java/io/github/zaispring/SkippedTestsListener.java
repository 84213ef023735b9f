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

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints why a test or test class was skipped, such as the {@code disabledReason} of a
 * live test ({@code *IT}) without {@code ZAI_API_KEY}: Surefire and Failsafe only count
 * skipped tests on the console. Registered for the JUnit Platform launcher in
 * {@code META-INF/services}.
 *
 * @author zai-spring-boot contributors
 */
public class SkippedTestsListener implements TestExecutionListener {

	@Override
	public void executionSkipped(TestIdentifier testIdentifier, String reason) {
		System.out.println(describe(testIdentifier, reason));
	}

	static String describe(TestIdentifier testIdentifier, String reason) {
		return "Skipped " + testIdentifier.getLegacyReportingName() + ": " + reason;
	}

}
