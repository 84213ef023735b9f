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

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.zaispring.chat.ChatRequest;
import io.github.zaispring.chat.ZaiChatTemplate;
import io.github.zaispring.resilience.LocalConcurrencyLimiter;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client's concurrency limit under load: a thousand concurrent streams through a
 * limit of ten, cancelled at random points, some while still queued.
 *
 * @author zai-spring-boot contributors
 */
class ZaiChatTemplateConcurrencyLimitTests {

	private static final int STREAMS = 1000;

	private static final int LIMIT = 10;

	private static final int CHUNKS = 20;

	@Test
	void aThousandStreamsCancelledAtRandomPointsGiveEveryPermitBackWithoutBlockingThreads() {
		ZaiReply reply = ZaiReply.text("abcdefghijklmnopqrs").chunkSize(1).delayBetweenChunks(Duration.ofMillis(2));
		assertThat(reply.streamChunkCount()).isEqualTo(CHUNKS);
		LocalConcurrencyLimiter limiter = new LocalConcurrencyLimiter(LIMIT, Duration.ofMinutes(2));
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		// a response that arrives as its stream is cancelled is drained by Reactor Netty,
		// which
		// then refuses a second reader of the cancelled body: a known race of
		// cancellation
		// (reactor-netty#2872), reported through Reactor's dropped-error hook, whose
		// default
		// logs it at ERROR with a stack trace. Kept here and checked instead.
		List<Throwable> dropped = new CopyOnWriteArrayList<>();
		Hooks.onErrorDropped(dropped::add);
		try (ZaiMockServer server = ZaiMockServer.start().recordRequests(false);
				ZaiChatTemplate template = ZaiChatTemplate.builder()
					.apiKey("k")
					.baseUrl(server.baseUrl())
					.concurrencyLimiter(limiter)
					.build()) {
			server.respondWith((request) -> reply);
			int threadsBefore = threads.getThreadCount();
			threads.resetPeakThreadCount();
			AtomicInteger peakInFlight = new AtomicInteger();
			Random random = new Random(42);
			List<Long> received = Flux.range(0, STREAMS).flatMap((i) -> {
				int take = random.nextInt(CHUNKS + 10);
				long cancelAfterMillis = random.nextInt(400);
				return template.stream(ChatRequest.builder().user("stream " + i).build()).doOnNext((chunk) -> {
					peakInFlight.accumulateAndGet(limiter.totalInFlight(), Math::max);
				})
					.take(take)
					// some are cancelled from outside, possibly while waiting for a slot
					.take(Duration.ofMillis(cancelAfterMillis))
					.count()
					.onErrorResume((ex) -> Mono.just(-1L));
			}, STREAMS).collectList().block(Duration.ofSeconds(120));
			assertThat(received).hasSize(STREAMS).doesNotContain(-1L);
			assertThat(limiter.totalInFlight()).as("every permit is back").isZero();
			assertThat(limiter.totalQueued()).as("nobody is left in the queue").isZero();
			assertThat(limiter.inFlight("glm-4.6")).isZero();
			assertThat(peakInFlight.get()).isLessThanOrEqualTo(LIMIT);
			// waiting requests park no thread: a thousand waiters would otherwise show
			assertThat(threads.getPeakThreadCount() - threadsBefore).isLessThan(50);
		}
		finally {
			Hooks.resetOnErrorDropped();
		}
		assertThat(dropped).allSatisfy((ex) -> assertThat(ex).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("Rejecting additional inbound receiver")
			.hasMessageContaining("cancelled=true"));
	}

}
