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

package io.github.zaispring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Reports a missing API key or an unusable {@code zai.*} value at startup with the
 * property to set and a YAML example, instead of a stack trace.
 *
 * @author zai-spring-boot contributors
 */
class ZaiConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<ZaiConfigurationException> implements Ordered {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ZaiConfigurationException cause) {
		if (ZaiApiKey.PROPERTY.equals(cause.getProperty())) {
			return new FailureAnalysis(cause.getMessage(),
					"""
							Set the ZAI_API_KEY environment variable, or set zai.api-key, for example in application.yml:

							%s
							Create a key at https://z.ai/manage-apikey/apikey-list. To start without the Z.AI client, set zai.enabled=false."""
						.formatted(cause.getYamlExample()),
					cause);
		}
		return new FailureAnalysis("Invalid Z.AI configuration: " + cause.getMessage(), """
				Update %s in your application's configuration, for example in application.yml:

				%s""".formatted(cause.getProperty(), cause.getYamlExample()), cause);
	}

	@Override
	public int getOrder() {
		// Before Boot's bind failure analyzer, which would report the same failure
		// without the example.
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
