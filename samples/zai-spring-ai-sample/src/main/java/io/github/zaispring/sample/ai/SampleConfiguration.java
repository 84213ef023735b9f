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

import io.github.zaispring.rerank.ZaiRerankOperations;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.vectorstore.SimpleVectorStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.util.StopWatch;

/**
 * The beans of the sample beside the ones Spring AI and the Z.AI starter configure: the
 * tool, and the README split, embedded and kept in a {@link SimpleVectorStore}.
 *
 * @author zai-spring-boot contributors
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SampleProperties.class)
class SampleConfiguration {

	private static final Log logger = LogFactory.getLog(SampleConfiguration.class);

	/**
	 * The longest chunk of the README, in characters (about 400 tokens).
	 */
	private static final int CHUNK_LENGTH = 1600;

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
	 * The README, embedded at startup with the {@link EmbeddingModel} of Z.AI (a few
	 * cents' worth of embedding-3 with a key, a moment without).
	 */
	@Bean
	SimpleVectorStore readme(EmbeddingModel embeddingModel, @Value("classpath:docs/README.md") Resource readme)
			throws IOException {
		StopWatch watch = new StopWatch();
		watch.start();
		List<Document> chunks = new ReadmeChunks(CHUNK_LENGTH).split(readme.getContentAsString(StandardCharsets.UTF_8));
		SimpleVectorStore store = SimpleVectorStore.builder(embeddingModel).build();
		store.add(chunks);
		watch.stop();
		logger.info("Embedded the README in " + chunks.size() + " chunks in " + watch.getTotalTimeMillis() + " ms");
		return store;
	}

	@Bean
	DocsSearch docsSearch(SimpleVectorStore readme, ZaiRerankOperations rerank) {
		return new DocsSearch(readme, rerank, CANDIDATES, SOURCES);
	}

}
