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

package io.github.zaispring.autoconfigure.redis;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.zaispring.chat.ZaiChatOperations;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * A replica in a JVM of its own, for the test that kills one with {@code SIGKILL}: boots
 * the application from its arguments, opens streams that last ten minutes, prints
 * {@value #HOLDING} and the count once every one of them has its first chunk (so holds
 * its permit), and waits to be killed.
 * <p>
 * Arguments: the number of streams, then the application's {@code --name=value}
 * properties.
 *
 * @author zai-spring-boot contributors
 */
public final class PermitHolderMain {

	static final String HOLDING = "HOLDING PERMITS: ";

	private PermitHolderMain() {
	}

	public static void main(String[] args) throws InterruptedException {
		int streams = Integer.parseInt(args[0]);
		ConfigurableApplicationContext context = Replica.run(Arrays.copyOfRange(args, 1, args.length));
		ZaiChatOperations chat = context.getBean(ZaiChatOperations.class);
		CountDownLatch started = new CountDownLatch(streams);
		for (int i = 0; i < streams; i++) {
			AtomicBoolean first = new AtomicBoolean();
			// read to the end, so that the permit stays held until the kill
			chat.streamText(ZaiStandIn.shape(600, Duration.ofSeconds(1)))
				.filter((text) -> !text.isEmpty())
				.subscribe((text) -> {
					if (first.compareAndSet(false, true)) {
						started.countDown();
					}
				});
		}
		if (!started.await(60, TimeUnit.SECONDS)) {
			System.out.println("NOT HOLDING: " + started.getCount() + " streams did not start within 60s");
			System.exit(2);
		}
		System.out.println(HOLDING + streams);
		System.out.flush();
		new CountDownLatch(1).await();
	}

}
