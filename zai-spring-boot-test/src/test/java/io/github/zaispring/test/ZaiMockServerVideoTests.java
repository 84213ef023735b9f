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

import io.github.zaispring.ZaiException;
import io.github.zaispring.ZaiQuotaExceededException;
import io.github.zaispring.chat.ZaiChatTemplate;
import io.github.zaispring.resilience.ZaiRetryPolicy.RetrySettings;
import io.github.zaispring.video.Video;
import io.github.zaispring.video.VideoRequest;
import io.github.zaispring.video.VideoResult;
import io.github.zaispring.video.VideoTask;
import io.github.zaispring.video.ZaiVideoTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ZaiMockServer} serving video generation to a user's test through the real
 * {@link ZaiVideoTemplate}, with {@link ZaiVideoReplies} and by default.
 *
 * @author zai-spring-boot contributors
 */
class ZaiMockServerVideoTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private ZaiMockServer server;

	private ZaiVideoTemplate template;

	@BeforeEach
	void start() {
		this.server = ZaiMockServer.start();
		this.template = ZaiVideoTemplate.builder()
			.apiKey("k")
			.baseUrl(this.server.baseUrl())
			.retry(new RetrySettings(3, Duration.ofMillis(1), 2, Duration.ofMillis(5), Duration.ofSeconds(60)))
			.asyncPolling(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofSeconds(30))
			.build();
	}

	@AfterEach
	void stop() {
		this.template.close();
		this.server.close();
	}

	@Test
	void generatesAVideoWhenNothingIsQueued() {
		VideoTask task = this.template
			.submit(VideoRequest.builder().model("viduq1-text").prompt("A cat").requestId("vid-000042").build())
			.block(WAIT);
		assertThat(task.id()).startsWith(ZaiVideoReplies.TASK_PREFIX);
		assertThat(task.model()).isEqualTo("viduq1-text");
		assertThat(task.requestId()).isEqualTo("vid-000042");
		assertThat(task.taskStatus()).isEqualTo("PROCESSING");
		VideoResult result = this.template.awaitResult(task.id()).block(WAIT);
		assertThat(result.succeeded()).isTrue();
		assertThat(result.videos())
			.containsExactly(new Video("https://example-cdn.example.com/gen/" + task.id() + ".mp4",
					"https://example-cdn.example.com/gen/" + task.id() + ".jpg"));
		ReceivedRequest submit = this.server.takeRequest(WAIT);
		assertThat(submit.method()).isEqualTo("POST");
		assertThat(submit.path()).isEqualTo("/api/paas/v4/videos/generations");
		assertThat(submit.body().path("prompt").asString()).isEqualTo("A cat");
		ReceivedRequest poll = this.server.takeRequest(WAIT);
		assertThat(poll.method()).isEqualTo("GET");
		assertThat(poll.path()).isEqualTo("/api/paas/v4/async-result/" + task.id());
		assertThat(this.template.generate("A dog").block(WAIT))
			.startsWith("https://example-cdn.example.com/gen/video-");
	}

	@Test
	void servesTheScriptedProcessingThenSuccess() {
		this.server.enqueue(ZaiVideoReplies.submitted("task-1"))
			.enqueue(ZaiVideoReplies.processing("task-1"))
			.enqueue(ZaiVideoReplies.processing("task-1"))
			.enqueue(ZaiVideoReplies.success("task-1", "https://cdn.example.com/v.mp4",
					"https://cdn.example.com/v.jpg"));
		VideoResult result = this.template.generate(VideoRequest.builder().prompt("A cat").build()).block(WAIT);
		assertThat(result.url()).isEqualTo("https://cdn.example.com/v.mp4");
		assertThat(result.videos().get(0).coverImageUrl()).isEqualTo("https://cdn.example.com/v.jpg");
		assertThat(this.server.requestCount()).isEqualTo(4);
	}

	@Test
	void servesAScriptedFailure() {
		this.server.enqueue(ZaiVideoReplies.submitted("task-2"))
			.enqueue(ZaiVideoReplies.failed("task-2", "1301", "Unsafe content"));
		StepVerifier.create(this.template.generate(VideoRequest.builder().prompt("A cat").build()))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(ZaiException.class).hasMessageContaining("Unsafe content");
				assertThat(((ZaiException) ex).getErrorCode()).isEqualTo("1301");
			})
			.verify(WAIT);
	}

	@Test
	void servesFaults() {
		this.server.enqueue(ZaiReply.error(429, "1113", "Insufficient balance or no resource package"));
		StepVerifier.create(this.template.submit(VideoRequest.builder().prompt("A cat").build()))
			.expectError(ZaiQuotaExceededException.class)
			.verify(WAIT);
		assertThat(this.server.requestCount()).isEqualTo(1);
		this.server.enqueue(ZaiReply.error(500, "500", "Internal Error"));
		this.server.enqueue(ZaiReply.dropConnection());
		assertThat(this.template.awaitResult(ZaiVideoReplies.TASK_PREFIX + "1").block(WAIT).succeeded()).isTrue();
		assertThat(this.server.requestCount()).isEqualTo(4);
	}

	@Test
	void aChatTaskIdIsStillAnsweredAsAChatTask() {
		try (ZaiChatTemplate chat = ZaiChatTemplate.builder()
			.apiKey("k")
			.baseUrl(this.server.baseUrl())
			.asyncPolling(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofSeconds(30))
			.build()) {
			assertThat(chat.awaitResult("task-9").block(WAIT).content()).isEqualTo("Done: task-9");
		}
	}

}
