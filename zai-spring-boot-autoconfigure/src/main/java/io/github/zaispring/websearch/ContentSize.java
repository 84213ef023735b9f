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

package io.github.zaispring.websearch;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How long the page summaries of a web search are ({@code content_size}).
 *
 * @author zai-spring-boot contributors
 */
public enum ContentSize {

	/**
	 * Summaries of medium length, the server's default.
	 */
	MEDIUM("medium"),

	/**
	 * Longer summaries, for answers that need more of each page.
	 */
	HIGH("high");

	private final String value;

	ContentSize(String value) {
		this.value = value;
	}

	/**
	 * Return the value sent on the wire.
	 * @return the wire value, such as {@code medium}
	 */
	@JsonValue
	public String value() {
		return this.value;
	}

}
