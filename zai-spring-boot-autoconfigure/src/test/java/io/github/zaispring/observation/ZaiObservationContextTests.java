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

import java.util.function.Consumer;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ZaiObservationContext}'s low-cardinality key values, which it keeps
 * sorted as they are added: read back, they must always equal what Micrometer's own
 * context holds after the same changes.
 */
class ZaiObservationContextTests {

	@Test
	void keyValuesAddedAsSetsReplaceThoseOfTheSameKey() {
		assertSameAsMicrometer((context) -> {
			context.addLowCardinalityKeyValues(KeyValues.of("b", "1", "a", "1", "c", "1"));
			context.addLowCardinalityKeyValues(KeyValues.of("b", "2", "d", "2"));
		}, KeyValues.of("a", "1", "b", "2", "c", "1", "d", "2"));
	}

	@Test
	void keyValueAddedAloneIsRead() {
		assertSameAsMicrometer((context) -> {
			context.addLowCardinalityKeyValues(KeyValues.of("a", "1", "b", "1"));
			context.getLowCardinalityKeyValues();
			context.addLowCardinalityKeyValue(KeyValue.of("c", "3"));
		}, KeyValues.of("a", "1", "b", "1", "c", "3"));
	}

	@Test
	void keyValuesAddedAfterOneAddedAloneAreMerged() {
		assertSameAsMicrometer((context) -> {
			context.addLowCardinalityKeyValue(KeyValue.of("z", "0"));
			context.addLowCardinalityKeyValues(KeyValues.of("a", "1"));
			context.getLowCardinalityKeyValues();
			context.addLowCardinalityKeyValues(KeyValues.of("a", "2", "m", "2"));
		}, KeyValues.of("a", "2", "m", "2", "z", "0"));
	}

	@Test
	void removedKeyValueIsNotRead() {
		assertSameAsMicrometer((context) -> {
			context.addLowCardinalityKeyValues(KeyValues.of("a", "1", "b", "1", "c", "1"));
			context.getLowCardinalityKeyValues();
			context.removeLowCardinalityKeyValue("b");
		}, KeyValues.of("a", "1", "c", "1"));
	}

	@Test
	void removedKeyValuesAreNotRead() {
		assertSameAsMicrometer((context) -> {
			context.addLowCardinalityKeyValues(KeyValues.of("a", "1", "b", "1", "c", "1"));
			context.getLowCardinalityKeyValues();
			context.removeLowCardinalityKeyValues("a", "c");
			context.addLowCardinalityKeyValues(KeyValues.of("d", "4"));
		}, KeyValues.of("b", "1", "d", "4"));
	}

	private static void assertSameAsMicrometer(Consumer<Observation.Context> changes, KeyValues expected) {
		Observation.Context micrometers = new Observation.Context();
		changes.accept(micrometers);
		ZaiObservationContext ours = new ZaiObservationContext("chat", "glm-4.6", false);
		changes.accept(ours);
		assertThat(micrometers.getLowCardinalityKeyValues()).isEqualTo(expected);
		assertThat(ours.getLowCardinalityKeyValues()).isEqualTo(expected);
	}

}
