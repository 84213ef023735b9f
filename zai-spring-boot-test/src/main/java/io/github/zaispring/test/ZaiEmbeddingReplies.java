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
import java.util.SplittableRandom;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.util.Assert;

/**
 * Replies of the {@link ZaiMockServer} to {@code POST …/embeddings}, and what tests read
 * from an embeddings request.
 * <p>
 * Unless replies are enqueued, the server answers every embeddings request with
 * {@link #vectorOf(String, int) a vector of each text}: deterministic, of the requested
 * {@code dimensions} (2048 when none, as embedding-3 does), so that a test can compute
 * the vector it expects. Script other vectors for the texts of every request with
 * {@link #responder(Function)}, or one exact answer with {@link #vectors(float[]...)};
 * faults ({@link ZaiReply#error(int, String, String)}, {@link ZaiReply#dropConnection()},
 * {@link ZaiReply#rawBody(int, String, String)}) apply to embeddings as to chat:
 * <pre class="code">
 * server.respondWith(ZaiEmbeddingReplies.responder((text) -&gt; new float[] { text.length(), 1 }));
 * server.enqueue(ZaiReply.error(429, "1113", "Insufficient balance or no resource package. Please recharge."));
 * ZaiEmbeddingReplies.inputs(server.takeRequest(Duration.ofSeconds(5)));   // the texts of a batch
 * </pre>
 *
 * @author zai-spring-boot contributors
 */
public final class ZaiEmbeddingReplies {

	/** The path of the embeddings API below the base URL. */
	public static final String PATH = "/embeddings";

	/** The vector length embedding-3 answers when a request sets none. */
	public static final int DEFAULT_DIMENSIONS = 2048;

	private static final Function<ReceivedRequest, ZaiReply> DEFAULT = (request) -> answer(request,
			(text) -> vectorOf(text, dimensionsOrDefault(request)));

	private ZaiEmbeddingReplies() {
	}

	/**
	 * Return a responder that answers each embeddings request with one vector per text of
	 * the request, in order, for {@link ZaiMockServer#respondWith(Function)}. A chat
	 * request sent to it is answered with an error.
	 * @param vectorOfText the vector of a text
	 * @return the responder
	 */
	public static Function<ReceivedRequest, ZaiReply> responder(Function<String, float[]> vectorOfText) {
		Assert.notNull(vectorOfText, "vectorOfText must not be null");
		return (request) -> isEmbeddings(request) ? answer(request, vectorOfText)
				: ZaiReply.error(404, "1222", "This responder answers embeddings only, not " + request.path());
	}

	/**
	 * Return an answer with exactly these vectors, numbered from 0, whatever the request:
	 * to script an answer with fewer or more vectors than texts, enqueue it.
	 * @param vectors the vectors
	 * @return the reply, model {@code embedding-3}
	 */
	public static ZaiReply vectors(float[]... vectors) {
		Assert.notNull(vectors, "vectors must not be null");
		return ZaiReply.rawBody(200, ReplyWriter.JSON, json(List.of(vectors), vectors.length));
	}

	/**
	 * Return the vector the server answers by default for a text: deterministic, of unit
	 * length, different for different texts.
	 * @param text the text
	 * @param dimensions the length of the vector
	 * @return the vector
	 */
	public static float[] vectorOf(String text, int dimensions) {
		Assert.notNull(text, "text must not be null");
		Assert.isTrue(dimensions > 0, () -> "dimensions must be positive, such as 1024, but was " + dimensions);
		SplittableRandom random = new SplittableRandom(text.hashCode());
		float[] vector = new float[dimensions];
		double norm = 0;
		for (int i = 0; i < dimensions; i++) {
			vector[i] = (float) (random.nextDouble() * 2 - 1);
			norm += vector[i] * vector[i];
		}
		float scale = (float) (1 / Math.sqrt(norm));
		for (int i = 0; i < dimensions; i++) {
			vector[i] *= scale;
		}
		return vector;
	}

	/**
	 * Return the texts of an embeddings request.
	 * @param request the request
	 * @return the {@code input} texts, in order; a single string {@code input} is one
	 * text
	 */
	public static List<String> inputs(ReceivedRequest request) {
		JsonNode input = request.body().path("input");
		List<String> texts = new ArrayList<>();
		if (input.isString()) {
			texts.add(input.asString());
		}
		for (JsonNode text : input.isArray() ? input : List.<JsonNode>of()) {
			texts.add(text.asString(""));
		}
		return texts;
	}

	/**
	 * Return the vector length an embeddings request asks for.
	 * @param request the request
	 * @return the {@code dimensions} field, or {@code null} when absent
	 */
	public static @Nullable Integer dimensions(ReceivedRequest request) {
		JsonNode dimensions = request.body().path("dimensions");
		return dimensions.isNumber() ? dimensions.asInt() : null;
	}

	/**
	 * Return whether a request is one to the embeddings API.
	 * @param request the request
	 * @return whether its path ends with {@value #PATH}
	 */
	public static boolean isEmbeddings(ReceivedRequest request) {
		return request.path().endsWith(PATH);
	}

	/**
	 * Answer an embeddings request the default way, for the server.
	 */
	static ZaiReply defaultReply(ReceivedRequest request) {
		return DEFAULT.apply(request);
	}

	private static int dimensionsOrDefault(ReceivedRequest request) {
		Integer dimensions = dimensions(request);
		return (dimensions != null && dimensions > 0) ? dimensions : DEFAULT_DIMENSIONS;
	}

	private static ZaiReply answer(ReceivedRequest request, Function<String, float[]> vectorOfText) {
		List<String> texts = inputs(request);
		if (texts.isEmpty()) {
			return ZaiReply.error(400, "1214", "input must not be empty");
		}
		List<float[]> vectors = new ArrayList<>(texts.size());
		int tokens = 0;
		for (String text : texts) {
			float[] vector = vectorOfText.apply(text);
			Assert.state(vector != null, () -> "The vector of '" + text + "' is null");
			vectors.add(vector);
			// about four characters per token, as the tokenizer of embedding-3 counts
			// English
			tokens += Math.max(1, (text.length() + 3) / 4);
		}
		return ZaiReply.rawBody(200, ReplyWriter.JSON, json(vectors, tokens));
	}

	private static String json(List<float[]> vectors, int tokens) {
		int dimensions = vectors.isEmpty() ? 0 : vectors.get(0).length;
		StringBuilder json = new StringBuilder(64 + vectors.size() * (dimensions * 12 + 48));
		json.append("{\"model\":\"embedding-3\",\"object\":\"list\",\"data\":[");
		for (int i = 0; i < vectors.size(); i++) {
			json.append((i > 0) ? "," : "").append("{\"index\":").append(i);
			json.append(",\"object\":\"embedding\",\"embedding\":[");
			float[] vector = vectors.get(i);
			for (int d = 0; d < vector.length; d++) {
				float value = vector[d];
				Assert.state(Float.isFinite(value), () -> "Vectors must hold finite numbers, but one held " + value);
				json.append((d > 0) ? "," : "").append(value);
			}
			json.append("]}");
		}
		json.append("],\"usage\":{\"prompt_tokens\":").append(tokens).append(",\"completion_tokens\":0");
		return json.append(",\"total_tokens\":").append(tokens).append("}}").toString();
	}

}
