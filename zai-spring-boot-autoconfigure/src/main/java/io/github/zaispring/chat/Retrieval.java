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

package io.github.zaispring.chat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * The knowledge base of a {@code retrieval} tool.
 *
 * @param knowledgeId the knowledge base id
 * @param promptTemplate the prompt template, with {@code {{ knowledge }}} and {@code {{
 * question }}} placeholders; {@code null} for the server's default
 * @author zai-spring-boot
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Retrieval(@JsonProperty("knowledge_id") String knowledgeId,
		@JsonProperty("prompt_template") @Nullable String promptTemplate) {

	/**
	 * Create a new instance, checking that the knowledge id is set.
	 * @param knowledgeId the knowledge base id
	 * @param promptTemplate the prompt template
	 */
	public Retrieval {
		Assert.hasText(knowledgeId, "knowledgeId must not be empty; use the id of a knowledge base");
	}

}
