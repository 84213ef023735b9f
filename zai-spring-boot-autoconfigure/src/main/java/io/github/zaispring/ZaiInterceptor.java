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

package io.github.zaispring;

import reactor.core.publisher.Flux;

/**
 * Wraps every call of every Z.AI endpoint, outside the concurrency limit and retries: the
 * hook through which observations, logging or auditing see each call once, from
 * subscription to its answer, failure or cancellation.
 * <p>
 * Single-answer calls and streams alike arrive as a {@link Flux}: a single answer is a
 * {@code Flux} of one element, so one implementation serves both. An interceptor must
 * return a publisher with the same elements; it may add signals around them (timing,
 * logging, Reactor context) but not change, drop or add elements.
 *
 * @author zai-spring-boot contributors
 */
@FunctionalInterface
public interface ZaiInterceptor {

	/**
	 * Wrap a call.
	 * @param <T> the type of the elements: the response of a single-answer call, or the
	 * chunks of a stream
	 * @param call the call, whose {@link ZaiCall#request() request} has the configured
	 * defaults applied
	 * @param exchange the call, which starts on subscription
	 * @return the wrapped call
	 */
	<T> Flux<T> intercept(ZaiCall call, Flux<T> exchange);

}
