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
import java.time.Clock;
import java.util.List;

import io.github.zaispring.autoconfigure.ZaiProperties;
import io.github.zaispring.rerank.ZaiRerankOperations;

import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.vectorstore.SimpleVectorStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/**
 * The beans of the sample beside the ones Spring AI and the Z.AI starter configure: the
 * tool, and the README split, embedded and kept in a {@link SimpleVectorStore}, its
 * vectors saved in the data directory.
 *
 * @author zai-spring-boot contributors
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SampleProperties.class)
class SampleConfiguration {

	/**
	 * The longest chunk of the README, in characters (about 400 tokens).
	 */
	static final int CHUNK_LENGTH = 1600;

	/**
	 * How many chunks the vector store proposes, and how many of them, reranked, the
	 * model gets to cite.
	 */
	private static final int CANDIDATES = 8;

	private static final int SOURCES = 3;

	@Bean
	CityClock cityClock() {
		return new CityClock(Clock.systemUTC());
	}

	/**
	 * The README, embedded with the {@link EmbeddingModel} of Z.AI at the first start (a
	 * few cents' worth of embedding-3 with a key, a moment without) and read from the
	 * data directory at the next ones.
	 */
	@Bean
	SimpleVectorStore readme(EmbeddingModel embeddingModel, ZaiProperties zai, LocalSimulatorDetector simulator,
			SampleProperties properties, @Value("classpath:docs/README.md") Resource readme) throws IOException {
		List<Document> chunks = new ReadmeChunks(CHUNK_LENGTH).split(readme.getContentAsString(StandardCharsets.UTF_8));
		String embedder = zai.getEmbedding().getModel() + ", " + embeddingModel.dimensions() + " dimensions, "
				+ (simulator.isLocalSimulator() ? "local simulator" : "Z.AI");
		return new ReadmeVectorStore(embeddingModel, properties.dataDirectory()).load(chunks, embedder);
	}

	@Bean
	DocsSearch docsSearch(SimpleVectorStore readme, ZaiRerankOperations rerank) {
		return new DocsSearch(readme, rerank, CANDIDATES, SOURCES);
	}

}
