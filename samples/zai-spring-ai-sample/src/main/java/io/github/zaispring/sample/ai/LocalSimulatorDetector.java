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

import io.github.zaispring.test.ZaiMockServer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Tells whether the sample answers from a Z.AI simulator on this machine rather than from
 * GLM: whether {@code zai.base-url} points at a {@link ZaiMockServer} of this
 * application, the one {@link LocalSimulatorListener} starts without a key or one a test
 * put in place.
 *
 * @author zai-spring-boot contributors
 */
@Component
class LocalSimulatorDetector {

	private final ObjectProvider<ZaiMockServer> simulators;

	private final Environment environment;

	LocalSimulatorDetector(ObjectProvider<ZaiMockServer> simulators, Environment environment) {
		this.simulators = simulators;
		this.environment = environment;
	}

	/**
	 * Return whether the answers come from a local simulator.
	 * @return whether {@code zai.base-url} is the base URL of a simulator bean
	 */
	boolean isLocalSimulator() {
		String baseUrl = this.environment.getProperty("zai.base-url");
		return baseUrl != null && this.simulators.stream().anyMatch((simulator) -> baseUrl.equals(simulator.baseUrl()));
	}

}
