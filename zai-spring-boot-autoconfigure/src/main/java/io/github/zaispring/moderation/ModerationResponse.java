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

package io.github.zaispring.moderation;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The answer of a moderation.
 *
 * @param id the id of the answer
 * @param created when the answer was created, in milliseconds since the epoch, or
 * {@code null}
 * @param requestId the request id, or {@code null}
 * @param results the verdict on each kind of content; never {@code null}
 * @param usage the calls billed, or {@code null} when not reported
 * @author zai-spring-boot contributors
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModerationResponse(@JsonProperty("id") @Nullable String id,
		@JsonProperty("created") @Nullable Long created, @JsonProperty("request_id") @Nullable String requestId,
		@JsonProperty("result_list") List<ModerationResult> results,
		@JsonProperty("usage") @Nullable ModerationUsage usage) {

	/**
	 * Create a response; missing results become an empty list.
	 */
	public ModerationResponse {
		results = (results != null) ? results.stream().filter(Objects::nonNull).toList() : List.of();
	}

	/**
	 * Return the worst risk level of the results.
	 * @return the greatest risk of any result; {@link RiskLevel#UNKNOWN} when there are
	 * no results, so that an answer without a verdict never reads as a pass
	 */
	public RiskLevel riskLevel() {
		RiskLevel worst = this.results.isEmpty() ? RiskLevel.UNKNOWN : RiskLevel.PASS;
		for (ModerationResult result : this.results) {
			if (result.riskLevel().isWorseThan(worst)) {
				worst = result.riskLevel();
			}
		}
		return worst;
	}

	/**
	 * Return whether the content did not pass: a result asks for review or rejects it, or
	 * the verdict is unknown.
	 * @return whether {@link #riskLevel()} is anything but {@link RiskLevel#PASS}
	 */
	public boolean flagged() {
		return riskLevel() != RiskLevel.PASS;
	}

}
