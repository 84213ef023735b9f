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

package io.github.zaispring.readme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.github.zaispring.readme.ReadmeJavaBlocks.Block;
import io.github.zaispring.readme.ReadmeJavaBlocks.BlockCompiler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compiles every Java block of README.md against the current code and the dependencies
 * the README tells a user to add, so that a recipe copied from it compiles. The rules for
 * README authors are in {@link ReadmeJavaBlocks} and at the top of README.md.
 *
 * @author zai-spring-boot contributors
 */
class ReadmeJavaBlocksTests {

	private static final Path README = Path.of("..", "README.md");

	private static BlockCompiler compiler;

	@TempDir
	Path output;

	@BeforeAll
	static void createCompiler() throws IOException {
		compiler = ReadmeJavaBlocks.compiler(ReadmeJavaBlocks.classpath());
	}

	@AfterAll
	static void closeCompiler() throws IOException {
		compiler.close();
	}

	@TestFactory
	Stream<DynamicTest> everyJavaBlockOfTheReadmeCompiles() throws IOException {
		List<Block> blocks = ReadmeJavaBlocks.parse("README.md", Files.readAllLines(README));
		assertThat(blocks).as("Java blocks of README.md").hasSizeGreaterThan(10);
		return blocks.stream()
			.map((block) -> DynamicTest.dynamicTest("README.md:" + block.line() + " (" + block.heading() + ")", () -> {
				Assumptions.assumeFalse(block.isSkipped(), () -> "skipped: " + block.skipReason());
				List<String> errors = compiler.compile(block, this.output.resolve("line" + block.line()));
				assertThat(errors)
					.as(() -> "%s, in the block of \"%s\" compiled as:%n%s".formatted(String.join("\n", errors),
							block.heading(), block.toSource().numbered()))
					.isEmpty();
			}));
	}

	@Test
	void everySkippedBlockSaysWhy() throws IOException {
		assertThat(ReadmeJavaBlocks.parse("README.md", Files.readAllLines(README))).filteredOn(Block::isSkipped)
			.allSatisfy((block) -> assertThat(block.skipReason()).as("reason to skip README.md:%d", block.line())
				.isNotBlank());
	}

	@Test
	void namesTheDocumentLineOfAnError() throws IOException {
		List<Block> blocks = ReadmeJavaBlocks.parse("DOC.md", List.of("# Title", "", "   ```java",
				"   import reactor.core.publisher.Mono;", "", "   Mono<String> text = Mono.just(1);", "   ```"));
		assertThat(blocks).singleElement().satisfies((block) -> {
			assertThat(block.line()).isEqualTo(4);
			assertThat(compiler.compile(block, this.output))
				.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
				.startsWith("DOC.md:6: incompatible types");
		});
	}

	@Test
	void reportsAMissingImportAtTheLineThatNeedsIt() throws IOException {
		List<Block> blocks = ReadmeJavaBlocks.parse("DOC.md",
				List.of("## Section", "```java", "Mono<String> text = Mono.just(\"a\");", "```"));
		assertThat(compiler.compile(blocks.get(0), this.output))
			.first(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.startsWith("DOC.md:3: cannot find symbol");
	}

	@Test
	void wrapsStatementsMembersAndGivenNamesAndCompilesWholeUnitsAsTheyAre() throws IOException {
		List<Block> blocks = ReadmeJavaBlocks.parse("DOC.md",
				List.of("## Statements", "<!-- readme-check: given io.github.zaispring.chat.ZaiChatOperations zai -->",
						"```java", "String reply = zai.chat(\"hi\").block();", "```", "## Members", "```java",
						"import org.springframework.context.annotation.Bean;", "", "@Bean", "String name() {",
						"    return \"x\";", "}", "```", "## Unit", "```java", "package example;", "",
						"public record Point(int x, int y) {", "}", "```", "## Skipped",
						"<!-- readme-check: skip shows a fragment -->", "```java", "...", "```", "## Not Java",
						"```yaml", "zai: {}", "```"));
		assertThat(blocks).hasSize(4);
		assertThat(blocks.get(0).toSource().text()).contains("io.github.zaispring.chat.ZaiChatOperations zai;")
			.contains("void snippet() throws Exception {");
		assertThat(blocks.get(1).toSource().text()).doesNotContain("void snippet()");
		assertThat(blocks.get(2).toSource().typeName()).isEqualTo("Point");
		assertThat(blocks.get(3).isSkipped()).isTrue();
		assertThat(blocks.get(3).skipReason()).isEqualTo("shows a fragment");
		for (int i = 0; i < 3; i++) {
			assertThat(compiler.compile(blocks.get(i), this.output.resolve("block" + i))).as("errors of block %d", i)
				.isEmpty();
		}
	}

}
