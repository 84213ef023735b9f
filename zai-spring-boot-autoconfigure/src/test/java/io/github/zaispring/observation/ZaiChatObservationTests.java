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

import io.github.zaispring.ZaiQuotaExceededException;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;

/**
 * Tests for the chat observation as the client makes it: documented, with the default
 * convention or one the user supplies.
 *
 * @author zai-spring-boot contributors
 */
class ZaiChatObservationTests {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	@Test
	void callIsObservedWithTheDefaultConvention() {
		ZaiChatObservationContext context = ObservationFixtures.callContext();
		Observation observation = ZaiChatObservationDocumentation.CHAT_OPERATION
			.observation(null, new DefaultZaiChatObservationConvention(), () -> context, this.registry)
			.start();
		context.setResponse(ObservationFixtures.completion());
		observation.stop();
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasContextualNameEqualTo("chat glm-4.6")
			.hasBeenStarted()
			.hasBeenStopped()
			.hasLowCardinalityKeyValue("gen_ai.response.model", "glm-4.6")
			.hasLowCardinalityKeyValue("error.type", "none")
			.hasHighCardinalityKeyValue("gen_ai.response.id", "task-1")
			.doesNotHaveHighCardinalityKeyValueWithKey("gen_ai.prompt");
	}

	@Test
	void failedCallIsObservedWithItsErrorType() {
		ZaiChatObservationContext context = ObservationFixtures.callContext();
		Observation observation = Observation
			.createNotStarted(null, new DefaultZaiChatObservationConvention(), () -> context, this.registry)
			.start();
		observation.error(new ZaiQuotaExceededException(429, "1113", "Insufficient balance", null));
		observation.stop();
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasError()
			.hasLowCardinalityKeyValue("error.type", "1113");
	}

	@Test
	void userConventionReplacesTheDefault() {
		ZaiChatObservationConvention custom = new ZaiChatObservationConvention() {

			@Override
			public String getName() {
				return "custom.chat";
			}

			@Override
			public KeyValues getLowCardinalityKeyValues(ZaiChatObservationContext context) {
				return KeyValues.of(KeyValue.of("team", "search"));
			}

		};
		ZaiChatObservationContext context = ObservationFixtures.callContext();
		Observation.createNotStarted(custom, new DefaultZaiChatObservationConvention(), () -> context, this.registry)
			.start()
			.stop();
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("custom.chat")
			.that()
			.hasLowCardinalityKeyValue("team", "search")
			.doesNotHaveLowCardinalityKeyValueWithKey("gen_ai.operation.name");
	}

	@Test
	void extendedDefaultConventionAddsKeys() {
		DefaultZaiChatObservationConvention extended = new DefaultZaiChatObservationConvention() {

			@Override
			public KeyValues getLowCardinalityKeyValues(ZaiChatObservationContext context) {
				return super.getLowCardinalityKeyValues(context).and("team", "search");
			}

		};
		ZaiChatObservationContext context = ObservationFixtures.callContext();
		Observation.createNotStarted(extended, new DefaultZaiChatObservationConvention(), () -> context, this.registry)
			.start()
			.stop();
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasLowCardinalityKeyValue("team", "search")
			.hasLowCardinalityKeyValue("gen_ai.provider.name", "z_ai");
	}

}
