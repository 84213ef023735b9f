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

package io.github.zaispring.test;

import java.time.Duration;
import java.util.List;

import io.github.resilience4j.retry.Retry;
import io.github.zaispring.ZaiAuthenticationException;
import io.github.zaispring.ZaiException;
import io.github.zaispring.ZaiQuotaExceededException;
import io.github.zaispring.ZaiRateLimitException;
import io.github.zaispring.ZaiStreamException;
import io.github.zaispring.ZaiTimeoutException;
import io.github.zaispring.chat.ChatCompletion;
import io.github.zaispring.chat.ChatCompletionChunk;
import io.github.zaispring.chat.ChatRequest;
import io.github.zaispring.chat.FinishReason;
import io.github.zaispring.chat.ToolCall;
import io.github.zaispring.chat.ZaiChatTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests of {@link ZaiMockServer} with the real {@link ZaiChatTemplate}.
 *
 * @author zai-spring-boot contributors
 */
class ZaiMockServerTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private ZaiMockServer server;

	private ZaiChatTemplate template;

	@BeforeEach
	void start() {
		this.server = ZaiMockServer.start();
		// every request once: these tests check the faults the server injects, not
		// retries
		this.template = ZaiChatTemplate.builder()
			.apiKey("k")
			.baseUrl(this.server.baseUrl())
			.retry((Retry) null)
			.build();
	}

	@AfterEach
	void stop() {
		this.template.close();
		this.server.close();
	}

	@Test
	void textReplyAnswersAPlainRequest() {
		this.server.enqueue(ZaiReply.text("Hello there").reasoning("The user greets me.").usage(16, 72, 7, 62));
		ChatCompletion completion = this.template
			.chat(ChatRequest.builder().model("glm-4.5").user("Say hi").requestId("my-request-1").build())
			.block(WAIT);
		assertThat(completion.content()).isEqualTo("Hello there");
		assertThat(completion.reasoningContent()).isEqualTo("The user greets me.");
		assertThat(completion.model()).isEqualTo("glm-4.5");
		assertThat(completion.requestId()).isEqualTo("my-request-1");
		assertThat(completion.id()).isNotBlank();
		assertThat(completion.created()).isPositive();
		assertThat(completion.finishReason()).isEqualTo(FinishReason.STOP);
		assertThat(completion.usage().promptTokens()).isEqualTo(16);
		assertThat(completion.usage().completionTokens()).isEqualTo(72);
		assertThat(completion.usage().totalTokens()).isEqualTo(88);
		assertThat(completion.usage().cachedTokens()).isEqualTo(7);
		assertThat(completion.usage().reasoningTokens()).isEqualTo(62);
	}

	@Test
	void textReplyAnswersAStreamedRequest() {
		this.server.enqueue(ZaiReply.text("Spring comes with sunflowers").model("glm-4.7"));
		List<ChatCompletionChunk> chunks = this.template.stream(ChatRequest.builder().user("Spring?").build())
			.collectList()
			.block(WAIT);
		assertThat(chunks).extracting(ChatCompletionChunk::content)
			.containsExactly("Spring", " comes", " with", " sun", "flow", "ers", "");
		assertThat(chunks).extracting(ChatCompletionChunk::model).containsOnly("glm-4.7");
		assertThat(chunks).extracting(ChatCompletionChunk::id).containsOnly(chunks.get(0).id());
		ChatCompletionChunk last = chunks.get(chunks.size() - 1);
		assertThat(last.finishReason()).isEqualTo(FinishReason.STOP);
		assertThat(last.usage()).isNotNull();
		assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy((chunk) -> {
			assertThat(chunk.usage()).isNull();
			assertThat(chunk.finishReason()).isNull();
		});
	}

	@Test
	void textWithEscapesAndEmojiSurvivesEveryChunkSize() {
		String text = "Say \"hi\" \\ then\n\ttab, control \u0001, emoji \uD83D\uDE00 and \u2028 end";
		for (int chunkSize : new int[] { 1, 2, 3, 7 }) {
			this.server.enqueue(ZaiReply.text(text).reasoning(text).chunkSize(chunkSize));
			ChatCompletion folded = ChatCompletion
				.fromChunks(this.template.stream(ChatRequest.builder().user("hi").build()).collectList().block(WAIT));
			assertThat(folded.content()).isEqualTo(text);
			assertThat(folded.reasoningContent()).isEqualTo(text);
		}
		this.server.enqueue(ZaiReply.text(text));
		assertThat(this.template.chat("hi").block(WAIT)).isEqualTo(text);
	}

	@Test
	void streamSendsReasoningBeforeContent() {
		this.server.enqueue(ZaiReply.text("Olá!").reasoning("Portuguese for hi is Olá.").chunkSize(5));
		List<ChatCompletionChunk> chunks = this.template.stream(ChatRequest.builder().user("hi in pt").build())
			.collectList()
			.block(WAIT);
		assertThat(chunks).extracting(ChatCompletionChunk::reasoningContent)
			.containsExactly("Portu", "guese", " for ", "hi is", " Olá.", "", "");
		assertThat(chunks).extracting(ChatCompletionChunk::content).containsExactly("", "", "", "", "", "Olá!", "");
		ChatCompletion folded = ChatCompletion.fromChunks(chunks);
		assertThat(folded.reasoningContent()).isEqualTo("Portuguese for hi is Olá.");
		assertThat(folded.content()).isEqualTo("Olá!");
	}

	@Test
	void streamEchoesTheRequestModelAndReportsUsageOnTheLastChunk() {
		this.server.enqueue(ZaiReply.text("Hi").usage(10, 2));
		List<ChatCompletionChunk> chunks = this.template
			.stream(ChatRequest.builder().model("glm-4.5-air").user("hi").build())
			.collectList()
			.block(WAIT);
		assertThat(chunks).extracting(ChatCompletionChunk::model).containsOnly("glm-4.5-air");
		assertThat(chunks.get(chunks.size() - 1).usage().totalTokens()).isEqualTo(12);
		assertThat(ChatCompletion.fromChunks(chunks).usage().promptTokens()).isEqualTo(10);
	}

	@Test
	void toolCallsArriveWholeInBothModes() {
		ZaiReply reply = ZaiReply.text("I'll check the weather.")
			.toolCalls(ToolCall.function("call_1", "weather", "{\"location\":\"Florence,Italy\"}"));
		this.server.enqueue(reply).enqueue(reply);
		ChatCompletion plain = this.template.chat(ChatRequest.builder().user("Weather?").build()).block(WAIT);
		assertThat(plain.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
		assertThat(plain.toolCalls()).singleElement().satisfies((call) -> {
			assertThat(call.id()).isEqualTo("call_1");
			assertThat(call.function().name()).isEqualTo("weather");
			assertThat(call.function().arguments()).isEqualTo("{\"location\":\"Florence,Italy\"}");
		});
		List<ChatCompletionChunk> chunks = this.template.stream(ChatRequest.builder().user("Weather?").build())
			.collectList()
			.block(WAIT);
		assertThat(chunks).filteredOn((chunk) -> !chunk.toolCalls().isEmpty()).hasSize(1);
		ChatCompletion folded = ChatCompletion.fromChunks(chunks);
		assertThat(folded.toolCalls()).isEqualTo(plain.toolCalls());
		assertThat(folded.content()).isEqualTo(plain.content());
		assertThat(folded.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
	}

	@Test
	void parallelToolCallsArriveOneDeltaEachWithIncreasingIndex() {
		this.server.enqueue(ZaiReply.toolCall("add", "{\"a\":2,\"b\":3}")
			.toolCalls(ToolCall.function("call_a", "add", "{\"a\":2,\"b\":3}"),
					ToolCall.function("call_m", "multiply", "{\"a\":2,\"b\":3}")));
		List<ChatCompletionChunk> chunks = this.template.stream(ChatRequest.builder().user("2+3, 2*3").build())
			.collectList()
			.block(WAIT);
		assertThat(chunks).hasSize(3);
		assertThat(chunks.get(0).toolCalls()).singleElement().satisfies((call) -> assertThat(call.index()).isZero());
		assertThat(chunks.get(1).toolCalls()).singleElement().satisfies((call) -> assertThat(call.index()).isOne());
		ChatCompletion folded = ChatCompletion.fromChunks(chunks);
		assertThat(folded.toolCalls()).extracting(ToolCall::id).containsExactly("call_a", "call_m");
		assertThat(folded.toolCalls()).extracting((call) -> call.function().name()).containsExactly("add", "multiply");
	}

	@Test
	void toolStreamSendsArgumentsInPiecesThatFoldBack() {
		String arguments = "{\"text\":\"Hello, world!\",\"path\":\"hello.txt\"}";
		this.server.enqueue(ZaiReply.text("I'll write the file.")
			.toolCalls(ToolCall.function("call-1", "write_file", arguments))
			.toolStream(true));
		List<ChatCompletionChunk> chunks = this.template
			.stream(ChatRequest.builder().user("Write hello").toolStream(true).build())
			.collectList()
			.block(WAIT);
		List<ChatCompletionChunk> fragments = chunks.stream().filter((chunk) -> !chunk.toolCalls().isEmpty()).toList();
		assertThat(fragments).hasSizeGreaterThan(2);
		ToolCall first = fragments.get(0).toolCalls().get(0);
		assertThat(first.id()).isEqualTo("call-1");
		assertThat(first.function().name()).isEqualTo("write_file");
		assertThat(first.function().arguments()).isEmpty();
		assertThat(fragments.subList(1, fragments.size())).allSatisfy((chunk) -> {
			assertThat(chunk.toolCalls().get(0).id()).isNull();
			assertThat(chunk.toolCalls().get(0).index()).isZero();
		});
		ChatCompletion folded = ChatCompletion.fromChunks(chunks);
		assertThat(folded.toolCalls()).singleElement().satisfies((call) -> {
			assertThat(call.id()).isEqualTo("call-1");
			assertThat(call.function().name()).isEqualTo("write_file");
			assertThat(call.function().arguments()).isEqualTo(arguments);
		});
	}

	@Test
	void defaultResponderEchoesTheLastUserMessage() {
		assertThat(this.template.chat("Hello mock").block(WAIT)).isEqualTo("You said: Hello mock");
		assertThat(String.join("", this.template.streamText("Hello stream").collectList().block(WAIT)))
			.isEqualTo("You said: Hello stream");
	}

	@Test
	void responderAnswersWhenTheQueueIsEmpty() {
		this.server.respondWith((request) -> ZaiReply.text(request.model() + ":" + request.stream()));
		this.server.enqueue(ZaiReply.text("queued"));
		assertThat(this.template.chat("one").block(WAIT)).isEqualTo("queued");
		assertThat(this.template.chat("two").block(WAIT)).isEqualTo("glm-4.6:false");
	}

	@Test
	void requestsAreRecordedWithTheirParsedBody() {
		this.server.enqueue(ZaiReply.text("ok"));
		this.template.chat(ChatRequest.builder().model("glm-4.5").system("Be brief").user("Hi there").build())
			.block(WAIT);
		ReceivedRequest request = this.server.takeRequest(WAIT);
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/api/paas/v4/chat/completions");
		assertThat(request.header("authorization")).isEqualTo("Bearer k");
		assertThat(request.header("CONTENT-TYPE")).startsWith("application/json");
		assertThat(request.model()).isEqualTo("glm-4.5");
		assertThat(request.stream()).isFalse();
		assertThat(request.lastUserMessage()).isEqualTo("Hi there");
		assertThat(request.body().get("messages").get(0).get("content").asString()).isEqualTo("Be brief");
		assertThat(request.bodyText()).contains("\"Hi there\"");
		assertThat(this.server.requests()).containsExactly(request);
		assertThat(this.server.requestCount()).isOne();
	}

	@Test
	void codingPlanPathIsServedToo() {
		String codingUrl = this.server.baseUrl().replace("/api/paas/v4", "/api/coding/paas/v4");
		try (ZaiChatTemplate coding = ZaiChatTemplate.builder().apiKey("k").baseUrl(codingUrl).build()) {
			assertThat(coding.chat("hi").block(WAIT)).isEqualTo("You said: hi");
		}
		assertThat(this.server.takeRequest(WAIT).path()).isEqualTo("/api/coding/paas/v4/chat/completions");
	}

	@Test
	void quotaErrorMapsToQuotaExceeded() {
		this.server
			.enqueue(ZaiReply.error(429, "1113", "Insufficient balance or no resource package. Please recharge."));
		assertThatExceptionOfType(ZaiQuotaExceededException.class)
			.isThrownBy(() -> this.template.chat("hi").block(WAIT))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(429);
				assertThat(ex.getErrorCode()).isEqualTo("1113");
			});
	}

	@Test
	void rateLimitErrorMapsToRateLimitWithRetryAfter() {
		this.server.enqueue(
				ZaiReply.error(429, "1302", "Rate limit reached for requests").retryAfter(Duration.ofMillis(1500)));
		assertThatExceptionOfType(ZaiRateLimitException.class)
			.isThrownBy(() -> this.template.streamText("hi").blockLast(WAIT))
			.satisfies((ex) -> {
				assertThat(ex.getErrorCode()).isEqualTo("1302");
				assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(2));
			});
	}

	@Test
	void wrongApiKeyIsRejectedWith1002() {
		this.server.requireApiKey("right");
		assertThatExceptionOfType(ZaiAuthenticationException.class)
			.isThrownBy(() -> this.template.chat("hi").block(WAIT))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(401);
				assertThat(ex.getErrorCode()).isEqualTo("1002");
			});
		try (ZaiChatTemplate right = ZaiChatTemplate.builder().apiKey("right").baseUrl(this.server.baseUrl()).build()) {
			assertThat(right.chat("hi").block(WAIT)).isEqualTo("You said: hi");
		}
	}

	@Test
	void errorReplyAnswersAStreamedRequestWithJson() {
		this.server.enqueue(ZaiReply.error(401, "1002", "Authorization Token is invalid"));
		StepVerifier.create(this.template.stream(ChatRequest.builder().user("hi").build()))
			.expectError(ZaiAuthenticationException.class)
			.verify(WAIT);
	}

	@Test
	void cutOffStreamFailsWithStreamException() {
		this.server.enqueue(ZaiReply.text("one two three four five").cutOffAfterChunks(2));
		StepVerifier.create(this.template.stream(ChatRequest.builder().user("count").build()))
			.expectNextCount(2)
			.expectError(ZaiStreamException.class)
			.verify(WAIT);
	}

	@Test
	void resetStreamFailsAfterTheChunksSent() {
		this.server.enqueue(ZaiReply.text("one two three four five").resetAfterChunks(2));
		StepVerifier.create(this.template.stream(ChatRequest.builder().user("count").build()))
			.expectNextCount(2)
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ZaiStreamException.class)
				.hasMessageContaining("prematurely closed"))
			.verify(WAIT);
	}

	@Test
	void malformedChunkFailsWithStreamException() {
		this.server.enqueue(ZaiReply.text("one two three four five").malformedChunkAfter(1));
		StepVerifier.create(this.template.stream(ChatRequest.builder().user("count").build()))
			.expectNextCount(1)
			.expectError(ZaiStreamException.class)
			.verify(WAIT);
	}

	@Test
	void sseErrorEventFailsWithStreamException() {
		this.server.enqueue(ZaiReply.text("one two").sseErrorEventAfterChunks(1, "1234", "Network error"));
		StepVerifier.create(this.template.stream(ChatRequest.builder().user("count").build()))
			.expectNextCount(1)
			.expectErrorSatisfies(
					(ex) -> assertThat(ex).isInstanceOf(ZaiStreamException.class).hasMessageContaining("1234"))
			.verify(WAIT);
	}

	@Test
	void silenceAfterChunksTriggersTheIdleTimeout() {
		try (ZaiChatTemplate impatient = ZaiChatTemplate.builder()
			.apiKey("k")
			.baseUrl(this.server.baseUrl())
			.streamIdleTimeout(Duration.ofMillis(300))
			.build()) {
			this.server.enqueue(ZaiReply.text("one two three").silenceAfterChunks(1));
			StepVerifier.create(impatient.stream(ChatRequest.builder().user("count").build()))
				.expectNextCount(1)
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ZaiTimeoutException.class)
					.hasMessageContaining("zai.stream-idle-timeout"))
				.verify(WAIT);
			assertThat(this.server.awaitCancelledStreams(1, WAIT)).isTrue();
		}
	}

	@Test
	void silenceBeforeFirstChunkTriggersTheFirstChunkTimeout() {
		try (ZaiChatTemplate impatient = ZaiChatTemplate.builder()
			.apiKey("k")
			.baseUrl(this.server.baseUrl())
			.firstChunkTimeout(Duration.ofMillis(300))
			.build()) {
			this.server.enqueue(ZaiReply.text("never sent").silenceBeforeFirstChunk());
			StepVerifier.create(impatient.stream(ChatRequest.builder().user("count").build()))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ZaiTimeoutException.class)
					.hasMessageContaining("zai.first-chunk-timeout"))
				.verify(WAIT);
			assertThat(this.server.awaitCancelledStreams(1, WAIT)).isTrue();
		}
	}

	@Test
	void cancellingAStreamIsSeenByTheServer() {
		this.server.enqueue(ZaiReply.text("a b c d e f g h i j k l m n o p q r s t u v w x y z")
			.delayBetweenChunks(Duration.ofMillis(50)));
		StepVerifier.create(this.template.stream(ChatRequest.builder().user("alphabet").build()).take(2))
			.expectNextCount(2)
			.verifyComplete();
		assertThat(this.server.awaitCancelledStreams(1, WAIT)).isTrue();
		assertThat(this.server.cancelledStreams()).isOne();
	}

	@Test
	void droppedConnectionFailsTheCall() {
		this.server.enqueue(ZaiReply.dropConnection());
		StepVerifier.create(this.template.chat("hi")).expectError().verify(WAIT);
	}

	@Test
	void closedServerRefusesConnections() {
		this.server.close();
		StepVerifier.create(this.template.chat("hi"))
			.expectErrorSatisfies(
					(ex) -> assertThat(ex).isInstanceOf(ZaiException.class).hasMessageContaining("Connection refused"))
			.verify(WAIT);
	}

	@Test
	void rawBodyIsSentAsIs() {
		this.server.enqueue(ZaiReply.rawBody(502, "text/html", "<html>Bad Gateway</html>"));
		StepVerifier.create(this.template.chat("hi"))
			.expectErrorSatisfies((ex) -> assertThat(ex).hasMessageContaining("502"))
			.verify(WAIT);
	}

}
