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

package io.github.zaispring.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of this library, for the {@code User-Agent} header.
 *
 * @author zai-spring-boot contributors
 */
public final class LibraryVersion {

	private static final String VERSION = load();

	private LibraryVersion() {
	}

	/**
	 * Return the version of this library, such as {@code 0.1.0}.
	 * @return the version, or {@code unknown} when it cannot be determined
	 */
	public static String get() {
		return VERSION;
	}

	/**
	 * Return the {@code User-Agent} this library sends.
	 * @return the user agent, such as {@code zai-spring-boot/0.1.0 (Java 17.0.15)}
	 */
	public static String userAgent() {
		return "zai-spring-boot/" + VERSION + " (Java " + System.getProperty("java.version") + ")";
	}

	private static String load() {
		try (InputStream in = LibraryVersion.class.getResourceAsStream("version.properties")) {
			if (in != null) {
				Properties properties = new Properties();
				properties.load(in);
				String version = properties.getProperty("version");
				if (version != null && !version.isBlank() && !version.startsWith("${")) {
					return version;
				}
			}
		}
		catch (IOException ex) {
			// fall through to the manifest
		}
		String implementationVersion = LibraryVersion.class.getPackage().getImplementationVersion();
		return (implementationVersion != null) ? implementationVersion : "unknown";
	}

}
