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
 * The verdict on one kind of content of a moderation.
 *
 * @param contentType the kind of content judged, such as {@code text}, or {@code null}
 * @param riskLevelValue the risk level as the server sent it, such as {@code "PASS"};
 * kept so that a value this library does not know, read as {@link RiskLevel#UNKNOWN} by
 * {@link #riskLevel()}, is not lost; {@code null} when not sent
 * @param riskTypes the kinds of risk found, as the server names them; empty when none
 * @author zai-spring-boot contributors
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModerationResult(@JsonProperty("content_type") @Nullable String contentType,
		@JsonProperty("risk_level") @Nullable String riskLevelValue,
		@JsonProperty("risk_type") List<String> riskTypes) {

	/**
	 * Create a result; missing risk types become an empty list.
	 */
	public ModerationResult {
		riskTypes = (riskTypes != null) ? riskTypes.stream().filter(Objects::nonNull).toList() : List.of();
	}

	/**
	 * Return the risk level.
	 * @return the risk level, {@link RiskLevel#UNKNOWN} for a value this library does not
	 * know or none
	 */
	public RiskLevel riskLevel() {
		return RiskLevel.from(this.riskLevelValue);
	}

}
