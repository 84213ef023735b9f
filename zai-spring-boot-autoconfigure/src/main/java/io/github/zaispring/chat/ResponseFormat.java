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

package io.github.zaispring.chat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.springframework.util.Assert;

/**
 * The {@code response_format} option of a request: plain text (the default) or JSON mode.
 *
 * @param type {@code "text"} or {@code "json_object"}
 * @author zai-spring-boot
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResponseFormat(String type) {

	/**
	 * Create a new instance, checking that the type is set.
	 * @param type the format type, for example {@code "json_object"}
	 */
	public ResponseFormat {
		Assert.hasText(type, "type must not be empty; use \"text\" or \"json_object\"");
	}

	/**
	 * Return the plain text format.
	 * @return {@code {"type":"text"}}
	 */
	public static ResponseFormat text() {
		return new ResponseFormat("text");
	}

	/**
	 * Return the JSON mode format. Ask for JSON in the prompt as well, as the API docs
	 * recommend.
	 * @return {@code {"type":"json_object"}}
	 */
	public static ResponseFormat jsonObject() {
		return new ResponseFormat("json_object");
	}

}
