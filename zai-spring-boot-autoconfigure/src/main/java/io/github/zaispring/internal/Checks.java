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

import java.time.Duration;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Argument checks shared by every builder and request of the client, so that each rule
 * and its message is written once.
 *
 * @author zai-spring-boot contributors
 */
public final class Checks {

	private Checks() {
	}

	/**
	 * Check that a duration is positive, naming it when it is not.
	 * @param name the name of the argument or property
	 * @param value the duration
	 * @return the duration
	 * @throws IllegalArgumentException when it is {@code null}, zero or negative
	 */
	public static Duration positive(String name, @Nullable Duration value) {
		Assert.isTrue(value != null && !value.isNegative() && !value.isZero(),
				() -> name + " must be a positive duration such as 30s, but was " + Durations.format(value));
		return value;
	}

	/**
	 * Check the length of a caller's request id, which Z.AI takes from 6 to 64
	 * characters.
	 * @param requestId the request id, or {@code null}
	 * @return the request id
	 * @throws IllegalArgumentException when it is shorter or longer
	 */
	public static @Nullable String requestId(@Nullable String requestId) {
		Assert.isTrue(requestId == null || (requestId.length() >= 6 && requestId.length() <= 64),
				() -> "requestId must be 6 to 64 characters long, but has " + requestId.length());
		return requestId;
	}

	/**
	 * Check the length of an end user's id, which Z.AI takes from 6 to 128 characters.
	 * @param userId the user id, or {@code null}
	 * @return the user id
	 * @throws IllegalArgumentException when it is shorter or longer
	 */
	public static @Nullable String userId(@Nullable String userId) {
		Assert.isTrue(userId == null || (userId.length() >= 6 && userId.length() <= 128),
				() -> "userId must be 6 to 128 characters long, but has " + userId.length());
		return userId;
	}

	/**
	 * Check a field for the top level of a request body that its type does not model.
	 * @param name the JSON name
	 * @param value the value
	 * @param typedFields the JSON names the request's builder sets with methods of their
	 * own, which the extra field must not override
	 * @throws IllegalArgumentException when the name is empty or typed, or the value
	 * {@code null}
	 */
	public static void extraBodyField(String name, @Nullable Object value, Set<String> typedFields) {
		Assert.hasText(name, "extraBody name must not be empty");
		Assert.isTrue(!typedFields.contains(name),
				() -> "extraBody must not set '" + name + "': use the builder method of that field");
		Assert.notNull(value, () -> "extraBody value of '" + name + "' must not be null");
	}

	/**
	 * Check a sampling temperature: Z.AI accepts [0, 1].
	 * @param name the name of the argument or property, used in the message
	 * @param value the temperature, or {@code null} when unset
	 * @return the temperature
	 * @throws IllegalArgumentException if the value is outside [0, 1] or NaN
	 */
	public static @Nullable Double temperature(String name, @Nullable Double value) {
		Assert.isTrue(value == null || (value >= 0 && value <= 1), () -> name + " must be in [0, 1], but was " + value);
		return value;
	}

	/**
	 * Check a nucleus sampling probability: Z.AI accepts (0, 1].
	 * @param name the name of the argument or property, used in the message
	 * @param value top_p, or {@code null} when unset
	 * @return top_p
	 * @throws IllegalArgumentException if the value is outside (0, 1] or NaN
	 */
	public static @Nullable Double topP(String name, @Nullable Double value) {
		Assert.isTrue(value == null || (value > 0 && value <= 1), () -> name + " must be in (0, 1], but was " + value);
		return value;
	}

	/**
	 * Check a maximum number of output tokens: Z.AI accepts 1 and more.
	 * @param name the name of the argument or property, used in the message
	 * @param value the limit, or {@code null} when unset
	 * @return the limit
	 * @throws IllegalArgumentException if the value is below 1
	 */
	public static @Nullable Integer maxTokens(String name, @Nullable Integer value) {
		Assert.isTrue(value == null || value >= 1, () -> name + " must be at least 1, but was " + value);
		return value;
	}

}
