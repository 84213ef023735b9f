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
		return new FailureAnalysis(cause.getMessage() + ".",
				"""
						Add %s to your application's dependencies (the Z.AI starter declares it optional), for example 				with Maven:

						    <dependency>
						        <groupId>%s</groupId>
						        <artifactId>%s</artifactId>
						        <version>%s</version>
						    </dependency>

						or with Gradle: implementation '%s:%s'. %s is the version the starter is tested with. Or remove 				%s=%s from the configuration."""
					.formatted(cause.getDependency(), coordinates[0], coordinates[1], cause.getVersion(),
							cause.getDependency(), cause.getVersion(), cause.getVersion(), cause.getProperty(),
							cause.getValue()),
				cause);
	}

}
