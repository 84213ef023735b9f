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

package io.github.zaispring.observation;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.zaispring.chat.Usage;
import io.github.zaispring.observation.ZaiChatObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Records the GenAI meters that the timer of a chat observation does not give: token
 * usage and, for streams, the time to the first chunk.
 * <p>
 * Meters, tagged with the {@code gen_ai.operation.name}, {@code gen_ai.provider.name},
 * {@code gen_ai.request.model} and {@code gen_ai.response.model} values of the
 * observation's convention:
 * <ul>
 * <li>{@value #TOKEN_USAGE}: a distribution summary in tokens, tagged
 * {@code gen_ai.token.type} = {@code input} or {@code output}, and {@code cached} (input
 * tokens served from the context cache) or {@code reasoning} (output tokens spent on
 * reasoning) when the server reports them. Cached tokens are part of the input and
 * reasoning tokens part of the output, so sum only {@code input} and {@code output} for a
 * total.</li>
 * <li>{@value #TIME_TO_FIRST_CHUNK}: a timer, for streams that received a chunk.</li>
 * </ul>
 * Register it with the {@code ObservationRegistry} next to Micrometer's
 * {@code DefaultMeterObservationHandler}, which records the observation's timer. It is a
 * plain {@link ObservationHandler}, not a {@code MeterObservationHandler}, so that it
 * does not compete with that handler when handlers are grouped.
 *
 * @author zai-spring-boot contributors
 */
public class ZaiChatMeterObservationHandler implements ObservationHandler<ZaiObservationContext> {

	/**
	 * The name of the token usage summary.
	 */
	public static final String TOKEN_USAGE = "gen_ai.client.token.usage";

	/**
	 * The name of the time-to-first-chunk timer.
	 */
	public static final String TIME_TO_FIRST_CHUNK = "gen_ai.client.operation.time_to_first_chunk";

	/**
	 * The tag that says which tokens a usage sample counts.
	 */
	public static final String TOKEN_TYPE = "gen_ai.token.type";

	private static final String NONE = ErrorTypes.NONE;

	private static final LowCardinalityKeyNames[] MODEL_KEYS = { LowCardinalityKeyNames.OPERATION_NAME,
			LowCardinalityKeyNames.PROVIDER_NAME, LowCardinalityKeyNames.REQUEST_MODEL,
			LowCardinalityKeyNames.RESPONSE_MODEL };

	/**
	 * Bound of the tag cache: the tags are meant to be of low cardinality, but a model
	 * name may come from user input.
	 */
	private static final int MAX_CACHED_MODELS = 256;

	private final Map<ModelKey, ModelTags> tagsByModel = new ConcurrentHashMap<>();

	private final Meter.MeterProvider<DistributionSummary> tokenUsage;

	private final Meter.MeterProvider<Timer> timeToFirstChunk;

	/**
	 * Create a handler that records to the given registry.
	 * @param meterRegistry the registry
	 */
	public ZaiChatMeterObservationHandler(MeterRegistry meterRegistry) {
		Assert.notNull(meterRegistry, "'meterRegistry' must not be null");
		// Builders are made once; a stream's stop only looks its meters up by tags.
		this.tokenUsage = DistributionSummary.builder(TOKEN_USAGE)
			.baseUnit("tokens")
			.description("Tokens used by Z.AI calls, by token type")
			.withRegistry(meterRegistry);
		this.timeToFirstChunk = Timer.builder(TIME_TO_FIRST_CHUNK)
			.description("Time from the start of a Z.AI chat stream to its first chunk")
			.withRegistry(meterRegistry);
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ZaiObservationContext;
	}

	@Override
	public void onStop(ZaiObservationContext context) {
		ModelTags tags = modelTags(context);
		Usage usage = context.getUsage();
		if (usage != null) {
			record(tags.input, usage.promptTokens());
			if (context.hasOutputTokens()) {
				record(tags.output, usage.completionTokens());
			}
			record(tags.cached, usage.cachedTokens());
			record(tags.reasoning, usage.reasoningTokens());
		}
		Duration firstChunkLatency = context.getFirstChunkLatency();
		if (context.isStreaming() && firstChunkLatency != null) {
			this.timeToFirstChunk.withTags(tags.model).record(firstChunkLatency);
		}
	}

	private void record(Tags tags, @Nullable Integer tokens) {
		if (tokens != null) {
			this.tokenUsage.withTags(tags).record(tokens);
		}
	}

	private ModelTags modelTags(ZaiObservationContext context) {
		String[] values = new String[MODEL_KEYS.length];
		for (int i = 0; i < MODEL_KEYS.length; i++) {
			KeyValue keyValue = context.getLowCardinalityKeyValue(MODEL_KEYS[i].asString());
			values[i] = (keyValue != null) ? keyValue.getValue() : NONE;
		}
		ModelKey key = new ModelKey(values[0], values[1], values[2], values[3]);
		ModelTags tags = this.tagsByModel.get(key);
		if (tags == null) {
			tags = new ModelTags(values);
			if (this.tagsByModel.size() < MAX_CACHED_MODELS) {
				this.tagsByModel.putIfAbsent(key, tags);
			}
		}
		return tags;
	}

	/**
	 * The values of {@link #MODEL_KEYS}.
	 */
	private record ModelKey(String operation, String provider, String requestModel, String responseModel) {

	}

	/**
	 * The tags of one model's meters, built once: building {@link Tags} sorts them.
	 */
	private static final class ModelTags {

		private final Tags model;

		private final Tags input;

		private final Tags output;

		private final Tags cached;

		private final Tags reasoning;

		ModelTags(String[] values) {
			String[] keyValues = new String[MODEL_KEYS.length * 2];
			for (int i = 0; i < MODEL_KEYS.length; i++) {
				keyValues[i * 2] = MODEL_KEYS[i].asString();
				keyValues[i * 2 + 1] = values[i];
			}
			this.model = Tags.of(keyValues);
			this.input = this.model.and(TOKEN_TYPE, "input");
			this.output = this.model.and(TOKEN_TYPE, "output");
			this.cached = this.model.and(TOKEN_TYPE, "cached");
			this.reasoning = this.model.and(TOKEN_TYPE, "reasoning");
		}

	}

}
