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

package io.github.zaispring.benchmarks;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * One chat client under test, reduced to what the workloads need.
 *
 * @author zai-spring-boot contributors
 */
interface BenchClient extends AutoCloseable {

	/**
	 * Send one non-streamed request and wait for its answer.
	 * @param prompt the user message
	 * @return the text of the answer
	 */
	String call(String prompt);

	/**
	 * Send one non-streamed request without waiting.
	 * @param prompt the user message
	 * @param blockingPool threads for clients that can only block
	 * @return the text of the answer, later
	 */
	CompletableFuture<String> callAsync(String prompt, Executor blockingPool);

	/**
	 * Start one stream; returns at once, the sink hears of every content piece and of the
	 * end.
	 * @param prompt the user message
	 * @param sink receives the pieces
	 */
	void stream(String prompt, StreamSink sink);

	/**
	 * Embed texts and wait for the vectors (workload W5).
	 * @param texts the texts, any number
	 * @param dimensions the length of each vector
	 * @return one vector per text, in the order of the texts
	 */
	default List<float[]> embed(List<String> texts, int dimensions) {
		throw new UnsupportedOperationException(getClass().getSimpleName() + " does not embed");
	}

	@Override
	default void close() throws Exception {
	}

	/**
	 * Receives the content of one stream.
	 */
	interface StreamSink {

		void piece(String content);

		void complete();

		void error(Throwable ex);

	}

}
