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

package io.github.zaispring.chat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Folds the chunks of a stream into one {@link ChatCompletion} as they arrive, without
 * keeping the chunks: content and reasoning are concatenated per choice, tool calls are
 * merged by their {@code index} (also when {@code tool_stream} sends their arguments in
 * pieces), the finish reason (with its wire value) and usage come from the last chunk
 * that has them, and the web search results of all chunks are collected in the order
 * received, each result once (whether the server sends them in one chunk or repeats
 * them).
 * <p>
 * Not thread-safe: feed it from one stream, for example with
 * {@code flux.doOnNext(accumulator::add)}.
 *
 * @author zai-spring-boot contributors
 * @see ChatCompletion#fromChunks(List)
 */
public final class ChatCompletionAccumulator {

	private @Nullable String id;

	private @Nullable Long created;

	private @Nullable String model;

	private @Nullable Usage usage;

	private @Nullable LinkedHashSet<WebSearchResult> webSearch;

	private final Map<Integer, ChoiceFolder> choices = new TreeMap<>();

	// Z.AI streams one choice: its folder is kept at hand, sparing a map lookup per chunk
	private @Nullable ChoiceFolder firstChoice;

	private int chunkCount;

	/**
	 * Add the next chunk of the stream.
	 * @param chunk the chunk
	 * @return this accumulator
	 */
	public ChatCompletionAccumulator add(ChatCompletionChunk chunk) {
		Assert.notNull(chunk, "chunk must not be null");
		this.chunkCount++;
		if (this.id == null) {
			this.id = chunk.id();
		}
		if (this.created == null) {
			this.created = chunk.created();
		}
		if (this.model == null) {
			this.model = chunk.model();
		}
		if (chunk.usage() != null) {
			this.usage = chunk.usage();
		}
		if (!chunk.webSearch().isEmpty()) {
			if (this.webSearch == null) {
				this.webSearch = new LinkedHashSet<>();
			}
			this.webSearch.addAll(chunk.webSearch());
		}
		for (ChunkChoice choice : chunk.choices()) {
			folderOf(choice.index()).add(choice);
		}
		return this;
	}

	private ChoiceFolder folderOf(int index) {
		if (index == 0 && this.firstChoice != null) {
			return this.firstChoice;
		}
		ChoiceFolder folder = this.choices.computeIfAbsent(index, (key) -> new ChoiceFolder());
		if (index == 0) {
			this.firstChoice = folder;
		}
		return folder;
	}

	/**
	 * Return how many chunks were added.
	 * @return the number of chunks
	 */
	public int chunkCount() {
		return this.chunkCount;
	}

	/**
	 * Return the completion folded from the chunks added so far. Can be called at any
	 * time, for instance to see what a failed stream delivered.
	 * @return the folded completion; its {@code requestId} is {@code null} since chunks
	 * do not carry it
	 */
	public ChatCompletion toCompletion() {
		List<Choice> folded = new ArrayList<>(this.choices.size());
		this.choices.forEach((index, folder) -> folded.add(folder.toChoice(index)));
		return new ChatCompletion(this.id, null, this.created, this.model, folded, this.usage,
				(this.webSearch != null) ? new ArrayList<>(this.webSearch) : null);
	}

	/**
	 * Accumulates the fragments of one choice.
	 */
	private static final class ChoiceFolder {

		private @Nullable String role;

		private @Nullable StringBuilder content;

		private @Nullable StringBuilder reasoning;

		private @Nullable FinishReason finishReason;

		private @Nullable String finishReasonValue;

		private final TreeMap<Integer, ToolCallFolder> toolCalls = new TreeMap<>();

		private @Nullable Integer lastToolCallKey;

		void add(ChunkChoice choice) {
			Delta delta = choice.delta();
			if (this.role == null) {
				this.role = delta.role();
			}
			if (delta.content() != null) {
				this.content = append(this.content, delta.content());
			}
			if (delta.reasoningContent() != null) {
				this.reasoning = append(this.reasoning, delta.reasoningContent());
			}
			for (ToolCall fragment : delta.toolCalls()) {
				int key = keyOf(fragment);
				this.toolCalls.computeIfAbsent(key, (k) -> new ToolCallFolder()).add(fragment);
				this.lastToolCallKey = key;
			}
			if (choice.finishReason() != null) {
				this.finishReason = choice.finishReason();
				this.finishReasonValue = choice.finishReasonValue();
			}
		}

		private static StringBuilder append(@Nullable StringBuilder builder, String text) {
			return ((builder != null) ? builder : new StringBuilder()).append(text);
		}

		/**
		 * Fragments carry an index; one without (not seen on the wire) continues the last
		 * call unless it starts a new one with an id of its own.
		 */
		private int keyOf(ToolCall fragment) {
			if (fragment.index() != null) {
				return fragment.index();
			}
			if (this.lastToolCallKey == null) {
				return 0;
			}
			ToolCallFolder last = this.toolCalls.get(this.lastToolCallKey);
			boolean startsNewCall = fragment.id() != null && last.id != null && !fragment.id().equals(last.id);
			return startsNewCall ? this.toolCalls.lastKey() + 1 : this.lastToolCallKey;
		}

		Choice toChoice(int index) {
			List<ToolCall> calls = new ArrayList<>(this.toolCalls.size());
			this.toolCalls.forEach((key, folder) -> calls.add(folder.toToolCall(key)));
			String role = (this.role != null) ? this.role : "assistant";
			ChatCompletionMessage message = new ChatCompletionMessage(role,
					(this.content != null) ? this.content.toString() : null,
					(this.reasoning != null) ? this.reasoning.toString() : null, calls);
			return new Choice(index, message, this.finishReason, this.finishReasonValue);
		}

	}

	/**
	 * Accumulates the fragments of one tool call.
	 */
	private static final class ToolCallFolder {

		private @Nullable String id;

		private @Nullable String type;

		private @Nullable String name;

		private final StringBuilder arguments = new StringBuilder();

		void add(ToolCall fragment) {
			if (this.id == null) {
				this.id = fragment.id();
			}
			if (this.type == null) {
				this.type = fragment.type();
			}
			FunctionCall function = fragment.function();
			if (function != null) {
				if (this.name == null && function.name() != null && !function.name().isEmpty()) {
					this.name = function.name();
				}
				this.arguments.append(function.arguments());
			}
		}

		ToolCall toToolCall(int index) {
			FunctionCall function = (this.name != null || !this.arguments.isEmpty())
					? new FunctionCall(this.name, this.arguments.toString()) : null;
			return new ToolCall(this.id, (this.type != null) ? this.type : "function", index, function);
		}

	}

}
