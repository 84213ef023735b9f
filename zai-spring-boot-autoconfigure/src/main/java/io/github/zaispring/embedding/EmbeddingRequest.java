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

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A request to embed texts. Immutable; build one with {@link #builder()}:
 * <pre class="code">
 * EmbeddingRequest request = EmbeddingRequest.builder()
 *     .model("embedding-3")
 *     .input(List.of("Paris is the capital of France.", "Berlin has many museums."))
 *     .dimensions(1024)
 *     .build();
 * </pre> The input may hold any number of texts: the template sends them in batches of at
 * most {@value ZaiEmbeddingTemplate#MAX_BATCH_SIZE}.
 *
 * @param model the model, or {@code null} for the configured default
 * @param input the texts, none blank
 * @param dimensions the length of each vector, or {@code null} for the configured default
 * (the server's default when none is configured: 2048 for embedding-3)
 * @author zai-spring-boot contributors
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EmbeddingRequest(@JsonProperty("model") @Nullable String model, @JsonProperty("input") List<String> input,
		@JsonProperty("dimensions") @Nullable Integer dimensions) {

	/**
	 * Check and copy the request.
	 * @throws IllegalArgumentException when the input is empty or holds a blank text, the
	 * model is blank or the dimensions are not positive
	 */
	public EmbeddingRequest {
		Assert.isTrue(model == null || !model.isBlank(),
				"model must not be blank; use a model id such as embedding-3, or null for the default");
		input = checkTexts("input", input);
		checkDimensions("dimensions", dimensions);
	}

	/**
	 * Create a builder of a request.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return a builder that starts from this request.
	 * @return a new builder with the values of this request
	 */
	public Builder mutate() {
		return new Builder().model(this.model).input(this.input).dimensions(this.dimensions);
	}

	EmbeddingRequest withInput(List<String> input) {
		return new EmbeddingRequest(this.model, input, this.dimensions);
	}

	/**
	 * Check texts to embed: a list that is not empty, and no text that is {@code null} or
	 * blank (which Z.AI rejects, failing the whole batch it is in).
	 * @param argument the name of the argument, for the message
	 * @param texts the texts
	 * @return an unmodifiable copy of the texts
	 */
	static List<String> checkTexts(String argument, @Nullable List<String> texts) {
		Assert.isTrue(texts != null && !texts.isEmpty(),
				() -> argument + " must not be empty; give at least one text to embed");
		List<String> copy = new ArrayList<>(texts.size());
		for (int i = 0; i < texts.size(); i++) {
			String text = texts.get(i);
			if (text == null || text.isBlank()) {
				int position = i;
				throw new IllegalArgumentException(argument + "[" + position + "] must not be "
						+ ((text == null) ? "null" : "blank") + "; every text to embed needs some non-whitespace text");
			}
			copy.add(text);
		}
		return List.copyOf(copy);
	}

	/**
	 * Check a number of dimensions.
	 * @param name the name of the argument or property, for the message
	 * @param dimensions the dimensions, or {@code null}
	 * @return the dimensions
	 */
	static @Nullable Integer checkDimensions(String name, @Nullable Integer dimensions) {
		Assert.isTrue(dimensions == null || dimensions > 0, () -> name + " must be positive, but was " + dimensions
				+ "; embedding-3 documents 256, 512, 1024 and 2048 (the default), embedding-2 only 1024");
		return dimensions;
	}

	/**
	 * Builder of an {@link EmbeddingRequest}.
	 */
	public static final class Builder {

		private @Nullable String model;

		private @Nullable List<String> input;

		private @Nullable Integer dimensions;

		Builder() {
		}

		/**
		 * Set the model.
		 * @param model the model id, such as {@code embedding-3}, or {@code null} for the
		 * configured default
		 * @return this builder
		 */
		public Builder model(@Nullable String model) {
			this.model = model;
			return this;
		}

		/**
		 * Set the texts to embed.
		 * @param input the texts, any number, none blank
		 * @return this builder
		 */
		public Builder input(List<String> input) {
			this.input = input;
			return this;
		}

		/**
		 * Set the length of each vector.
		 * @param dimensions a positive number (embedding-3 documents 256, 512, 1024 and
		 * 2048), or {@code null} for the configured default
		 * @return this builder
		 */
		public Builder dimensions(@Nullable Integer dimensions) {
			this.dimensions = dimensions;
			return this;
		}

		/**
		 * Build the request.
		 * @return a new request
		 * @throws IllegalArgumentException when the input is empty or holds a blank text,
		 * the model is blank or the dimensions are not positive
		 */
		public EmbeddingRequest build() {
			return new EmbeddingRequest(this.model, checkTexts("input", this.input), this.dimensions);
		}

	}

}
