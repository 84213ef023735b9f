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

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import io.github.zaispring.rerank.RerankRequest;
import io.github.zaispring.rerank.RerankResponse;
import io.github.zaispring.rerank.RerankResult;
import io.github.zaispring.rerank.ZaiRerankOperations;
import io.github.zaispring.sample.ai.DocsSearch.Source;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.vectorstore.SimpleVectorStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link DocsSearch}: a real {@link SimpleVectorStore} on the simulator's word
 * vectors, and a rerank that answers as it is told.
 *
 * @author zai-spring-boot contributors
 */
class DocsSearchTests {

	private final List<Document> readme = new ReadmeChunks(1000).split("""
			## Getting started

			Set the API key in ZAI_API_KEY.

			## Configuration

			The API key property is zai.api-key.

			## Retries

			Retries back off with jitter.

			## Images

			Generate images from a prompt.
			""");

	private final ScriptedRerank rerank = new ScriptedRerank();

	@Test
	void reranksTheNearestChunksAndNumbersTheBestInTheOrderOfTheRerank() {
		DocsSearch search = new DocsSearch(store(), this.rerank, 3, 2);
		this.rerank.order = List.of(1, 0, 2);
		List<Source> sources = search.find("Where do I put the API key?");
		assertThat(this.rerank.query).isEqualTo("Where do I put the API key?");
		assertThat(this.rerank.documents).hasSize(3);
		assertThat(this.rerank.documents.subList(0, 2)).allSatisfy((text) -> assertThat(text).contains("API key"));
		assertThat(sources).extracting(Source::number).containsExactly(1, 2);
		assertThat(sources.get(0).text()).isEqualTo(this.rerank.documents.get(1));
		assertThat(sources.get(1).text()).isEqualTo(this.rerank.documents.get(0));
		assertThat(sources)
			.allSatisfy((source) -> assertThat(source.anchor()).isEqualTo(ReadmeChunks.anchor(source.section())));
	}

	@Test
	void findsNothingInAnEmptyStoreWithoutAskingTheRerank() {
		DocsSearch search = new DocsSearch(SimpleVectorStore.builder(new WordEmbeddings()).build(), this.rerank, 3, 2);
		assertThat(search.find("Where do I put the API key?")).isEmpty();
		assertThat(this.rerank.query).isNull();
	}

	private SimpleVectorStore store() {
		SimpleVectorStore store = SimpleVectorStore.builder(new WordEmbeddings()).build();
		store.add(this.readme);
		return store;
	}

	private static final class WordEmbeddings implements EmbeddingModel {

		@Override
		public EmbeddingResponse call(EmbeddingRequest request) {
			List<String> texts = request.getInstructions();
			return new EmbeddingResponse(IntStream.range(0, texts.size())
				.mapToObj((i) -> new Embedding(SimulatorReplies.wordVector(texts.get(i), 256), i))
				.toList());
		}

		@Override
		public float[] embed(Document document) {
			return SimulatorReplies.wordVector(document.getText(), 256);
		}

	}

	private static final class ScriptedRerank implements ZaiRerankOperations {

		private List<Integer> order = List.of();

		private String query;

		private List<String> documents = new ArrayList<>();

		@Override
		public Mono<RerankResponse> rerank(RerankRequest request) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Mono<RerankResponse> rerank(String query, List<String> documents) {
			this.query = query;
			this.documents = documents;
			List<RerankResult> results = IntStream.range(0, this.order.size())
				.mapToObj((rank) -> new RerankResult(this.order.get(rank), 1.0 - rank / 10.0, null))
				.toList();
			return Mono.just(new RerankResponse("rerank-1", 0L, null, results, null));
		}

	}

}
