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

import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.origin.Origin;

/**
 * The configuration sets properties under {@code zai} that the starter does not have,
 * most likely misspelt. Turned into a startup failure report, naming each with where it
 * was set and the property it probably meant, by {@link ZaiConfigurationFailureAnalyzer}.
 *
 * @author zai-spring-boot contributors
 */
class ZaiUnknownPropertiesException extends IllegalStateException {

	private final List<UnknownProperty> properties;

	ZaiUnknownPropertiesException(List<UnknownProperty> properties) {
		super("Unknown Z.AI configuration properties: " + properties.stream()
			.map((property) -> property.name()
					+ ((property.suggestion() != null) ? " (did you mean " + property.suggestion() + "?)" : ""))
			.collect(Collectors.joining(", ")));
		this.properties = List.copyOf(properties);
	}

	List<UnknownProperty> getProperties() {
		return this.properties;
	}

	/**
	 * A property that is not one of the starter's.
	 *
	 * @param name its name
	 * @param origin where it was set, when known
	 * @param suggestion the property it probably meant, if any is close
	 * @param siblings the properties of the group it is in, if it is in one
	 */
	record UnknownProperty(ConfigurationPropertyName name, @Nullable Origin origin,
			@Nullable ConfigurationPropertyName suggestion, List<ConfigurationPropertyName> siblings) {

	}

}
