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
package io.github.zaispring.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import java.util.List;

import io.github.zaispring.chat.ZaiChatOperations;
import io.github.zaispring.embedding.EmbeddingRequest;
import io.github.zaispring.embedding.EmbeddingResponse;
import io.github.zaispring.embedding.ZaiEmbeddingOperations;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The starter as a user has it: a Boot application with actuator on the class path, so
 * observations go to a meter registry, and the default retries on. The pool is sized for
 * the largest stream count, as the user of 2,000 concurrent streams would set it.
 *
 * @author zai-spring-boot contributors
 */
final class StarterClient implements BenchClient {

	// what a Boot application without actuator lacks: the registry, and so the
	// WebClient's observation
	private static final String OBSERVATION_AUTO_CONFIGURATION = "org.springframework.boot.micrometer.observation."
			+ "autoconfigure.ObservationAutoConfiguration,"
			+ "org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration";

	private final ConfigurableApplicationContext context;

	private final ZaiChatOperations zai;

	private boolean blocking;

	StarterClient(String baseUrl, int maxConnections, boolean observed, String... properties) {
		this(new Class<?>[0], baseUrl, maxConnections, observed, properties);
	}

	/**
	 * Create the client in an application that also has the given configuration classes,
	 * such as the one of {@link InProcessStreams} that answers without a network.
	 */
	StarterClient(Class<?>[] extraSources, String baseUrl, int maxConnections, boolean observed, String... properties) {
		// without observation: a Boot application without actuator, which has no
		// ObservationRegistry
		this.context = new SpringApplicationBuilder(StarterApplication.class).sources(extraSources)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties("zai.api-key=id.secret", "zai.base-url=" + baseUrl,
					"zai.pool.max-connections=" + maxConnections, "spring.main.banner-mode=off",
					"logging.level.root=WARN",
					"spring.autoconfigure.exclude=" + (observed ? "" : OBSERVATION_AUTO_CONFIGURATION))
			.properties(properties)
			.run();
		this.zai = this.context.getBean(ZaiChatOperations.class);
		boolean hasRegistry = !this.context.getBeanProvider(ObservationRegistry.class)
			.getIfAvailable(() -> ObservationRegistry.NOOP)
			.isNoop();
		if (hasRegistry != observed) {
			throw new IllegalStateException("The starter's context " + (observed ? "has no" : "has an")
					+ " ObservationRegistry; expected " + (observed ? "one" : "none"));
		}
	}

	/**
	 * Make W1 at concurrency call the template the way {@code ChatModel.call} is called:
	 * blocking, on the workload's threads.
	 * @return this client
	 */
	StarterClient blocking() {
		this.blocking = true;
		return this;
	}

	@Override
	public String call(String prompt) {
		String text = this.zai.chat(prompt).block(Duration.ofMinutes(2));
		return (text != null) ? text : "";
	}

	@Override
	public CompletableFuture<String> callAsync(String prompt, Executor blockingPool) {
		if (this.blocking) {
			return CompletableFuture.supplyAsync(() -> call(prompt), blockingPool);
		}
		return this.zai.chat(prompt).toFuture();
	}

	@Override
	public void stream(String prompt, StreamSink sink) {
		this.zai.streamText(prompt).subscribe(sink::piece, sink::error, sink::complete);
	}

	@Override
	public List<float[]> embed(List<String> texts, int dimensions) {
		EmbeddingRequest request = EmbeddingRequest.builder().input(texts).dimensions(dimensions).build();
		EmbeddingResponse response = this.context.getBean(ZaiEmbeddingOperations.class)
			.embed(request)
			.block(Duration.ofMinutes(5));
		return (response != null) ? response.vectors() : List.of();
	}

	/**
	 * Describe the meters the observations recorded, to prove they were on.
	 * @return one line per meter
	 */
	String meters() {
		return describeMeters(this.context.getBean(MeterRegistry.class), "gen_ai", "zai");
	}

	/**
	 * Describe the meters whose names start with one of the given prefixes, one line
	 * each: name, tags and every measurement.
	 * @param registry the registry
	 * @param prefixes the name prefixes
	 * @return the description
	 */
	static String describeMeters(MeterRegistry registry, String... prefixes) {
		StringBuilder meters = new StringBuilder();
		for (Meter meter : registry.getMeters()) {
			String name = meter.getId().getName();
			if (Arrays.stream(prefixes).anyMatch(name::startsWith)) {
				meters.append(name).append(' ').append(meter.getId().getTags()).append(' ');
				meter.measure()
					.forEach((measurement) -> meters.append(measurement.getStatistic())
						.append('=')
						.append((long) measurement.getValue())
						.append(' '));
				meters.append('\n');
			}
		}
		return meters.toString();
	}

	@Override
	public void close() {
		this.context.close();
	}

	/**
	 * The user's application.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class StarterApplication {

	}

}
