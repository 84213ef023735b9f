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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.zaispring.autoconfigure.ZaiUnknownPropertiesException.UnknownProperty;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.context.properties.source.UnboundElementsSourceFilter;
import org.springframework.core.env.Environment;

/**
 * Fails startup when the configuration sets a property under {@code zai} that is not one
 * of {@link ZaiProperties}, which the binder would otherwise ignore silently: a misspelt
 * {@code zai.chat.temprature} would leave the temperature at its default without a word.
 * <p>
 * Like Boot's {@code ignoreUnknownFields = false}, it looks at the application's own
 * configuration only, not at environment variables and system properties, whose names the
 * application does not choose ({@code ZAI_HOME} would read as {@code zai.home}). Unlike
 * it, it accepts a property that is set but empty ({@code temperature:} in YAML), and
 * names under the prefix of another {@code @ConfigurationProperties} bean, such as an
 * integration's own {@code zai.*} group.
 *
 * @author zai-spring-boot contributors
 */
final class ZaiPropertiesCheck {

	private ZaiPropertiesCheck() {
	}

	/**
	 * Check the environment's {@code zai.*} names.
	 * @param environment the application's environment
	 * @param beanFactory the bean factory, for the prefixes of other
	 * {@code @ConfigurationProperties} beans under {@code zai}
	 * @throws ZaiUnknownPropertiesException when a name is not a property
	 */
	static void check(Environment environment, @Nullable ListableBeanFactory beanFactory) {
		ZaiPropertyNames known = null;
		Map<ConfigurationPropertyName, ConfigurationProperty> unknown = new LinkedHashMap<>();
		UnboundElementsSourceFilter applicationSources = new UnboundElementsSourceFilter();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (!(source instanceof IterableConfigurationPropertySource iterable)
					|| !applicationSources.apply(source)) {
				continue;
			}
			for (ConfigurationPropertyName name : iterable) {
				if (!ZaiPropertyNames.ROOT.isAncestorOf(name)) {
					continue;
				}
				known = (known != null) ? known : ZaiPropertyNames.of();
				if (!known.isKnown(name) && !unknown.containsKey(name)) {
					ConfigurationProperty property = source.getConfigurationProperty(name);
					if (property != null) {
						unknown.put(name, property);
					}
				}
			}
		}
		if (unknown.isEmpty() || known == null) {
			return;
		}
		List<ConfigurationPropertyName> otherPrefixes = otherPrefixes(beanFactory);
		List<UnknownProperty> report = new ArrayList<>();
		for (ConfigurationProperty property : unknown.values()) {
			ConfigurationPropertyName name = property.getName();
			if (otherPrefixes.stream().noneMatch((prefix) -> prefix.equals(name) || prefix.isAncestorOf(name))) {
				report.add(new UnknownProperty(name, property.getOrigin(), known.suggest(name), known.siblings(name)));
			}
		}
		if (!report.isEmpty()) {
			throw new ZaiUnknownPropertiesException(report);
		}
	}

	private static List<ConfigurationPropertyName> otherPrefixes(@Nullable ListableBeanFactory beanFactory) {
		if (beanFactory == null) {
			return List.of();
		}
		List<ConfigurationPropertyName> prefixes = new ArrayList<>();
		for (String beanName : beanFactory.getBeanNamesForAnnotation(ConfigurationProperties.class)) {
			ConfigurationProperties annotation = beanFactory.findAnnotationOnBean(beanName,
					ConfigurationProperties.class, false);
			String prefix = (annotation != null) ? annotation.prefix() : "";
			if (prefix.isEmpty()) {
				continue;
			}
			ConfigurationPropertyName name = ConfigurationPropertyName.of(prefix);
			if (ZaiPropertyNames.ROOT.isAncestorOf(name)) {
				prefixes.add(name);
			}
		}
		return prefixes;
	}

}
