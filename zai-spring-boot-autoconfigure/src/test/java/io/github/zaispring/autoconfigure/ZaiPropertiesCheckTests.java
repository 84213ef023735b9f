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
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ZaiPropertiesCheck}, {@link ZaiPropertyNames} and the report of an
 * unknown or invalid property by {@link ZaiConfigurationFailureAnalyzer}.
 *
 * @author zai-spring-boot contributors
 */
class ZaiPropertiesCheckTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ZaiAutoConfiguration.class));

	@Test
	void reportsAMisspeltPropertyWithWhereItWasSetAndTheNearestName() {
		this.contextRunner.withInitializer(yaml("config/typo.yml")).run((context) -> {
			FailureAnalysis analysis = analyze(context);
			assertThat(analysis.getDescription()).isEqualTo("""
					The configuration sets a property under 'zai' that the Z.AI starter does not have:

					    Property: zai.chat.temprature
					    Origin: class path resource [config/typo.yml] - 5:17
					    Did you mean: zai.chat.temperature
					""");
			assertThat(analysis.getAction()).startsWith("""
					Correct or remove it:

					    zai.chat.temprature -> zai.chat.temperature

					The properties under zai.chat are: zai.chat.max-tokens, zai.chat.model, zai.chat.temperature, \
					zai.chat.thinking, zai.chat.top-p.""");
		});
	}

	@Test
	void reportsEveryUnknownPropertyAndNoSuggestionWhenNothingIsClose() {
		this.contextRunner
			.withPropertyValues("zai.api-key=k", "zai.retry.max-atempts=4", "zai.temperature=0.2",
					"zai.quantum-flux-capacitor=on")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription()).startsWith("The configuration sets 3 properties under 'zai'")
					.contains("Property: zai.retry.max-atempts")
					.contains("Did you mean: zai.retry.max-attempts")
					.contains("Property: zai.temperature")
					.contains("Did you mean: zai.chat.temperature")
					.contains("Property: zai.quantum-flux-capacitor");
				assertThat(analysis.getAction()).contains("zai.retry.max-atempts -> zai.retry.max-attempts")
					.contains("zai.temperature -> zai.chat.temperature")
					.contains("zai.quantum-flux-capacitor: no property of the starter is close");
			});
	}

	@Test
	void acceptsEveryPropertyOfTheStarterAndRelaxedNames() {
		this.contextRunner
			.withPropertyValues("zai.api-key=k", "zai.chat.maxTokens=10", "zai.circuit_breaker.enabled=true",
					"zai.logging.include-bodies=false")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void acceptsPropertiesThatAreSetButEmpty() {
		this.contextRunner.withInitializer(yaml("config/empty-values.yml")).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(ZaiProperties.class).getChat().getTemperature()).isNull();
		});
	}

	@Test
	void ignoresEnvironmentVariablesAndSystemProperties() {
		this.contextRunner.withPropertyValues("zai.api-key=k")
			.withSystemProperties("zai.not-a-property=1")
			.withInitializer((context) -> replaceEnvironmentVariables(context,
					Map.of("ZAI_HOME", "/opt/zai", "ZAI_CHAT_TEMPRATURE", "0.3")))
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void acceptsPropertiesOfAnotherConfigurationPropertiesBeanUnderZai() {
		this.contextRunner.withUserConfiguration(ExtraPropertiesConfiguration.class)
			.withPropertyValues("zai.api-key=k", "zai.extra.name=x")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(ExtraProperties.class).getName()).isEqualTo("x");
			});
	}

	@Test
	void reportsAnInvalidDurationAsWrittenWithItsOrigin() {
		this.contextRunner.withInitializer(yaml("config/negative-duration.yml")).run((context) -> {
			FailureAnalysis analysis = analyze(context);
			assertThat(analysis.getDescription()).isEqualTo("""
					Invalid Z.AI configuration: zai.stream-idle-timeout must be a positive duration such as 30s, \
					but was -5s

					    Property: zai.stream-idle-timeout
					    Value: "-5s"
					    Origin: class path resource [config/negative-duration.yml] - 3:24
					""");
			assertThat(analysis.getAction()).contains("stream-idle-timeout: 30s");
		});
	}

	@Test
	void formatsDurationsAsTheyAreWritten() {
		this.contextRunner.withPropertyValues("zai.api-key=k", "zai.retry.max-retry-after=-PT1.5S")
			.run((context) -> assertThat(analyze(context).getDescription()).contains("but was -1500ms")
				.contains("Value: \"-PT1.5S\"")
				.doesNotContain("but was -PT1.5S"));
		assertThat(ZaiProperties.format(Duration.ofMinutes(2))).isEqualTo("2m");
		assertThat(ZaiProperties.format(Duration.ofMillis(500))).isEqualTo("500ms");
		assertThat(ZaiProperties.format(Duration.ofSeconds(-90))).isEqualTo("-90s");
		assertThat(ZaiProperties.format(Duration.ZERO)).isEqualTo("0s");
		assertThat(ZaiProperties.format(Duration.ofNanos(1500))).isEqualTo("1500ns");
	}

	@Test
	void derivesTheNamesFromThePropertiesClass() {
		assertThat(ZaiPropertyNames.of().all()).map(ConfigurationPropertyName::toString)
			.contains("zai.api-key", "zai.enabled", "zai.chat.temperature", "zai.retry.max-retry-after",
					"zai.pool.pending-acquire-timeout", "zai.circuit-breaker.enabled")
			.doesNotContain("zai.chat", "zai.retry", "zai.class");
	}

	@Test
	void suggestsTheNearestNameOnlyWhenItIsClose() {
		ZaiPropertyNames names = ZaiPropertyNames.of();
		assertThat(names.suggest(ConfigurationPropertyName.of("zai.apikey"))).hasToString("zai.api-key");
		assertThat(names.suggest(ConfigurationPropertyName.of("zai.base-uri"))).hasToString("zai.base-url");
		assertThat(names.suggest(ConfigurationPropertyName.of("zai.max-attempts")))
			.hasToString("zai.retry.max-attempts");
		assertThat(names.suggest(ConfigurationPropertyName.of("zai.chat.system-prompt"))).isNull();
		assertThat(ZaiPropertyNames.distance("temprature", "temperature")).isOne();
		assertThat(ZaiPropertyNames.distance("", "abc")).isEqualTo(3);
		assertThat(ZaiPropertyNames.distance("kitten", "sitting")).isEqualTo(3);
	}

	private static FailureAnalysis analyze(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		FailureAnalysis analysis = new ZaiConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
		assertThat(analysis).as("failure analysis of %s", context.getStartupFailure()).isNotNull();
		return analysis;
	}

	/**
	 * Add a YAML file as Boot adds {@code application.yml}: with the origin of every
	 * value.
	 */
	private static org.springframework.context.ApplicationContextInitializer<ConfigurableApplicationContext> yaml(
			String path) {
		return (context) -> {
			try {
				for (PropertySource<?> source : new YamlPropertySourceLoader().load(path,
						new ClassPathResource(path))) {
					context.getEnvironment().getPropertySources().addFirst(source);
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		};
	}

	static void replaceEnvironmentVariables(ConfigurableApplicationContext context, Map<String, Object> variables) {
		MutablePropertySources sources = context.getEnvironment().getPropertySources();
		sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
				new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						variables));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ExtraProperties.class)
	static class ExtraPropertiesConfiguration {

	}

	@ConfigurationProperties("zai.extra")
	static class ExtraProperties {

		private String name = "";

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

	}

}
