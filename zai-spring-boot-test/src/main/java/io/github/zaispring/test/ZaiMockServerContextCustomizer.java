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

import java.util.Map;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts a {@link ZaiMockServer} for an application context, registers it as a bean that
 * is closed with the context, and points {@code zai.base-url} at it.
 * <p>
 * All instances are equal, so every test class that uses
 * {@link AutoConfigureZaiMockServer} on an otherwise equal configuration shares one
 * cached context and one server.
 *
 * @author zai-spring-boot contributors
 */
class ZaiMockServerContextCustomizer implements ContextCustomizer {

	static final String BEAN_NAME = "zaiMockServer";

	static final String DUMMY_API_KEY = "zai-mock-server.dummy-key";

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		ZaiMockServer server = ZaiMockServer.start();
		ConfigurableEnvironment environment = context.getEnvironment();
		// First, so the mock wins over application.yml; the key only fills a gap
		environment.getPropertySources()
			.addFirst(new MapPropertySource("zaiMockServer", Map.of("zai.base-url", server.baseUrl())));
		if (!environment.containsProperty("zai.api-key") && !environment.containsProperty("ZAI_API_KEY")) {
			environment.getPropertySources()
				.addLast(new MapPropertySource("zaiMockServerApiKey", Map.of("zai.api-key", DUMMY_API_KEY)));
		}
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		beanFactory.registerSingleton(BEAN_NAME, server);
		if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
			registry.registerDisposableBean(BEAN_NAME, server::close);
		}
		else {
			context.addApplicationListener((ContextClosedEvent event) -> server.close());
		}
	}

	@Override
	public boolean equals(Object other) {
		return other != null && other.getClass() == getClass();
	}

	@Override
	public int hashCode() {
		return getClass().hashCode();
	}

}
