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

package io.github.zaispring.moderation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.zaispring.internal.Checks;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A moderation: the content to review, either a plain text or a list of
 * {@link ModerationPart parts} (texts and the URLs of images, videos and audio), and
 * options. Immutable; create one with {@link #builder()}, derive variants with
 * {@link #mutate()}. Unset options are not sent; an unset model takes the client's
 * configured one ({@code zai.moderation.model}).
 * <p>
 * The text is sent as the string form of {@code input}, as the API's documentation shows
 * it; parts as the array form, as the official SDKs send it.
 *
 * @author zai-spring-boot contributors
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "model", "input", "request_id", "user_id" })
public final class ModerationRequest {

	private static final Set<String> TYPED_FIELDS = Set.of("model", "input", "request_id", "user_id");

	private final @Nullable String model;

	private final @Nullable String text;

	private final List<ModerationPart> parts;

	private final @Nullable String requestId;

	private final @Nullable String userId;

	private final Map<String, Object> extraBody;

	private ModerationRequest(Builder builder) {
		this.model = builder.model;
		this.text = builder.text;
		this.parts = List.copyOf(builder.parts);
		this.requestId = builder.requestId;
		this.userId = builder.userId;
		this.extraBody = Collections.unmodifiableMap(new LinkedHashMap<>(builder.extraBody));
	}

	/**
	 * Create a builder of a request.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Create a builder that starts from this request.
	 * @return a new builder
	 */
	public Builder mutate() {
		return new Builder(this);
	}

	/**
	 * Return the model.
	 * @return the model, such as {@code moderation}, or {@code null} for the configured
	 * one
	 */
	@JsonProperty("model")
	public @Nullable String model() {
		return this.model;
	}

	/**
	 * Return the text, when the content is a plain text.
	 * @return the text, or {@code null} when the content is {@link #parts()}
	 */
	public @Nullable String text() {
		return this.text;
	}

	/**
	 * Return the parts, when the content is a list of parts.
	 * @return the parts, unmodifiable; empty when the content is a {@link #text()}
	 */
	public List<ModerationPart> parts() {
		return this.parts;
	}

	/**
	 * Return the content as the API's {@code input}: the text, or the parts.
	 * @return the text or the list of parts
	 */
	@JsonProperty("input")
	Object input() {
		return (this.text != null) ? this.text : this.parts;
	}

	/**
	 * Return the caller's request id.
	 * @return the request id, or {@code null} to let the server generate one
	 */
	@JsonProperty("request_id")
	public @Nullable String requestId() {
		return this.requestId;
	}

	/**
	 * Return the end user's id.
	 * @return the user id, or {@code null}
	 */
	@JsonProperty("user_id")
	public @Nullable String userId() {
		return this.userId;
	}

	/**
	 * Return the extra fields written at the top level of the JSON body.
	 * @return the extra fields, never {@code null}, unmodifiable
	 */
	@JsonAnyGetter
	public Map<String, Object> extraBody() {
		return this.extraBody;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (this == other) || (other instanceof ModerationRequest that && Objects.equals(this.model, that.model)
				&& Objects.equals(this.text, that.text) && this.parts.equals(that.parts)
				&& Objects.equals(this.requestId, that.requestId) && Objects.equals(this.userId, that.userId)
				&& this.extraBody.equals(that.extraBody));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.model, this.text, this.parts, this.requestId, this.userId, this.extraBody);
	}

	@Override
	public String toString() {
		return "ModerationRequest[model=" + this.model + ", "
				+ ((this.text != null) ? "text=" + this.text.length() + " chars" : "parts=" + this.parts) + "]";
	}

	/**
	 * Builder of a {@link ModerationRequest}; either a text or at least one part is
	 * required.
	 */
	public static final class Builder {

		private @Nullable String model;

		private @Nullable String text;

		private final List<ModerationPart> parts = new ArrayList<>();

		private @Nullable String requestId;

		private @Nullable String userId;

		private final Map<String, Object> extraBody = new LinkedHashMap<>();

		private Builder() {
		}

		private Builder(ModerationRequest request) {
			this.model = request.model;
			this.text = request.text;
			this.parts.addAll(request.parts);
			this.requestId = request.requestId;
			this.userId = request.userId;
			this.extraBody.putAll(request.extraBody);
		}

		/**
		 * Set the model.
		 * @param model the model, such as {@code moderation} (the only one documented),
		 * or {@code null} for the configured one
		 * @return this builder
		 */
		public Builder model(@Nullable String model) {
			Assert.isTrue(model == null || !model.isBlank(),
					"model must not be blank; use a model id such as moderation, or null for the configured one");
			this.model = model;
			return this;
		}

		/**
		 * Set the content to a plain text, sent as the string form of {@code input}.
		 * @param text the text, not blank
		 * @return this builder
		 * @throws IllegalArgumentException when the text is {@code null} or blank
		 */
		public Builder text(String text) {
			this.text = ModerationPart.requireText(text);
			return this;
		}

		/**
		 * Add a part to the content, sent as the array form of {@code input}.
		 * @param part a text, or the URL of an image, a video or an audio file
		 * @return this builder
		 */
		public Builder part(ModerationPart part) {
			Assert.notNull(part, "part must not be null; create one with ModerationPart.text(..), imageUrl(..), "
					+ "videoUrl(..) or audioUrl(..)");
			this.parts.add(part);
			return this;
		}

		/**
		 * Set the parts of the content, replacing any set before.
		 * @param parts one or more parts, none {@code null}
		 * @return this builder
		 */
		public Builder parts(List<ModerationPart> parts) {
			Assert.notNull(parts, "parts must not be null");
			this.parts.clear();
			parts.forEach(this::part);
			return this;
		}

		/**
		 * Set the caller's request id; it must be unique.
		 * @param requestId 6 to 64 characters, or {@code null}
		 * @return this builder
		 */
		public Builder requestId(@Nullable String requestId) {
			this.requestId = Checks.requestId(requestId);
			return this;
		}

		/**
		 * Set the end user's id; avoid sensitive information.
		 * @param userId 6 to 128 characters, or {@code null}
		 * @return this builder
		 */
		public Builder userId(@Nullable String userId) {
			this.userId = Checks.userId(userId);
			return this;
		}

		/**
		 * Add a field the API accepts but this request does not model, written at the top
		 * level of the JSON body.
		 * @param name the JSON name, not one of the typed fields
		 * @param value the value, written as JSON
		 * @return this builder
		 */
		public Builder extraBody(String name, Object value) {
			Checks.extraBodyField(name, value, TYPED_FIELDS);
			this.extraBody.put(name, value);
			return this;
		}

		/**
		 * Build the request.
		 * @return the request
		 * @throws IllegalArgumentException when neither a text nor a part was set, or
		 * both
		 */
		public ModerationRequest build() {
			Assert.isTrue(this.text != null || !this.parts.isEmpty(),
					"parts must not be empty; add a text, imageUrl, videoUrl or audioUrl part, or set a text");
			Assert.isTrue(this.text == null || this.parts.isEmpty(),
					"text and parts must not both be set; add the text as ModerationPart.text(..) among the parts");
			return new ModerationRequest(this);
		}

	}

}
