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
import java.util.List;

import io.github.zaispring.chat.ZaiChatTemplate;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

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
		boolean with = args[0].equals("with");
		int templates = Integer.parseInt(args[1]);
		result("w4.coldMs", start(with));
		List<Double> warm = new ArrayList<>();
		for (int i = 0; i < WARM_STARTS; i++) {
			warm.add(start(with));
		}
		result("w4.warmMs", Stats.median(warm));
		if (with) {
			result("w4.templateKb", retainedPerTemplate(templates) / 1024.0);
		}
		System.exit(0);
	}

	private static double start(boolean with) {
		long start = System.nanoTime();
		SpringApplicationBuilder application = new SpringApplicationBuilder(StarterClient.StarterApplication.class)
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
			return millis;
		}
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
