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

package io.github.zaispring.ai;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.github.zaispring.chat.ChatMessage;
import io.github.zaispring.chat.ChatRequest;
import io.github.zaispring.chat.ContentPart;
import io.github.zaispring.chat.Tool;
import io.github.zaispring.chat.ToolCall;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.content.Media;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.ai.util.json.JsonParser;
import org.springframework.util.Assert;
import org.springframework.util.MimeType;
import org.springframework.util.StringUtils;

/**
 * Turns a Spring AI {@link Prompt} into a Z.AI {@link ChatRequest}: exactly the messages
 * the prompt holds, its options, and the definitions of its tool callbacks.
 *
 * @author zai-spring-boot contributors
 */
final class PromptMapper {

	private final ToolCallingManager toolCallingManager;

	PromptMapper(ToolCallingManager toolCallingManager) {
		this.toolCallingManager = toolCallingManager;
	}

	/**
	 * Map a prompt.
	 * @param prompt the prompt
	 * @param options the options of the call, defaults already merged
	 * @param streaming whether the call is streamed ({@code tool_stream} is sent only
	 * then)
	 * @return the request
	 */
	ChatRequest toRequest(Prompt prompt, ZaiChatOptions options, boolean streaming) {
		ChatRequest.Builder builder = ChatRequest.builder();
		for (Message message : prompt.getInstructions()) {
			addMessage(builder, message);
		}
		builder.model(options.getModel())
			.temperature(options.getTemperature())
			.topP(options.getTopP())
			.maxTokens(options.getMaxTokens())
			.doSample(options.getDoSample())
			.thinking(options.getThinking())
			.toolChoice(options.getToolChoice())
			.responseFormat(options.getResponseFormat())
			.reasoningEffort(options.getReasoningEffort())
			.requestId(options.getRequestId())
			.userId(options.getUserId())
			.extraBody(options.getExtraBody());
		if (options.getStopSequences() != null) {
			builder.stop(options.getStopSequences());
		}
		if (streaming) {
			builder.toolStream(options.getToolStream());
		}
		List<Tool> tools = new ArrayList<>();
		for (ToolDefinition definition : this.toolCallingManager.resolveToolDefinitions(options)) {
			tools.add(Tool.function(definition.name(), definition.description(), parameters(definition)));
		}
		if (options.getWebSearch() != null) {
			tools.add(Tool.webSearch(options.getWebSearch()));
		}
		if (options.getRetrieval() != null) {
			tools.add(Tool.retrieval(options.getRetrieval().knowledgeId(), options.getRetrieval().promptTemplate()));
		}
		if (!tools.isEmpty()) {
			builder.tools(tools);
		}
		return builder.build();
	}

	@SuppressWarnings("unchecked")
	private static @Nullable Map<String, Object> parameters(ToolDefinition definition) {
		String schema = definition.inputSchema();
		return StringUtils.hasText(schema) ? JsonParser.fromJson(schema, Map.class) : null;
	}

	private void addMessage(ChatRequest.Builder builder, Message message) {
		if (message instanceof SystemMessage system) {
			builder.message(ChatMessage.system(textOf(system)));
		}
		else if (message instanceof UserMessage user) {
			builder.message(userMessage(user));
		}
		else if (message instanceof AssistantMessage assistant) {
			builder.message(assistantMessage(assistant));
		}
		else if (message instanceof ToolResponseMessage toolResponses) {
			for (ToolResponseMessage.ToolResponse response : toolResponses.getResponses()) {
				Assert.hasText(response.id(), () -> "tool response of " + response.name()
						+ " must have the id of the tool call it answers (tool_call_id)");
				builder.message(ChatMessage.tool(response.id(), response.responseData()));
			}
		}
		else {
			throw new IllegalArgumentException("Unsupported message type " + message.getMessageType()
					+ "; Z.AI takes system, user, assistant and tool messages");
		}
	}

	private static String textOf(Message message) {
		String text = message.getText();
		return (text != null) ? text : "";
	}

	private static ChatMessage userMessage(UserMessage user) {
		if (user.getMedia().isEmpty()) {
			return ChatMessage.user(textOf(user));
		}
		List<ContentPart> parts = new ArrayList<>();
		if (StringUtils.hasLength(user.getText())) {
			parts.add(ContentPart.text(user.getText()));
		}
		for (Media media : user.getMedia()) {
			parts.add(contentPart(media));
		}
		return ChatMessage.user(parts);
	}

	private static ContentPart contentPart(Media media) {
		MimeType type = media.getMimeType();
		Object data = media.getData();
		String url = (data instanceof String text) ? text : null;
		if ("image".equals(type.getType())) {
			// the API takes a URL or the bare base64 of the image
			return ContentPart.imageUrl((url != null) ? url : Base64.getEncoder().encodeToString(bytesOf(media)));
		}
		if ("video".equals(type.getType())) {
			Assert.notNull(url,
					() -> "video " + media.getName() + " must be given as a URL; Z.AI takes videos " + "by URL only");
			return ContentPart.videoUrl(url);
		}
		if (url != null && !url.startsWith("data:")) {
			return ContentPart.file(ContentPart.FileInput.url(url));
		}
		String dataUrl = (url != null) ? url
				: "data:" + type + ";base64," + Base64.getEncoder().encodeToString(bytesOf(media));
		return ContentPart.file(ContentPart.FileInput.data(dataUrl));
	}

	private static byte[] bytesOf(Media media) {
		return media.getDataAsByteArray();
	}

	private static ChatMessage assistantMessage(AssistantMessage assistant) {
		List<ToolCall> toolCalls = assistant.getToolCalls()
			.stream()
			.map((call) -> ToolCall.function(call.id(), call.name(), call.arguments()))
			.toList();
		String text = assistant.getText();
		Object reasoning = assistant.getMetadata().get(ZaiChatModel.REASONING_CONTENT);
		return ChatMessage.assistant(StringUtils.hasLength(text) ? text : null,
				(reasoning instanceof String string && !string.isEmpty()) ? string : null,
				toolCalls.isEmpty() ? null : toolCalls);
	}

}
