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
import java.util.concurrent.TimeUnit;

/**
 * The streams a {@link ZaiMockServer} is sending and those its clients cancelled, with a
 * wait for cancellations that never polls.
 *
 * @author zai-spring-boot contributors
 */
final class StreamCounts implements ReplyWriter.StreamListener {

	private int active;

	private int cancelled;

	@Override
	public synchronized void streamStarted() {
		this.active++;
	}

	@Override
	public synchronized void streamEnded(boolean cancelled) {
		this.active--;
		if (cancelled) {
			this.cancelled++;
			notifyAll();
		}
	}

	synchronized int active() {
		return this.active;
	}

	synchronized int cancelled() {
		return this.cancelled;
	}

	synchronized void resetCancelled() {
		this.cancelled = 0;
	}

	/**
	 * Wait until at least the given number of streams were cancelled.
	 * @param count the number to wait for
	 * @param timeout the longest wait
	 * @return whether the count was reached in time
	 */
	synchronized boolean awaitCancelled(int count, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		try {
			while (this.cancelled < count) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return false;
				}
				TimeUnit.NANOSECONDS.timedWait(this, left);
			}
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
