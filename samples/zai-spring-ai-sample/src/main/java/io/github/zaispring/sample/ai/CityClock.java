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
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import org.springframework.util.Assert;

/**
 * The tool the model may call: the current date and time in a city, computed with
 * {@code java.time} from the city's time zone. A city is found by the name of its time
 * zone ({@code Europe/Paris} answers for Paris, {@code America/New_York} for New York),
 * or in a short list of large cities that have none of their own.
 *
 * @author zai-spring-boot contributors
 */
public class CityClock {

	private static final Map<String, String> CITIES_WITHOUT_A_ZONE = Map.of("beijing", "Asia/Shanghai", "delhi",
			"Asia/Kolkata", "mumbai", "Asia/Kolkata", "san francisco", "America/Los_Angeles", "seattle",
			"America/Los_Angeles", "washington", "America/New_York", "boston", "America/New_York", "munich",
			"Europe/Berlin", "shenzhen", "Asia/Shanghai", "osaka", "Asia/Tokyo");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

	private final Clock clock;

	CityClock(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Return the current date and time in a city.
	 * @param city the city, such as {@code Tokyo} or {@code New York}
	 * @return the time there, with its time zone
	 * @throws IllegalArgumentException for a city this tool does not know; the model
	 * reads the message and can tell the user
	 */
	@Tool(description = "The current local date and time in a city, with its time zone")
	public CityTime currentTime(@ToolParam(description = "The city, such as Tokyo or New York") String city) {
		Assert.hasText(city, "city must not be empty; name a city such as Tokyo, Paris or New York");
		ZoneId zone = zoneOf(city.strip())
			.orElseThrow(() -> new IllegalArgumentException("Unknown city '" + city.strip() + "': this tool knows a "
					+ "city by its time zone's name, such as Tokyo, Paris, New York or Sao Paulo"));
		ZonedDateTime now = ZonedDateTime.now(this.clock.withZone(zone));
		return new CityTime(city.strip(), zone.getId(), now.format(TIME), now.format(DATE),
				now.getOffset().getId().replace("Z", "+00:00"));
	}

	private static Optional<ZoneId> zoneOf(String city) {
		String name = city.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
		String known = CITIES_WITHOUT_A_ZONE.get(name);
		if (known != null) {
			return Optional.of(ZoneId.of(known));
		}
		String zoneCity = name.replace(' ', '_');
		return ZoneId.getAvailableZoneIds()
			.stream()
			.filter((id) -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
			.filter((id) -> id.substring(id.lastIndexOf('/') + 1).equalsIgnoreCase(zoneCity))
			.sorted()
			.findFirst()
			.map(ZoneId::of);
	}

	/**
	 * The current time in a city, as the model receives it (as JSON).
	 *
	 * @param city the city asked for
	 * @param timeZone the time zone, such as {@code Asia/Tokyo}
	 * @param time the local time, such as {@code 21:05}
	 * @param date the local date, such as {@code Thursday 3 December 2026}
	 * @param utcOffset the offset from UTC, such as {@code +09:00}
	 */
	public record CityTime(String city, String timeZone, String time, String date, String utcOffset) {

	}

}
