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

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import org.springframework.boot.test.system.CapturedOutput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Tests for {@link QuietOutputExtension}.
 *
 * @author zai-spring-boot contributors
 */
class QuietOutputExtensionTests {

	private static volatile boolean running;

	@Test
	void holdsBackTheOutputOfAPassingTestAndHandsItToTheTest() {
		Result result = run(Passing.class);
		assertThat(result.events().succeeded().count()).isEqualTo(1);
		assertThat(result.output()).doesNotContain("APPLICATION FAILED TO START");
	}

	@Test
	void printsTheOutputOfAFailingTest() {
		Result result = run(Failing.class);
		assertThat(result.events().failed().count()).isEqualTo(1);
		assertThat(result.output()).contains("what went wrong before the failure");
	}

	@Test
	void failsAPassingTestThatDidNotPrintWhatItExpects() {
		Result result = run(MissingExpectation.class);
		assertThat(result.events().failed().count()).isEqualTo(1);
		assertThat(result.output()).contains("the only line");
		result.events()
			.failed()
			.stream()
			.forEach((event) -> assertThat(event.getPayload(TestExecutionResult.class)
				.flatMap(TestExecutionResult::getThrowable)
				.map(Throwable::getMessage)
				.orElse("")).contains("[a line never printed]"));
	}

	@Test
	void passesAPassingTestThatPrintedWhatItExpects() {
		Result result = run(MetExpectation.class);
		assertThat(result.events().succeeded().count()).isEqualTo(1);
		assertThat(result.output()).isEmpty();
	}

	private static Result run(Class<?> testClass) {
		PrintStream original = System.out;
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
		running = true;
		try {
			Events events = EngineTestKit.engine("junit-jupiter")
				.selectors(selectClass(testClass))
				.execute()
				.testEvents();
			return new Result(events, buffer.toString(StandardCharsets.UTF_8));
		}
		finally {
			running = false;
			System.setOut(original);
		}
	}

	private record Result(Events events, String output) {

	}

	@QuietOutput
	static class Passing {

		@Test
		void printsAReport(CapturedOutput output) {
			assumeTrue(running, "run by QuietOutputExtensionTests");
			System.out.println("APPLICATION FAILED TO START");
			System.err.println("on purpose");
			assertThat(output.getOut()).contains("APPLICATION FAILED TO START");
			assertThat(output.getErr()).contains("on purpose");
			assertThat(output).contains("APPLICATION FAILED TO START").contains("on purpose");
		}

	}

	@QuietOutput
	static class Failing {

		@Test
		void fails() {
			assumeTrue(running, "run by QuietOutputExtensionTests");
			System.out.println("what went wrong before the failure");
			throw new AssertionError("failed on purpose");
		}

	}

	static class MissingExpectation {

		@Test
		@QuietOutput(expect = "a line never printed")
		void printsSomethingElse() {
			assumeTrue(running, "run by QuietOutputExtensionTests");
			System.out.println("the only line");
		}

	}

	static class MetExpectation {

		@Test
		@QuietOutput(expect = "the expected line")
		void printsIt() {
			assumeTrue(running, "run by QuietOutputExtensionTests");
			System.out.println("the expected line");
		}

	}

}
