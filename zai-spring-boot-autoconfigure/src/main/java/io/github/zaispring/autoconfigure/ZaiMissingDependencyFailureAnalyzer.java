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

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@code zai.*} setting that needs a library the application does not have,
 * such as {@code zai.concurrency.scope=redis} without Redisson: the dependency to add,
 * for Maven and Gradle, or the setting to change instead.
 *
 * @author zai-spring-boot contributors
 */
class ZaiMissingDependencyFailureAnalyzer extends AbstractFailureAnalyzer<ZaiMissingDependencyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ZaiMissingDependencyException cause) {
		String[] coordinates = cause.getDependency().split(":");
		String action = "Add " + cause.getDependency() + " " + cause.getVersion()
				+ " (the version the Z.AI starter is tested with; the starter declares it optional) to your "
				+ "application's dependencies, for example with Maven:\n\n    <dependency>\n        <groupId>"
				+ coordinates[0] + "</groupId>\n        <artifactId>" + coordinates[1] + "</artifactId>\n"
				+ "        <version>" + cause.getVersion() + "</version>\n    </dependency>\n\n"
				+ "or with Gradle: implementation '" + cause.getDependency() + ":" + cause.getVersion()
				+ "'. Or remove " + cause.getProperty() + "=" + cause.getValue() + " from the configuration.";
		return new FailureAnalysis(cause.getMessage() + ".", action, cause);
	}

}
