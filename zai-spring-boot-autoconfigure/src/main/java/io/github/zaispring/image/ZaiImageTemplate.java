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

package io.github.zaispring.image;

import java.util.Map;

import io.github.zaispring.ZaiException;
import io.github.zaispring.internal.ClientBuilder;
import io.github.zaispring.internal.ExchangeCore;
import io.github.zaispring.internal.ExchangeCore.Timeouts;
import io.github.zaispring.internal.Operation;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;

/**
 * The Z.AI image generation client ({@code POST /images/generations}) on the shared
 * exchange core: retries, the concurrency limit, timeouts, typed errors, observation
 * ({@code gen_ai.operation.name} {@code image_generation}) and exchange logging apply as
 * to chat.
 * <p>
 * Auto-configured by the starter from {@code zai.*} properties; outside Spring Boot,
 * build one with {@link #builder()}, sharing the chat template's core: <pre class="code">
 * ZaiImageTemplate images = ZaiImageTemplate.builder()
 *     .exchangeCore(chatTemplate.exchangeCore())
 *     .build();
 * </pre> A template is thread-safe and meant to be shared.
 *
 * @author zai-spring-boot contributors
 */
public class ZaiImageTemplate implements ZaiImageOperations, AutoCloseable {

	/** The model of requests that name none, unless configured otherwise. */
	public static final String DEFAULT_MODEL = "cogview-4-250304";

	private static final Operation<ImageRequest, ImageResponse> GENERATE = new Operation<>("image_generation",
			HttpMethod.POST, "/images/generations", ImageResponse.class, false, ImageRequest::model, (request) -> null,
			(request) -> Map.of(), null);

	private final ExchangeCore core;

	private final String defaultModel;

	private final boolean ownsCore;

	ZaiImageTemplate(Builder builder, ExchangeCore core, boolean ownsCore) {
		this.core = core;
		this.defaultModel = builder.defaultModel;
		this.ownsCore = ownsCore;
	}

	/**
	 * Create a builder of a template.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public Mono<ImageResponse> generate(ImageRequest request) {
		Assert.notNull(request, "request must not be null");
		ImageRequest wireRequest = (request.model() != null) ? request : request.withModel(this.defaultModel);
		return this.core.call(GENERATE, wireRequest, Timeouts.DEFAULTS);
	}

	@Override
	public Mono<String> generate(String prompt) {
		Assert.hasText(prompt, "prompt must not be empty; describe the image to generate");
		return generate(ImageRequest.builder().prompt(prompt).build()).handle((response, sink) -> {
			String url = response.images().isEmpty() ? null : response.images().get(0).url();
			if (url == null || url.isBlank()) {
				sink.error(new ZaiException("Z.AI answered the image request without an image"
						+ (response.contentFilter().isEmpty() ? "" : "; content filter: " + response.contentFilter()),
						200, null, null, null));
				return;
			}
			sink.next(url);
		});
	}

	/**
	 * Return the exchange core of this template.
	 * @return the core
	 */
	public ExchangeCore exchangeCore() {
		return this.core;
	}

	/**
	 * Release the connection pool this template created. Does nothing when the core was
	 * given to the builder.
	 */
	@Override
	public void close() {
		if (this.ownsCore) {
			this.core.close();
		}
	}

	@Override
	public String toString() {
		return "ZaiImageTemplate[baseUrl=" + this.core.baseUrl() + ", defaultModel=" + this.defaultModel + "]";
	}

	/**
	 * Builder of a {@link ZaiImageTemplate}: the connection, resilience and logging
	 * settings every Z.AI client shares (or a shared {@link #exchangeCore(ExchangeCore)
	 * core}), and the default model.
	 */
	public static final class Builder extends ClientBuilder<Builder> {

		private String defaultModel = DEFAULT_MODEL;

		Builder() {
		}

		/**
		 * Set the model of requests that name none. Defaults to
		 * {@value ZaiImageTemplate#DEFAULT_MODEL}.
		 * @param model the model id, such as {@code cogview-4-250304} or
		 * {@code glm-image}
		 * @return this builder
		 */
		public Builder defaultModel(String model) {
			Assert.hasText(model, "defaultModel must not be empty; use a model id such as " + DEFAULT_MODEL);
			this.defaultModel = model;
			return this;
		}

		/**
		 * Build the template.
		 * @return a new template
		 * @throws IllegalArgumentException when no API key or core was given
		 */
		public ZaiImageTemplate build() {
			return new ZaiImageTemplate(this, buildCore(), !sharesCore());
		}

	}

}
