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

package io.github.zaispring.observation;

import io.github.zaispring.chat.ChatCompletion;
import io.github.zaispring.chat.Usage;
import io.github.zaispring.rerank.RerankResponse;
import io.github.zaispring.rerank.RerankUsage;
import io.github.zaispring.websearch.WebSearchResponse;
import org.jspecify.annotations.Nullable;

/**
 * What an observation records of the answer of a call, read by the answer's type: the
 * model that answered, the id of the answer and the tokens it reports. One branch per
 * endpoint family's response type.
 *
 * @param model the model that answered, or {@code null}
 * @param id the id of the answer, or {@code null}
 * @param usage the tokens the answer reports, or {@code null}
 * @param requestId the request id the answer reports, or {@code null}
 * @author zai-spring-boot contributors
 */
record ObservedResult(@Nullable String model, @Nullable String id, @Nullable Usage usage, @Nullable String requestId) {

	private static final ObservedResult NONE = new ObservedResult(null, null, null, null);

	static ObservedResult of(@Nullable Object answer) {
		if (answer instanceof ChatCompletion completion) {
			return new ObservedResult(completion.model(), completion.id(), completion.usage(), completion.requestId());
		}
		if (answer instanceof RerankResponse rerank) {
			RerankUsage usage = rerank.usage();
			return new ObservedResult(null, rerank.id(),
					(usage != null) ? Usage.of(usage.promptTokens(), 0, usage.totalTokens(), null, null) : null,
					rerank.requestId());
		}
		if (answer instanceof WebSearchResponse search) {
			return new ObservedResult(null, search.id(), null, search.requestId());
		}
		return NONE;
	}

}
