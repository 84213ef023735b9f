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

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.management.ThreadMXBean;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * W3's client work without the network: each system's {@code WebClient} gets a filter
 * that answers every request at once with W3's stream (100 chunks as the simulator sends
 * them, one buffer per event, then {@code [DONE]}), so that only what the clients do per
 * chunk is measured, on one thread, with the thread's own CPU time and allocated bytes.
 * <p>
 * {@code java -cp zai-benchmarks.jar io.github.zaispring.benchmarks.InProcessStreams
 * [systems] [rounds] [streamsPerRound] [calls]}; systems are {@code baseline},
 * {@code starter-no-obs} and {@code starter}, and, with {@code lib-spring-ai-zai/*} on
 * the class path too, {@code zai-chat-model} and {@code spring-ai-zai}. With
 * {@code calls}, measures single calls instead of streams. Prints, per system, the median
 * of the last half of the rounds.
 *
 * @author zai-spring-boot contributors
 */
public final class InProcessStreams {

	private static final int CHUNKS = 100;

	private static final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();

	private static final com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private static final List<byte[]> EVENTS = events();

	private static final byte[] COMPLETION = ("{\"id\":\"mock1\",\"created\":1796312865,\"object\":\"chat.completion\","
			+ "\"model\":\"glm-4.6\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"role\":"
			+ "\"assistant\",\"content\":\"" + "Lorem ipsum dolor sit amet ".repeat(4).trim() + "\"}}],\"usage\":"
			+ "{\"prompt_tokens\":20,\"completion_tokens\":20,\"total_tokens\":40}}")
		.getBytes(StandardCharsets.UTF_8);

	private InProcessStreams() {
	}

	/**
	 * Run the measurement.
	 * @param args the systems (comma-separated), the rounds, the streams per round
	 * @throws Exception when a stream fails
	 */
	public static void main(String[] args) throws Exception {
		String[] systems = ((args.length > 0) ? args[0] : "baseline,starter-no-obs,starter").split(",");
		int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 30;
		int streams = (args.length > 2) ? Integer.parseInt(args[2]) : 2000;
		boolean calls = args.length > 3 && args[3].equals("calls");
		for (String system : systems) {
			try (BenchClient client = client(system)) {
				List<double[]> results = new ArrayList<>();
				for (int round = 0; round < rounds; round++) {
					results.add(calls ? calls(client, streams * 10) : round(client, streams));
				}
				List<double[]> steady = results.subList(rounds / 2, rounds);
				System.out.printf("%-16s CPU ns/%s %7.0f   bytes %7.0f   process CPU ns %7.0f%n", system,
						calls ? "call" : "chunk", Stats.median(steady.stream().map((r) -> r[0]).toList()),
						Stats.median(steady.stream().map((r) -> r[1]).toList()),
						Stats.median(steady.stream().map((r) -> r[2]).toList()));
			}
		}
		System.exit(0);
	}

	private static double[] calls(BenchClient client, int calls) {
		Usage usage = new Usage();
		for (int i = 0; i < calls; i++) {
			if (client.call("Say something").isEmpty()) {
				throw new IllegalStateException("Empty answer");
			}
		}
		return usage.per(calls);
	}

	private static double[] round(BenchClient client, int streams) throws InterruptedException {
		Usage usage = new Usage();
		AtomicInteger pieces = new AtomicInteger();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		for (int i = 0; i < streams; i++) {
			CountDownLatch done = new CountDownLatch(1);
			client.stream("Say something", new BenchClient.StreamSink() {
				@Override
				public void piece(String content) {
					pieces.incrementAndGet();
				}

				@Override
				public void complete() {
					done.countDown();
				}

				@Override
				public void error(Throwable ex) {
					failure.set(ex);
					done.countDown();
				}
			});
			done.await();
			if (failure.get() != null) {
				throw new IllegalStateException("Stream failed", failure.get());
			}
		}
		double[] perChunk = usage.per(streams * CHUNKS);
		if (pieces.get() < streams * (CHUNKS - 1)) {
			throw new IllegalStateException("Only " + pieces.get() + " pieces from " + streams + " streams");
		}
		return perChunk;
	}

	private static BenchClient client(String system) {
		String baseUrl = "http://127.0.0.1:9/api/paas/v4";
		return switch (system) {
			case "baseline" -> new WebClientBaseline(baseUrl, 100, (builder) -> builder.filter(answer()));
			case "floor" -> new WebClientFloor(baseUrl, 100, (builder) -> builder.filter(answer()));
			case "starter-no-obs" -> new StarterClient(new Class<?>[] { Answering.class }, baseUrl, 100, false);
			case "starter" -> new StarterClient(new Class<?>[] { Answering.class }, baseUrl, 100, true);
			// these two need lib-spring-ai-zai on the class path
			case "zai-chat-model" -> new SpringAiZaiClient(new Class<?>[] { Answering.class }, baseUrl, 100, false);
			case "spring-ai-zai" -> new SpringAiZaiClient(new Class<?>[] { Answering.class }, baseUrl, 100, true);
			default -> throw new IllegalArgumentException("Unknown system " + system);
		};
	}

	/**
	 * A filter that answers every request with W3's stream, without calling the network.
	 */
	static ExchangeFilterFunction answer() {
		return (request, next) -> {
			if (!request.headers().getAccept().contains(MediaType.TEXT_EVENT_STREAM)) {
				return Mono.just(ClientResponse.create(HttpStatus.OK)
					.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
					.body(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(COMPLETION)))
					.build());
			}
			return Mono.just(ClientResponse.create(HttpStatus.OK)
				.header(HttpHeaders.CONTENT_TYPE, MediaType.TEXT_EVENT_STREAM_VALUE)
				.body(Flux.fromIterable(EVENTS)
					.map(DefaultDataBufferFactory.sharedInstance::wrap)
					.cast(DataBuffer.class))
				.build());
		};
	}

	private static List<byte[]> events() {
		List<byte[]> events = new ArrayList<>();
		for (int i = 0; i < CHUNKS; i++) {
			String last = (i == CHUNKS - 1) ? "\"finish_reason\":\"stop\"," : "";
			String usage = (i == CHUNKS - 1) ? ",\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":150,"
					+ "\"total_tokens\":170,\"prompt_tokens_details\":{\"cached_tokens\":0}}" : "";
			String content = (i == 0) ? "Lorem" : " ipsum";
			events.add(("data: {\"id\":\"mock17963128650000000000002ced\",\"created\":1796312865,"
					+ "\"object\":\"chat.completion.chunk\",\"model\":\"glm-4.6\",\"choices\":[{\"index\":0," + last
					+ "\"delta\":{\"role\":\"assistant\",\"content\":\"" + content + "\"}}]" + usage + "}\n\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		events.add("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
		return events;
	}

	/**
	 * What this thread and the process have used since creation: the thread's CPU time
	 * and allocated bytes, and the process's CPU time.
	 */
	private static final class Usage {

		private final long thread = Thread.currentThread().getId();

		private final long threadCpu = threads.getCurrentThreadCpuTime();

		private final long bytes = threads.getThreadAllocatedBytes(this.thread);

		private final long processCpu = os.getProcessCpuTime();

		/**
		 * Return the thread's CPU ns, allocated bytes and the process's CPU ns so far,
		 * each divided by {@code units}.
		 */
		double[] per(long units) {
			return new double[] { (threads.getCurrentThreadCpuTime() - this.threadCpu) / (double) units,
					(threads.getThreadAllocatedBytes(this.thread) - this.bytes) / (double) units,
					(os.getProcessCpuTime() - this.processCpu) / (double) units };
		}

	}

	/**
	 * The starter's configuration of the filter, as an application would add one.
	 */
	@Configuration(proxyBeanMethods = false)
	static class Answering {

		@Bean
		WebClientCustomizer answeringFilter() {
			return (builder) -> builder.filter(answer());
		}

	}

}
