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

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The vector of one input text.
 * <p>
 * The vector is a {@code float[]}, read straight from the JSON numbers without boxing, so
 * that a vector of 1,024 dimensions takes about 4 KB of heap. It is not copied: treat it
 * as read-only. Equality compares the contents of the vectors.
 *
 * @param index the position of the input text this vector belongs to, counted over all
 * the texts of the call (not of the batch the server saw)
 * @param embedding the vector
 * @author zai-spring-boot contributors
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Embedding(@JsonProperty("index") int index, @JsonProperty("embedding") float[] embedding) {

	/**
	 * Create an embedding.
	 * @param index the position of its input text
	 * @param embedding the vector; an absent vector is empty
	 */
	public Embedding {
		embedding = (embedding != null) ? embedding : new float[0];
	}

	/**
	 * Return the number of dimensions of the vector.
	 * @return the length of the vector
	 */
	public int dimensions() {
		return this.embedding.length;
	}

	@Override
	public boolean equals(Object other) {
		return (this == other) || (other instanceof Embedding that && this.index == that.index
				&& Arrays.equals(this.embedding, that.embedding));
	}

	@Override
	public int hashCode() {
		return 31 * this.index + Arrays.hashCode(this.embedding);
	}

	@Override
	public String toString() {
		return "Embedding[index=" + this.index + ", dimensions=" + this.embedding.length + "]";
	}

}
