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

import java.util.List;
import java.util.Map;

import io.github.zaispring.chat.ReasoningEffort;
import io.github.zaispring.chat.ResponseFormat;
import io.github.zaispring.chat.Retrieval;
import io.github.zaispring.chat.Thinking;
import io.github.zaispring.chat.ToolChoice;
import io.github.zaispring.chat.WebSearch;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.support.ToolCallbacks;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.annotation.Tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests of {@link ZaiChatOptions}.
 *
 * @author zai-spring-boot contributors
 */
class ZaiChatOptionsTests {

	private static final ToolCallback[] TOOLS = ToolCallbacks.from(new Tools());

	private static ZaiChatOptions everything() {
		return ZaiChatOptions.builder()
			.model("glm-4.6")
			.frequencyPenalty(0.1)
			.presencePenalty(0.2)
			.maxTokens(100)
			.stopSequences(List.of("END"))
			.temperature(0.4)
			.topK(5)
			.topP(0.8)
			.toolCallbacks(TOOLS)
			.toolContext(Map.of("tenant", "acme"))
			.thinking(Thinking.enabled().withClearThinking(false))
			.doSample(true)
			.toolStream(true)
			.webSearch(WebSearch.builder("search_pro").count(3).build())
			.retrieval(new Retrieval("kb-1", null))
			.toolChoice(ToolChoice.auto())
			.responseFormat(ResponseFormat.jsonObject())
			.reasoningEffort(ReasoningEffort.HIGH)
			.requestId("request-1")
			.userId("user-1")
			.extraBody("custom", 1)
			.build();
	}

	@Test
	void mutateAndCopyKeepEveryOption() {
		ZaiChatOptions options = everything();
		assertThat(options.mutate().build()).isEqualTo(options).hasSameHashCodeAs(options);
		assertThat(options.copy()).isEqualTo(options).isNotSameAs(options);
		assertThat(options.copy().getToolCallbacks()).containsExactly(TOOLS);
		assertThat(options.copy().getExtraBody()).containsEntry("custom", 1);
		assertThat(options.copy().getThinking().clearThinking()).isFalse();
	}

	@Test
	void aChangedOptionMakesOtherOptions() {
		assertThat(everything().mutate().userId("user-2").build()).isNotEqualTo(everything());
		assertThat(everything().mutate().extraBody("custom", 2).build()).isNotEqualTo(everything());
	}

	@Test
	void builderChainsLikeSpringAisOwnOptionsBuilders() {
		ZaiChatOptions options = ZaiChatOptions.builder().model("glm-4.6").temperature(0.2).thinking(null).build();
		assertThat(options.getModel()).isEqualTo("glm-4.6");
		assertThat(options.getTemperature()).isEqualTo(0.2);
		assertThat(options).isInstanceOf(ToolCallingChatOptions.class);
	}

	@Test
	void combineWithTakesWhatTheOtherSetsAndKeepsTheRest() {
		ZaiChatOptions.Builder defaults = ZaiChatOptions.builder()
			.model("glm-4.6")
			.temperature(0.5)
			.userId("default-user")
			.extraBody("a", 1);
		ZaiChatOptions combined = defaults
			.combineWith(ZaiChatOptions.builder().temperature(0.1).doSample(false).extraBody("b", 2))
			.build();
		assertThat(combined.getModel()).isEqualTo("glm-4.6");
		assertThat(combined.getTemperature()).isEqualTo(0.1);
		assertThat(combined.getDoSample()).isFalse();
		assertThat(combined.getUserId()).isEqualTo("default-user");
		assertThat(combined.getExtraBody()).containsOnly(Map.entry("a", 1), Map.entry("b", 2));
	}

	@Test
	void combineWithSpringAisPortableBuilder() {
		ZaiChatOptions combined = ZaiChatOptions.builder()
			.model("glm-4.6")
			.thinking(Thinking.disabled())
			.combineWith(ChatOptions.builder().model("glm-4.5-air").maxTokens(10))
			.build();
		assertThat(combined.getModel()).isEqualTo("glm-4.5-air");
		assertThat(combined.getMaxTokens()).isEqualTo(10);
		assertThat(combined.getThinking()).isEqualTo(Thinking.disabled());
	}

	@Test
	void aClonedBuilderIsIndependent() {
		ZaiChatOptions.Builder builder = ZaiChatOptions.builder().extraBody("a", 1);
		ZaiChatOptions.Builder clone = builder.clone().extraBody("b", 2).userId("u");
		assertThat(builder.build().getExtraBody()).containsOnlyKeys("a");
		assertThat(builder.build().getUserId()).isNull();
		assertThat(clone.build().getExtraBody()).containsOnlyKeys("a", "b");
	}

	@Test
	void fromPortableOptionsKeepsTheirValuesAndTools() {
		ZaiChatOptions options = ZaiChatOptions.from(ToolCallingChatOptions.builder()
			.model("glm-4.6")
			.temperature(0.3)
			.toolCallbacks(TOOLS)
			.toolContext("k", "v")
			.build());
		assertThat(options.getModel()).isEqualTo("glm-4.6");
		assertThat(options.getTemperature()).isEqualTo(0.3);
		assertThat(options.getToolCallbacks()).containsExactly(TOOLS);
		assertThat(options.getToolContext()).containsEntry("k", "v");
		assertThat(ZaiChatOptions.from(null)).isEqualTo(ZaiChatOptions.builder().build());
		ZaiChatOptions zai = everything();
		assertThat(ZaiChatOptions.from(zai)).isSameAs(zai);
	}

	@Test
	void invalidValuesAreRejectedWithTheirName() {
		assertThatIllegalArgumentException().isThrownBy(() -> ZaiChatOptions.builder().temperature(1.5))
			.withMessageContaining("temperature must be between 0 and 1");
		assertThatIllegalArgumentException().isThrownBy(() -> ZaiChatOptions.builder().topP(0.0))
			.withMessageContaining("topP");
		assertThatIllegalArgumentException().isThrownBy(() -> ZaiChatOptions.builder().maxTokens(0))
			.withMessageContaining("maxTokens must be positive");
		assertThatIllegalArgumentException().isThrownBy(() -> ZaiChatOptions.builder().model(" "))
			.withMessageContaining("model must not be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> ZaiChatOptions.builder().requestId(""))
			.withMessageContaining("requestId");
		assertThatIllegalArgumentException().isThrownBy(() -> ZaiChatOptions.builder().extraBody("", 1))
			.withMessageContaining("extraBody name");
	}

	@Test
	void toStringNamesTheOptionsThatAreSet() {
		assertThat(ZaiChatOptions.builder().model("glm-4.6").toolCallbacks(TOOLS).build())
			.hasToString("ZaiChatOptions[model=glm-4.6, toolCallbacks=[clock]]");
		assertThat(ZaiChatOptions.builder().build()).hasToString("ZaiChatOptions[]");
	}

	static class Tools {

		@Tool(description = "The time")
		String clock() {
			return "12:00";
		}

	}

}
