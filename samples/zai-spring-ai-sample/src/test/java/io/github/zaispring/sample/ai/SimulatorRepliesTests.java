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

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests of the script of the local simulator, {@link SimulatorReplies}; the application
 * tests run it behind {@code ChatClient}.
 *
 * @author zai-spring-boot contributors
 */
class SimulatorRepliesTests {

	@Test
	void embedsTextsThatShareWordsNearEachOther() {
		float[] question = SimulatorReplies.wordVector("How do I set the API key?", 512);
		float[] aboutTheKey = SimulatorReplies.wordVector("## Getting started\n\nSet the API key in ZAI_API_KEY.", 512);
		float[] aboutRetries = SimulatorReplies.wordVector("## Resilience\n\nRetries back off with jitter.", 512);
		assertThat(dot(question, question)).isCloseTo(1, within(1e-5));
		assertThat(dot(question, aboutTheKey)).isGreaterThan(dot(question, aboutRetries));
	}

	@Test
	void embedsATextWithoutWordsAsAVectorOfUnitLength() {
		assertThat(SimulatorReplies.wordVector("?!", 4)).containsExactly(1, 0, 0, 0);
	}

	@Test
	void answersWithTheResultOfTheTool() {
		assertThat(SimulatorReplies.timeAnswer("{\"city\":\"Tokyo\",\"timeZone\":\"Asia/Tokyo\",\"time\":\"21:05\","
				+ "\"date\":\"Thursday 3 December 2026\",\"utcOffset\":\"+09:00\"}"))
			.startsWith("In **Tokyo** it is **21:05** on Thursday 3 December 2026 (Asia/Tokyo, UTC+09:00).");
	}

	@Test
	void answersWithTheErrorOfTheTool() {
		assertThat(SimulatorReplies.timeAnswer("\"Unknown city 'Atlantis': this tool knows ...\""))
			.startsWith("The `currentTime` tool could not tell: Unknown city 'Atlantis': this tool knows ...");
	}

	@Test
	void quotesTheFirstSourceAndCitesTheOthers() {
		String system = """
				Answer from these parts of the project's README, like [1].

				[1] ## Getting started

				```xml
				<dependency/>
				```

				Set the key in `ZAI_API_KEY`. Then inject the template.

				[2] ## Configuration

				The table.

				[3] ## Errors

				Typed exceptions.""";
		assertThat(SimulatorReplies.citedAnswer(system)).startsWith("The README says, in “Getting started”: Set the "
				+ "key in `ZAI_API_KEY`. Then inject the template. [1]\n\nMore in “Configuration” [2] and “Errors” [3].");
	}

	@Test
	void answersAFollowUpWithTheEarlierQuestions() {
		assertThat(SimulatorReplies.plainAnswer(List.of("My name is Ada.", "What is my name?")))
			.startsWith("You asked “What is my name?”.")
			.contains("This is question 2 of our conversation")
			.endsWith("You asked before:\n\n- “My name is Ada.”");
	}

	private static double dot(float[] a, float[] b) {
		double dot = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[i];
		}
		return dot;
	}

}
