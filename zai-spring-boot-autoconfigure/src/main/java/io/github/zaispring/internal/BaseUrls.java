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

import java.net.URI;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Checks of the Z.AI base URL, shared by the client builder and the configuration
 * properties so that both reject the same values with the same words.
 *
 * @author zai-spring-boot contributors
 */
public final class BaseUrls {

	/** The general (pay-as-you-go) international endpoint. */
	public static final String DEFAULT = "https://api.z.ai/api/paas/v4";

	private static final String ENDPOINT_SUFFIX = "/chat/completions";

	private BaseUrls() {
	}

	/**
	 * Check that the given value is a usable base URL: an absolute {@code http} or
	 * {@code https} URL with a host, that is the API root rather than the chat endpoint.
	 * @param name the name of the property or argument, for the message
	 * @param value the value to check
	 * @return the value without a trailing slash
	 * @throws IllegalArgumentException with a message naming the property and a valid
	 * value
	 */
	public static String check(String name, @Nullable String value) {
		Assert.isTrue(value != null && !value.isBlank(), () -> name + " must not be empty; use " + DEFAULT
				+ " (or the coding plan's https://api.z.ai/api/coding/paas/v4)");
		String trimmed = value.strip();
		URI uri = parse(name, trimmed);
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
		Assert.isTrue(("http".equals(scheme) || "https".equals(scheme)) && uri.getHost() != null,
				() -> name + " must be an http or https URL such as " + DEFAULT + ", but was '" + trimmed + "'");
		String withoutSlash = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
		Assert.isTrue(!withoutSlash.toLowerCase(Locale.ROOT).endsWith(ENDPOINT_SUFFIX),
				() -> name + " must be the API root without " + ENDPOINT_SUFFIX + " (the client adds it), such as '"
						+ withoutSlash.substring(0, withoutSlash.length() - ENDPOINT_SUFFIX.length()) + "', but was '"
						+ trimmed + "'");
		return withoutSlash;
	}

	private static URI parse(String name, String value) {
		try {
			return new URI(value);
		}
		catch (Exception ex) {
			throw new IllegalArgumentException(
					name + " must be an http or https URL such as " + DEFAULT + ", but was '" + value + "'", ex);
		}
	}

}
