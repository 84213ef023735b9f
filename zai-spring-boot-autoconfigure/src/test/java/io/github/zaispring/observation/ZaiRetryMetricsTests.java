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

package io.github.zaispring.observation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.zaispring.ZaiRateLimitException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ZaiRetryMetrics}.
 *
 * @author zai-spring-boot contributors
 */
class ZaiRetryMetricsTests {

	private final SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();

	@Test
	void countsEachRetryByReason() {
		Retry retry = new ZaiRetryMetrics(this.meterRegistry)
			.bindTo(Retry.of("zai", RetryConfig.custom().maxAttempts(4).waitDuration(Duration.ofMillis(1)).build()));
		AtomicInteger attempts = new AtomicInteger();
		String answer = retry.executeSupplier(() -> switch (attempts.incrementAndGet()) {
			case 1, 2 -> throw new ZaiRateLimitException(429, "1302", "Too many requests", null);
			case 3 -> throw new UncheckedIOException(new IOException("Connection reset"));
			default -> "ok";
		});
		assertThat(answer).isEqualTo("ok");
		assertThat(retries("1302")).isEqualTo(2);
		assertThat(retries("UncheckedIOException")).isOne();
		assertThat(this.meterRegistry.get("zai.client.retries").counters()).hasSize(2)
			.allSatisfy((counter) -> assertThat(counter.getId().getTag("gen_ai.provider.name")).isEqualTo("z_ai"));
	}

	@Test
	void recordsARetryWithoutKnownFailure() {
		new ZaiRetryMetrics(this.meterRegistry).recordRetry(null);
		assertThat(retries("none")).isOne();
	}

	private double retries(String reason) {
		return this.meterRegistry.get("zai.client.retries").tag("reason", reason).counter().count();
	}

}
