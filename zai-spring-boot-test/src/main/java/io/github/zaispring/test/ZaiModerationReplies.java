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

package io.github.zaispring.test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.zaispring.moderation.ModerationResponse;
import io.github.zaispring.moderation.ModerationResult;
import io.github.zaispring.moderation.ModerationUsage;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.util.Assert;

/**
 * Scripted answers of the {@link ZaiMockServer} to {@code POST /moderations}, written as
 * Z.AI writes them. Enqueue them like any {@link ZaiReply}; errors, raw bodies and
 * dropped connections work through {@link ZaiReply} itself: <pre class="code">
 * server.enqueue(ZaiModerationReplies.moderation(new ModerationResult("text", "REJECT", List.of("porn"))));
 * server.enqueue(ZaiReply.error(429, "1113", "Insufficient balance or no resource package"));
 * </pre> With no reply enqueued, the server answers one result per item of the request's
 * {@code input} (one for a string, one per part of an array, with {@code content_type}
 * {@code text}, {@code image}, {@code video} or {@code audio}), each {@code PASS} with no
 * risk type, except that an item whose text or URL contains {@value #REJECT_MARKER} is
 * {@code REJECT} with risk type {@value #REJECT_RISK_TYPE}, so that a test reaches its
 * rejection path without queuing. The usage counts one call per item, and the request's
 * {@code request_id} is echoed.
 *
 * @author zai-spring-boot contributors
 */
public final class ZaiModerationReplies {

	/**
	 * The word that makes the default answer reject a text or a URL that contains it.
	 */
	public static final String REJECT_MARKER = "zai-test-reject";

	/**
	 * The risk type of a result the default answer rejects.
	 */
	public static final String REJECT_RISK_TYPE = "test";

	private ZaiModerationReplies() {
	}

	/**
	 * Return an answer of {@code POST /moderations} with the given results (sent in the
	 * given order), a generated id and a usage of one call per result.
	 * @param results the results, one per item of the content
	 * @return the reply
	 */
	public static ZaiReply moderation(ModerationResult... results) {
		Assert.noNullElements(results, "results must not contain null");
		return answer(null, List.of(results));
	}

	/**
	 * Return an answer of {@code POST /moderations} with exactly the given content.
	 * @param response the answer
	 * @return the reply
	 */
	public static ZaiReply moderation(ModerationResponse response) {
		Assert.notNull(response, "response must not be null");
		return ZaiSearchReplies.json(response);
	}

	/**
	 * The answer the server gives a moderation when no reply is queued: one result per
	 * item of the input, {@code PASS} unless it contains {@link #REJECT_MARKER}.
	 */
	static ZaiReply defaultModeration(ReceivedRequest request) {
		JsonNode input = request.body().path("input");
		List<ModerationResult> results = new ArrayList<>();
		if (input.isString()) {
			results.add(result("text", input.asString()));
		}
		for (JsonNode part : input.isArray() ? input : List.<JsonNode>of()) {
			String type = part.path("type").asString("");
			JsonNode content = part.path(type);
			String value = content.isString() ? content.asString() : content.path("url").asString("");
			results.add(result(type.endsWith("_url") ? type.substring(0, type.length() - 4) : type, value));
		}
		return answer(request.requestId(), results);
	}

	private static ModerationResult result(String contentType, String value) {
		return value.contains(REJECT_MARKER) ? new ModerationResult(contentType, "REJECT", List.of(REJECT_RISK_TYPE))
				: new ModerationResult(contentType, "PASS", List.of());
	}

	private static ZaiReply answer(@Nullable String requestId, List<ModerationResult> results) {
		return ZaiSearchReplies
			.json(new ModerationResponse(ZaiSearchReplies.nextId("moderation-"), Instant.now().toEpochMilli(),
					requestId, results, new ModerationUsage(new ModerationUsage.Calls(results.size()))));
	}

}
