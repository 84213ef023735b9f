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

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Gives the meters of the {@code gen_ai.client.operation} observation of this client
 * (those tagged {@code gen_ai.provider.name=z_ai}) one error tag and a description.
 * <p>
 * Micrometer's meter handler tags every observation timer with {@code error}, the simple
 * name of the exception; the observation itself carries {@code error.type}, which names
 * Z.AI's business code as well ({@code 1113}, {@code 1302}), as the GenAI conventions
 * ask. Two tags for one thing would split every dashboard query, so this filter drops
 * {@code error} from these meters and keeps {@code error.type}. Other clients' meters of
 * the same name are left alone.
 *
 * @author zai-spring-boot contributors
 */
public final class ZaiObservationMeterFilter implements MeterFilter {

	private static final String DESCRIPTION = "Z.AI client operations: each call or stream from request to its "
			+ "answer, last chunk, failure or cancellation";

	@Override
	public Meter.Id map(Meter.Id id) {
		if (!id.getName().startsWith(DefaultZaiChatObservationConvention.NAME)
				|| !DefaultZaiChatObservationConvention.PROVIDER_NAME.equals(id.getTag("gen_ai.provider.name"))
				|| id.getName().startsWith(ZaiMeterObservationHandler.TIME_TO_FIRST_CHUNK)) {
			return id;
		}
		List<Tag> tags = new ArrayList<>();
		for (Tag tag : id.getTagsAsIterable()) {
			if (!tag.getKey().equals("error")) {
				tags.add(tag);
			}
		}
		String description = (id.getDescription() != null) ? id.getDescription() : DESCRIPTION;
		return new Meter.Id(id.getName(), Tags.of(tags), id.getBaseUnit(), description, id.getType());
	}

}
