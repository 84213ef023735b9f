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

package io.github.zaispring.rerank;

import java.util.List;
import java.util.Map;

import io.github.zaispring.internal.ClientBuilder;
import io.github.zaispring.internal.ExchangeCore;
import io.github.zaispring.internal.ExchangeCore.Timeouts;
import io.github.zaispring.internal.Operation;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;

/**
 * The Z.AI rerank client: sends {@code POST /rerank} with the configured model on an
 * exchange core, so that retries, the concurrency limit (keyed by the model), timeouts,
 * typed errors, observation and exchange logging apply as they do to chat. Results come
 * back best first.
 * <p>
 * Auto-configured by the starter on the application's shared core; outside Spring Boot,
 * build one with {@link #builder()}: <pre class="code">
 * ZaiRerankTemplate rerank = ZaiRerankTemplate.builder()
 *     .exchangeCore(chatTemplate.exchangeCore())
 *     .build();
 * </pre> A template is thread-safe and meant to be shared. A template that created its
 * own exchange core releases it on {@link #close()}; a shared core is left to its owner.
 *
 * @author zai-spring-boot contributors
 */
public class ZaiRerankTemplate implements ZaiRerankOperations, AutoCloseable {

	private static final Operation<RerankRequest, RerankResponse> RERANK = new Operation<>("rerank", HttpMethod.POST,
			"/rerank", RerankResponse.class, false, RerankRequest::model, RerankRequest::requestId,
			(request) -> Map.of(), null);

	private final ExchangeCore core;

	private final String model;

	private final boolean ownsCore;

	ZaiRerankTemplate(Builder builder, ExchangeCore core, boolean ownsCore) {
		this.core = core;
		this.model = builder.model;
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
	public Mono<RerankResponse> rerank(RerankRequest request) {
		Assert.notNull(request, "request must not be null");
		RerankRequest withModel = (request.model() != null) ? request : request.mutate().model(this.model).build();
		return this.core.call(RERANK, withModel, Timeouts.DEFAULTS);
	}

	@Override
	public Mono<RerankResponse> rerank(String query, List<String> documents) {
		return rerank(RerankRequest.builder().query(query).documents(documents).build());
	}

	/**
	 * Release the exchange core this template created. Does nothing when the core is
	 * shared.
	 */
	@Override
	public void close() {
		if (this.ownsCore) {
			this.core.close();
		}
	}

	@Override
	public String toString() {
		return "ZaiRerankTemplate[baseUrl=" + this.core.baseUrl() + ", model=" + this.model + "]";
	}

	/**
	 * Builder of a {@link ZaiRerankTemplate}: the connection, resilience and logging
	 * settings every Z.AI client shares (or a shared {@link #exchangeCore(ExchangeCore)
	 * core}), and the default model.
	 */
	public static final class Builder extends ClientBuilder<Builder> {

		private String model = "rerank";

		Builder() {
		}

		/**
		 * Set the model of requests that name none. Defaults to {@code rerank}, the only
		 * documented one.
		 * @param model the model id
		 * @return this builder
		 */
		public Builder defaultModel(String model) {
			Assert.isTrue(model != null && !model.isBlank(),
					"defaultModel must not be empty; use a model id such as rerank");
			this.model = model;
			return this;
		}

		/**
		 * Build the template.
		 * @return a new template
		 * @throws IllegalArgumentException when no API key and no shared core was given
		 */
		public ZaiRerankTemplate build() {
			return new ZaiRerankTemplate(this, buildCore(), !sharesCore());
		}

	}

}
