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

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.zaispring.chat.ZaiChatTemplate;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.StartupStep;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * W4 in a fresh JVM: the start of the user's application context with or without
 * {@code ZaiAutoConfiguration}, first cold (what a user waits for), then warm, and the
 * heap a template retains.
 *
 * @author zai-spring-boot contributors
 */
public final class StartupWorker {

	private static final int WARM_STARTS = 5;

	private StartupWorker() {
	}

	/**
	 * Run W4: {@code StartupWorker with|without <templates>}.
	 * @param args whether the auto-configuration is on, and how many templates to create
	 */
	public static void main(String[] args) {
		if (args[0].equals("template") || args[0].equals("webclient")) {
			long start = System.nanoTime();
			AutoCloseable built = args[0].equals("template") ? template() : webClient();
			result("w4.firstBuildMs", (System.nanoTime() - start) / 1e6);
			System.exit((built != null) ? 0 : 1);
		}
		boolean with = args[0].equals("with");
		int templates = Integer.parseInt(args[1]);
		result("w4.coldMs", start(with, with));
		List<Double> warm = new ArrayList<>();
		for (int i = 0; i < WARM_STARTS; i++) {
			warm.add(start(with, false));
		}
		result("w4.warmMs", Stats.median(warm));
		if (with) {
			result("w4.templateKb", retainedPerTemplate(templates) / 1024.0);
		}
		System.exit(0);
	}

	private static double start(boolean with, boolean reportBeans) {
		long start = System.nanoTime();
		BufferingApplicationStartup steps = new BufferingApplicationStartup(100_000);
		SpringApplicationBuilder application = new SpringApplicationBuilder(StarterClient.StarterApplication.class)
			.applicationStartup(steps)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties("zai.api-key=id.secret", "zai.base-url=http://127.0.0.1:9/api/paas/v4",
					"spring.main.banner-mode=off", "logging.level.root=WARN");
		if (!with) {
			application
				.properties("spring.autoconfigure.exclude=io.github.zaispring.autoconfigure.ZaiAutoConfiguration");
		}
		try (ConfigurableApplicationContext context = application.run()) {
			double millis = (System.nanoTime() - start) / 1e6;
			int templates = context.getBeanNamesForType(ZaiChatTemplate.class).length;
			if (templates != (with ? 1 : 0)) {
				throw new IllegalStateException("Expected " + (with ? 1 : 0) + " templates but found " + templates);
			}
			if (reportBeans) {
				reportSlowestBeans(steps);
			}
			return millis;
		}
	}

	/**
	 * Print the slowest bean instantiations of the starter; the times include the beans
	 * each one creates first (its dependencies).
	 */
	private static void reportSlowestBeans(BufferingApplicationStartup steps) {
		List<StartupTimeline.TimelineEvent> beans = steps.getBufferedTimeline()
			.getEvents()
			.stream()
			.filter((event) -> event.getStartupStep().getName().equals("spring.beans.instantiate"))
			.toList();
		List<StartupTimeline.TimelineEvent> zaiBeans = beans.stream().filter(StartupWorker::isZai).toList();
		// the starter's own share of the start: its beans, without counting twice those
		// created inside another of its beans
		Set<Long> ids = zaiBeans.stream().map((event) -> event.getStartupStep().getId()).collect(Collectors.toSet());
		double total = zaiBeans.stream()
			.filter((event) -> !ids.contains(event.getStartupStep().getParentId()))
			.mapToDouble(StartupWorker::millis)
			.sum();
		result("w4.zaiBeansMs", total);
		// the beans of other auto-configurations (Boot's observation and meter
		// registries)
		// that a starter bean happens to be the first to ask for: the application creates
		// them with or without the starter, so they are not the starter's own time
		List<StartupTimeline.TimelineEvent> others = beans.stream()
			.filter((event) -> !isZai(event) && ids.contains(event.getStartupStep().getParentId()))
			.toList();
		result("w4.zaiOwnBeansMs", total - others.stream().mapToDouble(StartupWorker::millis).sum());
		others.stream()
			.sorted(Comparator.comparing(StartupTimeline.TimelineEvent::getDuration).reversed())
			.limit(5)
			.forEach((event) -> System.out.printf("CREATED-FIRST-BY-THE-STARTER %s %.1f ms%n", tag(event, "beanName"),
					millis(event)));
		zaiBeans.stream()
			.sorted(Comparator.comparing(StartupTimeline.TimelineEvent::getDuration).reversed())
			.limit(8)
			.forEach((event) -> System.out.printf("BEAN %s %.1f ms%n", tag(event, "beanName"), millis(event)));
	}

	private static boolean isZai(StartupTimeline.TimelineEvent event) {
		return tag(event, "beanName").toLowerCase(Locale.ROOT).contains("zai");
	}

	private static double millis(StartupTimeline.TimelineEvent event) {
		return event.getDuration().toNanos() / 1e6;
	}

	private static String tag(StartupTimeline.TimelineEvent event, String key) {
		for (StartupStep.Tag tag : event.getStartupStep().getTags()) {
			if (tag.getKey().equals(key)) {
				return tag.getValue();
			}
		}
		return "";
	}

	/**
	 * What a template's WebClient costs alone, built cold: the share of the first
	 * template that is Reactor Netty, WebFlux and Jackson rather than the starter.
	 */
	private static AutoCloseable webClient() {
		ConnectionProvider pool = ConnectionProvider.builder("w4").maxConnections(500).build();
		WebClient webClient = WebClient.builder()
			.baseUrl("http://127.0.0.1:9/api/paas/v4")
			.clientConnector(new ReactorClientHttpConnector(HttpClient.create(pool)))
			.build();
		// the codecs are created lazily: touch them as the template does
		webClient.mutate().codecs((codecs) -> codecs.getReaders()).build();
		return pool::dispose;
	}

	/**
	 * Heap retained per template, built as the auto-configuration builds one (retry on, a
	 * connection pool of its own), measured as the growth of the live heap.
	 */
	private static double retainedPerTemplate(int count) {
		List<ZaiChatTemplate> templates = new ArrayList<>(count);
		// one first, so that classes and shared singletons are not counted
		templates.add(template());
		long before = Heap.usedAfterGc();
		for (int i = 0; i < count; i++) {
			templates.add(template());
		}
		long after = Heap.usedAfterGc();
		double perTemplate = (after - before) / (double) count;
		templates.forEach(ZaiChatTemplate::close);
		return perTemplate;
	}

	private static ZaiChatTemplate template() {
		return ZaiChatTemplate.builder().apiKey("id.secret").baseUrl("http://127.0.0.1:9/api/paas/v4").build();
	}

	private static void result(String metric, double value) {
		System.out.println("RESULT " + metric + " " + value);
	}

}
