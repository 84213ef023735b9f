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

import io.github.zaispring.audio.Transcription;
import io.github.zaispring.chat.AsyncChatResult;
import io.github.zaispring.chat.ChatCompletion;
import io.github.zaispring.chat.TokenizerResponse;
import io.github.zaispring.chat.Usage;
import io.github.zaispring.embedding.EmbeddingResponse;
import io.github.zaispring.moderation.ModerationResponse;
import io.github.zaispring.rerank.RerankResponse;
import io.github.zaispring.rerank.RerankUsage;
import io.github.zaispring.video.VideoResult;
import io.github.zaispring.video.VideoTask;
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
 * @param producesOutput whether the operation generates tokens, so that the usage's
 * output count means something (not for embeddings, whose usage has none)
 * @author zai-spring-boot contributors
 */
record ObservedResult(@Nullable String model, @Nullable String id, @Nullable Usage usage, @Nullable String requestId,
		boolean producesOutput) {

	private static final ObservedResult NONE = new ObservedResult(null, null, null, null, false);

	static ObservedResult of(@Nullable Object answer) {
		if (answer instanceof ChatCompletion completion) {
			return new ObservedResult(completion.model(), completion.id(), completion.usage(), completion.requestId(),
					true);
		}
		if (answer instanceof EmbeddingResponse embeddings) {
			// input tokens only: an embedding produces no output
			io.github.zaispring.embedding.Usage usage = embeddings.usage();
			return new ObservedResult(embeddings.model(), null,
					Usage.of(usage.promptTokens(), 0, usage.totalTokens(), null, null), null, false);
		}
		if (answer instanceof TokenizerResponse tokens) {
			return new ObservedResult(null, tokens.id(), tokens.usage(), tokens.requestId(), false);
		}
		if (answer instanceof AsyncChatResult result && result.completion() != null) {
			return of(result.completion());
		}
		if (answer instanceof RerankResponse rerank) {
			RerankUsage usage = rerank.usage();
			return new ObservedResult(null, rerank.id(),
					(usage != null) ? Usage.of(usage.promptTokens(), 0, usage.totalTokens(), null, null) : null,
					rerank.requestId(), false);
		}
		if (answer instanceof WebSearchResponse search) {
			return new ObservedResult(null, search.id(), null, search.requestId(), false);
		}
		if (answer instanceof Transcription transcription) {
			// no usage: the answer reports none
			return new ObservedResult(transcription.model(), transcription.id(), null, transcription.requestId(),
					false);
		}
		if (answer instanceof ModerationResponse moderation) {
			// no usage: the server counts calls, not tokens
			return new ObservedResult(null, moderation.id(), null, moderation.requestId(), false);
		}
		if (answer instanceof VideoTask task) {
			return new ObservedResult(task.model(), task.id(), null, task.requestId(), false);
		}
		if (answer instanceof VideoResult video) {
			return new ObservedResult(video.model(), video.id(), null, video.requestId(), false);
		}
		return NONE;
	}

}
