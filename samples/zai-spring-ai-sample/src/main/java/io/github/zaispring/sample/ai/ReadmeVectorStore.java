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

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingOptions;
import org.springframework.ai.vectorstore.SimpleVectorStore;
import org.springframework.util.DigestUtils;
import org.springframework.util.StopWatch;

/**
 * Fills a {@link SimpleVectorStore} with the README's chunks, embedding them only when
 * needed: the vectors are kept in a file of the sample's data directory, and a restart
 * reads them from there without a request.
 * <p>
 * {@link SimpleVectorStore#add(List)} embeds one document per request (Spring AI 2.0.1),
 * some 60 requests for this README. So the chunks are embedded here in one call of the
 * {@link EmbeddingModel}, which {@code ZaiEmbeddingModel} sends as one request per 64
 * texts, and their vectors are written in the format of
 * {@link SimpleVectorStore#save(File)}, which {@link SimpleVectorStore#load(File)} reads.
 * <p>
 * The file is named by a fingerprint of all its vectors depend on: the chunks, and the
 * embedder (the model, its dimensions, and whether the local simulator computed them,
 * whose vectors mean nothing to Z.AI's model). When any of them changes, the chunks are
 * embedded again and the new file replaces the old one.
 *
 * @author zai-spring-boot contributors
 */
final class ReadmeVectorStore {

	private static final Log logger = LogFactory.getLog(ReadmeVectorStore.class);

	private static final String PREFIX = "readme-vectors-";

	private final EmbeddingModel embeddingModel;

	private final Path directory;

	/**
	 * Create one that keeps its file in the given directory.
	 * @param embeddingModel the model that embeds the chunks, and the questions
	 * @param directory the directory of the file of vectors, created when missing
	 */
	ReadmeVectorStore(EmbeddingModel embeddingModel, Path directory) {
		this.embeddingModel = embeddingModel;
		this.directory = directory;
	}

	/**
	 * Return a vector store of the chunks, with the vectors of the file of their
	 * fingerprint, or embedded and saved to that file when there is none.
	 * @param chunks the chunks
	 * @param embedder what computes the vectors, such as
	 * {@code "embedding-3, 2048 dimensions, Z.AI"}
	 * @return the store
	 * @throws IOException when the file cannot be written
	 */
	SimpleVectorStore load(List<Document> chunks, String embedder) throws IOException {
		StopWatch watch = new StopWatch();
		watch.start();
		SimpleVectorStore store = SimpleVectorStore.builder(this.embeddingModel).build();
		Path file = this.directory.resolve(PREFIX + fingerprint(chunks, embedder) + ".json");
		if (Files.exists(file)) {
			try {
				store.load(file.toFile());
				watch.stop();
				logger.info("Read the vectors of the README's " + chunks.size() + " chunks from " + file + " in "
						+ watch.getTotalTimeMillis() + " ms");
				return store;
			}
			catch (RuntimeException ex) {
				logger.warn("Could not read " + file + " (" + ex.getMessage() + "), so the README is embedded again");
			}
		}
		save(chunks, file);
		store.load(file.toFile());
		watch.stop();
		logger.info("Embedded the README's " + chunks.size() + " chunks with " + embedder + " in "
				+ watch.getTotalTimeMillis() + " ms, and saved their vectors to " + file);
		return store;
	}

	private void save(List<Document> chunks, Path file) throws IOException {
		// all in a single batch, which ZaiEmbeddingModel sends in requests of up to 64
		// texts
		List<float[]> vectors = this.embeddingModel.embed(chunks, EmbeddingOptions.builder().build(),
				(all) -> List.of(all));
		Map<String, Object> contents = new LinkedHashMap<>();
		for (int i = 0; i < chunks.size(); i++) {
			Document chunk = chunks.get(i);
			contents.put(chunk.getId(), Map.of("id", chunk.getId(), "text", chunk.getText(), "metadata",
					chunk.getMetadata(), "embedding", vectors.get(i)));
		}
		Files.createDirectories(this.directory);
		try (DirectoryStream<Path> outdated = Files.newDirectoryStream(this.directory, PREFIX + "*.json")) {
			for (Path path : outdated) {
				Files.delete(path);
			}
		}
		// written whole or not at all, so that a crash leaves no half file to read
		Path partial = Files.createTempFile(this.directory, PREFIX, ".partial");
		JsonMapper.shared().writeValue(partial.toFile(), contents);
		Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}

	private static String fingerprint(List<Document> chunks, String embedder) {
		StringBuilder key = new StringBuilder(embedder);
		for (Document chunk : chunks) {
			key.append('\n').append(chunk.getText()).append('\n').append(new TreeMap<>(chunk.getMetadata()));
		}
		return DigestUtils.md5DigestAsHex(key.toString().getBytes(StandardCharsets.UTF_8));
	}

}
