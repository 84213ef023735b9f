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

package io.github.zaispring.embedding;

import java.util.ArrayList;
import java.util.List;

import io.github.zaispring.ZaiException;
import io.github.zaispring.internal.ClientBuilder;
import io.github.zaispring.internal.ExchangeCore;
import io.github.zaispring.internal.ExchangeCore.Timeouts;
import io.github.zaispring.internal.Operation;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

/**
 * The Z.AI embeddings client: embeds any number of texts, in batches sent concurrently,
 * and returns the vectors in the order of the texts.
 * <p>
 * Auto-configured by the starter on the shared exchange core, with the defaults of
 * {@code zai.embedding.*}; outside Spring Boot, build one with {@link #builder()}:
 * <pre class="code">
 * ZaiEmbeddingTemplate embeddings = ZaiEmbeddingTemplate.builder()
 *     .apiKey(System.getenv("ZAI_API_KEY"))
 *     .defaultDimensions(1024)
 *     .build();
 * List&lt;float[]&gt; vectors = embeddings.embed(List.of("first text", "second text")).block();
 * </pre>
 * <p>
 * Texts beyond {@value #MAX_BATCH_SIZE} are split into batches of that size, and up to
 * {@value #MAX_CONCURRENT_BATCHES} batches of one call are in flight at once; each batch
 * is one call of the exchange core, so the concurrency limit, retries, circuit breaker,
 * timeouts and observation apply to each batch (one {@code gen_ai.client.operation}
 * observation per batch). If any batch fails after its retries, the whole call fails and
 * the other batches are cancelled: a caller never receives fewer vectors than texts. A
 * template is thread-safe and meant to be shared.
 *
 * @author zai-spring-boot contributors
 */
public class ZaiEmbeddingTemplate implements ZaiEmbeddingOperations, AutoCloseable {

	/**
	 * The most texts Z.AI accepts in one request: 64 for embedding-3 (docs.bigmodel.cn,
	 * "文本嵌入", parameter {@code input}).
	 */
	public static final int MAX_BATCH_SIZE = 64;

	/**
	 * The most batches of one call in flight at once, so that a call of thousands of
	 * texts does not queue all of its batches at the concurrency limit (where they would
	 * wait beyond {@code zai.concurrency.max-wait}) or open a connection for each.
	 */
	public static final int MAX_CONCURRENT_BATCHES = 8;

	private static final Operation<EmbeddingRequest, EmbeddingResponse> EMBED = Operation.post("embeddings",
			"/embeddings", EmbeddingResponse.class, EmbeddingRequest::model);

	private final ExchangeCore core;

	private final String defaultModel;

	private final @Nullable Integer defaultDimensions;

	private final boolean ownsCore;

	ZaiEmbeddingTemplate(Builder builder, ExchangeCore core, boolean ownsCore) {
		this.core = core;
		this.ownsCore = ownsCore;
		this.defaultModel = builder.defaultModel;
		this.defaultDimensions = builder.defaultDimensions;
	}

	/**
	 * Create a builder of a template.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public Mono<EmbeddingResponse> embed(EmbeddingRequest request) {
		Assert.notNull(request, "request must not be null");
		EmbeddingRequest wireRequest = applyDefaults(request);
		List<String> input = wireRequest.input();
		int batches = (input.size() + MAX_BATCH_SIZE - 1) / MAX_BATCH_SIZE;
		if (batches == 1) {
			return batch(wireRequest, 0);
		}
		return Flux.range(0, batches).flatMapSequential((batch) -> {
			int from = batch * MAX_BATCH_SIZE;
			List<String> texts = input.subList(from, Math.min(from + MAX_BATCH_SIZE, input.size()));
			return batch(wireRequest.withInput(texts), from);
		}, MAX_CONCURRENT_BATCHES, 1).collectList().map((answers) -> merge(answers, input.size()));
	}

	@Override
	public Mono<List<float[]>> embed(List<String> texts) {
		List<String> input = EmbeddingRequest.checkTexts("texts", texts);
		return embed(EmbeddingRequest.builder().input(input).build()).map(EmbeddingResponse::vectors);
	}

	/**
	 * Return the exchange core of this template, for other Z.AI clients to share with
	 * {@code exchangeCore(..)} on their builders.
	 * @return the core
	 */
	public ExchangeCore exchangeCore() {
		return this.core;
	}

	/**
	 * Release the connection pool this template created. Does nothing when the core was
	 * given to the builder: it belongs to another client.
	 */
	@Override
	public void close() {
		if (this.ownsCore) {
			this.core.close();
		}
	}

	@Override
	public String toString() {
		return "ZaiEmbeddingTemplate[baseUrl=" + this.core.baseUrl() + ", defaultModel=" + this.defaultModel
				+ ", defaultDimensions=" + this.defaultDimensions + "]";
	}

	private EmbeddingRequest applyDefaults(EmbeddingRequest request) {
		if (request.model() != null && (request.dimensions() != null || this.defaultDimensions == null)) {
			return request;
		}
		return new EmbeddingRequest((request.model() != null) ? request.model() : this.defaultModel, request.input(),
				(request.dimensions() != null) ? request.dimensions() : this.defaultDimensions);
	}

	/**
	 * Send one batch and number its embeddings by the positions of their texts in the
	 * whole call.
	 */
	private Mono<EmbeddingResponse> batch(EmbeddingRequest request, int offset) {
		return this.core.call(EMBED, request, Timeouts.DEFAULTS)
			.map((response) -> renumbered(response, request.input().size(), offset));
	}

	/**
	 * Put the embeddings of a batch in the order of its texts (the order of {@code data}
	 * is not documented; its {@code index} is) and check that every text has exactly one.
	 */
	private static EmbeddingResponse renumbered(EmbeddingResponse response, int size, int offset) {
		Embedding[] ordered = new Embedding[size];
		for (Embedding embedding : response.data()) {
			int index = embedding.index();
			if (index < 0 || index >= size || ordered[index] != null) {
				throw incomplete(response, size, offset, "an embedding with index " + index);
			}
			ordered[index] = (offset != 0) ? new Embedding(offset + index, embedding.embedding()) : embedding;
		}
		if (response.data().size() != size) {
			throw incomplete(response, size, offset, response.data().size() + " embeddings");
		}
		return new EmbeddingResponse(response.model(), List.of(ordered), response.usage());
	}

	private static ZaiException incomplete(EmbeddingResponse response, int size, int offset, String what) {
		return new ZaiException(
				"Z.AI answered " + what + " for the " + size + " texts at positions " + offset + " to "
						+ (offset + size - 1) + " (model " + response.model() + "); expected one embedding per text",
				null);
	}

	private static EmbeddingResponse merge(List<EmbeddingResponse> answers, int size) {
		List<Embedding> data = new ArrayList<>(size);
		Usage usage = Usage.NONE;
		for (EmbeddingResponse answer : answers) {
			data.addAll(answer.data());
			usage = usage.plus(answer.usage());
		}
		return new EmbeddingResponse(answers.get(0).model(), data, usage);
	}

	/**
	 * Builder of a {@link ZaiEmbeddingTemplate}: the connection, resilience and logging
	 * settings every Z.AI client shares (or {@code exchangeCore(..)} to share the core of
	 * another client), and the defaults of embedding requests. Only the API key is
	 * required.
	 */
	public static final class Builder extends ClientBuilder<Builder> {

		private String defaultModel = "embedding-3";

		private @Nullable Integer defaultDimensions;

		Builder() {
		}

		/**
		 * Set the model of requests that name none. Defaults to {@code embedding-3}.
		 * @param model the model id, such as {@code embedding-3}
		 * @return this builder
		 */
		public Builder defaultModel(String model) {
			Assert.hasText(model, "defaultModel must not be empty; use a model id such as embedding-3");
			this.defaultModel = model;
			return this;
		}

		/**
		 * Set the length of the vectors of requests that set none; {@code null} leaves it
		 * to the server (2048 for embedding-3).
		 * @param dimensions a positive number (embedding-3 documents 256, 512, 1024 and
		 * 2048), or {@code null}
		 * @return this builder
		 */
		public Builder defaultDimensions(@Nullable Integer dimensions) {
			this.defaultDimensions = EmbeddingRequest.checkDimensions("defaultDimensions", dimensions);
			return this;
		}

		/**
		 * Build the template.
		 * @return a new template
		 * @throws IllegalArgumentException when no API key was given
		 */
		public ZaiEmbeddingTemplate build() {
			return new ZaiEmbeddingTemplate(this, buildCore(), !sharesCore());
		}

	}

}
