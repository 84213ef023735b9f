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

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import io.github.zaispring.ZaiQuotaExceededException;
import io.github.zaispring.ZaiTimeoutException;
import io.github.zaispring.chat.ChatCompletion;
import io.github.zaispring.chat.ChatCompletionMessage;
import io.github.zaispring.chat.ChatMessage;
import io.github.zaispring.chat.ChatRequest;
import io.github.zaispring.chat.Choice;
import io.github.zaispring.chat.FinishReason;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DefaultZaiChatObservationConvention}.
 *
 * @author zai-spring-boot contributors
 */
class DefaultZaiChatObservationConventionTests {

	private final DefaultZaiChatObservationConvention convention = new DefaultZaiChatObservationConvention();

	@Test
	void hasTheGenAiOperationName() {
		assertThat(this.convention.getName()).isEqualTo("gen_ai.client.operation");
	}

	@Test
	void contextualNameIsChatAndTheModel() {
		assertThat(this.convention.getContextualName(ObservationFixtures.callContext())).isEqualTo("chat glm-4.6");
	}

	@Test
	void contextualNameIsChatWhenTheRequestNamesNoModel() {
		ChatRequest request = ChatRequest.builder().message(ChatMessage.user("hi")).build();
		assertThat(this.convention.getContextualName(new ZaiChatObservationContext(request))).isEqualTo("chat");
	}

	@Test
	void supportsOnlyChatContexts() {
		assertThat(this.convention.supportsContext(ObservationFixtures.callContext())).isTrue();
		assertThat(this.convention.supportsContext(new Observation.Context())).isFalse();
	}

	@Test
	void successfulCallHasEveryKey() {
		ZaiChatObservationContext context = ObservationFixtures.callContext();
		context.setResponse(ObservationFixtures.completion());
		assertThat(this.convention.getLowCardinalityKeyValues(context)).containsExactlyInAnyOrder(
				KeyValue.of("gen_ai.operation.name", "chat"), KeyValue.of("gen_ai.provider.name", "z_ai"),
				KeyValue.of("gen_ai.request.model", "glm-4.6"), KeyValue.of("gen_ai.response.model", "glm-4.6"),
				KeyValue.of("gen_ai.request.stream", "false"), KeyValue.of("gen_ai.response.cancelled", "false"),
				KeyValue.of("error.type", "none"), KeyValue.of("server.address", "open.bigmodel.cn"));
		assertThat(this.convention.getHighCardinalityKeyValues(context)).containsExactlyInAnyOrder(
				KeyValue.of("gen_ai.response.id", "task-1"), KeyValue.of("zai.request.id", "req-1"),
				KeyValue.of("gen_ai.response.finish_reasons", "[\"stop\"]"),
				KeyValue.of("gen_ai.request.temperature", "0.7"), KeyValue.of("gen_ai.request.top_p", "0.9"),
				KeyValue.of("gen_ai.request.max_tokens", "256"), KeyValue.of("zai.request.attempts", "1"));
	}

	@Test
	void streamWithFoldedResponseHasItsKeys() {
		ZaiChatObservationContext context = ObservationFixtures.streamContext();
		context.setResponse(ObservationFixtures.foldedStream());
		context.setFirstChunkLatency(Duration.ofMillis(300));
		context.setAttempts(2);
		KeyValues low = this.convention.getLowCardinalityKeyValues(context);
		assertThat(low).contains(KeyValue.of("gen_ai.request.stream", "true"),
				KeyValue.of("gen_ai.response.model", "glm-4.6"), KeyValue.of("gen_ai.response.cancelled", "false"),
				KeyValue.of("error.type", "none"));
		assertThat(this.convention.getHighCardinalityKeyValues(context)).contains(
				KeyValue.of("gen_ai.response.id", "task-2"),
				KeyValue.of("gen_ai.response.finish_reasons", "[\"length\"]"),
				KeyValue.of("zai.request.attempts", "2"));
	}

	@Test
	void finishReasonsListEveryChoiceThatHasOne() {
		ZaiChatObservationContext context = ObservationFixtures.callContext();
		context.setResponse(new ChatCompletion("task-5", null, null, "glm-4.6",
				List.of(new Choice(0, new ChatCompletionMessage("assistant", "a", null, null), FinishReason.STOP),
						new Choice(1, new ChatCompletionMessage("assistant", "b", null, null), null),
						new Choice(2, new ChatCompletionMessage("assistant", "c", null, null), null, "halted")),
				null, null));
		assertThat(this.convention.getHighCardinalityKeyValues(context))
			.contains(KeyValue.of("gen_ai.response.finish_reasons", "[\"stop\",\"unknown\"]"));
		context.setResponse(new ChatCompletion("task-6", null, null, "glm-4.6",
				List.of(new Choice(0, new ChatCompletionMessage("assistant", "a", null, null), (FinishReason) null)),
				null, null));
		assertThat(this.convention.getHighCardinalityKeyValues(context))
			.noneMatch((keyValue) -> keyValue.getKey().equals("gen_ai.response.finish_reasons"));
	}

	@Test
	void failureWithBusinessCodeHasTheCodeAsErrorType() {
		ZaiChatObservationContext context = ObservationFixtures.callContext();
		context.setError(new ZaiQuotaExceededException(429, "1113", "Insufficient balance", "req-9"));
		assertThat(this.convention.getLowCardinalityKeyValues(context)).contains(KeyValue.of("error.type", "1113"),
				KeyValue.of("gen_ai.response.model", "none"));
		assertThat(this.convention.getHighCardinalityKeyValues(context))
			.contains(KeyValue.of("zai.request.id", "req-9"))
			.noneMatch((keyValue) -> keyValue.getKey().equals("gen_ai.response.id"));
	}

	@Test
	void failureWithoutBusinessCodeHasTheExceptionNameAsErrorType() {
		ZaiChatObservationContext context = ObservationFixtures.callContext();
		context.setError(new ZaiTimeoutException("response timeout", Duration.ofSeconds(60), null));
		assertThat(this.convention.getLowCardinalityKeyValues(context))
			.contains(KeyValue.of("error.type", "ZaiTimeoutException"));
	}

	@Test
	void nonZaiFailureHasTheExceptionNameAsErrorType() {
		ZaiChatObservationContext context = ObservationFixtures.callContext();
		context.setError(new IOException("Connection reset"));
		assertThat(this.convention.getLowCardinalityKeyValues(context))
			.contains(KeyValue.of("error.type", "IOException"));
	}

	@Test
	void cancelledStreamIsCancelledWithoutError() {
		ZaiChatObservationContext context = ObservationFixtures.streamContext();
		context.setCancelled(true);
		assertThat(this.convention.getLowCardinalityKeyValues(context)).contains(
				KeyValue.of("gen_ai.response.cancelled", "true"), KeyValue.of("error.type", "none"),
				KeyValue.of("gen_ai.response.model", "none"));
	}

	@Test
	void unknownValuesAreNoneAndUnsetOptionsAreLeftOut() {
		ChatRequest request = ChatRequest.builder().message(ChatMessage.user("hi")).build();
		ZaiChatObservationContext context = new ZaiChatObservationContext(request);
		assertThat(this.convention.getLowCardinalityKeyValues(context)).contains(
				KeyValue.of("gen_ai.request.model", "none"), KeyValue.of("gen_ai.response.model", "none"),
				KeyValue.of("server.address", "none"));
		assertThat(this.convention.getHighCardinalityKeyValues(context))
			.containsExactly(KeyValue.of("zai.request.attempts", "1"));
	}

	@Test
	void requestIdFallsBackToTheOneSent() {
		ZaiChatObservationContext context = new ZaiChatObservationContext(
				ObservationFixtures.request().mutate().requestId("mine-1").build());
		assertThat(this.convention.getHighCardinalityKeyValues(context))
			.contains(KeyValue.of("zai.request.id", "mine-1"));
	}

	@Test
	void contentIsNotRecordedByDefault() {
		ZaiChatObservationContext context = ObservationFixtures.callContext();
		context.setResponse(ObservationFixtures.completion());
		assertThat(this.convention.isIncludeContent()).isFalse();
		assertThat(this.convention.getHighCardinalityKeyValues(context))
			.noneMatch((keyValue) -> keyValue.getKey().equals("gen_ai.prompt")
					|| keyValue.getKey().equals("gen_ai.completion"));
	}

	@Test
	void contentIsRecordedWhenIncluded() {
		DefaultZaiChatObservationConvention convention = new DefaultZaiChatObservationConvention(true);
		ZaiChatObservationContext context = ObservationFixtures.callContext();
		context.setResponse(ObservationFixtures.completion());
		assertThat(convention.getHighCardinalityKeyValues(context)).contains(
				KeyValue.of("gen_ai.prompt", "[\"system: Answer briefly.\",\"user: Say \\\"hi\\\"\"]"),
				KeyValue.of("gen_ai.completion", "hi"));
	}

}
