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

package io.github.zaispring.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;

import io.github.zaispring.ZaiStreamException;
import io.netty.buffer.UnpooledByteBufAllocator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import reactor.test.publisher.TestPublisher;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.NettyDataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.codec.json.JacksonJsonDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SseDataDecoder}.
 *
 * @author zai-spring-boot contributors
 */
class SseDataDecoderTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	/**
	 * Verbatim data lines of recorded streams (zai-api.md §4.4), plus one chunk with
	 * Chinese text so that splits fall inside multi-byte characters.
	 */
	private static final List<String> RECORDED_PAYLOADS = List.of(
			"{\"id\":\"20251111175621ea00b15bd30046c2\",\"created\":1762854981,\"model\":\"glm-4.5\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\",\"reasoning_content\":\"\\n\"}}]}",
			"{\"id\":\"20251111175621ea00b15bd30046c2\",\"created\":1762854981,\"model\":\"glm-4.5\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"reasoning_content\":\"The\"}}]}",
			"{\"id\":\"202511111756356bb63041b022431d\",\"created\":1762854995,\"model\":\"glm-4.5\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"id\":\"call_6bc2e48a34f34e80995b40d2\",\"index\":0,\"type\":\"function\",\"function\":{\"name\":\"weather\",\"arguments\":\"{\\\"location\\\":\\\"Florence,Italy\\\"}\"}}]}}]}",
			"{\"id\":\"1\",\"created\":1677652288,\"model\":\"glm-4.6\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"你好，世界 🌍\"}}]}",
			"{\"id\":\"202603130502478edacc33fd1444be\",\"created\":1773349367,\"object\":\"chat.completion.chunk\",\"model\":\"glm-4.7-flash\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}],\"usage\":{\"prompt_tokens\":15,\"completion_tokens\":734,\"total_tokens\":749,\"prompt_tokens_details\":{\"cached_tokens\":14},\"completion_tokens_details\":{\"reasoning_tokens\":708}}}");

	private final SseDataDecoder decoder = new SseDataDecoder(new ZaiErrorDecoder(new JacksonJsonDecoder()));

	private final NettyDataBufferFactory bufferFactory = new NettyDataBufferFactory(new UnpooledByteBufAllocator(true));

	private final List<NettyDataBuffer> allocated = new ArrayList<>();

	@AfterEach
	void everyBufferOfTheBodyIsReleased() {
		assertThat(this.allocated).allSatisfy((buffer) -> assertThat(buffer.getNativeBuffer().refCnt()).isZero());
	}

	@ParameterizedTest
	@ValueSource(strings = { "\n", "\r\n", "\r" })
	void recordedStreamIsDecodedWhateverTheSplitPoint(String lineEnd) {
		byte[] body = recordedStream(lineEnd);
		for (int split = 0; split <= body.length; split++) {
			assertThat(decodeAll(chunks(body, split))).as("split at %d", split).isEqualTo(RECORDED_PAYLOADS);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "\n", "\r\n", "\r" })
	void recordedStreamIsDecodedFromOneByteBuffers(String lineEnd) {
		byte[] body = recordedStream(lineEnd);
		assertThat(decodeAll(chunks(body, IntStream.range(1, body.length).toArray()))).isEqualTo(RECORDED_PAYLOADS);
	}

	@Test
	void mixedLineEndingsAreAllLineEnds() {
		assertThat(decodeAll(chunks(bytes("data: a\r\n\ndata: b\r\rdata: c\n\r\ndata: [DONE]\r")))).containsExactly("a",
				"b", "c");
	}

	@Test
	void crLfSplitBetweenBuffersIsOneLineEnd() {
		byte[] body = bytes("data: a\r\ndata: b\r\n\r\ndata: [DONE]\r\n\r\n");
		assertThat(decodeAll(chunks(body, 8, 17, 19))).containsExactly("a\nb");
	}

	@Test
	void dataLinesOfOneEventAreJoinedWithLineFeeds() {
		assertThat(decodeAll(chunks(bytes("data: a\ndata:b\ndata:  c\ndata\ndata:\n\ndata: [DONE]\n\n"))))
			.containsExactly("a\nb\n c\n\n");
	}

	@Test
	void emptyDataIsAnEmptyPayload() {
		assertThat(decodeAll(chunks(bytes("data:\n\ndata: \n\ndata\n\ndata:[DONE]\n\n")))).containsExactly("", "", "");
	}

	@Test
	void commentsIdRetryAndUnknownFieldsAreIgnored() {
		String body = ": ping\nid: 1\nretry: 1000\ndatum: no\ndata : no\nDATA: no\nfoo\n: data: no\n\n"
				+ "event: message\nevent: errors\ndata: x\n\nevent: err\ndata: y\n\n: keep-alive\n\ndata: [DONE]\n\n";
		assertThat(decodeAll(chunks(bytes(body)))).containsExactly("x", "y");
	}

	@Test
	void eventWithoutDataIsNotDispatchedAndForgetsItsName() {
		assertThat(decodeAll(chunks(bytes("event: error\n\ndata: a\n\ndata: [DONE]\n\n")))).containsExactly("a");
	}

	@Test
	void errorEventFailsWithItsBusinessCodeWhateverTheSplitPoint() {
		byte[] body = bytes("data: a\n\nevent: error\n"
				+ "data: {\"error\":{\"code\":\"1301\",\"message\":\"System detected potentially unsafe content\"}}\n\n"
				+ "data: b\n\ndata: [DONE]\n\n");
		for (int split = 0; split <= body.length; split++) {
			StepVerifier.create(text(payloads(this.decoder, chunks(body, split), "req-1")))
				.expectNext("a")
				.expectErrorSatisfies(
						(ex) -> assertThat(ex).isInstanceOfSatisfying(ZaiStreamException.class, (stream) -> {
							assertThat(stream.getErrorCode()).isEqualTo("1301");
							assertThat(stream.getRequestId()).isEqualTo("req-1");
							assertThat(stream.getMessage()).contains("System detected potentially unsafe content");
						}))
				.verify(TIMEOUT);
		}
	}

	@Test
	void errorEventWithTextPayloadFailsWithThatText() {
		expectStreamError(bytes("event:error\ndata: upstream model crashed\n\n"),
				(ex) -> assertThat(ex.getMessage()).contains("upstream model crashed"));
	}

	@Test
	void dataObjectWithAnErrorKeyFails() {
		expectStreamError(bytes("data: { \"error\" : {\"code\":1234,\"message\":\"Network error\"}}\n\n"), (ex) -> {
			assertThat(ex.getErrorCode()).isEqualTo("1234");
			assertThat(ex.getMessage()).contains("Network error");
		});
	}

	@Test
	void dataObjectWithAnErrorKeyLaterIsAPayload() {
		assertThat(decodeAll(chunks(bytes("data: {\"id\":\"1\",\"error\":null}\n\ndata: [DONE]\n\n"))))
			.containsExactly("{\"id\":\"1\",\"error\":null}");
	}

	@Test
	void bodyEndingWithoutDoneFails() {
		List<String> received = new ArrayList<>();
		StepVerifier.create(text(payloads(this.decoder, chunks(bytes("data: a\n\n")), null)).doOnNext(received::add))
			.expectNext("a")
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ZaiStreamException.class)
				.hasMessageContaining("stream ended before data: [DONE]"))
			.verify(TIMEOUT);
	}

	@Test
	void eventsAreReadByTheGivenReaderInOrder() {
		StepVerifier
			.create(this.decoder.events(chunks(bytes("data: a\n\ndata: bb\n\ndata: [DONE]\n\n")), null, (payload) -> {
				int length = payload.readableByteCount();
				DataBufferUtils.release(payload);
				return length;
			}))
			.expectNext(1, 2)
			.verifyComplete();
	}

	@Test
	void aReaderThatThrowsFailsTheEventsWithItsException() {
		IllegalStateException refused = new IllegalStateException("not a chunk");
		StepVerifier.create(this.decoder.events(chunks(bytes("data: a\n\ndata: [DONE]\n\n")), null, (payload) -> {
			DataBufferUtils.release(payload);
			throw refused;
		})).expectErrorSatisfies((ex) -> assertThat(ex).isSameAs(refused)).verify(TIMEOUT);
	}

	@Test
	void emptyBodyFails() {
		StepVerifier.create(payloads(this.decoder, Flux.empty(), null))
			.expectError(ZaiStreamException.class)
			.verify(TIMEOUT);
	}

	@Test
	void trailingDoneWithoutBlankLineCompletes() {
		byte[] body = bytes("data: a\n\ndata: [DONE]");
		for (int split = 0; split <= body.length; split++) {
			assertThat(decodeAll(chunks(body, split))).containsExactly("a");
		}
	}

	@Test
	void trailingEventWithoutBlankLineIsDispatchedBeforeTheMissingDoneFails() {
		for (String body : List.of("data: a\n\ndata: b\n", "data: a\n\ndata: b", "data: a\n\ndata: b\r")) {
			StepVerifier.create(text(payloads(this.decoder, chunks(bytes(body)), null)))
				.expectNext("a", "b")
				.expectError(ZaiStreamException.class)
				.verify(TIMEOUT);
		}
		StepVerifier.create(text(payloads(this.decoder, chunks(bytes("data")), null)))
			.expectNext("")
			.expectError(ZaiStreamException.class)
			.verify(TIMEOUT);
	}

	@Test
	void eachEventIsEmittedAsSoonAsItsBlankLineArrives() {
		TestPublisher<DataBuffer> body = TestPublisher.create();
		StepVerifier.create(text(payloads(this.decoder, body.flux(), null)))
			.then(() -> body.next(buffer("data: a\n\ndata: b")))
			.expectNext("a")
			.then(() -> body.next(buffer("\n")))
			.expectNoEvent(Duration.ofMillis(10))
			.then(() -> body.next(buffer("\n")))
			.expectNext("b")
			.then(() -> body.next(buffer("data: [DONE]\n\n")))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void doneIgnoresTheRestAndCompletesWhenTheBodyEndsWithoutCancellingIt() {
		// so that the connection goes back to the pool rather than being closed
		TestPublisher<DataBuffer> body = TestPublisher.create();
		StepVerifier.create(text(payloads(this.decoder, body.flux(), null)))
			.then(() -> body.next(buffer("data: a\n\ndata: [DONE]\n\ndata: b\n\nevent: error\ndata: x\n\n")))
			.expectNext("a")
			.then(() -> body.next(buffer("data: c\n\n")))
			.then(body::complete)
			.expectComplete()
			.verify(TIMEOUT);
		body.assertWasNotCancelled();
	}

	@Test
	void doneCompletesAfterTheDrainTimeoutWhenTheBodyDoesNotEndAndCancelsIt() {
		SseDataDecoder impatient = new SseDataDecoder(new ZaiErrorDecoder(new JacksonJsonDecoder()), 1024,
				Duration.ofMillis(50));
		TestPublisher<DataBuffer> body = TestPublisher.create();
		StepVerifier.create(text(payloads(impatient, body.flux(), null)))
			.then(() -> body.next(buffer("data: a\n\ndata: [DONE]\n\n")))
			.expectNext("a")
			.expectComplete()
			.verify(TIMEOUT);
		body.assertCancelled();
	}

	@Test
	void failureOfTheBodyAfterDoneIsIgnored() {
		TestPublisher<DataBuffer> body = TestPublisher.create();
		StepVerifier.create(text(payloads(this.decoder, body.flux(), null)))
			.then(() -> body.next(buffer("data: a\n\ndata: [DONE]\n\n")))
			.expectNext("a")
			.then(() -> body.error(new IOException("reset")))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void takeOneCancelsTheBody() {
		AtomicBoolean cancelled = new AtomicBoolean();
		byte[] stream = recordedStream("\n");
		Flux<DataBuffer> body = chunks(stream, IntStream.range(1, stream.length / 7).map((i) -> i * 7).toArray())
			.doOnCancel(() -> cancelled.set(true));
		StepVerifier.create(text(payloads(this.decoder, body, null)).take(1))
			.expectNext(RECORDED_PAYLOADS.get(0))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(cancelled).isTrue();
	}

	@Test
	void takeOneOfManyEventsInOneBufferCancelsTheBody() {
		TestPublisher<DataBuffer> body = TestPublisher.create();
		StepVerifier.create(text(payloads(this.decoder, body.flux(), null)).take(1))
			.then(() -> body.next(buffer("data: a\n\ndata: b\n\ndata: c\n\n")))
			.expectNext("a")
			.expectComplete()
			.verify(TIMEOUT);
		body.assertCancelled();
	}

	@Test
	void cancellingReleasesBuffersQueuedBeforeTheyWereParsed() {
		byte[] stream = recordedStream("\n");
		// hide() prevents fusion, so the buffers after the first event wait in a queue
		Flux<DataBuffer> body = chunks(stream, IntStream.range(1, 20).map((i) -> i * stream.length / 20).toArray())
			.hide();
		BaseSubscriber<DataBuffer> subscriber = new BaseSubscriber<>() {

			@Override
			protected void hookOnSubscribe(Subscription subscription) {
				// no demand: the body's buffers stay queued
			}

		};
		payloads(this.decoder, body, null).subscribe(subscriber);
		assertThat(this.allocated).hasSize(20);
		assertThat(this.allocated.get(19).getNativeBuffer().refCnt()).isOne();
		subscriber.dispose();
	}

	@Test
	void cancellingMidEventCancelsTheBody() {
		TestPublisher<DataBuffer> body = TestPublisher.create();
		StepVerifier.create(payloads(this.decoder, body.flux(), null))
			.then(() -> body.next(buffer("data: {\"partial\":")))
			.thenCancel()
			.verify(TIMEOUT);
		body.assertCancelled();
	}

	@Test
	void errorOfTheBodyPassesThrough() {
		Flux<DataBuffer> body = chunks(bytes("data: a\n\ndata: b")).concatWith(Flux.error(new IOException("reset")));
		StepVerifier.create(text(payloads(this.decoder, body, null)))
			.expectNext("a")
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(IOException.class).hasMessage("reset"))
			.verify(TIMEOUT);
	}

	@Test
	void largeEventAcrossManyBuffersIsDecoded() {
		String large = "x".repeat(200_000);
		byte[] body = bytes("data: " + large + "\n\ndata: small\n\ndata: [DONE]\n\n");
		int[] splits = IntStream.range(1, body.length / 1000).map((i) -> i * 1000).toArray();
		assertThat(decodeAll(chunks(body, splits))).containsExactly(large, "small");
	}

	@Test
	void eventLargerThanTheMaximumFails() {
		SseDataDecoder small = new SseDataDecoder(new ZaiErrorDecoder(new JacksonJsonDecoder()), 10);
		assertThat(decodeAll(small, chunks(bytes("data: 0123456789\n\ndata: [DONE]\n\n"))))
			.containsExactly("0123456789");
		StepVerifier.create(payloads(small, chunks(bytes("data: 01234\ndata: 56789\n\ndata: [DONE]\n\n"), 9), null))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ZaiStreamException.class)
				.hasMessageContaining("maximum size of 10 bytes"))
			.verify(TIMEOUT);
	}

	@Test
	void subscribingTwiceDecodesTwiceWithFreshState() {
		Flux<DataBuffer> payloads = payloads(this.decoder,
				Flux.defer(() -> chunks(bytes("data: a\n\ndata: [DONE]\n\n"), 3)), null);
		assertThat(text(payloads).collectList().block(TIMEOUT)).containsExactly("a");
		assertThat(text(payloads).collectList().block(TIMEOUT)).containsExactly("a");
	}

	@Test
	void lineEndIsFoundAtEveryPositionAmongAnyOtherBytes() {
		for (byte lineEnd : new byte[] { '\n', '\r' }) {
			for (byte filler : new byte[] { 'a', 0x0B, 0x0E, (byte) 0x8A, (byte) 0x8D, (byte) 0xFF, 0 }) {
				for (int position = 0; position < 20; position++) {
					byte[] bytes = new byte[20];
					Arrays.fill(bytes, filler);
					bytes[position] = lineEnd;
					assertThat(SseBytes.indexOfLineEnd(bytes, 0, 20)).isEqualTo(position);
					assertThat(SseBytes.indexOfLineEnd(bytes, position + 1, 20)).isEqualTo(20);
					assertThat(SseBytes.indexOfLineEnd(bytes, 0, position)).isEqualTo(position);
				}
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "\n", "\r\n", "\r" })
	void eventsWithoutBlankLinesAreOneEventPerDataLineWhateverTheSplitPoint(String lineEnd) {
		StringBuilder stream = new StringBuilder();
		for (String payload : RECORDED_PAYLOADS) {
			stream.append("data: ").append(payload).append(lineEnd);
		}
		byte[] body = bytes(stream.append("data: [DONE]").append(lineEnd).toString());
		for (int split = 0; split <= body.length; split++) {
			assertThat(decodeAll(chunks(body, split))).as("split at %d", split).isEqualTo(RECORDED_PAYLOADS);
		}
	}

	@Test
	void theStreamPrintedInTheApiDocsIsReadAsItsChunks() {
		// zai-api.md §4.3, verbatim but for the elided lines
		List<String> printed = List.of(
				"{\"id\":\"1\",\"created\":1677652288,\"model\":\"glm-4.6\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Spring\"},\"finish_reason\":null}]}",
				"{\"id\":\"1\",\"created\":1677652288,\"model\":\"glm-4.6\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" comes\"},\"finish_reason\":null}]}",
				"{\"id\":\"1\",\"created\":1677652288,\"model\":\"glm-4.6\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" with\"},\"finish_reason\":null}]}",
				"{\"id\":\"1\",\"created\":1677652288,\"model\":\"glm-4.6\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}],\"usage\":{\"prompt_tokens\":8,\"completion_tokens\":262,\"total_tokens\":270,\"prompt_tokens_details\":{\"cached_tokens\":0}}}");
		StringBuilder body = new StringBuilder();
		printed.forEach((line) -> body.append("data: ").append(line).append('\n'));
		body.append("data: [DONE]\n");
		assertThat(decodeAll(chunks(bytes(body.toString())))).isEqualTo(printed);
	}

	@Test
	void eventsWithAndWithoutBlankLinesMayMix() {
		assertThat(decodeAll(chunks(
				bytes("data: {\"a\":1}\n\ndata: {\"b\":2}\ndata: {\"c\":3}\n\ndata: {\"d\":4}\ndata: [DONE]\n\n"))))
			.containsExactly("{\"a\":1}", "{\"b\":2}", "{\"c\":3}", "{\"d\":4}");
	}

	@Test
	void bracesAndQuotesInsideStringsDoNotEndAnObject() {
		assertThat(decodeAll(
				chunks(bytes("data: {\"t\":\"}\\\"{ ]\\\\\"}\ndata: {\"u\":[1,{\"v\":\"}\"}]}\n" + "data: [DONE]\n"))))
			.containsExactly("{\"t\":\"}\\\"{ ]\\\\\"}", "{\"u\":[1,{\"v\":\"}\"}]}");
	}

	@Test
	void dataSpanningLinesIsStillJoined() {
		assertThat(decodeAll(chunks(bytes("data: {\"a\":\ndata: 1}\n\ndata: [1,\ndata: 2]\n\ndata: [DONE]\n\n"))))
			.containsExactly("{\"a\":\n1}", "[1,\n2]");
	}

	@Test
	void eventsWithoutBlankLinesEndingWithoutDoneFail() {
		StepVerifier.create(text(payloads(this.decoder, chunks(bytes("data: {\"a\":1}\ndata: {\"b\":2}\n")), null)))
			.expectNext("{\"a\":1}", "{\"b\":2}")
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ZaiStreamException.class)
				.hasMessage("Z.AI stream ended before data: [DONE] (after 2 events); the answer is incomplete"))
			.verify(TIMEOUT);
	}

	@Test
	void errorObjectWithoutBlankLineFails() {
		StepVerifier
			.create(text(payloads(this.decoder, chunks(bytes("data: {\"id\":\"1\"}\n"
					+ "data: {\"error\":{\"code\":\"1302\",\"message\":\"Rate limit reached for requests\"}}\n")),
					null)))
			.expectNext("{\"id\":\"1\"}")
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(ZaiStreamException.class,
					(stream) -> assertThat(stream.getErrorCode()).isEqualTo("1302")))
			.verify(TIMEOUT);
	}

	@Test
	void completeEventIsAWholeJsonObjectOrDone() {
		assertThat(complete("{}")).isTrue();
		assertThat(complete(" {\"a\":[1,{\"b\":\"]}\"}]} \t")).isTrue();
		assertThat(complete("[DONE]")).isTrue();
		assertThat(complete("{\"a\":\"\\\\\"}")).isTrue();
		assertThat(complete("")).isFalse();
		assertThat(complete("a")).isFalse();
		assertThat(complete("[1]")).isFalse();
		assertThat(complete("{\"a\":")).isFalse();
		assertThat(complete("{\"a\":\"}")).isFalse();
		assertThat(complete("{\"a\":\"\\\"}")).isFalse();
		assertThat(complete("{} x")).isFalse();
		assertThat(complete("{}\n{}")).isFalse();
		assertThat(complete(" [DONE]")).isFalse();
	}

	private static boolean complete(String data) {
		byte[] bytes = bytes(data + "trailing bytes after the data");
		return SseBytes.isCompleteEvent(bytes, data.getBytes(StandardCharsets.UTF_8).length);
	}

	private void expectStreamError(byte[] body, Consumer<ZaiStreamException> assertions) {
		StepVerifier.create(payloads(this.decoder, chunks(body), null))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(ZaiStreamException.class, assertions))
			.verify(TIMEOUT);
	}

	private List<String> decodeAll(Flux<DataBuffer> body) {
		return decodeAll(this.decoder, body);
	}

	private static List<String> decodeAll(SseDataDecoder decoder, Flux<DataBuffer> body) {
		return text(payloads(decoder, body, null)).collectList().block(TIMEOUT);
	}

	/**
	 * The payloads as the decoder takes them from the body, for the reader to read.
	 */
	private static Flux<DataBuffer> payloads(SseDataDecoder decoder, Flux<DataBuffer> body,
			@Nullable String requestId) {
		return decoder.events(body, requestId, Function.identity());
	}

	private static Flux<String> text(Flux<DataBuffer> payloads) {
		return payloads.map((payload) -> {
			String text = payload.toString(StandardCharsets.UTF_8);
			DataBufferUtils.release(payload);
			return text;
		});
	}

	/**
	 * Return the body cut at the given positions, each buffer allocated only when the
	 * decoder asks for it so that the leak check sees only buffers handed over.
	 */
	private Flux<DataBuffer> chunks(byte[] body, int... splits) {
		int[] bounds = IntStream
			.concat(IntStream.concat(IntStream.of(0), IntStream.of(splits)), IntStream.of(body.length))
			.toArray();
		return Flux.range(0, bounds.length - 1).map((i) -> buffer(body, bounds[i], bounds[i + 1]));
	}

	private DataBuffer buffer(String text) {
		byte[] bytes = bytes(text);
		return buffer(bytes, 0, bytes.length);
	}

	private DataBuffer buffer(byte[] body, int from, int to) {
		NettyDataBuffer buffer = this.bufferFactory.allocateBuffer(to - from);
		buffer.write(body, from, to - from);
		this.allocated.add(buffer);
		return buffer;
	}

	private static byte[] recordedStream(String lineEnd) {
		StringBuilder stream = new StringBuilder();
		for (String payload : RECORDED_PAYLOADS) {
			stream.append("data: ").append(payload).append(lineEnd).append(lineEnd);
		}
		return bytes(stream.append("data: [DONE]").append(lineEnd).append(lineEnd).toString());
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
