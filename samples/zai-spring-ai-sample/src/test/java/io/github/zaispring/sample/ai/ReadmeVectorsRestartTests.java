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
import java.nio.file.Path;
import java.util.stream.Stream;

import io.github.zaispring.embedding.ZaiEmbeddingTemplate;
import io.github.zaispring.test.ZaiMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the sample embeds the README in batches at its first start, and not at all
 * at a restart with the same data directory, counted by the requests its local simulator
 * receives (no other request is sent at startup).
 *
 * @author zai-spring-boot contributors
 */
@DisabledIfEnvironmentVariable(named = "ZAI_API_KEY", matches = ".+",
		disabledReason = "with a key the sample talks to Z.AI, not to the local simulator")
class ReadmeVectorsRestartTests {

	@TempDir
	private Path directory;

	@Test
	void embedsTheReadmeInBatchesOnceAndReadsItsVectorsAtARestart() throws IOException {
		int chunks = new ReadmeChunks(SampleConfiguration.CHUNK_LENGTH)
			.split(new ClassPathResource("docs/README.md").getContentAsString(StandardCharsets.UTF_8))
			.size();
		int batches = (chunks + ZaiEmbeddingTemplate.MAX_BATCH_SIZE - 1) / ZaiEmbeddingTemplate.MAX_BATCH_SIZE;
		assertThat(chunks).isGreaterThan(1);
		assertThat(embeddingRequestsAtStartup()).isEqualTo(batches);
		assertThat(this.directory).isDirectoryContaining("glob:**/readme-vectors-*.json");
		assertThat(embeddingRequestsAtStartup()).isZero();
	}

	@Test
	void embedsAgainWithOtherDimensions() {
		assertThat(embeddingRequestsAtStartup()).isPositive();
		assertThat(embeddingRequestsAtStartup("--zai.embedding.dimensions=512")).isPositive();
		assertThat(embeddingRequestsAtStartup("--zai.embedding.dimensions=512")).isZero();
	}

	private int embeddingRequestsAtStartup(String... arguments) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ZaiSpringAiSampleApplication.class)
			.run(Stream
				.concat(Stream.of("--server.port=0", "--sample.data-directory=" + this.directory), Stream.of(arguments))
				.toArray(String[]::new))) {
			return context.getBean(ZaiMockServer.class).requestCount();
		}
	}

}
