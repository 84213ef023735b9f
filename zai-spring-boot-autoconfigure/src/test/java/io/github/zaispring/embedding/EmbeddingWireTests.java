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

import java.util.List;

import io.github.zaispring.internal.WireJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embeddings wire: requests as Z.AI documents them, answers read into
 * {@code float[]}.
 *
 * @author zai-spring-boot contributors
 */
class EmbeddingWireTests {

	@Test
	void readsTheDocumentedAnswer() throws Exception {
		EmbeddingResponse response = WireJson.reader(EmbeddingResponse.class).readValue("""
				{"model":"embedding-3","object":"list",
				 "data":[{"index":0,"object":"embedding","embedding":[-0.01932,0.04417,0.00261]},
				         {"index":1,"object":"embedding","embedding":[0.00718,-0.02245,0.03106]}],
				 "usage":{"prompt_tokens":14,"completion_tokens":0,"total_tokens":14}}""");
		assertThat(response.model()).isEqualTo("embedding-3");
		assertThat(response.data()).containsExactly(new Embedding(0, new float[] { -0.01932f, 0.04417f, 0.00261f }),
				new Embedding(1, new float[] { 0.00718f, -0.02245f, 0.03106f }));
		assertThat(response.usage()).isEqualTo(new Usage(14, 14));
	}

	@Test
	void readsAnAnswerWithoutUsageOrVectorsAsEmpty() throws Exception {
		EmbeddingResponse response = WireJson.reader(EmbeddingResponse.class).readValue("{\"data\":[{\"index\":0}]}");
		assertThat(response.model()).isNull();
		assertThat(response.usage()).isEqualTo(Usage.NONE);
		assertThat(response.data().get(0).embedding()).isEmpty();
		assertThat(WireJson.reader(EmbeddingResponse.class).<EmbeddingResponse>readValue("{}").data()).isEmpty();
	}

	@Test
	void writesOnlyTheFieldsThatAreSet() {
		EmbeddingRequest request = EmbeddingRequest.builder().input(List.of("a")).build();
		assertThat(new String(WireJson.write(request))).isEqualTo("{\"input\":[\"a\"]}");
		assertThat(new String(WireJson.write(request.mutate().model("embedding-3").dimensions(256).build())))
			.isEqualTo("{\"model\":\"embedding-3\",\"input\":[\"a\"],\"dimensions\":256}");
	}

	@Test
	void comparesVectorsByContent() {
		assertThat(new Embedding(3, new float[] { 1, 2 })).isEqualTo(new Embedding(3, new float[] { 1, 2 }))
			.hasSameHashCodeAs(new Embedding(3, new float[] { 1, 2 }))
			.isNotEqualTo(new Embedding(3, new float[] { 1, 3 }))
			.hasToString("Embedding[index=3, dimensions=2]");
	}

}
