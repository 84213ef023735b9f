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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.github.zaispring.internal.Checks;
import org.junit.jupiter.api.Test;

import static io.github.zaispring.chat.Fixtures.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the contract of {@link ChatRequest} beyond its JSON: equality and hash code,
 * the one spelling of an absent model, per-request HTTP headers, and the option checks it
 * shares with the template's builder through {@link ModelSupport}.
 *
 * @author zai-spring-boot
 */
class ChatRequestContractTests {

	@Test
	void equalRequestsHaveEqualHashCodesWithEveryFieldSet() {
		ChatRequest first = everyField().build();
		ChatRequest second = everyField().build();
		assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
		assertThat(first.mutate().build()).isEqualTo(first).hasSameHashCodeAs(first);
		assertThat(first.withStream(true)).isEqualTo(second.withStream(true))
			.hasSameHashCodeAs(second.withStream(true));
	}

	@Test
	void everyFieldTakesPartInEquality() {
		ChatRequest base = everyField().build();
		List<UnaryOperator<ChatRequest.Builder>> changes = new ArrayList<>();
		changes.add((b) -> b.model("glm-4.7"));
		changes.add((b) -> b.user("more"));
		changes.add((b) -> b.doSample(false));
		changes.add((b) -> b.thinking(Thinking.disabled()));
		changes.add((b) -> b.temperature(0.4));
		changes.add((b) -> b.topP(0.8));
		changes.add((b) -> b.maxTokens(99));
		changes.add((b) -> b.tool(Tool.function("other", null, null)));
		changes.add((b) -> b.toolChoice(ToolChoice.function("weather")));
		changes.add((b) -> b.toolStream(false));
		changes.add((b) -> b.stop("OTHER"));
		changes.add((b) -> b.responseFormat(ResponseFormat.text()));
		changes.add((b) -> b.requestId("req-654321"));
		changes.add((b) -> b.userId("user-654321"));
		changes.add((b) -> b.reasoningEffort(ReasoningEffort.LOW));
		changes.add((b) -> b.extraBody("seed", 8));
		changes.add((b) -> b.header("X-Trace", "other"));
		changes.add((b) -> b.header("X-Other", "1"));
		changes.add((b) -> b.responseTimeout(Duration.ofSeconds(31)));
		changes.add((b) -> b.firstChunkTimeout(Duration.ofSeconds(11)));
		changes.add((b) -> b.streamIdleTimeout(Duration.ofSeconds(21)));
		for (UnaryOperator<ChatRequest.Builder> change : changes) {
			ChatRequest changed = change.apply(base.mutate()).build();
			assertThat(changed).isNotEqualTo(base);
			// equal again once rebuilt the same way: the hash follows equality
			ChatRequest again = change.apply(everyField()).build();
			assertThat(again).isEqualTo(changed).hasSameHashCodeAs(changed);
		}
		assertThat(base.withStream(true)).isNotEqualTo(base);
	}

	@Test
	void anAbsentModelIsNullOnly() {
		assertThat(ChatRequest.builder().user("Hi").build().model()).isNull();
		assertThat(ChatRequest.builder().model("glm-4.6").model(null).user("Hi").build().model()).isNull();
		assertThatIllegalArgumentException().isThrownBy(() -> ChatRequest.builder().model(""))
			.withMessage("model must not be empty; use a model id such as glm-4.6, or null for the configured "
					+ "default (zai.chat.model)");
		assertThatIllegalArgumentException().isThrownBy(() -> ChatRequest.builder().model(" \t"))
			.withMessageStartingWith("model must not be empty");
	}

	@Test
	void headersAreKeptInTheRequestButNotInTheBody() {
		ChatRequest request = ChatRequest.builder()
			.model("glm-4.6")
			.user("Hi")
			.header("X-Trace", "abc")
			.headers(Map.of("X-Tenant", "t1"))
			.build();
		assertThat(request.headers()).containsExactly(Map.entry("X-Trace", "abc"), Map.entry("X-Tenant", "t1"));
		assertThat(MAPPER.writeValueAsString(request))
			.isEqualTo("{\"model\":\"glm-4.6\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
		assertThat(request.mutate().build().headers()).isEqualTo(request.headers());
		assertThat(request.withStream(true).headers()).isEqualTo(request.headers());
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> request.headers().put("X-More", "1"));
	}

	@Test
	void headersAreEmptyByDefaultAndReplacedIgnoringCase() {
		assertThat(ChatRequest.builder().user("Hi").build().headers()).isEmpty();
		ChatRequest request = ChatRequest.builder()
			.user("Hi")
			.header("x-trace", "one")
			.header("X-Trace", "two")
			.header("X-Gone", "1")
			.header("x-gone", null)
			.build();
		assertThat(request.headers()).containsExactly(Map.entry("X-Trace", "two"));
	}

	@Test
	void headersTheClientSetsItselfCannotBeOverridden() {
		assertThatIllegalArgumentException().isThrownBy(() -> ChatRequest.builder().header("Authorization", "Bearer x"))
			.withMessage("header 'Authorization' cannot be set per request: the client sets Authorization "
					+ "(from zai.api-key) and Content-Type itself");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ChatRequest.builder().header("content-type", "text/plain"))
			.withMessageStartingWith("header 'content-type' cannot be set per request");
		assertThatIllegalArgumentException().isThrownBy(() -> ChatRequest.builder().header("X-A", "a\r\nX-B: b"))
			.withMessage("value of header 'X-A' must not contain a line break");
		assertThatIllegalArgumentException().isThrownBy(() -> ChatRequest.builder().header(" ", "a"))
			.withMessage("header name must not be empty");
	}

	@Test
	void toStringNamesHeadersWithoutTheirValues() {
		ChatRequest request = ChatRequest.builder()
			.model("glm-4.6")
			.user("Hi")
			.header("X-Gateway-Key", "secret-value")
			.build();
		assertThat(request).hasToString("ChatRequest{model=glm-4.6, messages=1, headers=[X-Gateway-Key]}");
	}

	@Test
	void optionChecksNameTheArgumentTheyWereGiven() {
		assertThatIllegalArgumentException().isThrownBy(() -> Checks.temperature("defaultTemperature", 2.0))
			.withMessage("defaultTemperature must be in [0, 1], but was 2.0");
		assertThatIllegalArgumentException().isThrownBy(() -> Checks.topP("defaultTopP", 0.0))
			.withMessage("defaultTopP must be in (0, 1], but was 0.0");
		assertThatIllegalArgumentException().isThrownBy(() -> Checks.topP("top_p", Double.NaN))
			.withMessage("top_p must be in (0, 1], but was NaN");
		assertThatIllegalArgumentException().isThrownBy(() -> Checks.maxTokens("defaultMaxTokens", 0))
			.withMessage("defaultMaxTokens must be at least 1, but was 0");
		assertThat(Checks.temperature("t", null)).isNull();
		assertThat(Checks.temperature("t", 0.0)).isZero();
		assertThat(Checks.topP("p", 1.0)).isEqualTo(1.0);
		assertThat(Checks.maxTokens("m", 1)).isEqualTo(1);
	}

	@Test
	void buildersRejectOutOfRangeOptionsWhenTheyAreSet() {
		ChatRequest.Builder builder = ChatRequest.builder().user("Hi");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.temperature(1.5))
			.withMessage("temperature must be in [0, 1], but was 1.5");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.topP(0.0))
			.withMessage("top_p must be in (0, 1], but was 0.0");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.maxTokens(-1))
			.withMessage("maxTokens must be at least 1, but was -1");
	}

	private static ChatRequest.Builder everyField() {
		return ChatRequest.builder()
			.model("glm-4.6")
			.system("Be brief")
			.user("Hi")
			.doSample(true)
			.thinking(Thinking.enabled())
			.temperature(0.3)
			.topP(0.9)
			.maxTokens(100)
			.tool(Tool.function("weather", "Weather", Map.of("type", "object")))
			.toolChoice("auto")
			.toolStream(true)
			.stop("END")
			.responseFormat(ResponseFormat.jsonObject())
			.requestId("req-123456")
			.userId("user-123456")
			.reasoningEffort(ReasoningEffort.HIGH)
			.extraBody("seed", 7)
			.header("X-Trace", "abc")
			.responseTimeout(Duration.ofSeconds(30))
			.firstChunkTimeout(Duration.ofSeconds(10))
			.streamIdleTimeout(Duration.ofSeconds(20));
	}

}
