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
import io.github.zaispring.video.VideoRequest;
import io.github.zaispring.video.VideoResult;
import io.github.zaispring.video.ZaiVideoOperations;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's test of their own code that generates videos, against the mock server of
 * {@link AutoConfigureZaiMockServer}.
 *
 * @author zai-spring-boot contributors
 */
@SpringBootTest(properties = { "zai.async.poll-interval=1ms", "zai.async.max-poll-interval=2ms" })
@AutoConfigureZaiMockServer
class AutoConfigureZaiMockServerVideoTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Autowired
	ZaiMockServer zai;

	@Autowired
	TrailerService service;

	@Test
	void serviceGetsTheDefaultVideo() {
		String url = this.service.trailer("A cat plays the piano").block(WAIT);
		assertThat(url).startsWith("https://example-cdn.example.com/gen/" + ZaiVideoReplies.TASK_PREFIX)
			.endsWith(".mp4");
		ReceivedRequest submit = this.zai.takeRequest(WAIT);
		assertThat(submit.path()).endsWith("/videos/generations");
		assertThat(submit.model()).isEqualTo("cogvideox-3");
		assertThat(submit.body().path("duration").asInt()).isEqualTo(10);
	}

	@Test
	void serviceFallsBackWhenTheTaskFails() {
		this.zai.enqueue(ZaiVideoReplies.submitted("task-1"))
			.enqueue(ZaiVideoReplies.processing("task-1"))
			.enqueue(ZaiVideoReplies.processing("task-1"))
			.enqueue(ZaiVideoReplies.failed("task-1", "1301", "Unsafe content"));
		assertThat(this.service.trailer("Something unsafe").block(WAIT))
			.isEqualTo("https://example.com/placeholder.mp4");
		assertThat(this.zai.requestCount()).isEqualTo(4);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TrailerApplication {

		@Bean
		TrailerService trailerService(ZaiVideoOperations video) {
			return new TrailerService(video);
		}

	}

	static class TrailerService {

		private final ZaiVideoOperations video;

		TrailerService(ZaiVideoOperations video) {
			this.video = video;
		}

		Mono<String> trailer(String prompt) {
			return this.video.generate(VideoRequest.builder().prompt(prompt).duration(10).build())
				.mapNotNull(VideoResult::url)
				.onErrorResume(ZaiException.class, (ex) -> Mono.just("https://example.com/placeholder.mp4"));
		}

	}

}
