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

package io.github.zaispring.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.zaispring.embedding.ZaiEmbeddingOperations;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.document.Document;
import org.springframework.ai.document.MetadataMode;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingOptions;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.embedding.EmbeddingResponseMetadata;
import org.springframework.ai.embedding.observation.DefaultEmbeddingModelObservationConvention;
import org.springframework.ai.embedding.observation.EmbeddingModelObservationContext;
import org.springframework.ai.embedding.observation.EmbeddingModelObservationConvention;
import org.springframework.ai.embedding.observation.EmbeddingModelObservationDocumentation;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.retry.TransientAiException;
import org.springframework.util.Assert;

/**
 * A Spring AI {@link EmbeddingModel} for Z.AI's embedding models, on a
 * {@link ZaiEmbeddingOperations}: any number of texts per request, sent in batches the
 * API accepts, in order, with the usage of all batches summed.
 * <p>
 * {@link #dimensions()} answers from configuration ({@code zai.embedding.dimensions}, or
 * the known length of the model's vectors) without a request, so that a vector store that
 * asks at startup costs nothing. Each call is one {@code gen_ai.client.operation}
 * observation with an {@link EmbeddingModelObservationContext}. Failures are Spring AI's
 * {@link TransientAiException} or {@link NonTransientAiException}, with the Z.AI
 * exception as the cause, as for {@link ZaiChatModel}.
 *
 * @author zai-spring-boot contributors
 */
public class ZaiEmbeddingModel implements EmbeddingModel {

	private static final Map<String, Integer> KNOWN_DIMENSIONS = Map.of("embedding-3", 2048, "embedding-2", 1024);

	private static final EmbeddingModelObservationConvention DEFAULT_CONVENTION = new DefaultEmbeddingModelObservationConvention();

	private final ZaiEmbeddingOperations embeddingOperations;

	private final String model;

	private final @Nullable Integer dimensions;

	private final ObservationRegistry observationRegistry;

	private @Nullable EmbeddingModelObservationConvention observationConvention;

	private volatile @Nullable Integer measuredDimensions;

	/**
	 * Create a model.
	 * @param embeddingOperations the Z.AI embedding client
	 * @param model the model of requests that name none, for example {@code embedding-3}
	 * @param dimensions the length of the vectors of requests that set none, or
	 * {@code null} for the model's default
	 * @param observationRegistry the registry of the calls' observations
	 */
	public ZaiEmbeddingModel(ZaiEmbeddingOperations embeddingOperations, String model, @Nullable Integer dimensions,
			ObservationRegistry observationRegistry) {
		Assert.notNull(embeddingOperations, "embeddingOperations must not be null");
		Assert.hasText(model, "model must not be empty; use a model id such as embedding-3");
		Assert.isTrue(dimensions == null || dimensions > 0,
				() -> "dimensions must be positive, such as 1024, or null for the model's default, but was "
						+ dimensions);
		Assert.notNull(observationRegistry, "observationRegistry must not be null; use ObservationRegistry.NOOP");
		this.embeddingOperations = embeddingOperations;
		this.model = model;
		this.dimensions = dimensions;
		this.observationRegistry = observationRegistry;
	}

	/**
	 * Use the given convention for the observations of the calls instead of Spring AI's
	 * default one.
	 * @param observationConvention the convention
	 */
	public void setObservationConvention(EmbeddingModelObservationConvention observationConvention) {
		Assert.notNull(observationConvention, "observationConvention must not be null");
		this.observationConvention = observationConvention;
	}

	/**
	 * Embed the texts of a request.
	 * @param request the texts, with options whose model and dimensions override the
	 * defaults
	 * @return an embedding per text, in order, and the usage
	 * @throws TransientAiException when a transient failure outlasted the retries
	 * @throws NonTransientAiException when the request failed for good
	 */
	@Override
	public EmbeddingResponse call(EmbeddingRequest request) {
		Assert.notNull(request, "request must not be null");
		EmbeddingRequest effective = withDefaults(request);
		EmbeddingOptions options = effective.getOptions();
		io.github.zaispring.embedding.EmbeddingRequest zaiRequest = io.github.zaispring.embedding.EmbeddingRequest
			.builder()
			.model(options.getModel())
			.dimensions(options.getDimensions())
			.input(effective.getInstructions())
			.build();
		EmbeddingModelObservationContext context = EmbeddingModelObservationContext.builder()
			.embeddingRequest(effective)
			.provider(ZaiChatModel.PROVIDER)
			.build();
		Observation observation = EmbeddingModelObservationDocumentation.EMBEDDING_MODEL_OPERATION
			.observation(this.observationConvention, DEFAULT_CONVENTION, () -> context, this.observationRegistry);
		return observation.observe(() -> {
			io.github.zaispring.embedding.EmbeddingResponse answer = ZaiChatModel.await(
					this.embeddingOperations.embed(zaiRequest)
						.contextWrite((reactorContext) -> ZaiChatModel.observedBy(reactorContext, observation)),
					"Z.AI answered an embedding request with no response");
			List<Embedding> embeddings = new ArrayList<>(answer.data().size());
			for (io.github.zaispring.embedding.Embedding embedding : answer.data()) {
				embeddings.add(new Embedding(embedding.embedding(), embedding.index()));
			}
			String model = (answer.model() != null) ? answer.model() : options.getModel();
			EmbeddingResponse response = new EmbeddingResponse(embeddings, new EmbeddingResponseMetadata(model,
					new DefaultUsage(answer.usage().promptTokens(), 0, answer.usage().totalTokens(), answer.usage())));
			context.setResponse(response);
			return response;
		});
	}

	private EmbeddingRequest withDefaults(EmbeddingRequest request) {
		EmbeddingOptions options = request.getOptions();
		String model = (options != null && options.getModel() != null) ? options.getModel() : this.model;
		Integer dimensions = (options != null && options.getDimensions() != null) ? options.getDimensions()
				: this.dimensions;
		return new EmbeddingRequest(request.getInstructions(),
				EmbeddingOptions.builder().model(model).dimensions(dimensions).build());
	}

	/**
	 * Embed the text of a document with its metadata meant for embedding
	 * ({@link MetadataMode#EMBED}).
	 * @param document the document
	 * @return the embedding
	 */
	@Override
	public float[] embed(Document document) {
		Assert.notNull(document, "document must not be null");
		return embed(getEmbeddingContent(document));
	}

	@Override
	public String getEmbeddingContent(Document document) {
		Assert.notNull(document, "document must not be null");
		return document.getFormattedContent(MetadataMode.EMBED);
	}

	/**
	 * Return the length of the vectors: {@code zai.embedding.dimensions} when set,
	 * otherwise the known default of the model (2048 for {@code embedding-3}), without a
	 * request. Only for a model whose default is unknown, the first call embeds one short
	 * text to measure it.
	 * @return the number of dimensions
	 */
	@Override
	public int dimensions() {
		if (this.dimensions != null) {
			return this.dimensions;
		}
		Integer known = KNOWN_DIMENSIONS.get(this.model);
		if (known != null) {
			return known;
		}
		Integer measured = this.measuredDimensions;
		if (measured == null) {
			measured = embed("dimensions").length;
			this.measuredDimensions = measured;
		}
		return measured;
	}

	@Override
	public String toString() {
		return "ZaiEmbeddingModel[model=" + this.model + ", dimensions=" + this.dimensions + "]";
	}

}
