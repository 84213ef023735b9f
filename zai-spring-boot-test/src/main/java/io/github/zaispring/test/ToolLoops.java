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

package io.github.zaispring.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.jspecify.annotations.Nullable;

/**
 * The tool loops a {@link ZaiMockServer} goes round: answers scripted with
 * {@link ZaiReply#onToolResult(ZaiReply)} wait here, oldest first, from the moment their
 * tool calls are sent until a request brings the results of every one of those calls.
 *
 * @author zai-spring-boot contributors
 */
final class ToolLoops {

	private final Queue<ToolLoop> waiting = new ConcurrentLinkedQueue<>();

	/**
	 * Note a reply that was sent: if it scripts an answer to its tool results, that
	 * answer now waits for them.
	 * @param reply the reply sent
	 */
	void sent(ZaiReply reply) {
		ZaiReply next = reply.settings().onToolResult;
		if (next != null) {
			this.waiting.add(new ToolLoop(reply.toolCallIds(), next));
		}
	}

	/**
	 * Claim the oldest waiting answer whose tool results the request brings, if any.
	 * @param request the request
	 * @return the answer, or {@code null} when the request goes round no loop
	 */
	@Nullable ZaiReply answer(ReceivedRequest request) {
		if (this.waiting.isEmpty()) {
			return null;
		}
		Map<String, String> results = request.toolResults();
		if (results.isEmpty()) {
			return null;
		}
		for (ToolLoop loop : this.waiting) {
			// remove() decides between two requests bringing the same results at once
			if (results.keySet().containsAll(loop.callIds()) && this.waiting.remove(loop)) {
				return loop.answer();
			}
		}
		return null;
	}

	/**
	 * Return the ids of the tool calls whose results are still awaited.
	 * @return the call ids, oldest first
	 */
	List<String> awaitedCallIds() {
		List<String> ids = new ArrayList<>();
		this.waiting.forEach((loop) -> ids.addAll(loop.callIds()));
		return List.copyOf(ids);
	}

	/**
	 * Forget every waiting loop.
	 */
	void clear() {
		this.waiting.clear();
	}

	private record ToolLoop(List<String> callIds, ZaiReply answer) {

	}

}
