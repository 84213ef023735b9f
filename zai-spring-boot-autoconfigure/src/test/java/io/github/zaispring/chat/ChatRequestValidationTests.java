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

package io.github.zaispring.chat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the argument checks of the request model.
 *
 * @author zai-spring-boot
 */
class ChatRequestValidationTests {

	@Test
	void perRequestTimeoutsMustBePositiveOrAbsent() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ChatRequest.builder().user("a").firstChunkTimeout(Duration.ZERO))
			.withMessage("firstChunkTimeout must be a positive duration such as 30s, but was 0s");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ChatRequest.builder().user("a").streamIdleTimeout(Duration.ofSeconds(-1)))
			.withMessageContaining("streamIdleTimeout");
		ChatRequest request = ChatRequest.builder()
			.user("a")
			.responseTimeout(null)
			.firstChunkTimeout(Duration.ofSeconds(5))
			.build();
		assertThat(request.responseTimeout()).isNull();
		assertThat(request.firstChunkTimeout()).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void requestWithoutMessagesIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> ChatRequest.builder().model("glm-4.6").build())
			.withMessage("messages must not be empty; add one with user(..) or message(..)");
	}

	@Test
	void requestWithOnlySystemAndAssistantMessagesIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ChatRequest.builder().system("Be brief").message(ChatMessage.assistant("Hi")).build())
			.withMessage(
					"messages must contain a user or tool message; the API rejects system and assistant messages only");
	}

	@Test
	void toolMessageAloneIsAccepted() {
		assertThat(ChatRequest.builder().message(ChatMessage.tool("call-1", "40 C")).build().messages()).hasSize(1);
	}

	@Test
	void modelMayBeLeftToTheConfiguredDefault() {
		assertThat(ChatRequest.builder().user("Hi").build().model()).isNull();
	}

	@Test
	void temperatureOutsideZeroToOneIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> ChatRequest.builder().user("Hi").temperature(1.5).build())
			.withMessage("temperature must be in [0, 1], but was 1.5");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ChatRequest.builder().user("Hi").temperature(-0.1).build())
			.withMessage("temperature must be in [0, 1], but was -0.1");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ChatRequest.builder().user("Hi").temperature(Double.NaN).build())
			.withMessageStartingWith("temperature must be in [0, 1]");
		assertThat(ChatRequest.builder().user("Hi").temperature(0.0).build().temperature()).isZero();
		assertThat(ChatRequest.builder().user("Hi").temperature(1.0).build().temperature()).isEqualTo(1.0);
	}

	@Test
	void topPOutsideZeroExclusiveToOneIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> ChatRequest.builder().user("Hi").topP(0.0).build())
			.withMessage("top_p must be in (0, 1], but was 0.0");
		assertThatIllegalArgumentException().isThrownBy(() -> ChatRequest.builder().user("Hi").topP(1.01).build())
			.withMessage("top_p must be in (0, 1], but was 1.01");
		assertThat(ChatRequest.builder().user("Hi").topP(1.0).build().topP()).isEqualTo(1.0);
	}

	@Test
	void maxTokensBelowOneIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> ChatRequest.builder().user("Hi").maxTokens(0).build())
			.withMessage("maxTokens must be at least 1, but was 0");
	}

	@Test
	void moreThanFourStopWordsAreRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ChatRequest.builder().user("Hi").stop("a", "b", "c", "d", "e").build())
			.withMessage("stop must have at most 4 words, but has 5");
		assertThat(ChatRequest.builder().user("Hi").stop(List.of("a", "b", "c", "d")).build().stop()).hasSize(4);
	}

	@Test
	void requestIdAndUserIdLengthsAreChecked() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ChatRequest.builder().user("Hi").requestId("12345").build())
			.withMessage("requestId must be 6 to 64 characters long, but has 5");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ChatRequest.builder().user("Hi").requestId("x".repeat(65)).build())
			.withMessage("requestId must be 6 to 64 characters long, but has 65");
		assertThatIllegalArgumentException().isThrownBy(() -> ChatRequest.builder().user("Hi").userId("abc").build())
			.withMessage("userId must be 6 to 128 characters long, but has 3");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ChatRequest.builder().user("Hi").userId("u".repeat(129)).build())
			.withMessage("userId must be 6 to 128 characters long, but has 129");
	}

	@Test
	void extraBodyMustNotShadowATypedField() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ChatRequest.builder().user("Hi").extraBody("temperature", 0.5))
			.withMessage("extraBody key 'temperature' is a typed field of ChatRequest; use temperature(..) instead");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ChatRequest.builder().user("Hi").extraBody(Map.of("top_p", 0.5)))
			.withMessage("extraBody key 'top_p' is a typed field of ChatRequest; use topP(..) instead");
		assertThatIllegalArgumentException().isThrownBy(() -> ChatRequest.builder().extraBody("stream", true))
			.withMessageContaining("'stream' is a typed field");
	}

	@Test
	void extraBodyNullValueRemovesTheField() {
		ChatRequest request = ChatRequest.builder().user("Hi").extraBody("seed", 1).extraBody("seed", null).build();
		assertThat(request.extraBody()).isEmpty();
	}

	@Test
	void collectionsOfABuiltRequestAreUnmodifiable() {
		ChatRequest request = ChatRequest.builder().user("Hi").extraBody("seed", 1).build();
		assertThatUnsupported(() -> request.messages().add(ChatMessage.user("x")));
		assertThatUnsupported(() -> request.extraBody().put("x", 1));
		assertThatUnsupported(() -> request.tools().add(Tool.retrieval("kb-1", null)));
		assertThatUnsupported(() -> request.stop().add("x"));
	}

	@Test
	void functionNamesAreChecked() {
		assertThatIllegalArgumentException().isThrownBy(() -> Tool.function("get weather", "d", null))
			.withMessage(
					"name 'get weather' is not a valid function name; use 1 to 64 characters matching ^[a-zA-Z0-9_-]+$");
		assertThatIllegalArgumentException().isThrownBy(() -> Tool.function("", "d", null))
			.withMessageContaining("use 1 to 64 characters");
		assertThatIllegalArgumentException().isThrownBy(() -> Tool.function("a".repeat(65), "d", null))
			.withMessageContaining("use 1 to 64 characters");
		assertThat(Tool.function("get_weather-2", "d", null).function().name()).isEqualTo("get_weather-2");
	}

	@Test
	void webSearchNeedsAnEngineAndACountFromOneToFifty() {
		assertThatIllegalArgumentException().isThrownBy(() -> WebSearch.builder("").build())
			.withMessage("searchEngine must not be empty; use for example \"search_pro_jina\"");
		assertThatIllegalArgumentException().isThrownBy(() -> WebSearch.builder("search_pro_jina").count(51).build())
			.withMessage("count must be between 1 and 50, but was 51");
		assertThatIllegalArgumentException().isThrownBy(() -> WebSearch.builder("search_pro_jina").count(0).build())
			.withMessage("count must be between 1 and 50, but was 0");
	}

	@Test
	void messagesCheckTheirArguments() {
		assertThatIllegalArgumentException().isThrownBy(() -> ChatMessage.user(""))
			.withMessage("content must not be empty; the API rejects empty input (error 1214)");
		assertThatIllegalArgumentException().isThrownBy(() -> ChatMessage.user(List.of()))
			.withMessage("parts must not be empty; add at least one ContentPart");
		assertThatIllegalArgumentException().isThrownBy(() -> ChatMessage.tool("", "x"))
			.withMessage("toolCallId must not be empty; use the id of the ToolCall this result answers");
		assertThatIllegalArgumentException().isThrownBy(() -> Tool.retrieval(" ", null))
			.withMessage("knowledgeId must not be empty; use the id of a knowledge base");
		assertThatIllegalArgumentException().isThrownBy(() -> ContentPart.imageUrl(""))
			.withMessage("url must not be empty; pass a URL (or Base64 data for an image)");
	}

	@Test
	void messageToStringAbbreviatesContent() {
		assertThat(ChatMessage.user("Hi [there]")).hasToString("ChatMessage{role=user, content='Hi [there]'}");
		assertThat(ChatMessage.user("x".repeat(100)).toString()).contains("(100 chars)").hasSizeLessThan(100);
	}

	@Test
	void rolesAndThinkingTypesReadTheirWireValues() {
		assertThat(Role.from("Assistant")).isEqualTo(Role.ASSISTANT);
		assertThat(Role.TOOL.value()).isEqualTo("tool");
		assertThat(ThinkingType.from("disabled")).isEqualTo(ThinkingType.DISABLED);
		assertThatIllegalArgumentException().isThrownBy(() -> Role.from("bot"))
			.withMessage("value 'bot' is not a chat role; use one of system, user, assistant, tool");
	}

	private static void assertThatUnsupported(Runnable action) {
		org.assertj.core.api.Assertions.assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(action::run);
	}

}
