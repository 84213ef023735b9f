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

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * Documented observation of the calls of every Z.AI endpoint other than chat (which is
 * {@link ZaiChatObservationDocumentation#CHAT_OPERATION}), with the same name and
 * low-cardinality keys.
 *
 * @author zai-spring-boot contributors
 * @see DefaultZaiObservationConvention
 */
public enum ZaiObservationDocumentation implements ObservationDocumentation {

	/**
	 * One call of an endpoint, named {@code gen_ai.client.operation}, with its
	 * {@code gen_ai.operation.name}, such as {@code embeddings}.
	 */
	CLIENT_OPERATION {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultZaiObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return ZaiChatObservationDocumentation.LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return new KeyName[] { ZaiChatObservationDocumentation.HighCardinalityKeyNames.RESPONSE_ID,
					ZaiChatObservationDocumentation.HighCardinalityKeyNames.REQUEST_ID,
					ZaiChatObservationDocumentation.HighCardinalityKeyNames.REQUEST_ATTEMPTS };
		}

	}

}
