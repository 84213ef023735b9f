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

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the generated configuration metadata: every property is described for the IDE,
 * the models are offered as hints, the names the starter accepts are those of the
 * metadata, and the README's configuration table lists every property with its default.
 *
 * @author zai-spring-boot contributors
 */
class ConfigurationMetadataTests {

	@Test
	void everyPropertyHasADescription() throws IOException {
		List<JsonNode> properties = properties();
		assertThat(properties).hasSizeGreaterThan(20);
		assertThat(properties).allSatisfy((property) -> assertThat(property.path("description").asString(""))
			.as("description of %s", property.get("name").asString())
			.isNotBlank());
	}

	@Test
	void everyDefaultIsInTheMetadata() throws IOException {
		assertThat(properties()).filteredOn((property) -> property.get("name").asString().equals("zai.base-url"))
			.singleElement()
			.satisfies((property) -> assertThat(property.get("defaultValue").asString())
				.isEqualTo("https://api.z.ai/api/paas/v4"));
	}

	@Test
	void readmeListsEveryProperty() throws IOException {
		String readme = Files.readString(Path.of("..", "README.md"));
		assertThat(properties()).allSatisfy((property) -> {
			String name = property.get("name").asString();
			assertThat(readme).as("README row of %s", name).contains("| `" + name + "` |");
			JsonNode defaultValue = property.get("defaultValue");
			if (defaultValue != null && !name.equals("zai.api-key")) {
				assertThat(readme).as("README default of %s", name)
					.contains("| `" + name + "` | `" + defaultValue.asString() + "` |");
			}
		});
	}

	@Test
	void theNamesTheStarterAcceptsAreThePropertiesOfTheMetadata() throws IOException {
		assertThat(ZaiPropertyNames.of().all()).map(ConfigurationPropertyName::toString)
			.containsExactlyInAnyOrderElementsOf(
					properties().stream().map((property) -> property.get("name").asString()).toList());
	}

	@Test
	void offersTheGlmModelsAsHintsOfTheChatModelWithoutRestrictingIt() throws IOException {
		JsonNode hint = metadata().get("hints")
			.valueStream()
			.filter((candidate) -> candidate.get("name").asString().equals("zai.chat.model"))
			.findFirst()
			.orElseThrow();
		assertThat(hint.get("values").valueStream().map((value) -> value.get("value").asString())).contains("glm-4.6",
				"glm-4.7", "glm-4.7-flash", "glm-5.3", "glm-4.6v", "glm-4.5-air");
		assertThat(hint.get("values").valueStream())
			.allSatisfy((value) -> assertThat(value.path("description").asString("")).isNotBlank());
		assertThat(hint.get("providers").valueStream().map((provider) -> provider.get("name").asString()))
			.containsExactly("any");
	}

	@Test
	void offersTheSearchEnginesAsHintsOfTheWebSearchEngineWithoutRestrictingIt() throws IOException {
		JsonNode hint = metadata().get("hints")
			.valueStream()
			.filter((candidate) -> candidate.get("name").asString().equals("zai.web-search.search-engine"))
			.findFirst()
			.orElseThrow();
		assertThat(hint.get("values").valueStream().map((value) -> value.get("value").asString()))
			.containsExactly("search-prime", "search_std", "search_pro", "search_pro_sogou", "search_pro_quark");
		assertThat(hint.get("providers").valueStream().map((provider) -> provider.get("name").asString()))
			.containsExactly("any");
	}

	private static List<JsonNode> properties() throws IOException {
		return metadata().get("properties").valueStream().toList();
	}

	private static JsonNode metadata() throws IOException {
		try (InputStream in = ConfigurationMetadataTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("generated metadata").isNotNull();
			return JsonMapper.builder().build().readTree(in);
		}
	}

}
