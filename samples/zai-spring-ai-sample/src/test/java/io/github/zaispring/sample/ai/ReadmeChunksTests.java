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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.zaispring.rerank.RerankRequest;

import org.junit.jupiter.api.Test;

import org.springframework.ai.document.Document;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests of {@link ReadmeChunks}.
 *
 * @author zai-spring-boot contributors
 */
class ReadmeChunksTests {

	@Test
	void makesAChunkOfEachSectionThatStartsWithItsHeading() {
		List<Document> chunks = new ReadmeChunks(1000).split("""
				Text before any heading.

				# Z.AI Starter

				What it is.

				## Getting started

				Add the dependency.

				Set the key.
				""");
		assertThat(chunks).extracting(Document::getText)
			.containsExactly("## Z.AI Starter\n\nWhat it is.",
					"## Getting started\n\nAdd the dependency.\n\nSet the key.");
		assertThat(chunks.get(1).getMetadata()).containsEntry(ReadmeChunks.SECTION, "Getting started")
			.containsEntry(ReadmeChunks.ANCHOR, "getting-started");
	}

	@Test
	void splitsALongSectionBetweenParagraphs() {
		String paragraph = "word ".repeat(30).strip();
		List<Document> chunks = new ReadmeChunks(400)
			.split("## Long\n\n" + paragraph + "\n\n" + paragraph + "\n\n" + paragraph + "\n");
		assertThat(chunks).extracting(Document::getText)
			.containsExactly("## Long\n\n" + paragraph + "\n\n" + paragraph, "## Long\n\n" + paragraph);
	}

	@Test
	void cutsAParagraphLongerThanAChunkBetweenLinesAndALongerLineAnywhere() {
		String line = "x".repeat(60);
		List<Document> chunks = new ReadmeChunks(100)
			.split("## Table\n\n" + line + "\n" + line + "\n" + "y".repeat(150) + "\n");
		assertThat(chunks).extracting(Document::getText)
			.containsExactly("## Table\n\n" + line, "## Table\n\n" + line, "## Table\n\n" + "y".repeat(100),
					"## Table\n\n" + "y".repeat(50));
	}

	@Test
	void cutsTheReadmeInChunksShortEnoughForRerank() throws IOException {
		String readme = new ClassPathResource("docs/README.md").getContentAsString(StandardCharsets.UTF_8);
		List<Document> chunks = new ReadmeChunks(1600).split(readme);
		assertThat(chunks).hasSizeGreaterThan(20)
			.allSatisfy((chunk) -> assertThat(chunk.getText()).hasSizeLessThanOrEqualTo(RerankRequest.MAX_TEXT_LENGTH));
		assertThat(chunks).extracting((chunk) -> chunk.getMetadata().get(ReadmeChunks.SECTION))
			.contains("Getting started", "The two commands");
	}

	@Test
	void keepsACodeBlockWholeWithItsBlankLinesAndHashes() {
		List<Document> chunks = new ReadmeChunks(1000).split("""
				## Configuration

				```yaml
				# a comment, not a heading
				zai:

				  api-key: ${ZAI_API_KEY}
				```
				""");
		assertThat(chunks).singleElement()
			.extracting(Document::getText)
			.isEqualTo(
					"## Configuration\n\n```yaml\n# a comment, not a heading\nzai:\n\n  api-key: ${ZAI_API_KEY}\n```");
	}

	@Test
	void anchorsAHeadingAsGitHubDoes() {
		assertThat(ReadmeChunks.anchor("The two commands")).isEqualTo("the-two-commands");
		assertThat(ReadmeChunks.anchor("What is retried, and why")).isEqualTo("what-is-retried-and-why");
		assertThat(ReadmeChunks.anchor("Using `ZaiChatTemplate` (Spring AI)"))
			.isEqualTo("using-zaichattemplate-spring-ai");
	}

	@Test
	void refusesALengthThatIsNotPositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ReadmeChunks(0))
			.withMessage("maxLength must be positive, such as 1500, but was 0");
	}

}
