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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * The options of an {@code mcp} tool: a remote MCP server whose tools the model may call
 * (documented by BigModel). Only {@code server_label} is required; unset options are not
 * sent. Build one with {@link #builder(String)}.
 * <p>
 * Written as {@code {"server_label":…,"server_url":…,"transport_type":…,
 * "allowed_tools":[…],"headers":{…}}}. The headers are sent to the MCP server and often
 * carry its credentials, so {@link #toString()} shows their names only.
 *
 * @param serverLabel the label of the MCP server
 * @param serverUrl the URL of the MCP server, or {@code null}
 * @param transportType {@code sse} or {@code streamable-http} (the server's default), or
 * {@code null}
 * @param allowedTools the tools the model may call, empty (and not sent) for all
 * @param headers the headers sent to the MCP server, empty (and not sent) for none
 * @param extra fields written into the object besides the typed ones, never {@code null}
 * @author zai-spring-boot
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({ "server_label", "server_url", "transport_type", "allowed_tools", "headers" })
public record Mcp(@JsonProperty("server_label") String serverLabel,
		@JsonProperty("server_url") @Nullable String serverUrl,
		@JsonProperty("transport_type") @Nullable String transportType,
		@JsonProperty("allowed_tools") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> allowedTools,
		@JsonProperty("headers") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> headers,
		@JsonAnyGetter Map<String, Object> extra) {

	private static final Set<String> TYPED_FIELDS = Set.of("server_label", "server_url", "transport_type",
			"allowed_tools", "headers");

	/**
	 * Create a new instance, checking the label and copying the lists and maps.
	 * @param serverLabel the label of the MCP server
	 * @param serverUrl the URL of the MCP server
	 * @param transportType the transport type
	 * @param allowedTools the tools the model may call, {@code null} for all
	 * @param headers the headers sent to the MCP server, {@code null} for none
	 * @param extra fields besides the typed ones, {@code null} for none
	 */
	public Mcp(String serverLabel, @Nullable String serverUrl, @Nullable String transportType,
			@Nullable List<String> allowedTools, @Nullable Map<String, String> headers,
			@Nullable Map<String, Object> extra) {
		Assert.hasText(serverLabel, "serverLabel must not be empty; name the MCP server, for example \"docs\"");
		Assert.isTrue(serverUrl == null || !serverUrl.isBlank(), "serverUrl must not be empty when set");
		Assert.isTrue(transportType == null || !transportType.isBlank(),
				"transportType must not be empty when set; use sse or streamable-http");
		if (allowedTools != null) {
			Assert.noNullElements(allowedTools, "allowedTools must not contain null elements");
		}
		if (headers != null) {
			headers.forEach((name, value) -> Assert.isTrue(name != null && !name.isBlank() && value != null,
					"headers must have non-empty names and non-null values"));
		}
		this.serverLabel = serverLabel;
		this.serverUrl = serverUrl;
		this.transportType = transportType;
		this.allowedTools = (allowedTools != null) ? List.copyOf(allowedTools) : List.of();
		this.headers = (headers != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(headers)) : Map.of();
		this.extra = ModelSupport.extra("Mcp", TYPED_FIELDS, extra);
	}

	/**
	 * Return a builder for the MCP server with the given label.
	 * @param serverLabel the label of the MCP server
	 * @return a new builder
	 */
	public static Builder builder(String serverLabel) {
		return new Builder(serverLabel);
	}

	/**
	 * Return a description with the header names only: their values are often the MCP
	 * server's credentials.
	 * @return the description
	 */
	@Override
	public String toString() {
		return "Mcp[serverLabel=" + this.serverLabel + ", serverUrl=" + this.serverUrl + ", transportType="
				+ this.transportType + ", allowedTools=" + this.allowedTools + ", headers=" + this.headers.keySet()
				+ ", extra=" + this.extra.keySet() + "]";
	}

	/**
	 * Builder for {@link Mcp}. Not thread-safe.
	 */
	public static final class Builder {

		private String serverLabel;

		private @Nullable String serverUrl;

		private @Nullable String transportType;

		private final List<String> allowedTools = new ArrayList<>();

		private final Map<String, String> headers = new LinkedHashMap<>();

		private Map<String, Object> extra = Map.of();

		private Builder(String serverLabel) {
			this.serverLabel = serverLabel;
		}

		/**
		 * Set the URL of the MCP server.
		 * @param serverUrl the URL
		 * @return this builder
		 */
		public Builder serverUrl(@Nullable String serverUrl) {
			this.serverUrl = serverUrl;
			return this;
		}

		/**
		 * Set the transport type.
		 * @param transportType {@code sse} or {@code streamable-http}
		 * @return this builder
		 */
		public Builder transportType(@Nullable String transportType) {
			this.transportType = transportType;
			return this;
		}

		/**
		 * Set the tools the model may call, replacing earlier ones.
		 * @param allowedTools the tool names
		 * @return this builder
		 */
		public Builder allowedTools(String... allowedTools) {
			Assert.notNull(allowedTools, "allowedTools must not be null");
			return allowedTools(Arrays.asList(allowedTools));
		}

		/**
		 * Set the tools the model may call, replacing earlier ones.
		 * @param allowedTools the tool names
		 * @return this builder
		 */
		public Builder allowedTools(List<String> allowedTools) {
			Assert.notNull(allowedTools, "allowedTools must not be null");
			Assert.noNullElements(allowedTools, "allowedTools must not contain null elements");
			this.allowedTools.clear();
			this.allowedTools.addAll(allowedTools);
			return this;
		}

		/**
		 * Add a header sent to the MCP server, for example its credentials.
		 * @param name the header name
		 * @param value the header value
		 * @return this builder
		 */
		public Builder header(String name, String value) {
			Assert.hasText(name, "header name must not be empty");
			Assert.notNull(value, () -> "value of header '" + name + "' must not be null");
			this.headers.put(name, value);
			return this;
		}

		/**
		 * Add a field the typed API does not cover yet; a {@code null} value removes it.
		 * @param name the JSON field name; must not be one of the typed fields
		 * @param value the value, anything the JSON codec can write
		 * @return this builder
		 */
		public Builder extra(String name, @Nullable Object value) {
			this.extra = ModelSupport.withExtra("Mcp", TYPED_FIELDS, this.extra, name, value);
			return this;
		}

		/**
		 * Build the options.
		 * @return the MCP tool options
		 * @throws IllegalArgumentException if the label is empty
		 */
		public Mcp build() {
			return new Mcp(this.serverLabel, this.serverUrl, this.transportType, this.allowedTools, this.headers,
					this.extra);
		}

	}

}
