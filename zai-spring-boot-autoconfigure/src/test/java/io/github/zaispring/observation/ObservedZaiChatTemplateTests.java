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
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.retry.Retry;
import io.github.zaispring.ZaiQuotaExceededException;
import io.github.zaispring.chat.ChatRequest;
import io.github.zaispring.chat.ZaiChatTemplate;
import io.github.zaispring.resilience.ZaiRetryPolicy.RetrySettings;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler.FirstMatchingCompositeObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The template observed end to end against a server on 127.0.0.1: the observation of each
 * call and stream, its HTTP children, and the meters it produces.
 *
 * @author zai-spring-boot contributors
 */
class ObservedZaiChatTemplateTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private static final String REPLY = """
			{"choices":[{"finish_reason":"stop","index":0,"message":{"content":"Olá!","role":"assistant"}}],\
			"created":1762854981,"id":"resp-1","model":"glm-4.5","request_id":"resp-1",\
			"usage":{"completion_tokens":72,"prompt_tokens":16,"total_tokens":88,\
			"prompt_tokens_details":{"cached_tokens":7},"completion_tokens_details":{"reasoning_tokens":50}}}""";

	private static final String STREAM = """
			data: {"id":"s1","created":1,"model":"glm-4.5","choices":[{"index":0,"delta":{"role":"assistant","content":"Hel"}}]}

			data: {"id":"s1","created":1,"model":"glm-4.5","choices":[{"index":0,"delta":{"role":"assistant","content":"lo"}}]}

			data: {"id":"s1","created":1,"model":"glm-4.5","choices":[{"index":0,"finish_reason":"stop","delta":{"role":"assistant","content":""}}],"usage":{"prompt_tokens":11,"completion_tokens":22,"total_tokens":33}}

			data: [DONE]

			""";

	private MockWebServer server;

	@BeforeEach
	void start() throws IOException {
		this.server = new MockWebServer();
		this.server.start(InetAddress.getLoopbackAddress(), 0);
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	private ZaiChatTemplate template(ObservationRegistry registry) {
		return ZaiChatTemplate.builder()
			.apiKey("k.secret")
			.baseUrl(this.server.url("/api/paas/v4").toString())
			.webClientBuilder(WebClient.builder().observationRegistry(registry))
			.retry(new RetrySettings(3, Duration.ofMillis(1), 2, Duration.ofMillis(5), Duration.ofSeconds(60)))
			.interceptor(new ObservationZaiInterceptor(registry, null, new DefaultZaiChatObservationConvention(), null))
			.build();
	}

	@Test
	void observesACallAsTheParentOfItsHttpExchange() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.server.enqueue(json(200, REPLY));
		try (ZaiChatTemplate template = template(registry)) {
			assertThat(template.chat("hi").block(WAIT)).isEqualTo("Olá!");
		}
		TestObservationRegistryAssert.assertThat(registry)
			.hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasContextualNameEqualTo("chat glm-4.6")
			.hasLowCardinalityKeyValue("gen_ai.operation.name", "chat")
			.hasLowCardinalityKeyValue("gen_ai.provider.name", "z_ai")
			.hasLowCardinalityKeyValue("gen_ai.request.model", "glm-4.6")
			.hasLowCardinalityKeyValue("gen_ai.response.model", "glm-4.5")
			.hasLowCardinalityKeyValue("gen_ai.request.stream", "false")
			.hasLowCardinalityKeyValue("error.type", "none")
			.hasLowCardinalityKeyValue("server.address", this.server.getHostName())
			.hasHighCardinalityKeyValue("gen_ai.response.id", "resp-1")
			.hasBeenStarted()
			.hasBeenStopped();
		TestObservationRegistryAssert.assertThat(registry)
			.hasObservationWithNameEqualTo("http.client.requests")
			.that()
			.hasParentObservationContextMatching((parent) -> parent.getName().equals("gen_ai.client.operation"));
	}

	@Test
	void observesAStreamFromSubscriptionToItsLastChunk() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.server.enqueue(sse(STREAM));
		try (ZaiChatTemplate template = template(registry)) {
			assertThat(template.streamText("hi").collectList().block(WAIT)).containsExactly("Hel", "lo");
		}
		TestObservationRegistryAssert.assertThat(registry)
			.hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasLowCardinalityKeyValue("gen_ai.request.stream", "true")
			.hasLowCardinalityKeyValue("gen_ai.response.model", "glm-4.5")
			.hasLowCardinalityKeyValue("gen_ai.response.cancelled", "false")
			.hasHighCardinalityKeyValue("gen_ai.response.id", "s1")
			.hasHighCardinalityKeyValue("gen_ai.response.finish_reasons", "[\"stop\"]")
			.doesNotHaveHighCardinalityKeyValueWithKey("gen_ai.completion")
			.hasBeenStopped();
	}

	@Test
	void showsEachRetryAsASeparateChildExchange() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.server.enqueue(json(500, "{\"error\":{\"code\":\"500\",\"message\":\"Internal Error\"}}"));
		this.server.enqueue(json(200, REPLY));
		try (ZaiChatTemplate template = template(registry)) {
			template.chat("hi").block(WAIT);
		}
		TestObservationRegistryAssert.assertThat(registry)
			.hasNumberOfObservationsWithNameEqualTo("http.client.requests", 2)
			.hasNumberOfObservationsWithNameEqualTo("gen_ai.client.operation", 1)
			.hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasHighCardinalityKeyValue("zai.request.attempts", "2");
		TestObservationRegistryAssert.assertThat(registry)
			.hasHandledContextsThatSatisfy((contexts) -> assertThat(contexts)
				.filteredOn((context) -> "http.client.requests".equals(context.getName()))
				.hasSize(2)
				.allSatisfy((context) -> assertThat(context.getParentObservation().getContextView().getName())
					.isEqualTo("gen_ai.client.operation")));
	}

	@Test
	void recordsTokenUsageOfACall() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		this.server.enqueue(json(200, REPLY));
		try (ZaiChatTemplate template = template(meteredRegistry(meters))) {
			template.chat("hi").block(WAIT);
		}
		assertThat(tokens(meters, "input").totalAmount()).isEqualTo(16);
		assertThat(tokens(meters, "output").totalAmount()).isEqualTo(72);
		assertThat(tokens(meters, "cached").totalAmount()).isEqualTo(7);
		assertThat(tokens(meters, "reasoning").totalAmount()).isEqualTo(50);
		assertThat(meters.get("gen_ai.client.operation").tag("error.type", "none").timer().count()).isEqualTo(1);
	}

	@Test
	void recordsTokenUsageAndTimeToFirstChunkOfAStream() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		this.server.enqueue(sse(STREAM));
		try (ZaiChatTemplate template = template(meteredRegistry(meters))) {
			assertThat(template.streamText("hi").collectList().block(WAIT)).containsExactly("Hel", "lo");
		}
		assertThat(tokens(meters, "input").totalAmount()).isEqualTo(11);
		assertThat(tokens(meters, "output").totalAmount()).isEqualTo(22);
		Timer firstChunk = meters.get("gen_ai.client.operation.time_to_first_chunk").timer();
		assertThat(firstChunk.count()).isEqualTo(1);
		assertThat(firstChunk.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
		assertThat(meters.get("gen_ai.client.operation").tag("gen_ai.request.stream", "true").timer().count())
			.isEqualTo(1);
	}

	@Test
	void tagsAQuotaFailureWithItsBusinessCode() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		this.server.enqueue(json(429,
				"{\"error\":{\"code\":\"1113\",\"message\":\"Insufficient balance or no resource package. Please recharge.\"}}"));
		try (ZaiChatTemplate template = template(meteredRegistry(meters))) {
			StepVerifier.create(template.chat("hi")).expectError(ZaiQuotaExceededException.class).verify(WAIT);
		}
		assertThat(meters.get("gen_ai.client.operation").tag("error.type", "1113").timer().count()).isEqualTo(1);
	}

	@Test
	void recordsACancelledStreamAsCancelled() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		this.server.enqueue(sse(STREAM));
		try (ZaiChatTemplate template = template(meteredRegistry(meters))) {
			assertThat(template.streamText("hi").take(1).collectList().block(WAIT)).containsExactly("Hel");
		}
		assertThat(meters.get("gen_ai.client.operation")
			.tag("gen_ai.response.cancelled", "true")
			.tag("error.type", "none")
			.timer()
			.count()).isEqualTo(1);
		assertThat(meters.find("gen_ai.client.operation").tag("gen_ai.response.cancelled", "false").timer())
			.as("not recorded as a success")
			.isNull();
	}

	@Test
	void aConventionOfTheApplicationReplacesTheDefault() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		ZaiChatObservationConvention custom = new DefaultZaiChatObservationConvention() {

			@Override
			public String getContextualName(ZaiChatObservationContext context) {
				return "ask glm";
			}

		};
		this.server.enqueue(json(200, REPLY));
		try (ZaiChatTemplate template = ZaiChatTemplate.builder()
			.apiKey("k.secret")
			.baseUrl(this.server.url("/api/paas/v4").toString())
			.retry((Retry) null)
			.interceptor(
					new ObservationZaiInterceptor(registry, custom, new DefaultZaiChatObservationConvention(), null))
			.build()) {
			template.chat(ChatRequest.builder().user("hi").build()).block(WAIT);
		}
		TestObservationRegistryAssert.assertThat(registry)
			.hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasContextualNameEqualTo("ask glm");
	}

	@Test
	void recordsTheHttpExchangesOfItsCallsAsMicrometersHandlerDoes() {
		// the same calls (a retried 500, a call, a stream), recorded once with the
		// starter's handler ahead of Micrometer's and once by Micrometer's alone: the
		// same exchange meters, and with both, Micrometer's handler sees none of the
		// exchanges
		SimpleMeterRegistry withBoth = new SimpleMeterRegistry();
		SeenContexts micrometersSeen = new SeenContexts(withBoth);
		ObservationRegistry both = starterHandlerAhead(withBoth, micrometersSeen);
		SimpleMeterRegistry alone = new SimpleMeterRegistry();
		ObservationRegistry micrometerOnly = ObservationRegistry.create();
		micrometerOnly.observationConfig().observationHandler(new DefaultMeterObservationHandler(alone));
		for (ObservationRegistry registry : List.of(both, micrometerOnly)) {
			this.server.enqueue(json(500, "{\"error\":{\"code\":\"500\",\"message\":\"busy\"}}"));
			this.server.enqueue(json(200, REPLY));
			this.server.enqueue(sse(STREAM));
			try (ZaiChatTemplate template = template(registry)) {
				assertThat(template.chat("hi").block(WAIT)).isEqualTo("Olá!");
				assertThat(template.streamText("hi").collectList().block(WAIT)).containsExactly("Hel", "lo");
			}
		}
		assertThat(exchangeMeters(withBoth)).isEqualTo(exchangeMeters(alone))
			.anyMatch((meter) -> meter.startsWith("http.client.requests.active "))
			.anyMatch((meter) -> meter.contains("tag(status=500)") && meter.endsWith(" 1"))
			.anyMatch((meter) -> meter.contains("tag(status=200)") && meter.endsWith(" 2"));
		assertThat(micrometersSeen.names).isEmpty();
	}

	@Test
	void leavesExchangesOutsideAZaiCallToTheNextHandler() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		SeenContexts micrometersSeen = new SeenContexts(meters);
		ObservationRegistry registry = starterHandlerAhead(meters, micrometersSeen);
		this.server.enqueue(json(200, REPLY));
		String body = WebClient.builder()
			.observationRegistry(registry)
			.build()
			.get()
			.uri(this.server.url("/other").toString())
			.retrieve()
			.bodyToMono(String.class)
			.block(WAIT);
		assertThat(body).isEqualTo(REPLY);
		assertThat(micrometersSeen.names).containsExactly("http.client.requests");
		assertThat(meters.get("http.client.requests").timer().count()).isOne();
	}

	/**
	 * An observation registry whose meters are recorded as in Spring Boot: the starter's
	 * handler first, then Micrometer's.
	 */
	private static ObservationRegistry starterHandlerAhead(MeterRegistry meters, SeenContexts micrometers) {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig()
			.observationHandler(
					new FirstMatchingCompositeObservationHandler(new ZaiMeterObservationHandler(meters), micrometers));
		return registry;
	}

	private static List<String> exchangeMeters(MeterRegistry registry) {
		List<String> meters = new ArrayList<>();
		for (Meter meter : registry.getMeters()) {
			Meter.Id id = meter.getId();
			if (id.getName().startsWith("http.client.requests")) {
				long count = (meter instanceof Timer timer) ? timer.count() : ((LongTaskTimer) meter).activeTasks();
				meters.add(id.getName() + " " + id.getTags() + " " + count);
			}
		}
		Collections.sort(meters);
		return meters;
	}

	/**
	 * Micrometer's handler, noting the names of the observations it records.
	 */
	private static final class SeenContexts extends DefaultMeterObservationHandler {

		private final Set<String> names = ConcurrentHashMap.newKeySet();

		SeenContexts(MeterRegistry registry) {
			super(registry);
		}

		@Override
		public void onStart(Observation.Context context) {
			this.names.add(String.valueOf(context.getName()));
			super.onStart(context);
		}

	}

	private static ObservationRegistry meteredRegistry(SimpleMeterRegistry meters) {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig()
			.observationHandler(new FirstMatchingCompositeObservationHandler(new ZaiMeterObservationHandler(meters),
					new DefaultMeterObservationHandler(meters)));
		return registry;
	}

	private static DistributionSummary tokens(SimpleMeterRegistry meters, String type) {
		return meters.get("gen_ai.client.token.usage")
			.tag("gen_ai.token.type", type)
			.tag("gen_ai.provider.name", "z_ai")
			.tag("gen_ai.request.model", "glm-4.6")
			.tag("gen_ai.response.model", "glm-4.5")
			.summary();
	}

	private static MockResponse json(int status, String body) {
		return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body).build();
	}

	private static MockResponse sse(String body) {
		return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(body).build();
	}

}
