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

package io.github.zaispring.observation;

import io.github.zaispring.ZaiException;
import org.jspecify.annotations.Nullable;

/**
 * The {@code error.type} of a failure, shared by the observation and the retry counter.
 *
 * @author zai-spring-boot contributors
 */
final class ErrorTypes {

	static final String NONE = "none";

	private ErrorTypes() {
	}

	/**
	 * Return the type of a failure: its Z.AI business code if it has one, as the code is
	 * what tells a rate limit (1302) from an empty balance (1113); else the simple name
	 * of its class.
	 * @param failure the failure, or {@code null}
	 * @return the type, {@code none} for no failure
	 */
	static String of(@Nullable Throwable failure) {
		if (failure == null) {
			return NONE;
		}
		if (failure instanceof ZaiException zaiException) {
			String code = zaiException.getErrorCode();
			if (code != null && !code.isBlank()) {
				return code;
			}
		}
		String simpleName = failure.getClass().getSimpleName();
		return simpleName.isEmpty() ? failure.getClass().getName() : simpleName;
	}

}
