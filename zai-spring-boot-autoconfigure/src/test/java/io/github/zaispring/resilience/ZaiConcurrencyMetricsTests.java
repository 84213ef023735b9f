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

package io.github.zaispring.resilience;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.zaispring.ZaiRateLimitException;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link ZaiConcurrencyMetrics}.
 *
 * @author zai-spring-boot contributors
 */
class ZaiConcurrencyMetricsTests {

	private static final String MODEL = "glm-4.6";

	private final SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();

	private final AtomicLong nanos = new AtomicLong();

	private final ZaiConcurrencyMetrics metrics = new ZaiConcurrencyMetrics(this.meterRegistry);

	@Test
	void recordsWaitsAndGaugesPerModel() {
		ConcurrencyLimiter limiter = new LocalConcurrencyLimiter(1, Duration.ofMinutes(1), this.metrics,
				this.nanos::get);
		this.metrics.bindTo(limiter);
		Disposable first = limiter.limit(MODEL, Flux.never()).subscribe();
		Disposable second = limiter.limit(MODEL, Flux.never()).subscribe();
		assertThat(gauge("zai.client.concurrency.in_flight")).isEqualTo(1);
		assertThat(gauge("zai.client.concurrency.queued")).isEqualTo(1);
		this.nanos.addAndGet(Duration.ofMillis(250).toNanos());
		first.dispose();
		assertThat(gauge("zai.client.concurrency.in_flight")).isEqualTo(1);
		assertThat(gauge("zai.client.concurrency.queued")).isZero();
		Timer acquired = queueWait("acquired");
		assertThat(acquired.count()).isEqualTo(2);
		assertThat(acquired.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(250);
		assertThat(acquired.max(TimeUnit.MILLISECONDS)).isEqualTo(250);
		second.dispose();
		assertThat(gauge("zai.client.concurrency.in_flight")).isZero();
	}

	@Test
	void recordsRejectedWaits() {
		ConcurrencyLimiter limiter = new LocalConcurrencyLimiter(1, Duration.ZERO, this.metrics, this.nanos::get);
		this.metrics.bindTo(limiter);
		Disposable holder = limiter.limit(MODEL, Flux.never()).subscribe();
		StepVerifier.create(limiter.limit(MODEL, Mono.just("answer")))
			.expectError(ZaiRateLimitException.class)
			.verify(Duration.ofSeconds(5));
		assertThat(queueWait("rejected").count()).isOne();
		assertThat(queueWait("acquired").count()).isOne();
		holder.dispose();
	}

	@Test
	void registersGaugesForModelsSeenBeforeBinding() {
		ConcurrencyLimiter limiter = new LocalConcurrencyLimiter(2, Duration.ZERO, this.metrics, this.nanos::get);
		Disposable holder = limiter.limit(MODEL, Flux.never()).subscribe();
		assertThat(this.meterRegistry.find("zai.client.concurrency.in_flight").gauges()).isEmpty();
		this.metrics.bindTo(limiter);
		assertThat(gauge("zai.client.concurrency.in_flight")).isEqualTo(1);
		holder.dispose();
	}

	@Test
	void bindsToOneLimiterOnly() {
		this.metrics.bindTo(new LocalConcurrencyLimiter(1, Duration.ZERO, this.metrics));
		assertThatIllegalStateException()
			.isThrownBy(() -> this.metrics.bindTo(new LocalConcurrencyLimiter(1, Duration.ZERO, this.metrics)));
	}

	private double gauge(String name) {
		return this.meterRegistry.get(name).tag("gen_ai.request.model", MODEL).gauge().value();
	}

	private Timer queueWait(String outcome) {
		return this.meterRegistry.get("zai.client.concurrency.queue.wait")
			.tag("gen_ai.request.model", MODEL)
			.tag("outcome", outcome)
			.timer();
	}

}
