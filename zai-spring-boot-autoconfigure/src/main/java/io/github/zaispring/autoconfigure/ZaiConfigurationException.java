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

/**
 * A Z.AI setting is missing or has a value the client cannot use. Turned into a clear
 * startup failure report by {@link ZaiConfigurationFailureAnalyzer}.
 *
 * @author zai-spring-boot contributors
 */
class ZaiConfigurationException extends IllegalArgumentException {

	private final String property;

	private final String example;

	/**
	 * Create an exception for a property.
	 * @param property the property at fault, such as {@code zai.base-url}
	 * @param message what is wrong and what would be valid
	 * @param example a valid value of the property, for the YAML example
	 */
	ZaiConfigurationException(String property, String message, String example) {
		super(message);
		this.property = property;
		this.example = example;
	}

	String getProperty() {
		return this.property;
	}

	/**
	 * Return a YAML snippet that sets the property to the valid example value.
	 * @return the snippet, indented by four spaces
	 */
	String getYamlExample() {
		String[] parts = this.property.split("\\.");
		StringBuilder yaml = new StringBuilder();
		for (int i = 0; i < parts.length; i++) {
			yaml.append("    ").append("  ".repeat(i)).append(parts[i]).append(':');
			yaml.append((i < parts.length - 1) ? "\n" : " " + this.example + "\n");
		}
		return yaml.toString();
	}

}
