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

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import io.github.zaispring.audio.SpeechEncoding;
import io.github.zaispring.audio.SpeechFormat;
import io.github.zaispring.audio.Transcription;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Scripted answers of the {@link ZaiMockServer} to {@code POST /audio/transcriptions}
 * (speech to text) and {@code POST /audio/speech} (text to speech), written as Z.AI
 * writes them. Enqueue them like any {@link ZaiReply}; errors and dropped connections
 * work through {@link ZaiReply} itself: <pre class="code">
 * server.enqueue(ZaiAudioReplies.transcription("Book a table for two"));
 * server.enqueue(ZaiAudioReplies.transcriptionStream("Book a table", " for two"));
 * server.enqueue(ZaiAudioReplies.speech(wavBytes, "audio/wav"));
 * server.enqueue(ZaiReply.error(429, "1113", "Insufficient balance or no resource package"));
 * </pre> With no reply enqueued, a transcription is answered with {@value #TRANSCRIPT}
 * (streamed word by word when the form's {@code stream} is {@code true}), the model and
 * request id echoed; speech is answered with {@link #SILENCE_MILLIS} ms of silence at 24
 * kHz, as a WAV file for {@code "response_format":"wav"} and raw 16-bit PCM otherwise, or
 * streamed in chunks encoded as the request's {@code encode_format} asks. The form of a
 * transcription is recorded: {@link ReceivedRequest#formPart(String)} returns its file,
 * and {@link ReceivedRequest#model()} and {@link ReceivedRequest#body()} read its fields.
 *
 * @author zai-spring-boot contributors
 */
public final class ZaiAudioReplies {

	/** The transcript of the default answer. */
	public static final String TRANSCRIPT = "This is the transcript of the Z.AI mock server.";

	/** The length of the silence of the default speech answer. */
	public static final int SILENCE_MILLIS = 100;

	private static final int SAMPLE_RATE = 24_000;

	private static final String SSE = "text/event-stream";

	private ZaiAudioReplies() {
	}

	/**
	 * Return an answer of {@code POST /audio/transcriptions} with the given transcript, a
	 * generated id and the model {@code glm-asr-2512}.
	 * @param text the transcript
	 * @return the reply
	 */
	public static ZaiReply transcription(String text) {
		Assert.notNull(text, "text must not be null; use the transcript, such as \"Hello\"");
		return transcription(new Transcription(ZaiSearchReplies.nextId("asr-"), Instant.now().getEpochSecond(), null,
				"glm-asr-2512", text, List.of()));
	}

	/**
	 * Return an answer of {@code POST /audio/transcriptions} with exactly the given
	 * content, segments included.
	 * @param response the answer
	 * @return the reply
	 */
	public static ZaiReply transcription(Transcription response) {
		Assert.notNull(response, "response must not be null");
		return ZaiSearchReplies.json(response);
	}

	/**
	 * Return a streamed answer of {@code POST /audio/transcriptions}: one
	 * {@code transcript.text.delta} event per piece, in order, then
	 * {@code transcript.text.done} and {@code [DONE]}.
	 * @param deltas the pieces of the transcript
	 * @return the reply
	 */
	public static ZaiReply transcriptionStream(String... deltas) {
		Assert.noNullElements(deltas, "deltas must not contain null");
		return transcriptionStream(ZaiSearchReplies.nextId("asr-"), "glm-asr-2512", List.of(deltas));
	}

	/**
	 * Return an answer of {@code POST /audio/speech} with the given audio.
	 * @param audio the bytes of the audio, sent as they are
	 * @param contentType the {@code Content-Type}, such as {@code audio/wav}
	 * @return the reply
	 */
	public static ZaiReply speech(byte[] audio, String contentType) {
		Assert.notNull(audio, "audio must not be null; use the bytes of a WAV file, for example");
		Assert.hasText(contentType, "contentType must not be empty; use a media type such as audio/wav");
		return ZaiReply.rawBytes(200, contentType, audio);
	}

	/**
	 * Return a streamed answer of {@code POST /audio/speech}: one chunk per piece of
	 * audio, encoded as given, then a chunk with finish reason {@code stop} and
	 * {@code [DONE]}.
	 * @param encoding the encoding of the chunks' audio, as the request asks for it
	 * @param pieces the pieces of audio
	 * @return the reply
	 */
	public static ZaiReply speechStream(SpeechEncoding encoding, byte[]... pieces) {
		Assert.notNull(encoding, "encoding must not be null; use SpeechEncoding.BASE64, Z.AI's default");
		Assert.noNullElements(pieces, "pieces must not contain null");
		return speechStream(encoding, null, List.of(pieces));
	}

	/**
	 * The answer the server gives a transcription when no reply is queued.
	 */
	static ZaiReply defaultTranscription(ReceivedRequest request) {
		String model = (request.model() != null) ? request.model() : "glm-asr-2512";
		if (request.stream()) {
			List<String> words = List.of(TRANSCRIPT.split("(?<= )"));
			return transcriptionStream(ZaiSearchReplies.nextId("asr-"), model, words);
		}
		return transcription(new Transcription(ZaiSearchReplies.nextId("asr-"), Instant.now().getEpochSecond(),
				request.requestId(), model, TRANSCRIPT, List.of()));
	}

	/**
	 * The answer the server gives a speech request when no reply is queued.
	 */
	static ZaiReply defaultSpeech(ReceivedRequest request) {
		byte[] pcm = new byte[SAMPLE_RATE * SILENCE_MILLIS / 1000 * 2];
		if (request.stream()) {
			String encoding = request.body().path("encode_format").asString("base64");
			byte[] half = new byte[pcm.length / 2];
			return speechStream(encoding.equals("hex") ? SpeechEncoding.HEX : SpeechEncoding.BASE64,
					request.requestId(), List.of(half, half));
		}
		String format = request.body().path("response_format").asString("pcm");
		return format.equals("wav") ? speech(wav(pcm), "audio/wav")
				: speech(pcm, SpeechFormat.PCM.mediaType().toString());
	}

	private static ZaiReply transcriptionStream(String id, String model, List<String> deltas) {
		long created = Instant.now().getEpochSecond();
		StringBuilder events = new StringBuilder();
		for (String delta : deltas) {
			transcriptionEvent(events, id, created, model, "transcript.text.delta", delta);
		}
		transcriptionEvent(events, id, created, model, "transcript.text.done", "");
		return ZaiReply.rawBody(200, SSE, events.append("data: [DONE]\n\n").toString());
	}

	private static void transcriptionEvent(StringBuilder events, String id, long created, String model, String type,
			String delta) {
		events.append("data: {\"id\":");
		JsonText.quote(events, id).append(",\"created\":").append(created).append(",\"model\":");
		JsonText.quote(events, model).append(",\"type\":\"").append(type).append("\",\"delta\":");
		JsonText.quote(events, delta).append("}\n\n");
	}

	private static ZaiReply speechStream(SpeechEncoding encoding, @Nullable String requestId, List<byte[]> pieces) {
		long created = Instant.now().getEpochSecond();
		StringBuilder events = new StringBuilder();
		for (byte[] piece : pieces) {
			speechChunk(events, encode(encoding, piece), null, requestId, created);
		}
		speechChunk(events, "", "stop", requestId, created);
		return ZaiReply.rawBody(200, SSE, events.append("data: [DONE]\n\n").toString());
	}

	private static void speechChunk(StringBuilder events, String content, @Nullable String finishReason,
			@Nullable String requestId, long created) {
		events.append("data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":");
		JsonText.quote(events, content).append('}');
		if (finishReason != null) {
			events.append(",\"finish_reason\":\"").append(finishReason).append('"');
		}
		events.append("}],");
		if (requestId != null) {
			JsonText.quote(events.append("\"request_id\":"), requestId).append(',');
		}
		events.append("\"created\":").append(created).append("}\n\n");
	}

	private static String encode(SpeechEncoding encoding, byte[] audio) {
		return (encoding == SpeechEncoding.HEX) ? HexFormat.of().formatHex(audio)
				: Base64.getEncoder().encodeToString(audio);
	}

	/**
	 * Return 16-bit mono PCM at 24 kHz as a WAV file: the 44-byte RIFF header, then the
	 * samples.
	 */
	private static byte[] wav(byte[] pcm) {
		ByteBuffer wav = ByteBuffer.allocate(44 + pcm.length).order(ByteOrder.LITTLE_ENDIAN);
		wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + pcm.length);
		wav.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1);
		wav.putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * 2).putShort((short) 2).putShort((short) 16);
		wav.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(pcm.length).put(pcm);
		return wav.array();
	}

}
