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

import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Logs one line per exchange with Z.AI at DEBUG, under the category
 * {@code io.github.zaispring.http}: the model, the HTTP status, the time to the response
 * headers, the request id and the attempt. Never headers, so never the key; bodies are
 * logged by the client only when asked to. Costs nothing when DEBUG is off.
 *
 * @author zai-spring-boot contributors
 */
public final class ExchangeLogging implements ExchangeFilterFunction {

	/** Category of the exchange log. */
	public static final String CATEGORY = "io.github.zaispring.http";

	/** Request attribute holding the call the exchange is an attempt of. */
	static final String CALL_ATTRIBUTE = ExchangeLogging.class.getName() + ".call";

	private static final Log logger = LogFactory.getLog(CATEGORY);

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		if (!logger.isDebugEnabled()) {
			return next.exchange(request);
		}
		return Mono.defer(() -> {
			long start = System.nanoTime();
			String exchange = describe(request);
			return next.exchange(request)
				.doOnNext((response) -> logger.debug(
						exchange + " -> HTTP " + response.statusCode().value() + " in " + elapsedMillis(start) + "ms"))
				.doOnError((ex) -> logger.debug(exchange + " -> " + ex.getClass().getSimpleName() + " after "
						+ elapsedMillis(start) + "ms: " + ex.getMessage()));
		});
	}

	private static String describe(ClientRequest request) {
		Object attribute = request.attribute(CALL_ATTRIBUTE).orElse(null);
		String description = "Z.AI " + request.method() + " " + request.url().getPath();
		if (!(attribute instanceof ExchangeCall<?, ?> call)) {
			return description;
		}
		String model = call.model();
		String requestId = call.requestId();
		return description + " model=" + ((model != null) ? model : "-") + " request-id="
				+ ((requestId != null) ? requestId : "-") + " attempt=" + Math.max(1, call.attempts());
	}

	private static long elapsedMillis(long startNanos) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
	}

}
