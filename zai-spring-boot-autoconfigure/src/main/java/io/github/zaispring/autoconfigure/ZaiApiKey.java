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

import org.jspecify.annotations.Nullable;

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

	/**
	 * The value to recommend: the empty default after the colon makes an unset variable
	 * an empty key, reported at startup.
	 */
	static final String EXAMPLE = "${" + ENVIRONMENT_VARIABLE + ":}";

	private ZaiApiKey() {
	}

	/**
	 * Return the key to send.
	 * @throws ZaiConfigurationException when neither {@code zai.api-key} nor
	 * {@code ZAI_API_KEY} holds a key: unset, blank, or a {@code ${...}} placeholder that
	 * nothing resolved
	 */
	static String resolve(ZaiProperties properties, Environment environment) {
		String property = properties.getApiKey();
		String apiKey = isKey(property) ? property : environment.getProperty(ENVIRONMENT_VARIABLE);
		if (apiKey == null || !isKey(apiKey)) {
			String placeholder = placeholder(property);
			throw new ZaiConfigurationException(PROPERTY, "No Z.AI API key is configured: neither the property '"
					+ PROPERTY + "' nor the environment variable '" + ENVIRONMENT_VARIABLE + "' is set to a key."
					+ ((placeholder != null) ? " The property is set to " + placeholder
							+ ", a placeholder that nothing resolves: no such environment variable or property is set."
							: ""),
					EXAMPLE);
		}
		return apiKey.strip();
	}

	private static boolean isKey(@Nullable String value) {
		return value != null && !value.isBlank() && placeholder(value) == null;
	}

	/**
	 * Return the {@code ${...}} placeholder the value still holds, if any: Boot leaves
	 * {@code ${ZAI_API_KEY}} as it is when the variable is unset, and sending it as the
	 * key would fail only at the first call, with a 401.
	 */
	private static @Nullable String placeholder(@Nullable String value) {
		int start = (value != null) ? value.indexOf("${") : -1;
		int end = (start >= 0) ? value.indexOf('}', start) : -1;
		return (end > start) ? value.substring(start, end + 1) : null;
	}

}
