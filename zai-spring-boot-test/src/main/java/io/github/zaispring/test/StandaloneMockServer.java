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
import java.util.concurrent.CountDownLatch;

import org.springframework.util.Assert;

/**
 * {@link ZaiMockServer#main(String[])}: a server that runs until the JVM stops, for
 * benchmarks and offline demos.
 *
 * @author zai-spring-boot contributors
 */
final class StandaloneMockServer {

	private StandaloneMockServer() {
	}

	static void run(String[] args) throws InterruptedException {
		int port = (args.length > 0) ? Integer.parseInt(args[0].trim()) : 0;
		ZaiMockServer server = ZaiMockServer.start(port).recordRequests(false);
		if (args.length > 1) {
			ZaiReply reply = fixedReply(Integer.parseInt(args[1].trim()),
					(args.length > 2) ? Long.parseLong(args[2].trim()) : 0);
			server.respondWith((request) -> reply);
		}
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			server.close();
			stopped.countDown();
		}, "zai-mock-shutdown"));
		System.out.println("ZaiMockServer listening on " + server.baseUrl());
		System.out.flush();
		stopped.await();
	}

	private static ZaiReply fixedReply(int chunks, long delayMillis) {
		Assert.isTrue(chunks >= 1, () -> "chunks must be at least 1, but was " + chunks);
		Assert.isTrue(delayMillis >= 0, () -> "delayMillis must be zero or positive, but was " + delayMillis);
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < chunks; i++) {
			text.append((i == 0) ? "Lorem" : " ipsum");
		}
		return ZaiReply.text(text.toString()).delayBetweenChunks(Duration.ofMillis(delayMillis));
	}

}
