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

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;

/**
 * The names of the {@code zai.*} properties, derived from the structure of
 * {@link ZaiProperties} as the binder sees it (a property with a setter is a value, one
 * with only a getter of a nested type is a group), and the nearest of them to a name that
 * is none of them.
 *
 * @author zai-spring-boot contributors
 */
final class ZaiPropertyNames {

	static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of("zai");

	private final List<ConfigurationPropertyName> names;

	private ZaiPropertyNames(List<ConfigurationPropertyName> names) {
		this.names = names;
	}

	/**
	 * Return the property names of {@link ZaiProperties}.
	 * @return the names, sorted by name within a group
	 */
	static ZaiPropertyNames of() {
		List<ConfigurationPropertyName> names = new ArrayList<>();
		collect(ROOT, ZaiProperties.class, names);
		return new ZaiPropertyNames(List.copyOf(names));
	}

	// Runs at every startup: plain reflection rather than java.beans introspection, and
	// no lambdas or string concatenation, whose first use costs milliseconds of a cold
	// start
	private static void collect(ConfigurationPropertyName prefix, Class<?> type,
			List<ConfigurationPropertyName> names) {
		Set<String> properties = new TreeSet<>();
		Set<String> setters = new HashSet<>();
		for (Method method : type.getMethods()) {
			if (method.getName().startsWith("set") && method.getParameterCount() == 1) {
				setters.add(method.getName().substring(3));
			}
		}
		Map<String, Class<?>> groups = new TreeMap<>();
		for (Method method : type.getMethods()) {
			String property = propertyOfGetter(method);
			if (property != null && setters.contains(property)) {
				properties.add(property);
			}
			else if (property != null && isGroup(method.getReturnType())) {
				groups.put(property, method.getReturnType());
			}
		}
		for (String property : properties) {
			names.add(prefix.append(dashed(property)));
		}
		for (Map.Entry<String, Class<?>> group : groups.entrySet()) {
			collect(prefix.append(dashed(group.getKey())), group.getValue(), names);
		}
	}

	private static @Nullable String propertyOfGetter(Method method) {
		if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers())
				|| method.getDeclaringClass() == Object.class) {
			return null;
		}
		String name = method.getName();
		if (name.startsWith("get") && name.length() > 3) {
			return name.substring(3);
		}
		if (name.startsWith("is") && name.length() > 2 && method.getReturnType() == boolean.class) {
			return name.substring(2);
		}
		return null;
	}

	private static String dashed(String capitalized) {
		StringBuilder name = new StringBuilder(capitalized);
		name.setCharAt(0, Character.toLowerCase(name.charAt(0)));
		return DataObjectPropertyName.toDashedForm(name.toString());
	}

	private static boolean isGroup(Class<?> type) {
		return type.getDeclaringClass() == ZaiProperties.class && !type.isEnum();
	}

	List<ConfigurationPropertyName> all() {
		return this.names;
	}

	/**
	 * Whether the name is one of the properties, or an element of one (an entry of a map
	 * or list property).
	 */
	boolean isKnown(ConfigurationPropertyName candidate) {
		for (ConfigurationPropertyName name : this.names) {
			if (name.equals(candidate) || name.isAncestorOf(candidate)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Return the property the candidate most likely meant: the nearest name by edit
	 * distance when it is close enough to be a misspelling, else a property of another
	 * group whose last element is (nearly) the candidate's, such as
	 * {@code zai.chat.temperature} for {@code zai.temperature}.
	 * @param candidate a name under {@code zai} that is not a property
	 * @return the suggestion, or {@code null} when no property is close
	 */
	@Nullable ConfigurationPropertyName suggest(ConfigurationPropertyName candidate) {
		String written = candidate.toString();
		ConfigurationPropertyName nearest = nearest(written, ConfigurationPropertyName::toString);
		if (nearest != null && distance(written, nearest.toString()) <= Math.max(2, written.length() / 5)) {
			return nearest;
		}
		String last = candidate.getLastElement(ConfigurationPropertyName.Form.DASHED);
		ConfigurationPropertyName sameLast = nearest(last,
				(name) -> name.getLastElement(ConfigurationPropertyName.Form.DASHED));
		if (sameLast != null && distance(last, sameLast.getLastElement(ConfigurationPropertyName.Form.DASHED)) <= Math
			.max(1, last.length() / 5)) {
			return sameLast;
		}
		return null;
	}

	/**
	 * Return the properties of the group the candidate is in (its parent), if that is a
	 * group of {@link ZaiProperties}.
	 */
	List<ConfigurationPropertyName> siblings(ConfigurationPropertyName candidate) {
		ConfigurationPropertyName parent = candidate.getParent();
		return this.names.stream().filter((name) -> name.getParent().equals(parent)).toList();
	}

	private @Nullable ConfigurationPropertyName nearest(String written,
			Function<ConfigurationPropertyName, String> form) {
		return this.names.stream()
			.min(Comparator.comparingInt((ConfigurationPropertyName name) -> distance(written, form.apply(name)))
				.thenComparingInt((name) -> distance(written, name.toString())))
			.orElse(null);
	}

	/**
	 * Levenshtein distance: the number of single-character insertions, deletions and
	 * substitutions that turn one string into the other.
	 */
	static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
