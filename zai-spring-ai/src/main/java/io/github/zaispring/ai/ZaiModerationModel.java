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

import java.util.ArrayList;
import java.util.List;

import io.github.zaispring.moderation.ModerationRequest;
import io.github.zaispring.moderation.RiskLevel;
import io.github.zaispring.moderation.ZaiModerationOperations;

import org.springframework.ai.moderation.Categories;
import org.springframework.ai.moderation.Generation;
import org.springframework.ai.moderation.Moderation;
import org.springframework.ai.moderation.ModerationGenerationMetadata;
import org.springframework.ai.moderation.ModerationModel;
import org.springframework.ai.moderation.ModerationOptions;
import org.springframework.ai.moderation.ModerationPrompt;
import org.springframework.ai.moderation.ModerationResponse;
import org.springframework.ai.moderation.ModerationResult;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.retry.TransientAiException;
import org.springframework.util.Assert;

/**
 * A Spring AI {@link ModerationModel} for Z.AI's moderation, on a
 * {@link ZaiModerationOperations}. The prompt's text is sent as the plain-text input.
 * <p>
 * The mapping, as far as Z.AI's answer allows:
 * <ul>
 * <li>each Z.AI result ({@code result_list}) is one Spring AI {@link ModerationResult},
 * in order;</li>
 * <li>{@link ModerationResult#isFlagged() flagged} is whether the result's
 * {@code risk_level} is anything but {@code PASS}: {@code REVIEW}, {@code REJECT}, or a
 * level this library does not know (never read as a pass);</li>
 * <li>{@link Categories} are all {@code false}: Z.AI names its risk types
 * ({@code risk_type}) with a vocabulary it does not document, so none is translated into
 * Spring AI's categories rather than guessed; the risk types and levels as sent are in
 * the generation's metadata, a {@link ZaiModerationMetadata};</li>
 * <li>{@code CategoryScores} are not set: Z.AI gives no scores, and none are
 * invented;</li>
 * <li>the {@link Moderation}'s id is Z.AI's answer id, its model the request's
 * model.</li>
 * </ul>
 * Failures are Spring AI's {@link TransientAiException} or
 * {@link NonTransientAiException}, with the Z.AI exception as the cause, as for
 * {@link ZaiChatModel}. Spring AI has no observation convention for moderation; the calls
 * are observed by the starter's client as any Z.AI request.
 *
 * @author zai-spring-boot contributors
 */
public class ZaiModerationModel implements ModerationModel {

	private final ZaiModerationOperations moderationOperations;

	private final String model;

	/**
	 * Create a model.
	 * @param moderationOperations the Z.AI moderation client
	 * @param model the model of requests that name none, for example {@code moderation}
	 */
	public ZaiModerationModel(ZaiModerationOperations moderationOperations, String model) {
		Assert.notNull(moderationOperations, "moderationOperations must not be null");
		Assert.hasText(model, "model must not be empty; use a model id such as moderation");
		this.moderationOperations = moderationOperations;
		this.model = model;
	}

	/**
	 * Moderate a text.
	 * @param prompt the text, with options that override the defaults
	 * @return one result per Z.AI verdict
	 * @throws IllegalArgumentException when the text is empty or an option is invalid
	 * @throws TransientAiException when a transient failure outlasted the retries
	 * @throws NonTransientAiException when the request failed for good
	 */
	@Override
	public ModerationResponse call(ModerationPrompt prompt) {
		Assert.notNull(prompt, "prompt must not be null");
		Assert.notNull(prompt.getInstructions(), "prompt must have a message; give the text to moderate");
		String text = prompt.getInstructions().getText();
		Assert.isTrue(text != null && !text.isBlank(), "prompt text must not be empty; give the text to moderate");
		ModerationOptions options = prompt.getOptions();
		String model = (options != null && options.getModel() != null) ? options.getModel() : this.model;
		ModerationRequest.Builder builder = ModerationRequest.builder().model(model).text(text);
		if (options instanceof ZaiModerationOptions zai && zai.getUserId() != null) {
			builder.userId(zai.getUserId());
		}
		ModerationRequest request = builder.build();
		io.github.zaispring.moderation.ModerationResponse answer = ZaiChatModel
			.await(this.moderationOperations.moderate(request), "Z.AI answered a moderation with no response");
		List<ModerationResult> results = new ArrayList<>(answer.results().size());
		for (io.github.zaispring.moderation.ModerationResult result : answer.results()) {
			results.add(ModerationResult.builder()
				.flagged(result.riskLevel() != RiskLevel.PASS)
				.categories(Categories.builder().build())
				.build());
		}
		Moderation moderation = Moderation.builder().id(answer.id()).model(model).results(results).build();
		return new ModerationResponse(new Generation(moderation, new ZaiModerationMetadata(answer)));
	}

	@Override
	public String toString() {
		return "ZaiModerationModel[model=" + this.model + "]";
	}

	/**
	 * The metadata of a Z.AI moderation: the answer as Z.AI sent it, with each result's
	 * {@code risk_level} and {@code risk_type}s.
	 *
	 * @param response the Z.AI answer
	 */
	public record ZaiModerationMetadata(
			io.github.zaispring.moderation.ModerationResponse response) implements ModerationGenerationMetadata {

	}

}
