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

import java.nio.charset.StandardCharsets;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;

/**
 * Logs request and response bodies at DEBUG under {@link ExchangeLogging#CATEGORY}, only
 * when the application opted in ({@code zai.logging.include-bodies}): prompts and answers
 * may hold personal data. A stream is logged event by event as it passes, never buffered.
 *
 * @author zai-spring-boot contributors
 */
public final class BodyLogging {

	private static final Log logger = LogFactory.getLog(ExchangeLogging.CATEGORY);

	private final boolean includeBodies;

	/**
	 * Create the body logging.
	 * @param includeBodies whether the application opted in
	 */
	public BodyLogging(boolean includeBodies) {
		this.includeBodies = includeBodies;
	}

	/**
	 * Return whether bodies are logged right now.
	 * @return whether the application opted in and DEBUG is on
	 */
	public boolean isEnabled() {
		return this.includeBodies && logger.isDebugEnabled();
	}

	/**
	 * Log a request about to be sent, if enabled: its JSON, or the size of a body that is
	 * not JSON.
	 * @param body the bytes sent
	 * @param contentType the content type of a body that is not JSON, or {@code null} for
	 * JSON
	 */
	public void request(byte[] body, @Nullable MediaType contentType) {
		if (contentType != null) {
			binary("request body", body.length, contentType);
		}
		else {
			response("request body", body);
		}
	}

	/**
	 * Log a response body or a part of one, if enabled.
	 * @param kind what the body is, such as {@code response body} or {@code event}
	 * @param body the bytes
	 */
	public void response(String kind, byte[] body) {
		if (isEnabled()) {
			logger.debug("Z.AI " + kind + ": " + new String(body, StandardCharsets.UTF_8));
		}
	}

	/**
	 * Log the size and type of a body that is not text (audio, a multipart form with a
	 * file), if enabled: its bytes mean nothing in a log.
	 * @param kind what the body is, such as {@code request body}
	 * @param length the number of bytes
	 * @param contentType the content type, or {@code null}
	 */
	public void binary(String kind, int length, @Nullable MediaType contentType) {
		if (isEnabled()) {
			logger.debug("Z.AI " + kind + ": " + length + " bytes of " + contentType);
		}
	}

	/**
	 * Log the payload of a stream event without consuming it, if enabled.
	 * @param payload the payload
	 */
	public void event(DataBuffer payload) {
		if (isEnabled()) {
			logger.debug("Z.AI event: "
					+ payload.toString(payload.readPosition(), payload.readableByteCount(), StandardCharsets.UTF_8));
		}
	}

}
