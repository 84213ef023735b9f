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

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.zaispring.chat.ChatCompletion;
import io.github.zaispring.chat.ChatCompletionMessage;
import io.github.zaispring.chat.Choice;
import io.github.zaispring.chat.FinishReason;
import io.github.zaispring.chat.Usage;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler.IgnoredMeters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler.FirstMatchingCompositeObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.core.Ordered;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ZaiMeterObservationHandler}.
 *
 * @author zai-spring-boot contributors
 */
class ZaiMeterObservationHandlerTests {

	private final SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();

	private final ObservationRegistry observationRegistry = ObservationRegistry.create();

	ZaiMeterObservationHandlerTests() {
		this.observationRegistry.observationConfig()
			.observationHandler(
					new FirstMatchingCompositeObservationHandler(new ZaiMeterObservationHandler(this.meterRegistry),
							new DefaultMeterObservationHandler(this.meterRegistry)));
	}

	@Test
	void callRecordsTheTimerAndEveryTokenType() {
		observe(ObservationFixtures.callContext(), ObservationFixtures.completion());
		assertThat(this.meterRegistry.get("gen_ai.client.operation")
			.tag("gen_ai.request.model", "glm-4.6")
			.tag("error.type", "none")
			.timer()
			.count()).isOne();
		assertThat(tokens("input").totalAmount()).isEqualTo(12);
		assertThat(tokens("output").totalAmount()).isEqualTo(30);
		assertThat(tokens("cached").totalAmount()).isEqualTo(4);
		assertThat(tokens("reasoning").totalAmount()).isEqualTo(20);
		assertThat(this.meterRegistry.find("gen_ai.client.operation.time_to_first_chunk").timers()).isEmpty();
	}

	@Test
	void tokenUsageHasTheModelTags() {
		observe(ObservationFixtures.callContext(), ObservationFixtures.completion());
		DistributionSummary input = tokens("input");
		assertThat(input.getId().getBaseUnit()).isEqualTo("tokens");
		assertThat(input.getId().getTags()).extracting("key")
			.containsExactlyInAnyOrder("gen_ai.operation.name", "gen_ai.provider.name", "gen_ai.request.model",
					"gen_ai.response.model", "gen_ai.token.type");
		assertThat(input.getId().getTag("gen_ai.provider.name")).isEqualTo("z_ai");
		assertThat(input.getId().getTag("gen_ai.operation.name")).isEqualTo("chat");
	}

	@Test
	void streamRecordsFoldedUsageAndTimeToFirstChunk() {
		ZaiChatObservationContext context = ObservationFixtures.streamContext();
		context.setFirstChunkLatency(Duration.ofMillis(350));
		observe(context, ObservationFixtures.foldedStream());
		assertThat(tokens("input").totalAmount()).isEqualTo(7);
		assertThat(tokens("output").totalAmount()).isEqualTo(2);
		assertThat(this.meterRegistry.find("gen_ai.client.token.usage").tag("gen_ai.token.type", "cached").summary())
			.isNull();
		assertThat(this.meterRegistry.find("gen_ai.client.token.usage").tag("gen_ai.token.type", "reasoning").summary())
			.isNull();
		Timer firstChunk = this.meterRegistry.get("gen_ai.client.operation.time_to_first_chunk")
			.tag("gen_ai.request.model", "glm-4.6")
			.tag("gen_ai.response.model", "glm-4.6")
			.timer();
		assertThat(firstChunk.count()).isOne();
		assertThat(firstChunk.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(350);
	}

	@Test
	void repeatedCallsShareTheirMeters() {
		observe(ObservationFixtures.callContext(), ObservationFixtures.completion());
		observe(ObservationFixtures.callContext(), ObservationFixtures.completion());
		assertThat(tokens("input").count()).isEqualTo(2);
		assertThat(tokens("input").totalAmount()).isEqualTo(24);
	}

	@Test
	void eachModelKeepsMetersOfItsOwn() {
		ChatCompletion other = new ChatCompletion("task-9", null, null, "glm-4.5-air",
				List.of(new Choice(0, new ChatCompletionMessage("assistant", "h", null, null), FinishReason.STOP)),
				new Usage(5, 1, 6, null, null), null);
		observe(ObservationFixtures.callContext(), ObservationFixtures.completion());
		observe(ObservationFixtures.callContext(), other);
		observe(ObservationFixtures.callContext(), ObservationFixtures.completion());
		assertThat(this.meterRegistry.get("gen_ai.client.token.usage")
			.tag("gen_ai.token.type", "input")
			.tag("gen_ai.response.model", "glm-4.6")
			.summary()
			.totalAmount()).isEqualTo(24);
		assertThat(this.meterRegistry.get("gen_ai.client.token.usage")
			.tag("gen_ai.token.type", "input")
			.tag("gen_ai.response.model", "glm-4.5-air")
			.summary()
			.totalAmount()).isEqualTo(5);
	}

	@Test
	void responseWithoutUsageRecordsNoTokens() {
		ChatCompletion noUsage = new ChatCompletion("task-3", null, null, "glm-4.6",
				List.of(new Choice(0, new ChatCompletionMessage("assistant", "h", null, null), FinishReason.STOP)),
				null, null);
		observe(ObservationFixtures.callContext(), noUsage);
		assertThat(this.meterRegistry.find("gen_ai.client.token.usage").summaries()).isEmpty();
	}

	@Test
	void cancelledStreamWithoutAChunkRecordsOnlyTheTimer() {
		ZaiChatObservationContext context = ObservationFixtures.streamContext();
		context.setCancelled(true);
		observe(context, null);
		assertThat(this.meterRegistry.get("gen_ai.client.operation")
			.tag("gen_ai.response.cancelled", "true")
			.tag("error.type", "none")
			.timer()
			.count()).isOne();
		assertThat(this.meterRegistry.find("gen_ai.client.token.usage").summaries()).isEmpty();
		assertThat(this.meterRegistry.find("gen_ai.client.operation.time_to_first_chunk").timers()).isEmpty();
	}

	@Test
	void zeroCountsAreRecorded() {
		ChatCompletion zero = new ChatCompletion("task-4", null, null, "glm-4.6", List.of(),
				new Usage(5, 0, 5, null, new Usage.CompletionTokensDetails(0)), null);
		observe(ObservationFixtures.callContext(), zero);
		assertThat(tokens("output").count()).isOne();
		assertThat(tokens("reasoning").count()).isOne();
	}

	@Test
	void recordsTheTimerAndLongTaskTimerAsMicrometersHandlerDoes() {
		// the same observations, recorded once by this handler ahead of Micrometer's and
		// once by Micrometer's alone: the same meters with the same tags and counts
		SimpleMeterRegistry micrometers = new SimpleMeterRegistry();
		ObservationRegistry reference = ObservationRegistry.create();
		reference.observationConfig().observationHandler(new DefaultMeterObservationHandler(micrometers));
		for (ObservationRegistry registry : List.of(this.observationRegistry, reference)) {
			registry.observationConfig()
				.observationFilter((context) -> context.addLowCardinalityKeyValue(KeyValue.of("region", "eu")));
			observe(registry, ObservationFixtures.callContext(), ObservationFixtures.completion(), null);
			observe(registry, ObservationFixtures.callContext(), ObservationFixtures.completion(), null);
			observe(registry, ObservationFixtures.callContext(), null, new IllegalStateException("boom"));
			ZaiChatObservationContext cancelled = ObservationFixtures.streamContext();
			cancelled.setCancelled(true);
			observe(registry, cancelled, null, null);
		}
		assertThat(operationMeters(this.meterRegistry)).isEqualTo(operationMeters(micrometers))
			.anyMatch((meter) -> meter.startsWith("gen_ai.client.operation.active ") && !meter.contains("region"))
			.anyMatch((meter) -> meter.contains("tag(error=IllegalStateException)") && meter.endsWith(" 1"))
			.anyMatch((meter) -> meter.contains("tag(region=eu)") && meter.endsWith(" 2"));
	}

	@Test
	void theLongTaskTimerCountsCallsUnderWay() {
		Observation observation = start(this.observationRegistry, ObservationFixtures.callContext());
		LongTaskTimer active = this.meterRegistry.get("gen_ai.client.operation.active").longTaskTimer();
		assertThat(active.activeTasks()).isOne();
		observation.stop();
		assertThat(active.activeTasks()).isZero();
	}

	@Test
	void ignoredLongTaskTimerIsNotRecorded() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig()
			.observationHandler(new ZaiMeterObservationHandler(meters, IgnoredMeters.LONG_TASK_TIMER));
		observe(registry, ObservationFixtures.callContext(), ObservationFixtures.completion(), null);
		assertThat(meters.find("gen_ai.client.operation.active").longTaskTimers()).isEmpty();
		assertThat(meters.get("gen_ai.client.operation").timer().count()).isOne();
	}

	@Test
	void aMeterRemovedFromTheRegistryIsRegisteredAgainOnTheNextCall() {
		observe(ObservationFixtures.callContext(), ObservationFixtures.completion());
		this.meterRegistry.remove(this.meterRegistry.get("gen_ai.client.operation").timer());
		this.meterRegistry.remove(tokens("input"));
		observe(ObservationFixtures.callContext(), ObservationFixtures.completion());
		assertThat(this.meterRegistry.get("gen_ai.client.operation").timer().count()).isOne();
		assertThat(tokens("input").count()).isOne();
	}

	@Test
	void eventsAreCountedAsMicrometersHandlerCountsThem() {
		Observation observation = start(this.observationRegistry, ObservationFixtures.callContext());
		observation.event(Observation.Event.of("retried"));
		observation.stop();
		assertThat(this.meterRegistry.get("gen_ai.client.operation.retried")
			.tag("gen_ai.request.model", "glm-4.6")
			.counter()
			.count()).isOne();
	}

	@Test
	void observationsOfTheSameKeyValuesButAnotherNameKeepMetersOfTheirOwn() {
		ZaiChatObservationConvention renamed = new DefaultZaiChatObservationConvention() {

			@Override
			public String getName() {
				return "my.chat";
			}

		};
		ZaiChatObservationContext context = ObservationFixtures.callContext();
		ZaiChatObservationDocumentation.CHAT_OPERATION
			.observation(renamed, new DefaultZaiChatObservationConvention(), () -> context, this.observationRegistry)
			.start()
			.stop();
		observe(ObservationFixtures.callContext(), null);
		assertThat(this.meterRegistry.get("my.chat").timer().count()).isOne();
		assertThat(this.meterRegistry.get("gen_ai.client.operation").timer().count()).isOne();
	}

	@Test
	void isOrderedAheadOfHandlersWithoutAnOrder() {
		assertThat(new ZaiMeterObservationHandler(this.meterRegistry).getOrder()).isLessThan(Ordered.LOWEST_PRECEDENCE);
	}

	private static List<String> operationMeters(MeterRegistry registry) {
		List<String> meters = new ArrayList<>();
		for (Meter meter : registry.getMeters()) {
			Meter.Id id = meter.getId();
			if (id.getName().startsWith("gen_ai.client.operation")) {
				long count = (meter instanceof Timer timer) ? timer.count() : ((LongTaskTimer) meter).activeTasks();
				meters.add(id.getName() + " " + id.getTags() + " " + count);
			}
		}
		Collections.sort(meters);
		return meters;
	}

	private static void observe(ObservationRegistry registry, ZaiChatObservationContext context,
			@Nullable ChatCompletion response, @Nullable Throwable error) {
		Observation observation = start(registry, context);
		context.setResponse(response);
		if (error != null) {
			observation.error(error);
		}
		observation.stop();
	}

	private static Observation start(ObservationRegistry registry, ZaiChatObservationContext context) {
		return ZaiChatObservationDocumentation.CHAT_OPERATION
			.observation(null, new DefaultZaiChatObservationConvention(), () -> context, registry)
			.start();
	}

	private void observe(ZaiChatObservationContext context, @Nullable ChatCompletion response) {
		observe(this.observationRegistry, context, response, null);
	}

	private DistributionSummary tokens(String type) {
		return this.meterRegistry.get("gen_ai.client.token.usage")
			.tag("gen_ai.token.type", type)
			.tag("gen_ai.request.model", "glm-4.6")
			.summary();
	}

}
