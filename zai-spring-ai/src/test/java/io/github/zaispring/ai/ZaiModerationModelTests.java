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
package io.github.zaispring.ai;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import io.github.zaispring.ZaiAuthenticationException;
import io.github.zaispring.ai.autoconfigure.ZaiModerationModelAutoConfiguration;
import io.github.zaispring.autoconfigure.ZaiAutoConfiguration;
import io.github.zaispring.moderation.ModerationResult;
import io.github.zaispring.moderation.ZaiModerationOperations;
import io.github.zaispring.test.ReceivedRequest;
import io.github.zaispring.test.ZaiMockServer;
import io.github.zaispring.test.ZaiModerationReplies;
import io.github.zaispring.test.ZaiReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.moderation.Categories;
import org.springframework.ai.moderation.Moderation;
import org.springframework.ai.moderation.ModerationModel;
import org.springframework.ai.moderation.ModerationPrompt;
import org.springframework.ai.moderation.ModerationResponse;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.mockito.Mockito.mock;

/**
 * The auto-configured {@link ZaiModerationModel} against the loopback Z.AI simulator.
 *
 * @author zai-spring-boot contributors
 */
class ZaiModerationModelTests {

	private ZaiMockServer server;

	private ApplicationContextRunner runner;

	@BeforeEach
	void start() {
		this.server = ZaiMockServer.start();
		this.runner = new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(ZaiAutoConfiguration.class, ZaiModerationModelAutoConfiguration.class))
			.withPropertyValues("zai.api-key=moderation-test.key", "zai.base-url=" + this.server.baseUrl());
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	private void run(Consumer<ModerationModel> test, String... properties) {
		this.runner.withPropertyValues(properties).run((context) -> test.accept(moderationModel(context)));
	}

	private static ModerationModel moderationModel(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		return context.getBean(ModerationModel.class);
	}

	@Test
	void aPassingTextIsNotFlaggedAndTheTextAndModelAreOnTheWire() {
		run((model) -> {
			ModerationResponse response = model.call(new ModerationPrompt("hello"));
			Moderation moderation = response.getResult().getOutput();
			assertThat(moderation.getModel()).isEqualTo("moderation-next");
			assertThat(moderation.getResults()).singleElement().satisfies((result) -> {
				assertThat(result.isFlagged()).isFalse();
				assertThat(result.getCategoryScores()).isNull();
			});
			ReceivedRequest request = this.server.takeRequest(Duration.ofSeconds(5));
			assertThat(request.path()).endsWith("/moderations");
			assertThat(request.model()).isEqualTo("moderation-next");
			assertThat(request.body().get("input").asText()).isEqualTo("hello");
			assertThat(request.body().has("user_id")).isFalse();
		}, "zai.moderation.model=moderation-next");
	}

	@Test
	void optionsAreSentOnTheWire() {
		run((model) -> {
			model.call(new ModerationPrompt("hello",
					ZaiModerationOptions.builder().model("moderation-x").userId("user-123456").build()));
			ReceivedRequest request = this.server.takeRequest(Duration.ofSeconds(5));
			assertThat(request.model()).isEqualTo("moderation-x");
			assertThat(request.body().get("user_id").asText()).isEqualTo("user-123456");
		});
	}

	@Test
	void rejectedAndReviewedResultsAreFlaggedWithoutInventedCategoriesOrScores() {
		this.server.enqueue(ZaiModerationReplies.moderation(new ModerationResult("text", "REJECT", List.of("porn")),
				new ModerationResult("image", "REVIEW", List.of()), new ModerationResult("audio", "PASS", List.of())));
		run((model) -> {
			ModerationResponse response = model.call(new ModerationPrompt("x"));
			List<org.springframework.ai.moderation.ModerationResult> results = response.getResult()
				.getOutput()
				.getResults();
			assertThat(results).extracting(org.springframework.ai.moderation.ModerationResult::isFlagged)
				.containsExactly(true, true, false);
			assertThat(results).allSatisfy((result) -> {
				assertThat(result.getCategories()).isEqualTo(Categories.builder().build());
				assertThat(result.getCategoryScores()).isNull();
			});
			ZaiModerationModel.ZaiModerationMetadata metadata = (ZaiModerationModel.ZaiModerationMetadata) response
				.getResult()
				.getMetadata();
			assertThat(metadata.response().results().get(0).riskTypes()).containsExactly("porn");
		});
	}

	@Test
	void theSimulatorsRejectMarkerIsFlagged() {
		run((model) -> assertThat(model.call(new ModerationPrompt("a " + ZaiModerationReplies.REJECT_MARKER))
			.getResult()
			.getOutput()
			.getResults()).singleElement().satisfies((result) -> assertThat(result.isFlagged()).isTrue()));
	}

	@Test
	void aBadKeyIsANonTransientExceptionWithTheTypedCause() {
		this.server.enqueue(ZaiReply.error(401, "1000", "Authentication failed"));
		run((model) -> assertThatExceptionOfType(NonTransientAiException.class)
			.isThrownBy(() -> model.call(new ModerationPrompt("x")))
			.withCauseInstanceOf(ZaiAuthenticationException.class));
	}

	@Test
	void invalidInputFailsBeforeAnyRequest() {
		run((model) -> {
			assertThatIllegalArgumentException().isThrownBy(() -> model.call(new ModerationPrompt(" ")))
				.withMessageContaining("prompt text must not be empty");
			assertThatIllegalArgumentException().isThrownBy(
					() -> model.call(new ModerationPrompt("x", ZaiModerationOptions.builder().userId("abc").build())))
				.withMessageContaining("user");
			assertThat(this.server.requestCount()).isZero();
		});
	}

	@Test
	void autoConfigurationFollowsSpringAiModelSelection() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(ZaiModerationModel.class));
		this.runner.withPropertyValues("spring.ai.model.moderation=zai")
			.run((context) -> assertThat(context).hasSingleBean(ZaiModerationModel.class));
		this.runner.withPropertyValues("spring.ai.model.moderation=other")
			.run((context) -> assertThat(context).doesNotHaveBean(ModerationModel.class));
		this.runner.withPropertyValues("zai.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ModerationModel.class));
		ZaiModerationModel own = new ZaiModerationModel(mock(ZaiModerationOperations.class), "moderation");
		this.runner.withBean(ZaiModerationModel.class, () -> own)
			.run((context) -> assertThat(context).getBean(ModerationModel.class).isSameAs(own));
	}

	@Test
	void toStringNamesTheModelButNotTheKey() {
		run((model) -> assertThat(model.toString()).contains("moderation").doesNotContain("moderation-test.key"));
	}

}
