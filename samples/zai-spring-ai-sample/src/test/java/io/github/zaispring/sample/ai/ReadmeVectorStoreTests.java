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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.SimpleVectorStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link ReadmeVectorStore}: on an embedding model that counts its calls, the
 * chunks are embedded in one call, once per fingerprint.
 *
 * @author zai-spring-boot contributors
 */
class ReadmeVectorStoreTests {

	private static final String README = """
			## Getting started

			Set the API key in ZAI_API_KEY.

			## Retries

			Retries back off with jitter.

			## Images

			Generate images from a prompt.
			""";

	private static final String EMBEDDER = "embedding-3, 256 dimensions, local simulator";

	@TempDir
	private Path directory;

	private final CountingEmbeddings embeddings = new CountingEmbeddings();

	@Test
	void embedsAllTheChunksInOneCallAndSearchesThem() throws IOException {
		SimpleVectorStore store = load(README, EMBEDDER);
		assertThat(this.embeddings.texts).singleElement()
			.satisfies((texts) -> assertThat(texts).hasSize(3).first().asString().contains("Getting started"));
		assertThat(nearest(store, "Where do I put the API key?")).containsEntry(ReadmeChunks.SECTION, "Getting started")
			.containsEntry(ReadmeChunks.ANCHOR, "getting-started");
		assertThat(files()).singleElement().asString().startsWith("readme-vectors-").endsWith(".json");
	}

	@Test
	void readsTheVectorsOfTheSameChunksAndEmbedderWithoutEmbedding() throws IOException {
		load(README, EMBEDDER);
		SimpleVectorStore store = load(README, EMBEDDER);
		assertThat(this.embeddings.texts).hasSize(1);
		assertThat(nearest(store, "How do retries back off?")).containsEntry(ReadmeChunks.SECTION, "Retries");
		assertThat(store.similaritySearch(SearchRequest.builder().query("images").topK(10).build())).hasSize(3);
	}

	@Test
	void embedsAgainAndReplacesTheFileWhenTheReadmeChanges() throws IOException {
		load(README, EMBEDDER);
		List<Path> before = files();
		SimpleVectorStore store = load(README + "\n## Audio\n\nTranscribe speech.\n", EMBEDDER);
		assertThat(this.embeddings.texts).hasSize(2);
		assertThat(this.embeddings.texts.get(1)).hasSize(4);
		assertThat(nearest(store, "Transcribe speech")).containsEntry(ReadmeChunks.SECTION, "Audio");
		assertThat(files()).hasSize(1).doesNotContainAnyElementsOf(before);
	}

	@Test
	void embedsAgainWhenTheEmbedderChanges() throws IOException {
		load(README, EMBEDDER);
		load(README, "embedding-3, 512 dimensions, local simulator");
		load(README, "embedding-3, 512 dimensions, Z.AI");
		load(README, "embedding-2, 512 dimensions, Z.AI");
		assertThat(this.embeddings.texts).hasSize(4);
		assertThat(files()).hasSize(1);
	}

	@Test
	void embedsAgainWhenTheFileCannotBeRead() throws IOException {
		load(README, EMBEDDER);
		Files.writeString(this.directory.resolve(files().get(0)), "{\"truncated");
		SimpleVectorStore store = load(README, EMBEDDER);
		assertThat(this.embeddings.texts).hasSize(2);
		assertThat(nearest(store, "How do retries back off?")).containsEntry(ReadmeChunks.SECTION, "Retries");
	}

	private SimpleVectorStore load(String readme, String embedder) throws IOException {
		return new ReadmeVectorStore(this.embeddings, this.directory).load(new ReadmeChunks(1000).split(readme),
				embedder);
	}

	private static Map<String, Object> nearest(SimpleVectorStore store, String question) {
		return store.similaritySearch(SearchRequest.builder().query(question).topK(1).build()).get(0).getMetadata();
	}

	private List<Path> files() throws IOException {
		try (Stream<Path> files = Files.list(this.directory)) {
			return files.map(Path::getFileName).toList();
		}
	}

	/**
	 * Word vectors, as the simulator's, and the texts of each call (a question searched
	 * for is one too).
	 */
	private static final class CountingEmbeddings implements EmbeddingModel {

		private final List<List<String>> texts = new ArrayList<>();

		@Override
		public EmbeddingResponse call(EmbeddingRequest request) {
			List<String> texts = request.getInstructions();
			this.texts.add(texts);
			return new EmbeddingResponse(IntStream.range(0, texts.size())
				.mapToObj((i) -> new Embedding(SimulatorReplies.wordVector(texts.get(i), 256), i))
				.toList());
		}

		@Override
		public float[] embed(Document document) {
			throw new UnsupportedOperationException("embeds one document per request");
		}

	}

}
