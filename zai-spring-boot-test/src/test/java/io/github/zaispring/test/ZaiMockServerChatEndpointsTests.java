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

import io.github.resilience4j.retry.Retry;
import io.github.zaispring.ZaiException;
import io.github.zaispring.ZaiQuotaExceededException;
import io.github.zaispring.chat.ChatRequest;
import io.github.zaispring.chat.ZaiChatTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ZaiMockServer} serving token counting and asynchronous chat to a user's test,
 * with {@link ZaiEndpointReplies}.
 *
 * @author zai-spring-boot contributors
 */
class ZaiMockServerChatEndpointsTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private ZaiMockServer server;

	private ZaiChatTemplate template;

	@BeforeEach
	void start() {
		this.server = ZaiMockServer.start();
		this.template = ZaiChatTemplate.builder()
			.apiKey("k")
			.baseUrl(this.server.baseUrl())
			.retry((Retry) null)
			.asyncPolling(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofSeconds(30))
			.build();
	}

	@AfterEach
	void stop() {
		this.template.close();
		this.server.close();
	}

	@Test
	void servesAScriptedTokenCountAndRecordsTheRequest() {
		this.server.enqueue(ZaiEndpointReplies.tokenCount(42));
		assertThat(this.template.countTokens(ChatRequest.builder().user("How many?").build()).block(WAIT))
			.isEqualTo(42);
		ReceivedRequest request = this.server.takeRequest(WAIT);
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/api/paas/v4/tokenizer");
		assertThat(request.model()).isEqualTo("glm-4.6");
		assertThat(request.lastUserMessage()).isEqualTo("How many?");
	}

	@Test
	void countsTokensByDefault() {
		assertThat(this.template.countTokens(ChatRequest.builder().user("How many?").build()).block(WAIT)).isPositive();
	}

	@Test
	void servesAScriptedAsyncTask() {
		this.server.enqueue(ZaiEndpointReplies.asyncSubmitted("task-1"))
			.enqueue(ZaiEndpointReplies.asyncProcessing("task-1"))
			.enqueue(ZaiEndpointReplies.asyncProcessing("task-1"))
			.enqueue(ZaiEndpointReplies.asyncSuccess("task-1", "Answer text"));
		String taskId = this.template.submit(ChatRequest.builder().user("Write").build()).block(WAIT);
		assertThat(taskId).isEqualTo("task-1");
		assertThat(this.template.awaitResult(taskId).block(WAIT).content()).isEqualTo("Answer text");
		assertThat(this.server.requests()).extracting(ReceivedRequest::method, ReceivedRequest::path)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("POST", "/api/paas/v4/async/chat/completions"),
					org.assertj.core.groups.Tuple.tuple("GET", "/api/paas/v4/async-result/task-1"),
					org.assertj.core.groups.Tuple.tuple("GET", "/api/paas/v4/async-result/task-1"),
					org.assertj.core.groups.Tuple.tuple("GET", "/api/paas/v4/async-result/task-1"));
	}

	@Test
	void servesAFailedAsyncTask() {
		this.server.enqueue(ZaiEndpointReplies.asyncFail("task-2", "1301", "Unsafe content"));
		StepVerifier.create(this.template.awaitResult("task-2"))
			.expectErrorSatisfies(
					(ex) -> assertThat(ex).isInstanceOf(ZaiException.class).hasMessageContaining("Unsafe content"))
			.verify(WAIT);
	}

	@Test
	void answersAsyncTasksByDefault() {
		String taskId = this.template.submit(ChatRequest.builder().user("Write").build()).block(WAIT);
		assertThat(this.template.awaitResult(taskId).block(WAIT).content()).isEqualTo("Done: " + taskId);
	}

	@Test
	void servesFaultsOnTheseEndpointsToo() {
		this.server.enqueue(ZaiReply.error(429, "1113", "Insufficient balance"));
		StepVerifier.create(this.template.countTokens(ChatRequest.builder().user("hi").build()))
			.expectError(ZaiQuotaExceededException.class)
			.verify(WAIT);
	}

	@Test
	void routesOnlyItsOwnPaths() {
		assertThat(ZaiEndpointReplies.isResult("/api/paas/v4/async-result/t1")).isTrue();
		assertThat(ZaiEndpointReplies.isResult("/api/paas/v4/async-result/")).isFalse();
		assertThat(EndpointRoutes.of("/api/paas/v4/tokenizer")).isEqualTo(EndpointRoutes.TOKENIZER);
		assertThat(EndpointRoutes.of("/api/paas/v4/async-result/")).isNull();
	}

}
