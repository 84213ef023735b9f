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

package io.github.zaispring.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.zaispring.ZaiCall;
import io.github.zaispring.internal.Operation.Fold;
import org.jspecify.annotations.Nullable;
import reactor.util.context.ContextView;

import org.springframework.http.MediaType;

/**
 * The state of one call while it runs, shared by the stages of the {@link ExchangeCore}
 * and shown to interceptors as a {@link ZaiCall}: created on subscription, it spans every
 * attempt.
 *
 * @param <Q> the type of the request
 * @param <R> the type of the response or chunks
 * @author zai-spring-boot contributors
 */
final class ExchangeCall<Q, R> implements ZaiCall {

	/** Reactor context key of the attempt counter of the deprecated chat interceptors. */
	static final String ATTEMPTS_CONTEXT_KEY = "io.github.zaispring.chat.ZaiChatInterceptor.attempts";

	private final Operation<Q, R> operation;

	private final Q request;

	private final byte[] body;

	private final @Nullable MediaType contentType;

	private final @Nullable String model;

	private final String serverAddress;

	private final ExchangeCore.Timeouts timeouts;

	private final @Nullable Fold<R> fold;

	private final long startNanos = System.nanoTime();

	private final AtomicInteger attempts = new AtomicInteger();

	private volatile int elements;

	private volatile @Nullable Object last;

	private volatile long firstElementNanos;

	ExchangeCall(Operation<Q, R> operation, Q request, byte[] body, @Nullable MediaType contentType,
			String serverAddress, ExchangeCore.Timeouts timeouts) {
		this.operation = operation;
		this.request = request;
		this.body = body;
		this.contentType = contentType;
		this.model = operation.model().apply(request);
		this.serverAddress = serverAddress;
		this.timeouts = timeouts;
		Operation.@Nullable Fold<R> fold = null;
		if (operation.fold() != null) {
			fold = operation.fold().get();
		}
		this.fold = fold;
	}

	Operation<Q, R> operation() {
		return this.operation;
	}

	byte[] body() {
		return this.body;
	}

	/**
	 * Return the content type of a body that is not JSON, or {@code null} for JSON.
	 */
	@Nullable MediaType contentType() {
		return this.contentType;
	}

	ExchangeCore.Timeouts timeouts() {
		return this.timeouts;
	}

	@Nullable String requestId() {
		return this.operation.requestId().apply(this.request);
	}

	/**
	 * Return the key of the concurrency limit: the model, or {@code none} when the
	 * request names none, the value the observation's model tags and the limiter's meters
	 * show for it.
	 */
	String limitKey() {
		return (this.model != null) ? this.model : "none";
	}

	void countAttempt(ContextView context) {
		this.attempts.incrementAndGet();
		Object legacy = context.getOrDefault(ATTEMPTS_CONTEXT_KEY, null);
		if (legacy instanceof AtomicInteger counter) {
			counter.incrementAndGet();
		}
	}

	/**
	 * Record an element on its way to the subscriber.
	 */
	void record(R element) {
		if (this.elements++ == 0) {
			this.firstElementNanos = System.nanoTime();
		}
		if (this.fold != null) {
			this.fold.add(element);
		}
		else {
			this.last = element;
		}
	}

	int elements() {
		return this.elements;
	}

	@Override
	public String operationName() {
		return this.operation.name();
	}

	@Override
	public Q request() {
		return this.request;
	}

	@Override
	public @Nullable String model() {
		return this.model;
	}

	@Override
	public boolean streaming() {
		return this.operation.streaming();
	}

	@Override
	public String serverAddress() {
		return this.serverAddress;
	}

	@Override
	public Map<String, String> headers() {
		return this.operation.headers().apply(this.request);
	}

	@Override
	public int attempts() {
		return this.attempts.get();
	}

	@Override
	public @Nullable Object result() {
		if (this.elements == 0) {
			return null;
		}
		return (this.fold != null) ? this.fold.result() : this.last;
	}

	@Override
	public @Nullable Duration firstElementLatency() {
		return (this.elements != 0) ? Duration.ofNanos(this.firstElementNanos - this.startNanos) : null;
	}

	@Override
	public String toString() {
		return "ZaiCall[" + this.operation.name() + " " + this.operation.path() + ", model=" + this.model
				+ ", streaming=" + this.operation.streaming() + ", attempts=" + this.attempts.get() + "]";
	}

}
