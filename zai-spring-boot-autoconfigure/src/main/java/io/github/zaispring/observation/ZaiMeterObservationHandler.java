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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.zaispring.chat.Usage;
import io.github.zaispring.observation.ZaiChatObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler.IgnoredMeters;
import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler.FirstMatchingCompositeObservationHandler;
import io.micrometer.observation.ObservationView;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.ClientRequestObservationContext;

/**
 * Records every meter of a Z.AI observation ({@code gen_ai.client.operation}, of every
 * operation): the meters that Micrometer's {@link DefaultMeterObservationHandler} records
 * for any observation, the same names, tags and values, and the GenAI meters that a timer
 * does not give.
 * <ul>
 * <li>{@code gen_ai.client.operation}: a timer, tagged with the observation's
 * low-cardinality key values and {@code error} (the simple name of the failure's class,
 * or {@code none}), as Micrometer records it.</li>
 * <li>{@code gen_ai.client.operation.active}: a long-task timer of the calls under way,
 * unless {@link IgnoredMeters#LONG_TASK_TIMER} is ignored
 * ({@code management.metrics.observations.ignored-meters}).</li>
 * <li>{@value #TOKEN_USAGE}: a distribution summary in tokens, tagged with the
 * {@code gen_ai.operation.name}, {@code gen_ai.provider.name},
 * {@code gen_ai.request.model} and {@code gen_ai.response.model} values and
 * {@code gen_ai.token.type} = {@code input} or {@code output}, and {@code cached} (input
 * tokens served from the context cache) or {@code reasoning} (output tokens spent on
 * reasoning) when the server reports them. Cached tokens are part of the input and
 * reasoning tokens part of the output, so sum only {@code input} and {@code output} for a
 * total.</li>
 * <li>{@value #TIME_TO_FIRST_CHUNK}: a timer with the same four tags, for streams that
 * received a chunk.</li>
 * </ul>
 * It also records the HTTP exchanges of a Z.AI call, the {@code WebClient}'s observations
 * ({@code http.client.requests} in Spring Boot) whose parent is a Z.AI observation:
 * exactly the timer and long-task timer that Micrometer's handler would record for them,
 * looked up once per set of tags like the Z.AI meters. Every other observation is left to
 * the handlers after it. An application that wants its own
 * {@code MeterObservationHandler} to record those exchanges orders it ahead of
 * {@link #ORDER}.
 * <p>
 * Unlike Micrometer's handler, it looks each set of meters up in the registry once per
 * set of tags, not on every start and stop of every call; the cache is emptied whenever a
 * meter is removed from the registry. It is a {@link MeterObservationHandler}, ordered
 * just ahead of handlers without an order, so that in Spring Boot's group of meter
 * handlers (a {@link FirstMatchingCompositeObservationHandler}) it is the one that
 * records a Z.AI observation and Micrometer's handler records every other. Registered by
 * hand, it must likewise come before {@code DefaultMeterObservationHandler} in one
 * {@code FirstMatchingCompositeObservationHandler}; otherwise both record the timer.
 *
 * @author zai-spring-boot contributors
 */
public class ZaiMeterObservationHandler implements MeterObservationHandler<Observation.Context>, Ordered {

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

	/**
	 * The order of this handler: ahead of handlers without an order, such as Micrometer's
	 * {@code DefaultMeterObservationHandler} in a Spring Boot application.
	 */
	public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 100;

	private static final String ERROR_TAG = "error";

	private static final String[] MODEL_KEYS = { LowCardinalityKeyNames.OPERATION_NAME.asString(),
			LowCardinalityKeyNames.PROVIDER_NAME.asString(), LowCardinalityKeyNames.REQUEST_MODEL.asString(),
			LowCardinalityKeyNames.RESPONSE_MODEL.asString() };

	/**
	 * Bound of the meter cache: the tags are meant to be of low cardinality, but a model
	 * name may come from user input. Beyond it, meters are looked up on every call.
	 */
	private static final int MAX_CACHED = 1024;

	private final MeterRegistry registry;

	private final boolean longTaskTimer;

	/** The meters of each observation name and set of low-cardinality key values. */
	private final Map<String, Map<KeyValues, Meters>> cache = new ConcurrentHashMap<>();

	/**
	 * Create a handler that records to the given registry.
	 * @param registry the registry
	 * @param ignoredMeters the meters not to record, as for Micrometer's handler
	 */
	public ZaiMeterObservationHandler(MeterRegistry registry, IgnoredMeters... ignoredMeters) {
		Assert.notNull(registry, "'registry' must not be null");
		Assert.noNullElements(ignoredMeters, "'ignoredMeters' must not contain null");
		this.registry = registry;
		this.longTaskTimer = !Arrays.asList(ignoredMeters).contains(IgnoredMeters.LONG_TASK_TIMER);
		registry.config().onMeterRemoved((meter) -> this.cache.clear());
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ZaiObservationContext || isExchangeOfZaiCall(context);
	}

	/**
	 * Whether the context is that of an HTTP exchange of a Z.AI call. Read when the
	 * exchange starts and stops, when its parent is known.
	 */
	private static boolean isExchangeOfZaiCall(Observation.Context context) {
		ObservationView parent = context.getParentObservation();
		return context instanceof ClientRequestObservationContext && parent != null
				&& parent.getContextView() instanceof ZaiObservationContext;
	}

	@Override
	public void onStart(Observation.Context context) {
		LongTaskTimer.Sample active = this.longTaskTimer ? meters(context).active(context).start() : null;
		Timer.Sample sample = Timer.start(this.registry);
		if (context instanceof ZaiObservationContext zaiContext) {
			// in fields of the context, not in its map: this handler is their only reader
			zaiContext.activeSample = active;
			zaiContext.timerSample = sample;
		}
		else {
			if (active != null) {
				context.put(LongTaskTimer.Sample.class, active);
			}
			context.put(Timer.Sample.class, sample);
		}
	}

	@Override
	public void onStop(Observation.Context context) {
		Meters meters = meters(context);
		Throwable error = context.getError();
		Timer timer = (error != null) ? meters.failed(context, error.getClass().getSimpleName())
				: meters.succeeded(context);
		ZaiObservationContext zaiContext = (context instanceof ZaiObservationContext zai) ? zai : null;
		Timer.Sample sample = (zaiContext != null) ? zaiContext.timerSample : context.get(Timer.Sample.class);
		Assert.state(sample != null, "The observation was stopped without being started");
		sample.stop(timer);
		if (this.longTaskTimer) {
			LongTaskTimer.Sample active = (zaiContext != null) ? zaiContext.activeSample
					: context.get(LongTaskTimer.Sample.class);
			Assert.state(active != null, "The observation was stopped without being started");
			active.stop();
		}
		if (zaiContext == null) {
			return;
		}
		Usage usage = zaiContext.getUsage();
		if (usage != null) {
			record(meters, "input", usage.promptTokens());
			if (zaiContext.hasOutputTokens()) {
				record(meters, "output", usage.completionTokens());
			}
			record(meters, "cached", usage.cachedTokens());
			record(meters, "reasoning", usage.reasoningTokens());
		}
		Duration firstChunkLatency = zaiContext.getFirstChunkLatency();
		if (zaiContext.isStreaming() && firstChunkLatency != null) {
			meters.timeToFirstChunk().record(firstChunkLatency);
		}
	}

	@Override
	public void onEvent(Observation.Event event, Observation.Context context) {
		Counter.builder(context.getName() + "." + event.getName())
			.tags(meters(context).tags)
			.register(this.registry)
			.increment();
	}

	private void record(Meters meters, String tokenType, @Nullable Integer tokens) {
		if (tokens != null) {
			meters.tokens(tokenType).record(tokens);
		}
	}

	/**
	 * The meters for the context's name and low-cardinality key values as they are now.
	 */
	private Meters meters(Observation.Context context) {
		String name = context.getName();
		Assert.state(name != null, "A started observation has a name");
		Map<KeyValues, Meters> named = this.cache.get(name);
		if (named == null) {
			named = this.cache.computeIfAbsent(name, (key) -> new ConcurrentHashMap<>());
		}
		KeyValues keyValues = context.getLowCardinalityKeyValues();
		Meters meters = named.get(keyValues);
		if (meters == null) {
			meters = new Meters(this.registry, keyValues);
			if (named.size() < MAX_CACHED) {
				Meters known = named.putIfAbsent(keyValues, meters);
				meters = (known != null) ? known : meters;
			}
		}
		return meters;
	}

	/**
	 * The meters of one set of low-cardinality key values, each looked up in the registry
	 * on first use.
	 */
	private static final class Meters {

		private final MeterRegistry registry;

		private final KeyValues keyValues;

		private final Tags tags;

		private volatile @Nullable LongTaskTimer active;

		private volatile @Nullable Timer succeeded;

		private final Map<String, Timer> failed = new ConcurrentHashMap<>();

		private volatile @Nullable Tags modelTags;

		private final Map<String, DistributionSummary> tokens = new ConcurrentHashMap<>();

		private volatile @Nullable Timer timeToFirstChunk;

		Meters(MeterRegistry registry, KeyValues keyValues) {
			this.registry = registry;
			this.keyValues = keyValues;
			List<Tag> tags = new ArrayList<>();
			for (KeyValue keyValue : keyValues) {
				tags.add(Tag.of(keyValue.getKey(), keyValue.getValue()));
			}
			this.tags = Tags.of(tags);
		}

		LongTaskTimer active(Observation.Context context) {
			LongTaskTimer active = this.active;
			if (active == null) {
				active = LongTaskTimer.builder(context.getName() + ".active").tags(this.tags).register(this.registry);
				this.active = active;
			}
			return active;
		}

		Timer succeeded(Observation.Context context) {
			Timer succeeded = this.succeeded;
			if (succeeded == null) {
				succeeded = timer(context, KeyValue.NONE_VALUE);
				this.succeeded = succeeded;
			}
			return succeeded;
		}

		Timer failed(Observation.Context context, String error) {
			return this.failed.computeIfAbsent(error, (key) -> timer(context, key));
		}

		private Timer timer(Observation.Context context, String error) {
			return this.registry.timer(requireName(context), this.tags.and(ERROR_TAG, error));
		}

		DistributionSummary tokens(String tokenType) {
			return this.tokens.computeIfAbsent(tokenType,
					(type) -> DistributionSummary.builder(TOKEN_USAGE)
						.baseUnit("tokens")
						.description("Tokens used by Z.AI calls, by token type")
						.tags(modelTags().and(TOKEN_TYPE, type))
						.register(this.registry));
		}

		Timer timeToFirstChunk() {
			Timer timer = this.timeToFirstChunk;
			if (timer == null) {
				timer = Timer.builder(TIME_TO_FIRST_CHUNK)
					.description("Time from the start of a Z.AI chat stream to its first chunk")
					.tags(modelTags())
					.register(this.registry);
				this.timeToFirstChunk = timer;
			}
			return timer;
		}

		private Tags modelTags() {
			Tags modelTags = this.modelTags;
			if (modelTags == null) {
				String[] keyValues = new String[MODEL_KEYS.length * 2];
				for (int i = 0; i < MODEL_KEYS.length; i++) {
					keyValues[i * 2] = MODEL_KEYS[i];
					keyValues[i * 2 + 1] = value(MODEL_KEYS[i]);
				}
				modelTags = Tags.of(keyValues);
				this.modelTags = modelTags;
			}
			return modelTags;
		}

		private String value(String key) {
			for (KeyValue keyValue : this.keyValues) {
				if (keyValue.getKey().equals(key)) {
					return keyValue.getValue();
				}
			}
			return ErrorTypes.NONE;
		}

		private static String requireName(Observation.Context context) {
			String name = context.getName();
			Assert.state(name != null, "A started observation has a name");
			return name;
		}

	}

}
