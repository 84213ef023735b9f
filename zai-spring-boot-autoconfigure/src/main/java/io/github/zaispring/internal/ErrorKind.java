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

import org.jspecify.annotations.Nullable;

/**
 * The exception class an error answer maps to: by business code first (design.md's table,
 * zai-api.md §5.3), by HTTP status when the code is missing or unknown.
 */
enum ErrorKind {

	AUTHENTICATION, RATE_LIMIT, QUOTA_EXCEEDED, CONTENT_FILTER, BAD_REQUEST, SERVER, OTHER;

	static ErrorKind of(int statusCode, @Nullable String code) {
		ErrorKind byCode = byCode(code);
		return (byCode != null) ? byCode : byStatus(statusCode);
	}

	private static @Nullable ErrorKind byCode(@Nullable String code) {
		int value = parseCode(code);
		if (value >= 1000 && value <= 1005) {
			return AUTHENTICATION;
		}
		if (value == 1302 || value == 1303 || value == 1305 || value == 1312) {
			return RATE_LIMIT;
		}
		if (value == 1100 || (value >= 1110 && value <= 1121) || value == 1304 || (value >= 1308 && value <= 1321)) {
			return QUOTA_EXCEEDED;
		}
		if (value == 1300 || value == 1301) {
			return CONTENT_FILTER;
		}
		if ((value >= 1210 && value <= 1222) || value == 1231 || value == 1261) {
			return BAD_REQUEST;
		}
		if (value == 500 || value == 1200 || value == 1230 || value == 1234) {
			return SERVER;
		}
		return null;
	}

	private static ErrorKind byStatus(int statusCode) {
		if (statusCode == 401 || statusCode == 403) {
			return AUTHENTICATION;
		}
		if (statusCode == 429) {
			return RATE_LIMIT;
		}
		if (statusCode >= 400 && statusCode < 500) {
			return BAD_REQUEST;
		}
		if (statusCode >= 500 && statusCode < 600) {
			return SERVER;
		}
		return OTHER;
	}

	private static int parseCode(@Nullable String code) {
		if (code == null || code.isEmpty() || code.length() > 9 || !ZaiErrorDecoder.isDigits(code)) {
			return -1;
		}
		return Integer.parseInt(code);
	}

}
