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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * A message of a {@link ChatRequest}: a system instruction, user input (text or
 * multimodal {@link ContentPart parts}), a previous assistant turn (with its tool calls
 * and reasoning), or a tool result. Create messages with the static factories; they are
 * immutable.
 * <p>
 * Written as {@code {"role":…,"content":…,"reasoning_content":…,"tool_calls":[…],
 * "tool_call_id":…}}; unset fields are not sent, and the {@link ToolCall#index() index}
 * of tool calls is dropped because requests do not use it. Fields the API adds later can
 * be added with {@link #withExtra(String, Object)}; they are written into the message's
 * object.
 *
 * @author zai-spring-boot
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "role", "content", "reasoning_content", "tool_calls", "tool_call_id" })
public final class ChatMessage {

	private static final int TO_STRING_CONTENT_LIMIT = 40;

	private static final Set<String> TYPED_FIELDS = Set.of("role", "content", "reasoning_content", "tool_calls",
			"tool_call_id");

	private final Role role;

	private final @Nullable String content;

	private final @Nullable List<ContentPart> contentParts;

	private final @Nullable String reasoningContent;

	private final List<ToolCall> toolCalls;

	private final @Nullable String toolCallId;

	private final Map<String, Object> extra;

	private ChatMessage(Role role, @Nullable String content, @Nullable List<ContentPart> contentParts,
			@Nullable String reasoningContent, @Nullable List<ToolCall> toolCalls, @Nullable String toolCallId) {
		this(role, content, contentParts, reasoningContent, toolCalls, toolCallId, Map.of());
	}

	private ChatMessage(Role role, @Nullable String content, @Nullable List<ContentPart> contentParts,
			@Nullable String reasoningContent, @Nullable List<ToolCall> toolCalls, @Nullable String toolCallId,
			Map<String, Object> extra) {
		this.role = role;
		this.content = content;
		this.contentParts = (contentParts != null) ? List.copyOf(contentParts) : null;
		this.reasoningContent = reasoningContent;
		this.toolCalls = (toolCalls != null) ? toolCalls.stream().map(ToolCall::withoutIndex).toList() : List.of();
		this.toolCallId = toolCallId;
		this.extra = extra;
	}

	/**
	 * Return a system message.
	 * @param content the instructions
	 * @return the message
	 */
	public static ChatMessage system(String content) {
		Assert.hasText(content, "content must not be empty; a system message needs instructions");
		return new ChatMessage(Role.SYSTEM, content, null, null, null, null);
	}

	/**
	 * Return a user message with text content.
	 * @param content the user's text
	 * @return the message
	 */
	public static ChatMessage user(String content) {
		Assert.hasText(content, "content must not be empty; the API rejects empty input (error 1214)");
		return new ChatMessage(Role.USER, content, null, null, null, null);
	}

	/**
	 * Return a multimodal user message, written as an array of parts: text, images,
	 * videos, files (vision models) or audio (voice models).
	 * @param parts the parts, at least one
	 * @return the message
	 */
	public static ChatMessage user(List<ContentPart> parts) {
		Assert.notEmpty(parts, "parts must not be empty; add at least one ContentPart");
		Assert.noNullElements(parts, "parts must not contain null elements");
		return new ChatMessage(Role.USER, null, parts, null, null, null);
	}

	/**
	 * Return a multimodal user message, written as an array of parts: text, images,
	 * videos, files (vision models) or audio (voice models).
	 * @param parts the parts, at least one
	 * @return the message
	 */
	public static ChatMessage user(ContentPart... parts) {
		Assert.notNull(parts, "parts must not be null; add at least one ContentPart");
		return user(Arrays.asList(parts));
	}

	/**
	 * Return an assistant message: a previous answer of the model, sent back as history.
	 * @param content the answer text
	 * @return the message
	 */
	public static ChatMessage assistant(String content) {
		Assert.notNull(content, "content must not be null");
		return new ChatMessage(Role.ASSISTANT, content, null, null, null, null);
	}

	/**
	 * Return an assistant message that asked for tool calls, sent back as history before
	 * the {@link #tool(String, String) tool results}.
	 * @param content the answer text, may be {@code null} (not sent)
	 * @param toolCalls the tool calls the model asked for, may be {@code null} or empty
	 * @return the message
	 */
	public static ChatMessage assistant(@Nullable String content, @Nullable List<ToolCall> toolCalls) {
		return assistant(content, null, toolCalls);
	}

	/**
	 * Return an assistant message with its reasoning, for preserved thinking (GLM-4.7 and
	 * later with {@code clear_thinking=false}): send the earlier turn back unmodified.
	 * @param content the answer text, may be {@code null} (not sent)
	 * @param reasoningContent the reasoning of that turn, may be {@code null} (not sent)
	 * @param toolCalls the tool calls the model asked for, may be {@code null} or empty
	 * @return the message
	 */
	public static ChatMessage assistant(@Nullable String content, @Nullable String reasoningContent,
			@Nullable List<ToolCall> toolCalls) {
		if (toolCalls != null) {
			Assert.noNullElements(toolCalls, "toolCalls must not contain null elements");
		}
		return new ChatMessage(Role.ASSISTANT, content, null, reasoningContent, toolCalls, null);
	}

	/**
	 * Return a tool message: the result of a tool call.
	 * @param toolCallId the {@link ToolCall#id() id} of the call this answers
	 * @param content the result, usually text or JSON
	 * @return the message
	 */
	public static ChatMessage tool(String toolCallId, String content) {
		Assert.hasText(toolCallId, "toolCallId must not be empty; use the id of the ToolCall this result answers");
		Assert.notNull(content, "content must not be null; use \"\" for an empty result");
		return new ChatMessage(Role.TOOL, content, null, null, null, toolCallId);
	}

	/**
	 * Return who wrote this message.
	 * @return the role
	 */
	@JsonProperty("role")
	public Role role() {
		return this.role;
	}

	/**
	 * Return the text content.
	 * @return the text, or {@code null} for a multimodal message or an assistant message
	 * without text
	 */
	public @Nullable String content() {
		return this.content;
	}

	/**
	 * Return the parts of a multimodal user message.
	 * @return the parts, empty for a text message
	 */
	public List<ContentPart> contentParts() {
		return (this.contentParts != null) ? this.contentParts : List.of();
	}

	@JsonProperty("content")
	private @Nullable Object jsonContent() {
		return (this.contentParts != null) ? this.contentParts : this.content;
	}

	/**
	 * Return the reasoning of an assistant message.
	 * @return the reasoning, or {@code null} if not set
	 */
	@JsonProperty("reasoning_content")
	public @Nullable String reasoningContent() {
		return this.reasoningContent;
	}

	/**
	 * Return the tool calls of an assistant message.
	 * @return the tool calls (without index), never {@code null}
	 */
	@JsonProperty("tool_calls")
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public List<ToolCall> toolCalls() {
		return this.toolCalls;
	}

	/**
	 * Return the id of the tool call a tool message answers.
	 * @return the tool call id, or {@code null} for other roles
	 */
	@JsonProperty("tool_call_id")
	public @Nullable String toolCallId() {
		return this.toolCallId;
	}

	/**
	 * Return the fields written into the message's object besides the typed ones.
	 * @return the extra fields, never {@code null}, unmodifiable
	 */
	@JsonAnyGetter
	public Map<String, Object> extra() {
		return this.extra;
	}

	/**
	 * Return a copy of this message with a field the typed API does not cover yet,
	 * written into the message's object. A {@code null} value removes the field.
	 * @param name the JSON field name; must not be one of the typed fields
	 * @param value the value, anything the JSON codec can write
	 * @return a new message
	 * @throws IllegalArgumentException if the name is empty or a typed field
	 */
	public ChatMessage withExtra(String name, @Nullable Object value) {
		return new ChatMessage(this.role, this.content, this.contentParts, this.reasoningContent, this.toolCalls,
				this.toolCallId, ModelSupport.withExtra("ChatMessage", TYPED_FIELDS, this.extra, name, value));
	}

	@Override
	public boolean equals(@Nullable Object obj) {
		if (this == obj) {
			return true;
		}
		return (obj instanceof ChatMessage other) && this.role == other.role
				&& Objects.equals(this.content, other.content) && Objects.equals(this.contentParts, other.contentParts)
				&& Objects.equals(this.reasoningContent, other.reasoningContent)
				&& this.toolCalls.equals(other.toolCalls) && Objects.equals(this.toolCallId, other.toolCallId)
				&& this.extra.equals(other.extra);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.role, this.content, this.contentParts, this.reasoningContent, this.toolCalls,
				this.toolCallId, this.extra);
	}

	@Override
	public String toString() {
		List<String> fields = new ArrayList<>();
		fields.add("role=" + this.role.value());
		if (this.content != null) {
			fields.add("content=" + abbreviate(this.content));
		}
		if (this.contentParts != null) {
			fields.add("contentParts=" + this.contentParts.stream().map(ContentPart::type).toList());
		}
		if (this.reasoningContent != null) {
			fields.add("reasoningContent=" + this.reasoningContent.length() + " chars");
		}
		if (!this.toolCalls.isEmpty()) {
			fields.add("toolCalls=" + this.toolCalls.size());
		}
		if (this.toolCallId != null) {
			fields.add("toolCallId=" + this.toolCallId);
		}
		if (!this.extra.isEmpty()) {
			fields.add("extra=" + this.extra.keySet());
		}
		return "ChatMessage{" + String.join(", ", fields) + "}";
	}

	private static String abbreviate(String text) {
		return (text.length() <= TO_STRING_CONTENT_LIMIT) ? "'" + text + "'"
				: "'" + text.substring(0, TO_STRING_CONTENT_LIMIT) + "…' (" + text.length() + " chars)";
	}

}
