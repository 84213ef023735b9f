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

package io.github.zaispring.sample;

import io.github.zaispring.ZaiApiException;
import io.github.zaispring.ZaiAuthenticationException;
import io.github.zaispring.ZaiContentFilterException;
import io.github.zaispring.ZaiException;
import io.github.zaispring.ZaiQuotaExceededException;
import io.github.zaispring.ZaiRateLimitException;
import io.github.zaispring.ZaiStreamException;
import io.github.zaispring.ZaiTimeoutException;

/**
 * Turns the starter's exceptions into sentences for the people using the sample.
 *
 * @author zai-spring-boot contributors
 */
final class ErrorMessages {

	private ErrorMessages() {
	}

	static String describe(Throwable ex) {
		if (ex instanceof ZaiAuthenticationException) {
			return "Z.AI did not accept the API key. Check ZAI_API_KEY.";
		}
		if (ex instanceof ZaiQuotaExceededException quota) {
			return "The Z.AI account has no quota left: " + quota.getErrorMessage();
		}
		if (ex instanceof ZaiRateLimitException) {
			return "Z.AI is busy right now. Please try again in a moment.";
		}
		if (ex instanceof ZaiContentFilterException) {
			return "Z.AI's content filter stopped this answer.";
		}
		if (ex instanceof ZaiTimeoutException timeout) {
			return "Z.AI took too long to answer (" + timeout.getTimeoutName() + ").";
		}
		if (ex instanceof ZaiStreamException) {
			return "The answer was cut off. Please try again.";
		}
		if (ex instanceof ZaiApiException api) {
			return "Z.AI answered with an error: " + api.getErrorMessage();
		}
		if (ex instanceof ZaiException) {
			return "Z.AI could not be reached. Please try again later.";
		}
		return "Something went wrong: " + ex.getClass().getSimpleName();
	}

}
