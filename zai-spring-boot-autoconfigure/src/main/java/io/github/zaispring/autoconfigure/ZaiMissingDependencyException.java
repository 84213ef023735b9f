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
 * A Z.AI setting needs a library that is not on the class path. Turned into a startup
 * failure report that names the dependency to add by
 * {@link ZaiMissingDependencyFailureAnalyzer}.
 *
 * @author zai-spring-boot contributors
 */
class ZaiMissingDependencyException extends IllegalStateException {

	private final String property;

	private final String value;

	private final String dependency;

	private final String version;

	/**
	 * Create an exception.
	 * @param property the property whose value needs the dependency
	 * @param value the value that needs it
	 * @param dependency the Maven coordinates of the dependency, {@code group:artifact}
	 * @param version the version of the dependency the starter is tested with
	 */
	ZaiMissingDependencyException(String property, String value, String dependency, String version) {
		super(property + "=" + value + " needs " + dependency + " on the class path, but it is not there");
		this.property = property;
		this.value = value;
		this.dependency = dependency;
		this.version = version;
	}

	String getProperty() {
		return this.property;
	}

	String getValue() {
		return this.value;
	}

	String getDependency() {
		return this.dependency;
	}

	String getVersion() {
		return this.version;
	}

}
