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
package io.github.zaispring.benchmarks;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Command lines of child JVMs on this JVM's class path.
 *
 * @author zai-spring-boot contributors
 */
final class Java {

	private Java() {
	}

	/**
	 * Return a command line that runs a class of this class path in a new JVM.
	 * @param arguments JVM options, then the main class and its arguments
	 * @return the command line
	 */
	static List<String> command(String... arguments) {
		return commandWithOverrides(null, arguments);
	}

	/**
	 * Return a command line that runs a class of this class path in a new JVM, with a
	 * folder of jars in front of the class path that win over the ones it would take.
	 * @param overrides the name of a folder next to the benchmark jar, or {@code null}
	 * @param arguments JVM options, then the main class and its arguments
	 * @return the command line
	 */
	static List<String> commandWithOverrides(@Nullable String overrides, String... arguments) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-cp");
		// with java -jar the class path is the jar, whose manifest names the libraries
		String classPath = System.getProperty("java.class.path");
		if (overrides != null) {
			Path jar = Path.of(classPath.split(File.pathSeparator)[0]).toAbsolutePath();
			classPath = jar.resolveSibling(overrides) + File.separator + "*" + File.pathSeparator + classPath;
		}
		command.add(classPath);
		command.addAll(Arrays.asList(arguments));
		return command;
	}

}
