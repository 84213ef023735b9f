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

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the sample ({@code sample.*}).
 *
 * @param maxMessageLength the longest question in characters; a longer one gets a
 * readable error instead of a bill
 * @param dataDirectory the directory of the chat memory's database and of the README's
 * vectors
 * @author zai-spring-boot contributors
 */
@ConfigurationProperties("sample")
record SampleProperties(@DefaultValue("4000") int maxMessageLength,
		@DefaultValue("./zai-spring-ai-sample-data") Path dataDirectory) {

}
