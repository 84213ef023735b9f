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
import java.util.stream.Collectors;

import io.github.zaispring.image.ImageRequest;
import io.github.zaispring.image.ZaiImageOperations;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.image.Image;
import org.springframework.ai.image.ImageGeneration;
import org.springframework.ai.image.ImageMessage;
import org.springframework.ai.image.ImageModel;
import org.springframework.ai.image.ImageOptions;
import org.springframework.ai.image.ImagePrompt;
import org.springframework.ai.image.ImageResponse;
import org.springframework.ai.image.ImageResponseMetadata;
import org.springframework.ai.image.observation.DefaultImageModelObservationConvention;
import org.springframework.ai.image.observation.ImageModelObservationContext;
import org.springframework.ai.image.observation.ImageModelObservationConvention;
import org.springframework.ai.image.observation.ImageModelObservationDocumentation;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.retry.TransientAiException;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * A Spring AI {@link ImageModel} for Z.AI's image models, on a
 * {@link ZaiImageOperations}.
 * <p>
 * The texts of the prompt's messages, joined by new lines, are the prompt. Of Spring AI's
 * {@link ImageOptions}: the model is sent as is; width and height, set together, become
 * the size {@code WIDTHxHEIGHT}, checked against the model's sizes; {@code n} may only be
 * 1 and {@code responseFormat} only {@code url}, since Z.AI generates one image per
 * request and answers its URL; a style is refused, Z.AI has none. {@link ZaiImageOptions}
 * adds quality, the end user's id and the watermark. Invalid options fail with an
 * {@link IllegalArgumentException} naming the option and what is valid, before any
 * request.
 * <p>
 * The response has an {@link Image} per URL (no base64), and metadata with the creation
 * time and, under {@value #CONTENT_FILTER}, the content filter's verdicts when Z.AI gave
 * any. Each call is one observation with an {@link ImageModelObservationContext}.
 * Failures are Spring AI's {@link TransientAiException} or
 * {@link NonTransientAiException}, with the Z.AI exception as the cause, as for
 * {@link ZaiChatModel}.
 *
 * @author zai-spring-boot contributors
 */
public class ZaiImageModel implements ImageModel {

	/**
	 * Key of the content filter's verdicts in the response metadata: a list of
	 * {@link io.github.zaispring.image.ImageResponse.ContentFilter}.
	 */
	public static final String CONTENT_FILTER = "content_filter";

	private static final ImageModelObservationConvention DEFAULT_CONVENTION = new DefaultImageModelObservationConvention();

	private final ZaiImageOperations imageOperations;

	private final String model;

	private final ObservationRegistry observationRegistry;

	private @Nullable ImageModelObservationConvention observationConvention;

	/**
	 * Create a model.
	 * @param imageOperations the Z.AI image client
	 * @param model the model of requests that name none, for example
	 * {@code cogview-4-250304}
	 * @param observationRegistry the registry of the calls' observations
	 */
	public ZaiImageModel(ZaiImageOperations imageOperations, String model, ObservationRegistry observationRegistry) {
		Assert.notNull(imageOperations, "imageOperations must not be null");
		Assert.hasText(model, "model must not be empty; use a model id such as cogview-4-250304");
		Assert.notNull(observationRegistry, "observationRegistry must not be null; use ObservationRegistry.NOOP");
		this.imageOperations = imageOperations;
		this.model = model;
		this.observationRegistry = observationRegistry;
	}

	/**
	 * Use the given convention for the observations of the calls instead of Spring AI's
	 * default one.
	 * @param observationConvention the convention
	 */
	public void setObservationConvention(ImageModelObservationConvention observationConvention) {
		Assert.notNull(observationConvention, "observationConvention must not be null");
		this.observationConvention = observationConvention;
	}

	/**
	 * Generate an image.
	 * @param prompt the description, with options that override the defaults
	 * @return the image's URL with the response metadata
	 * @throws IllegalArgumentException when an option is invalid
	 * @throws TransientAiException when a transient failure outlasted the retries
	 * @throws NonTransientAiException when the request failed for good
	 */
	@Override
	public ImageResponse call(ImagePrompt prompt) {
		Assert.notNull(prompt, "prompt must not be null");
		ImageRequest request = toRequest(prompt);
		ImageModelObservationContext context = ImageModelObservationContext.builder()
			.imagePrompt(prompt)
			.provider(ZaiChatModel.PROVIDER)
			.build();
		Observation observation = ImageModelObservationDocumentation.IMAGE_MODEL_OPERATION
			.observation(this.observationConvention, DEFAULT_CONVENTION, () -> context, this.observationRegistry);
		return observation.observe(() -> {
			io.github.zaispring.image.ImageResponse answer = ZaiChatModel.await(
					this.imageOperations.generate(request)
						.contextWrite((reactorContext) -> ZaiChatModel.observedBy(reactorContext, observation)),
					"Z.AI answered an image request with no response");
			List<ImageGeneration> generations = new ArrayList<>(answer.images().size());
			for (io.github.zaispring.image.ImageResponse.Image image : answer.images()) {
				generations.add(new ImageGeneration(new Image(image.url(), null)));
			}
			ImageResponseMetadata metadata = (answer.created() != null) ? new ImageResponseMetadata(answer.created())
					: new ImageResponseMetadata();
			if (!answer.contentFilter().isEmpty()) {
				metadata.put(CONTENT_FILTER, answer.contentFilter());
			}
			ImageResponse response = new ImageResponse(generations, metadata);
			context.setResponse(response);
			return response;
		});
	}

	private ImageRequest toRequest(ImagePrompt prompt) {
		List<ImageMessage> messages = prompt.getInstructions();
		Assert.notEmpty(messages, "prompt must have a message; describe the image to generate");
		String text = messages.stream()
			.map(ImageMessage::getText)
			.filter(StringUtils::hasText)
			.collect(Collectors.joining("\n"));
		Assert.hasText(text, "prompt must not be empty; describe the image to generate");
		ImageOptions options = prompt.getOptions();
		ImageRequest.Builder builder = ImageRequest.builder().prompt(text).model(this.model);
		if (options != null) {
			if (options.getModel() != null) {
				builder.model(options.getModel());
			}
			Integer n = options.getN();
			Assert.isTrue(n == null || n == 1,
					() -> "n must be 1 or unset: Z.AI generates one image per request, but was " + n);
			String format = options.getResponseFormat();
			Assert.isTrue(format == null || "url".equals(format),
					() -> "responseFormat must be url or unset: Z.AI answers the image's URL only, but was '" + format
							+ "'");
			Assert.isTrue(options.getStyle() == null,
					() -> "style must be unset: Z.AI has no image styles; describe the style in the prompt, but was '"
							+ options.getStyle() + "'");
			Integer width = options.getWidth();
			Integer height = options.getHeight();
			Assert.isTrue((width == null) == (height == null), () -> "width and height must be set together, such as "
					+ "1024 and 1024, or both unset for the model's default, but were " + width + " and " + height);
			if (width != null && height != null) {
				builder.size(width + "x" + height);
			}
			if (options instanceof ZaiImageOptions zai) {
				builder.quality(zai.getQuality()).userId(zai.getUserId()).watermark(zai.getWatermark());
			}
		}
		return builder.build();
	}

	@Override
	public String toString() {
		return "ZaiImageModel[model=" + this.model + "]";
	}

}
