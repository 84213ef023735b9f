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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.zaispring.autoconfigure.ZaiUnknownPropertiesException.UnknownProperty;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;

/**
 * Reports a missing API key, an unusable {@code zai.*} value or an unknown {@code zai.*}
 * property at startup: the property, where it was set, and what to write instead, with a
 * YAML example, instead of a stack trace.
 *
 * @author zai-spring-boot contributors
 */
class ZaiConfigurationFailureAnalyzer implements FailureAnalyzer, Ordered {

	@Override
	public @Nullable FailureAnalysis analyze(Throwable failure) {
		ZaiUnknownPropertiesException unknown = findCause(failure, ZaiUnknownPropertiesException.class);
		if (unknown != null) {
			return analyzeUnknown(unknown);
		}
		ZaiConfigurationException invalid = findCause(failure, ZaiConfigurationException.class);
		if (invalid == null) {
			return null;
		}
		if (ZaiApiKey.PROPERTY.equals(invalid.getProperty())) {
			return analyzeMissingKey(invalid);
		}
		return new FailureAnalysis("Invalid Z.AI configuration: " + invalid.getMessage()
				+ describeBoundProperty(findCause(failure, BindException.class), invalid.getProperty()), """
						Update %s in your application's configuration, for example in application.yml:

						%s""".formatted(invalid.getProperty(), invalid.getYamlExample()), invalid);
	}

	private FailureAnalysis analyzeMissingKey(ZaiConfigurationException cause) {
		return new FailureAnalysis(cause.getMessage(), """
				Set the ZAI_API_KEY environment variable to your key: nothing else is needed. Or set zai.api-key, \
				for example in application.yml, with an empty default after the colon so that an unset variable \
				is reported here, at startup, instead of being sent as the key:

				%s
				Create a key at https://z.ai/manage-apikey/apikey-list. To start without the Z.AI client, set \
				zai.enabled=false.""".formatted(cause.getYamlExample()), cause);
	}

	private FailureAnalysis analyzeUnknown(ZaiUnknownPropertiesException cause) {
		List<UnknownProperty> properties = cause.getProperties();
		StringBuilder description = new StringBuilder();
		description.append((properties.size() == 1) ? "The configuration sets a property"
				: "The configuration sets " + properties.size() + " properties");
		description.append(" under 'zai' that the Z.AI starter does not have:\n");
		StringBuilder action = new StringBuilder("Correct or remove ").append((properties.size() == 1) ? "it" : "them")
			.append(":\n\n");
		for (UnknownProperty property : properties) {
			description.append("\n    Property: ").append(property.name()).append('\n');
			description.append("    Origin: ").append(origin(property.origin())).append('\n');
			if (property.suggestion() != null) {
				description.append("    Did you mean: ").append(property.suggestion()).append('\n');
				action.append("    ").append(property.name()).append(" -> ").append(property.suggestion()).append('\n');
			}
			else {
				action.append("    ").append(property.name()).append(": no property of the starter is close\n");
			}
		}
		Map<ConfigurationPropertyName, List<ConfigurationPropertyName>> groups = new LinkedHashMap<>();
		for (UnknownProperty property : properties) {
			if (!property.siblings().isEmpty()) {
				groups.putIfAbsent(property.name().getParent(), property.siblings());
			}
		}
		groups.forEach((group, names) -> action.append("\nThe properties under ")
			.append(group)
			.append(" are: ")
			.append(names.stream().map(ConfigurationPropertyName::toString).collect(Collectors.joining(", ")))
			.append('.'));
		action.append("\nThe README's Configuration table lists every zai.* property, and IDEs offer them "
				+ "from the starter's configuration metadata.");
		return new FailureAnalysis(description.toString(), action.toString(), cause);
	}

	/**
	 * Describe the property as Boot's binding failures do, with its value as written
	 * (never the API key) and where it was set.
	 */
	private static String describeBoundProperty(@Nullable BindException bindFailure, String property) {
		ConfigurationProperty bound = (bindFailure != null) ? bindFailure.getProperty() : null;
		if (bound == null || !bound.getName().equals(ConfigurationPropertyName.of(property))) {
			return "";
		}
		StringBuilder description = new StringBuilder("\n\n    Property: ").append(property).append('\n');
		if (!ZaiApiKey.PROPERTY.equals(property)) {
			description.append("    Value: \"").append(bound.getValue()).append("\"\n");
		}
		return description.append("    Origin: ").append(origin(bound.getOrigin())).append('\n').toString();
	}

	private static String origin(@Nullable Object origin) {
		return (origin != null) ? origin.toString() : "unknown";
	}

	private static <E extends Throwable> @Nullable E findCause(@Nullable Throwable failure, Class<E> type) {
		Throwable candidate = failure;
		while (candidate != null) {
			if (type.isInstance(candidate)) {
				return type.cast(candidate);
			}
			candidate = candidate.getCause();
		}
		return null;
	}

	@Override
	public int getOrder() {
		// Before Boot's bind failure analyzer, which would report the same failure
		// without the example.
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
