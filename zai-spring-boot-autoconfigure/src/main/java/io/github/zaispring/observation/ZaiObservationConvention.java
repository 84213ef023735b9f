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

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Naming and key values of the {@link ZaiObservationDocumentation#CLIENT_OPERATION
 * observation} of the calls of every endpoint except chat, which has its own
 * {@link ZaiChatObservationConvention}. Declare a bean of this type to replace the
 * {@link DefaultZaiObservationConvention default}.
 *
 * @author zai-spring-boot contributors
 */
public interface ZaiObservationConvention extends ObservationConvention<ZaiObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof ZaiObservationContext && !(context instanceof ZaiChatObservationContext);
	}

}
