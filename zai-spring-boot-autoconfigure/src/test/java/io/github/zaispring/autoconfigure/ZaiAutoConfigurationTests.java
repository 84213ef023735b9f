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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.github.zaispring.QuietOutput;
import io.github.zaispring.chat.ChatCompletion;
import io.github.zaispring.chat.ChatCompletionChunk;
import io.github.zaispring.chat.ChatRequest;
import io.github.zaispring.chat.Thinking;
import io.github.zaispring.chat.ThinkingType;
import io.github.zaispring.chat.ZaiChatOperations;
import io.github.zaispring.chat.ZaiChatTemplate;
import io.github.zaispring.internal.LibraryVersion;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ZaiAutoConfiguration}.
 *
 * @author zai-spring-boot contributors
 */
@QuietOutput
class ZaiAutoConfigurationTests {

	private static final String KEY = "test-id.test-secret-0123456789";

	private static final String REPLY = """
			{"choices":[{"finish_reason":"stop","index":0,"message":{"content":"Olá!","role":"assistant"}}],\
			"created":1762854981,"id":"2025111117561942405e9f6eb547c7","model":"glm-4.6",\
			"request_id":"2025111117561942405e9f6eb547c7",\
			"usage":{"completion_tokens":72,"prompt_tokens":16,"total_tokens":88}}""";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, ZaiAutoConfiguration.class));

	private MockWebServer server;

	@BeforeEach
	void startServer() throws Exception {
		this.server = new MockWebServer();
		this.server.start(java.net.InetAddress.getLoopbackAddress(), 0);
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void registersTemplateAsTheChatOperationsBean() {
		this.contextRunner.withPropertyValues("zai.api-key=" + KEY).run((context) -> {
			assertThat(context).hasSingleBean(ZaiChatTemplate.class);
			assertThat(context).hasSingleBean(ZaiChatOperations.class);
			assertThat(context.getBean(ZaiChatOperations.class)).isSameAs(context.getBean(ZaiChatTemplate.class));
		});
	}

	@Test
	void bindsEveryPropertyWithItsDefault() {
		this.contextRunner.withPropertyValues("zai.api-key=" + KEY).run((context) -> {
			ZaiProperties properties = context.getBean(ZaiProperties.class);
			assertThat(properties.isEnabled()).isTrue();
			assertThat(properties.getBaseUrl()).isEqualTo("https://api.z.ai/api/paas/v4");
			assertThat(properties.getAcceptLanguage()).isEqualTo("en-US,en");
			assertThat(properties.getConnectTimeout()).isEqualTo(Duration.ofSeconds(10));
			assertThat(properties.getResponseTimeout()).isEqualTo(Duration.ofMinutes(5));
			assertThat(properties.getFirstChunkTimeout()).isEqualTo(Duration.ofMinutes(2));
			assertThat(properties.getStreamIdleTimeout()).isEqualTo(Duration.ofMinutes(2));
			assertThat(properties.getChat().getModel()).isEqualTo("glm-4.6");
			assertThat(properties.getChat().getTemperature()).isNull();
			assertThat(properties.getChat().getTopP()).isNull();
			assertThat(properties.getChat().getMaxTokens()).isNull();
			assertThat(properties.getChat().getThinking()).isNull();
			assertThat(properties.getRetry().isEnabled()).isTrue();
			assertThat(properties.getRetry().getMaxAttempts()).isEqualTo(3);
			assertThat(properties.getRetry().getInitialBackoff()).isEqualTo(Duration.ofMillis(500));
			assertThat(properties.getRetry().getMultiplier()).isEqualTo(2.0);
			assertThat(properties.getRetry().getMaxBackoff()).isEqualTo(Duration.ofSeconds(8));
			assertThat(properties.getRetry().getMaxRetryAfter()).isEqualTo(Duration.ofSeconds(60));
			assertThat(properties.getConcurrency().getMaxInFlight()).isZero();
			assertThat(properties.getConcurrency().getMaxWait()).isEqualTo(Duration.ofSeconds(30));
			assertThat(properties.getPool().getMaxConnections()).isEqualTo(500);
		});
	}

	@Test
	void bindsSetValues() {
		this.contextRunner
			.withPropertyValues("zai.api-key=" + KEY, "zai.base-url=https://api.z.ai/api/coding/paas/v4/",
					"zai.accept-language=", "zai.connect-timeout=3s", "zai.response-timeout=90s",
					"zai.first-chunk-timeout=20s", "zai.stream-idle-timeout=15s", "zai.chat.model=glm-4.7",
					"zai.chat.temperature=0.3", "zai.chat.top-p=0.9", "zai.chat.max-tokens=1024",
					"zai.chat.thinking=disabled", "zai.retry.enabled=false", "zai.retry.max-attempts=5",
					"zai.retry.initial-backoff=1s", "zai.retry.multiplier=1.5", "zai.retry.max-backoff=20s",
					"zai.retry.max-retry-after=2m", "zai.concurrency.max-in-flight=3", "zai.concurrency.max-wait=10s",
					"zai.pool.max-connections=64")
			.run((context) -> {
				ZaiProperties properties = context.getBean(ZaiProperties.class);
				assertThat(properties.getBaseUrl()).isEqualTo("https://api.z.ai/api/coding/paas/v4");
				assertThat(properties.getAcceptLanguage()).isEmpty();
				assertThat(properties.getConnectTimeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(properties.getResponseTimeout()).isEqualTo(Duration.ofSeconds(90));
				assertThat(properties.getFirstChunkTimeout()).isEqualTo(Duration.ofSeconds(20));
				assertThat(properties.getStreamIdleTimeout()).isEqualTo(Duration.ofSeconds(15));
				assertThat(properties.getChat().getModel()).isEqualTo("glm-4.7");
				assertThat(properties.getChat().getTemperature()).isEqualTo(0.3);
				assertThat(properties.getChat().getTopP()).isEqualTo(0.9);
				assertThat(properties.getChat().getMaxTokens()).isEqualTo(1024);
				assertThat(properties.getChat().getThinking()).isEqualTo(ThinkingType.DISABLED);
				assertThat(properties.getRetry().isEnabled()).isFalse();
				assertThat(properties.getRetry().getMaxAttempts()).isEqualTo(5);
				assertThat(properties.getRetry().getInitialBackoff()).isEqualTo(Duration.ofSeconds(1));
				assertThat(properties.getRetry().getMultiplier()).isEqualTo(1.5);
				assertThat(properties.getRetry().getMaxBackoff()).isEqualTo(Duration.ofSeconds(20));
				assertThat(properties.getRetry().getMaxRetryAfter()).isEqualTo(Duration.ofMinutes(2));
				assertThat(properties.getConcurrency().getMaxInFlight()).isEqualTo(3);
				assertThat(properties.getConcurrency().getMaxWait()).isEqualTo(Duration.ofSeconds(10));
				assertThat(properties.getPool().getMaxConnections()).isEqualTo(64);
			});
	}

	@Test
	void takesTheKeyFromTheZaiApiKeyVariableWhenThePropertyIsUnset() {
		this.contextRunner.withSystemProperties("ZAI_API_KEY=" + KEY)
			.withPropertyValues("zai.base-url=" + baseUrl())
			.run((context) -> {
				assertThat(context).hasSingleBean(ZaiChatTemplate.class);
				this.server.enqueue(json(REPLY));
				context.getBean(ZaiChatOperations.class).chat("hi").block(Duration.ofSeconds(10));
				assertThat(takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
			});
	}

	@Test
	void takesTheKeyFromAnEnvironmentVariableAlone() {
		this.contextRunner.withPropertyValues("zai.base-url=" + baseUrl())
			.withInitializer((context) -> ZaiPropertiesCheckTests.replaceEnvironmentVariables(context,
					Map.of("ZAI_API_KEY", KEY)))
			.run((context) -> assertThat(sentAuthorization(context)).isEqualTo("Bearer " + KEY));
	}

	@Test
	void takesTheKeyThroughTheRecommendedPlaceholder() {
		this.contextRunner.withPropertyValues("zai.api-key=" + ZaiApiKey.EXAMPLE, "zai.base-url=" + baseUrl())
			.withInitializer((context) -> ZaiPropertiesCheckTests.replaceEnvironmentVariables(context,
					Map.of("ZAI_API_KEY", KEY)))
			.run((context) -> assertThat(sentAuthorization(context)).isEqualTo("Bearer " + KEY));
	}

	@Test
	void failsWithAnalysisNamingThePropertyAndTheVariableWhenNoKeyIsSet() {
		this.contextRunner.withInitializer(ZaiAutoConfigurationTests::noEnvironmentVariables).run((context) -> {
			FailureAnalysis analysis = analyze(context);
			assertThat(analysis.getDescription()).contains("zai.api-key").contains("ZAI_API_KEY");
			assertThat(analysis.getAction()).contains("zai:\n      api-key: ${ZAI_API_KEY:}\n")
				.contains("Set the ZAI_API_KEY environment variable")
				.contains("zai.enabled=false");
		});
	}

	@Test
	void failsLikeAMissingKeyWhenTheKeyIsBlank() {
		this.contextRunner.withInitializer(ZaiAutoConfigurationTests::noEnvironmentVariables)
			.withPropertyValues("zai.api-key=   ")
			.run((context) -> assertThat(analyze(context)).usingRecursiveComparison()
				.ignoringFields("cause")
				.isEqualTo(analyzeMissingKey()));
	}

	@Test
	void failsLikeAMissingKeyWhenTheKeyIsAnUnresolvedPlaceholder() {
		this.contextRunner.withInitializer(ZaiAutoConfigurationTests::noEnvironmentVariables)
			.withPropertyValues("zai.api-key=${ZAI_API_KEY}")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				FailureAnalysis missing = analyzeMissingKey();
				assertThat(analysis.getDescription()).startsWith(missing.getDescription())
					.contains("The property is set to ${ZAI_API_KEY}, a placeholder that nothing resolves");
				assertThat(analysis.getAction()).isEqualTo(missing.getAction());
			});
	}

	@Test
	void failsLikeAMissingKeyWhenTheRecommendedPlaceholderFindsNoVariable() {
		this.contextRunner.withInitializer(ZaiAutoConfigurationTests::noEnvironmentVariables)
			.withPropertyValues("zai.api-key=" + ZaiApiKey.EXAMPLE)
			.run((context) -> assertThat(analyze(context)).usingRecursiveComparison()
				.ignoringFields("cause")
				.isEqualTo(analyzeMissingKey()));
	}

	@Test
	void neverSendsAnUnresolvedPlaceholderOfAnotherVariable() {
		this.contextRunner.withInitializer(ZaiAutoConfigurationTests::noEnvironmentVariables)
			.withPropertyValues("zai.api-key=${MY_ZAI_KEY}")
			.run((context) -> assertThat(analyze(context).getDescription())
				.contains("The property is set to ${MY_ZAI_KEY}, a placeholder that nothing resolves"));
	}

	@Test
	void failsWithAnalysisWhenTheBaseUrlIsNotAnHttpUrl() {
		this.contextRunner.withPropertyValues("zai.api-key=" + KEY, "zai.base-url=ftp://api.z.ai/api/paas/v4")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription()).contains("zai.base-url")
					.contains("http or https")
					.contains("ftp://api.z.ai/api/paas/v4");
				assertThat(analysis.getAction()).contains("base-url: https://api.z.ai/api/paas/v4");
			});
	}

	@Test
	void failsWithAnalysisWhenTheBaseUrlIsNoUrlAtAll() {
		this.contextRunner.withPropertyValues("zai.api-key=" + KEY, "zai.base-url=not a url")
			.run((context) -> assertThat(analyze(context).getDescription()).contains("zai.base-url")
				.contains("not a url"));
	}

	@Test
	void failsWithAnalysisWhenTheBaseUrlIsTheChatEndpoint() {
		this.contextRunner
			.withPropertyValues("zai.api-key=" + KEY, "zai.base-url=https://api.z.ai/api/paas/v4/chat/completions")
			.run((context) -> assertThat(analyze(context).getDescription()).contains("zai.base-url")
				.contains("/chat/completions")
				.contains("'https://api.z.ai/api/paas/v4'"));
	}

	@Test
	void failsBindingWhenTheTemperatureIsOutOfRange() {
		this.contextRunner.withPropertyValues("zai.api-key=" + KEY, "zai.chat.temperature=1.5").run((context) -> {
			FailureAnalysis analysis = analyze(context);
			assertThat(analysis.getDescription()).contains("zai.chat.temperature")
				.contains("must be in [0, 1]")
				.contains("1.5");
			assertThat(analysis.getAction()).contains("temperature: 0.7");
		});
	}

	@Test
	void failsBindingWhenADurationIsNegative() {
		this.contextRunner.withPropertyValues("zai.api-key=" + KEY, "zai.stream-idle-timeout=-5s")
			.run((context) -> assertThat(analyze(context).getDescription()).contains("zai.stream-idle-timeout")
				.contains("positive duration"));
	}

	@Test
	void failsBindingWhenTopPIsZero() {
		this.contextRunner.withPropertyValues("zai.api-key=" + KEY, "zai.chat.top-p=0")
			.run((context) -> assertThat(analyze(context).getDescription()).contains("zai.chat.top-p"));
	}

	@Test
	void failsBindingWhenMaxAttemptsIsZero() {
		this.contextRunner.withPropertyValues("zai.api-key=" + KEY, "zai.retry.max-attempts=0")
			.run((context) -> assertThat(analyze(context).getDescription()).contains("zai.retry.max-attempts"));
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withPropertyValues("zai.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(ZaiChatOperations.class);
			assertThat(context).doesNotHaveBean(ZaiProperties.class);
		});
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwnOperations() {
		this.contextRunner.withUserConfiguration(UserOperationsConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(ZaiChatOperations.class);
			assertThat(context).doesNotHaveBean(ZaiChatTemplate.class);
		});
	}

	@Test
	void appliesCustomizersInOrder() {
		this.contextRunner.withPropertyValues("zai.api-key=" + KEY, "zai.base-url=" + baseUrl())
			.withUserConfiguration(CustomizersConfiguration.class)
			.run((context) -> {
				assertThat(context.getBean("calls", List.class)).containsExactly("first", "second");
				this.server.enqueue(json(REPLY));
				context.getBean(ZaiChatOperations.class).chat("hi").block(Duration.ofSeconds(10));
				// the later customizer's default model wins
				assertThat(takeRequest().getBody().utf8()).contains("\"model\":\"glm-second\"");
			});
	}

	@Test
	void buildsOnBootsWebClientBuilderSoWebClientCustomizersApply() {
		this.contextRunner.withPropertyValues("zai.api-key=" + KEY, "zai.base-url=" + baseUrl())
			.withBean(WebClientCustomizer.class, () -> (builder) -> builder.defaultHeader("X-Customized", "yes"))
			.run((context) -> {
				this.server.enqueue(json(REPLY));
				context.getBean(ZaiChatOperations.class).chat("hi").block(Duration.ofSeconds(10));
				assertThat(takeRequest().getHeaders().get("X-Customized")).isEqualTo("yes");
			});
	}

	@Test
	void sendsAuthorizationAcceptLanguageAndUserAgent() {
		this.contextRunner.withPropertyValues("zai.api-key=" + KEY, "zai.base-url=" + baseUrl()).run((context) -> {
			this.server.enqueue(json(REPLY));
			context.getBean(ZaiChatOperations.class).chat("hi").block(Duration.ofSeconds(10));
			RecordedRequest request = takeRequest();
			assertThat(request.getUrl().encodedPath()).isEqualTo("/api/paas/v4/chat/completions");
			assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
			assertThat(request.getHeaders().get("Accept-Language")).isEqualTo("en-US,en");
			assertThat(request.getHeaders().get("User-Agent")).startsWith("zai-spring-boot/" + LibraryVersion.get())
				.doesNotContain("unknown");
		});
	}

	@Test
	void sendsNoAcceptLanguageWhenBlank() {
		this.contextRunner.withPropertyValues("zai.api-key=" + KEY, "zai.base-url=" + baseUrl(), "zai.accept-language=")
			.run((context) -> {
				this.server.enqueue(json(REPLY));
				context.getBean(ZaiChatOperations.class).chat("hi").block(Duration.ofSeconds(10));
				assertThat(takeRequest().getHeaders().get("Accept-Language")).isNull();
			});
	}

	@Test
	void appliesTheChatDefaultsToRequests() {
		this.contextRunner
			.withPropertyValues("zai.api-key=" + KEY, "zai.base-url=" + baseUrl(), "zai.chat.model=glm-4.7",
					"zai.chat.temperature=0.2", "zai.chat.top-p=0.8", "zai.chat.max-tokens=512",
					"zai.chat.thinking=disabled")
			.run((context) -> {
				this.server.enqueue(json(REPLY));
				context.getBean(ZaiChatOperations.class).chat("hi").block(Duration.ofSeconds(10));
				String body = takeRequest().getBody().utf8();
				assertThat(body).contains("\"model\":\"glm-4.7\"")
					.contains("\"temperature\":0.2")
					.contains("\"top_p\":0.8")
					.contains("\"max_tokens\":512")
					.contains("\"thinking\":{\"type\":\"disabled\"}");
			});
	}

	@Test
	void neverShowsTheKeyInToString() {
		this.contextRunner.withPropertyValues("zai.api-key=" + KEY).run((context) -> {
			assertThat(context.getBean(ZaiProperties.class).toString()).doesNotContain(KEY)
				.doesNotContain("test-secret");
			assertThat(context.getBean(ZaiChatTemplate.class).toString()).doesNotContain(KEY)
				.doesNotContain("test-secret");
		});
	}

	@Test
	void worksWithoutBootsWebClientBuilder() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ZaiAutoConfiguration.class))
			.withPropertyValues("zai.api-key=" + KEY, "zai.base-url=" + baseUrl())
			.run((context) -> {
				this.server.enqueue(json(REPLY));
				assertThat(context.getBean(ZaiChatOperations.class).chat("hi").block(Duration.ofSeconds(10)))
					.isEqualTo("Olá!");
			});
	}

	private String baseUrl() {
		return this.server.url("/api/paas/v4").toString();
	}

	private RecordedRequest takeRequest() throws InterruptedException {
		RecordedRequest request = this.server.takeRequest(5, TimeUnit.SECONDS);
		assertThat(request).as("request received by the server").isNotNull();
		return request;
	}

	private static MockResponse json(String body) {
		return new MockResponse.Builder().addHeader("Content-Type", "application/json; charset=UTF-8")
			.body(body)
			.build();
	}

	private String sentAuthorization(AssertableApplicationContext context) throws InterruptedException {
		assertThat(context).hasNotFailed();
		this.server.enqueue(json(REPLY));
		context.getBean(ZaiChatOperations.class).chat("hi").block(Duration.ofSeconds(10));
		return takeRequest().getHeaders().get("Authorization");
	}

	private FailureAnalysis analyzeMissingKey() {
		AtomicReference<FailureAnalysis> analysis = new AtomicReference<>();
		this.contextRunner.withInitializer(ZaiAutoConfigurationTests::noEnvironmentVariables)
			.run((context) -> analysis.set(analyze(context)));
		return analysis.get();
	}

	private static void noEnvironmentVariables(ConfigurableApplicationContext context) {
		ZaiPropertiesCheckTests.replaceEnvironmentVariables(context, Map.of());
	}

	private static FailureAnalysis analyze(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		FailureAnalysis analysis = new ZaiConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
		assertThat(analysis).as("failure analysis of %s", context.getStartupFailure()).isNotNull();
		return analysis;
	}

	@Configuration(proxyBeanMethods = false)
	static class UserOperationsConfiguration {

		@Bean
		ZaiChatOperations userOperations() {
			return new ZaiChatOperations() {

				@Override
				public Mono<ChatCompletion> chat(ChatRequest request) {
					return Mono.empty();
				}

				@Override
				public Flux<ChatCompletionChunk> stream(ChatRequest request) {
					return Flux.empty();
				}

				@Override
				public Mono<String> chat(String userMessage) {
					return Mono.just("user bean");
				}

				@Override
				public Flux<String> streamText(String userMessage) {
					return Flux.just("user bean");
				}

				@Override
				public Mono<Integer> countTokens(ChatRequest request) {
					return Mono.empty();
				}

				@Override
				public Mono<String> submit(ChatRequest request) {
					return Mono.empty();
				}

				@Override
				public Mono<ChatCompletion> awaitResult(String taskId) {
					return Mono.empty();
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizersConfiguration {

		private final List<String> calls = new ArrayList<>();

		@Bean
		List<String> calls() {
			return this.calls;
		}

		@Bean
		@Order(2)
		ZaiChatTemplateBuilderCustomizer second() {
			return (builder) -> {
				this.calls.add("second");
				builder.defaultModel("glm-second");
			};
		}

		@Bean
		@Order(1)
		ZaiChatTemplateBuilderCustomizer first() {
			return (builder) -> {
				this.calls.add("first");
				builder.defaultModel("glm-first").defaultThinking(Thinking.enabled());
			};
		}

	}

}
