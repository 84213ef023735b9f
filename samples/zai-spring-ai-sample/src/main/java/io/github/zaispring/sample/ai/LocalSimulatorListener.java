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

package io.github.zaispring.sample.ai;

import java.util.Map;

import io.github.zaispring.test.ZaiMockServer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Runs the sample against a local Z.AI simulator when no API key is configured, so that
 * it works on a machine with no key and no network. The simulator is a
 * {@link ZaiMockServer} on {@code 127.0.0.1} that answers with the
 * {@link SimulatorReplies simulator's script}; it becomes the {@code zaiLocalSimulator}
 * bean and is closed with the context. With {@code ZAI_API_KEY} (or {@code zai.api-key})
 * set, this listener does nothing and the sample talks to Z.AI.
 * <p>
 * It listens for {@link ApplicationPreparedEvent} rather than post-processing the
 * environment because by then the environment is complete (a test's
 * {@code @AutoConfigureZaiMockServer} has already put its own server and key in place),
 * logging is set up, and the bean factory can take the server so that it is closed even
 * when the context fails to start. Registered in {@code META-INF/spring.factories}.
 *
 * @author zai-spring-boot contributors
 */
public final class LocalSimulatorListener implements ApplicationListener<ApplicationPreparedEvent> {

	static final String BEAN_NAME = "zaiLocalSimulator";

	private static final Log logger = LogFactory.getLog(LocalSimulatorListener.class);

	@Override
	public void onApplicationEvent(ApplicationPreparedEvent event) {
		ConfigurableApplicationContext context = event.getApplicationContext();
		ConfigurableEnvironment environment = context.getEnvironment();
		if (hasApiKey(environment)) {
			return;
		}
		ZaiMockServer server = ZaiMockServer.start().recordRequests(false).respondWith(new SimulatorReplies());
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		beanFactory.registerSingleton(BEAN_NAME, server);
		if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
			registry.registerDisposableBean(BEAN_NAME, server::close);
		}
		environment.getPropertySources()
			.addFirst(new MapPropertySource(BEAN_NAME,
					Map.of("zai.base-url", server.baseUrl(), "zai.api-key", "local-simulator")));
		logger.warn("No Z.AI API key is set, so the sample answers from a local Z.AI simulator at " + server.baseUrl()
				+ " (scripted replies, no network). To chat with GLM, set the ZAI_API_KEY "
				+ "environment variable to your key and restart.");
	}

	private static boolean hasApiKey(ConfigurableEnvironment environment) {
		// the same two places the starter reads the key from
		return StringUtils.hasText(environment.getProperty("zai.api-key"))
				|| StringUtils.hasText(environment.getProperty("ZAI_API_KEY"));
	}

}
