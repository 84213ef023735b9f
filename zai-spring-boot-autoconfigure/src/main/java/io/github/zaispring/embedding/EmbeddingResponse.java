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

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The answer to an {@link EmbeddingRequest}: one {@link Embedding} per input text, in the
 * order of the texts.
 *
 * @param model the model that answered, or {@code null} when the server named none
 * @param data the embeddings, in input order
 * @param usage the tokens used, summed over all batches of the call
 * @author zai-spring-boot contributors
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EmbeddingResponse(@JsonProperty("model") @Nullable String model,
		@JsonProperty("data") List<Embedding> data, @JsonProperty("usage") Usage usage) {

	/**
	 * Create a response.
	 * @param model the model that answered
	 * @param data the embeddings
	 * @param usage the tokens used
	 */
	public EmbeddingResponse {
		data = (data != null) ? List.copyOf(data) : List.of();
		usage = (usage != null) ? usage : Usage.NONE;
	}

	/**
	 * Create a response from its wire form, where absent parts are empty.
	 * @param model the model
	 * @param data the embeddings
	 * @param usage the usage
	 * @return the response
	 */
	@JsonCreator
	static EmbeddingResponse of(@JsonProperty("model") @Nullable String model,
			@JsonProperty("data") @Nullable List<Embedding> data, @JsonProperty("usage") @Nullable Usage usage) {
		return new EmbeddingResponse(model, (data != null) ? data : List.of(), (usage != null) ? usage : Usage.NONE);
	}

	/**
	 * Return the vectors, in input order.
	 * @return one vector per input text
	 */
	public List<float[]> vectors() {
		List<float[]> vectors = new ArrayList<>(this.data.size());
		for (Embedding embedding : this.data) {
			vectors.add(embedding.embedding());
		}
		return vectors;
	}

}
