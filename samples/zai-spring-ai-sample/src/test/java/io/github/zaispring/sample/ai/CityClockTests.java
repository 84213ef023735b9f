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

package io.github.zaispring.sample.ai;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.github.zaispring.sample.ai.CityClock.CityTime;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests of {@link CityClock}.
 *
 * @author zai-spring-boot contributors
 */
class CityClockTests {

	private final CityClock clock = new CityClock(Clock.fixed(Instant.parse("2026-12-03T12:05:00Z"), ZoneOffset.UTC));

	@Test
	void tellsTheTimeInACityNamedByItsTimeZone() {
		assertThat(this.clock.currentTime("Tokyo"))
			.isEqualTo(new CityTime("Tokyo", "Asia/Tokyo", "21:05", "Thursday 3 December 2026", "+09:00"));
	}

	@Test
	void findsACityOfSeveralWordsInAnyCase() {
		CityTime time = this.clock.currentTime("  new york ");
		assertThat(time.timeZone()).isEqualTo("America/New_York");
		assertThat(time.time()).isEqualTo("07:05");
		assertThat(time.utcOffset()).isEqualTo("-05:00");
		assertThat(time.city()).isEqualTo("new york");
	}

	@Test
	void knowsLargeCitiesThatHaveNoTimeZoneOfTheirOwn() {
		assertThat(this.clock.currentTime("Beijing").timeZone()).isEqualTo("Asia/Shanghai");
		assertThat(this.clock.currentTime("San Francisco").time()).isEqualTo("04:05");
	}

	@Test
	void writesTheOffsetOfUtcAsAnOffset() {
		assertThat(this.clock.currentTime("London").utcOffset()).isEqualTo("+00:00");
	}

	@Test
	void explainsAnUnknownCity() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.clock.currentTime("Atlantis"))
			.withMessage("Unknown city 'Atlantis': this tool knows a city by its time zone's name, such as Tokyo, "
					+ "Paris, New York or Sao Paulo");
	}

	@Test
	void explainsAnEmptyCity() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.clock.currentTime(" "))
			.withMessage("city must not be empty; name a city such as Tokyo, Paris or New York");
	}

}
