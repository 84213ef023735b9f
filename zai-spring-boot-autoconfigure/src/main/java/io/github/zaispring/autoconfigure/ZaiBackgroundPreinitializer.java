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

package io.github.zaispring.autoconfigure;

import java.util.concurrent.atomic.AtomicBoolean;

import io.github.zaispring.chat.ZaiChatTemplate;
import io.github.zaispring.observation.DefaultZaiChatObservationConvention;
import io.github.zaispring.observation.ObservationZaiInterceptor;
import io.github.zaispring.observation.ZaiMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.NativeDetector;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Builds a throw-away {@link ZaiChatTemplate} and observation interceptor on a background
 * thread while the application starts, so that the classes the starter's beans need (the
 * template, Resilience4j, Micrometer's observation API) are loaded and initialized by the
 * time the beans are created. Spring Boot's own {@code BackgroundPreinitializer} does the
 * same for the libraries Boot configures.
 * <p>
 * Why, with the measurements: BENCHMARKS.md, "Why parts are written by hand".
 * <p>
 * It runs once per JVM, only with more than one processor, never in a native image, and
 * not when the system property {@code spring.backgroundpreinitializer.ignore} is
 * {@code true}, the switch of Boot's own. Nothing it builds is kept, connects or starts a
 * thread, and a failure is ignored: the beans then simply load the classes themselves.
 *
 * @author zai-spring-boot contributors
 */
public class ZaiBackgroundPreinitializer implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	/**
	 * The system property that turns this off, shared with Boot's
	 * {@code BackgroundPreinitializer}.
	 */
	public static final String IGNORE_PROPERTY = "spring.backgroundpreinitializer.ignore";

	private static final AtomicBoolean started = new AtomicBoolean();

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		if (shouldRun(event.getEnvironment()) && started.compareAndSet(false, true)) {
			Thread thread = new Thread(ZaiBackgroundPreinitializer::preinitialize, "zai-background-preinit");
			thread.setDaemon(true);
			thread.start();
		}
	}

	/**
	 * Whether to preinitialize: not with a single processor, not when turned off, and not
	 * when the starter is: {@code zai.enabled=false} or {@link ZaiAutoConfiguration}
	 * excluded.
	 */
	static boolean shouldRun(Environment environment) {
		return shouldRun(environment, NativeDetector.inNativeImage());
	}

	/**
	 * Whether to preinitialize, never in a native image: it holds no classes to load, as
	 * Boot's own {@code BackgroundPreinitializer} knows.
	 */
	static boolean shouldRun(Environment environment, boolean inNativeImage) {
		if (inNativeImage || Boolean.getBoolean(IGNORE_PROPERTY) || Runtime.getRuntime().availableProcessors() < 2
				|| !environment.getProperty("zai.enabled", Boolean.class, true)) {
			return false;
		}
		String[] excluded = Binder.get(environment)
			.bind("spring.autoconfigure.exclude", String[].class)
			.orElse(new String[0]);
		for (String name : excluded) {
			if (name.trim().equals(ZaiAutoConfiguration.class.getName())) {
				return false;
			}
		}
		return true;
	}

	private static void preinitialize() {
		try {
			warmUp();
		}
		catch (Throwable ex) {
			// the beans will load what they need themselves
		}
	}

	/**
	 * Build what the beans build, and drop it.
	 */
	static void warmUp() {
		ClassLoader classLoader = ZaiBackgroundPreinitializer.class.getClassLoader();
		if (ClassUtils.isPresent("io.micrometer.observation.ObservationRegistry", classLoader)) {
			ObservationPreinitializer
				.preinitialize(ClassUtils.isPresent("io.micrometer.core.instrument.MeterRegistry", classLoader));
		}
		// the property names the check of zai.* compares the configuration with
		ZaiPropertyNames.of();
		ZaiResilienceFactory resilience = new ZaiResilienceFactory(new ZaiProperties(), null);
		// lazy: builds neither a connection pool nor a WebClient
		ZaiChatTemplate.builder()
			.apiKey("preinitialization")
			.retry(resilience.retry(null))
			.concurrencyLimiter(resilience.concurrencyLimiter("preinitialization", null))
			.build()
			.close();
	}

	/**
	 * Kept apart so that nothing of Micrometer is loaded without it on the class path.
	 */
	private static final class ObservationPreinitializer {

		static void preinitialize(boolean meters) {
			new ObservationZaiInterceptor(ObservationRegistry.NOOP, null, new DefaultZaiChatObservationConvention(),
					null);
			if (meters) {
				MeterPreinitializer.preinitialize();
			}
		}

	}

	/**
	 * Kept apart so that nothing of Micrometer's meters is loaded without them on the
	 * class path.
	 */
	private static final class MeterPreinitializer {

		static void preinitialize() {
			// builds the meters' builders; registers nothing
			new ZaiMeterObservationHandler(new SimpleMeterRegistry());
		}

	}

}
