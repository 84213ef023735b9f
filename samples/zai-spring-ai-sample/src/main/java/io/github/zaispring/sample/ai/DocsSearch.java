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
import java.util.stream.IntStream;

import io.github.zaispring.rerank.RerankResponse;
import io.github.zaispring.rerank.ZaiRerankOperations;

import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.VectorStore;

/**
 * Finds the parts of the README that answer a question, in two steps: the vector store
 * gives the chunks whose embeddings are nearest to the question's, then Z.AI's rerank
 * model reads the question and each of those chunks and orders them by how well they
 * answer it. Nearness of embeddings is cheap and rough; reranking is precise but needs
 * the text of every candidate, so it only sees the few the vector store found.
 *
 * @author zai-spring-boot contributors
 */
class DocsSearch {

	private final VectorStore readme;

	private final ZaiRerankOperations rerank;

	private final int candidates;

	private final int sources;

	DocsSearch(VectorStore readme, ZaiRerankOperations rerank, int candidates, int sources) {
		this.readme = readme;
		this.rerank = rerank;
		this.candidates = candidates;
		this.sources = sources;
	}

	/**
	 * Return the best parts of the README for a question.
	 * @param question the question
	 * @return at most the configured number of sources, best first, numbered from 1
	 */
	List<Source> find(String question) {
		List<Document> nearest = this.readme
			.similaritySearch(SearchRequest.builder().query(question).topK(this.candidates).build());
		if (nearest.isEmpty()) {
			return List.of();
		}
		RerankResponse ranked = this.rerank.rerank(question, nearest.stream().map(Document::getText).toList()).block();
		List<Document> best = (ranked != null)
				? ranked.results().stream().limit(this.sources).map((result) -> nearest.get(result.index())).toList()
				: nearest.subList(0, Math.min(this.sources, nearest.size()));
		return IntStream.range(0, best.size()).mapToObj((i) -> Source.of(i + 1, best.get(i))).toList();
	}

	/**
	 * A part of the README that an answer may cite.
	 *
	 * @param number the number the answer cites it by, as in {@code [1]}
	 * @param section the title of its section
	 * @param anchor the anchor of its section on GitHub
	 * @param text the text, in Markdown
	 */
	record Source(int number, String section, String anchor, String text) {

		static Source of(int number, Document document) {
			return new Source(number, (String) document.getMetadata().get(ReadmeChunks.SECTION),
					(String) document.getMetadata().get(ReadmeChunks.ANCHOR), document.getText());
		}

	}

}
