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

package io.github.zaispring.sample.ai;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.ai.tool.metadata.ToolMetadata;

/**
 * Lets the page show which tools the model called for an answer. Spring AI runs the tools
 * between two requests to the model and keeps their calls out of the final answer, so
 * each tool is wrapped in a callback that adds what it was asked and what it answered to
 * a list the request passes in its {@link ToolContext} under {@link #KEY}.
 *
 * @author zai-spring-boot contributors
 */
final class ToolUses {

	/**
	 * The tool context key of the {@code List<ToolUse>} that the calls are added to.
	 */
	static final String KEY = "toolUses";

	private ToolUses() {
	}

	/**
	 * Return the given tools, each wrapped so that its calls are recorded.
	 * @param tools the tools
	 * @return the wrapped tools
	 */
	static ToolCallback[] recorded(ToolCallback... tools) {
		return Arrays.stream(tools).map(Recorded::new).toArray(ToolCallback[]::new);
	}

	/**
	 * A call of a tool.
	 *
	 * @param name the tool's name
	 * @param input the arguments the model gave, as JSON
	 * @param output what the model was given back: the result as JSON, or the error
	 * message
	 */
	record ToolUse(String name, String input, String output) {

	}

	private record Recorded(ToolCallback tool) implements ToolCallback {

		@Override
		public ToolDefinition getToolDefinition() {
			return this.tool.getToolDefinition();
		}

		@Override
		public ToolMetadata getToolMetadata() {
			return this.tool.getToolMetadata();
		}

		@Override
		public String call(String input) {
			return call(input, null);
		}

		@Override
		public String call(String input, @Nullable ToolContext context) {
			try {
				String output = this.tool.call(input, context);
				record(context, input, output);
				return output;
			}
			catch (RuntimeException ex) {
				record(context, input, String.valueOf(ex.getMessage()));
				throw ex;
			}
		}

		@SuppressWarnings("unchecked")
		private void record(@Nullable ToolContext context, String input, String output) {
			if (context != null && context.getContext().get(KEY) instanceof List<?> uses) {
				((List<ToolUse>) uses).add(new ToolUse(getToolDefinition().name(), input, output));
			}
		}

	}

}
