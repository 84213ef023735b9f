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

import org.springframework.core.env.Environment;

/**
 * Resolves the API key: {@code zai.api-key}, else the {@code ZAI_API_KEY} environment
 * variable (or system property), as the official SDKs read it.
 *
 * @author zai-spring-boot contributors
 */
final class ZaiApiKey {

	static final String PROPERTY = "zai.api-key";

	static final String ENVIRONMENT_VARIABLE = "ZAI_API_KEY";

	private ZaiApiKey() {
	}

	static String resolve(ZaiProperties properties, Environment environment) {
		String apiKey = properties.getApiKey();
		if (apiKey == null || apiKey.isBlank()) {
			apiKey = environment.getProperty(ENVIRONMENT_VARIABLE);
		}
		if (apiKey == null || apiKey.isBlank()) {
			throw new ZaiConfigurationException(PROPERTY,
					"No Z.AI API key is configured: neither the property '" + PROPERTY
							+ "' nor the environment variable '" + ENVIRONMENT_VARIABLE + "' is set to a key.",
					"${" + ENVIRONMENT_VARIABLE + "}");
		}
		return apiKey.strip();
	}

}
