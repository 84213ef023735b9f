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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import io.github.zaispring.ZaiStreamException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.util.Assert;

/**
 * The parsing state of one stream: a byte-level state machine that never turns a line
 * into a {@code String}.
 * <p>
 * The only per-stream memory is one growable array. Each incoming buffer is copied behind
 * the current event's data in that array and parsed there, and the bytes of {@code data}
 * values are moved down in place to extend the event's data, which always fits because
 * the parsed input is never shorter than the data it yields. A line's field name is
 * matched while it is read.
 * <p>
 * Used by {@link SseDataDecoder}, which documents the rules it follows.
 *
 * @author zai-spring-boot contributors
 */
final class SseEventParser {

	/**
	 * Marks a failure among the emitted payloads; see {@link #failure()}.
	 */
	static final DataBuffer FAILED = DefaultDataBufferFactory.sharedInstance.wrap(new byte[0]);

	private static final byte[] DATA = { 'd', 'a', 't', 'a' };

	private static final byte[] EVENT = { 'e', 'v', 'e', 'n', 't' };

	private static final int INITIAL_CAPACITY = 1024;

	/**
	 * Capacity kept between buffers: a rare large event (a whole tool call) must not pin
	 * its array for the rest of a long stream while thousands of streams run.
	 */
	private static final int RETAINED_CAPACITY = 16 * 1024;

	// Where in a line the parser is
	private static final int FIELD = 0;

	private static final int AFTER_COLON = 1;

	private static final int VALUE = 2;

	// Which field the current line holds
	private static final int OTHER = 0;

	private static final int DATA_FIELD = 1;

	private static final int EVENT_FIELD = 2;

	private final ZaiErrorDecoder errorDecoder;

	private final int maxEventSize;

	private final @Nullable String requestId;

	private int linePosition = FIELD;

	private int fieldNameLength;

	private boolean maybeData = true;

	private boolean maybeEvent = true;

	private int field = OTHER;

	/** Bytes of the current {@code event:} value matching "error"; -1 on mismatch. */
	private int eventValueMatch;

	private boolean errorEvent;

	/** A CR ended the last line, so an LF that follows belongs to it. */
	private boolean skipLineFeed;

	/** The current event's data in {@code [0, dataLength)}, then unparsed input. */
	private byte[] data = new byte[0];

	private int dataLength;

	private boolean hasData;

	private int dispatched;

	private boolean finished;

	private @Nullable ZaiStreamException failure;

	private @Nullable List<DataBuffer> out;

	private final Sinks.Empty<Void> doneSignal = Sinks.empty();

	SseEventParser(ZaiErrorDecoder errorDecoder, int maxEventSize, @Nullable String requestId) {
		this.errorDecoder = errorDecoder;
		this.maxEventSize = maxEventSize;
		this.requestId = requestId;
	}

	/**
	 * Parse one buffer of the body and release it.
	 * @param buffer the buffer
	 * @return the payloads of the events it completed, possibly followed by
	 * {@link #FAILED}; none after {@code [DONE]}
	 */
	List<DataBuffer> parse(DataBuffer buffer) {
		try {
			int length = buffer.readableByteCount();
			if (this.finished || length == 0) {
				return Collections.emptyList();
			}
			int start = this.dataLength;
			if (start + length > this.data.length) {
				this.data = Arrays.copyOf(this.data,
						Math.max(Math.max(INITIAL_CAPACITY, this.data.length * 2), Math.addExact(start, length)));
			}
			buffer.read(this.data, start, length);
			parse(this.data, start, start + length);
			if (this.data.length > RETAINED_CAPACITY && this.dataLength < INITIAL_CAPACITY) {
				this.data = Arrays.copyOf(this.data, INITIAL_CAPACITY);
			}
			return takeOutput();
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	/**
	 * Finish the body: dispatch an event left without its blank line, then apply the
	 * {@code [DONE]} rule.
	 * @return the last payloads, followed by {@link #FAILED} unless {@code [DONE]} came
	 */
	List<DataBuffer> endOfBody() {
		if (!this.finished) {
			if (this.linePosition == FIELD && this.fieldNameLength > 0) {
				// Room for the line feed that may join this line to the data before
				this.data = Arrays.copyOf(this.data, Math.max(this.data.length, this.dataLength + 1));
				this.field = resolveField(this.data);
			}
			endLine();
			dispatch();
		}
		if (!this.finished) {
			fail(new ZaiStreamException("Z.AI stream ended before data: [DONE] (after " + this.dispatched
					+ " events); the answer is incomplete", this.requestId, null));
		}
		return takeOutput();
	}

	/**
	 * Return whether {@code [DONE]} was read: the answer is whole.
	 */
	boolean isDone() {
		// finished either at [DONE] or by a failure
		return this.finished && this.failure == null;
	}

	/**
	 * Return a signal that completes when {@code [DONE]} is read.
	 */
	Mono<Void> done() {
		return this.doneSignal.asMono();
	}

	ZaiStreamException failure() {
		Assert.state(this.failure != null, "No failure");
		return this.failure;
	}

	/**
	 * Parse {@code bytes[from, to)}, which starts at the end of the current event's data.
	 */
	private void parse(byte[] bytes, int from, int to) {
		int index = from;
		while (index < to && !this.finished) {
			byte b = bytes[index];
			if (this.skipLineFeed) {
				this.skipLineFeed = false;
				if (b == '\n') {
					index++;
					continue;
				}
			}
			if (this.linePosition == FIELD) {
				index++;
				if (b == ':') {
					this.field = resolveField(bytes);
					this.linePosition = AFTER_COLON;
				}
				else if (b == '\n' || b == '\r') {
					this.skipLineFeed = (b == '\r');
					if (this.fieldNameLength == 0) {
						dispatch();
					}
					else {
						this.field = resolveField(bytes);
						endLine();
					}
				}
				else {
					matchFieldName(b);
				}
				continue;
			}
			if (this.linePosition == AFTER_COLON) {
				this.linePosition = VALUE;
				if (b == ' ') {
					index++;
					continue;
				}
			}
			int end = SseBytes.indexOfLineEnd(bytes, index, to);
			value(bytes, index, end);
			if (end < to) {
				this.skipLineFeed = (bytes[end] == '\r');
				endLine();
				end++;
			}
			index = end;
		}
	}

	private void matchFieldName(byte b) {
		int n = this.fieldNameLength;
		this.maybeData &= n < DATA.length && DATA[n] == b;
		this.maybeEvent &= n < EVENT.length && EVENT[n] == b;
		// Saturate: a name longer than any we know only needs to stay non-empty
		this.fieldNameLength = Math.min(n + 1, EVENT.length + 1);
	}

	private int resolveField(byte[] bytes) {
		if (this.maybeData && this.fieldNameLength == DATA.length) {
			if (this.hasData && SseBytes.isCompleteEvent(bytes, this.dataLength)) {
				// A missing blank line, as in the API docs' examples: see
				// isCompleteEvent
				dispatch();
			}
			if (this.hasData) {
				// Room is certain: at least "data" of this line was read after the
				// data
				appendData(bytes, -1, 1);
			}
			this.hasData = true;
			return DATA_FIELD;
		}
		if (this.maybeEvent && this.fieldNameLength == EVENT.length) {
			this.eventValueMatch = 0;
			return EVENT_FIELD;
		}
		return OTHER;
	}

	private void value(byte[] bytes, int start, int end) {
		if (this.field == DATA_FIELD) {
			appendData(bytes, start, end - start);
		}
		else if (this.field == EVENT_FIELD) {
			for (int i = start; i < end && this.eventValueMatch >= 0; i++) {
				int n = this.eventValueMatch;
				this.eventValueMatch = (n < SseBytes.ERROR.length && SseBytes.ERROR[n] == bytes[i]) ? n + 1 : -1;
			}
		}
	}

	/**
	 * Move {@code length} parsed bytes down to the end of the event's data, or append a
	 * line feed when {@code start} is negative.
	 */
	private void appendData(byte[] bytes, int start, int length) {
		if (this.dataLength + length > this.maxEventSize) {
			fail(new ZaiStreamException("Z.AI stream event exceeds the maximum size of " + this.maxEventSize + " bytes",
					this.requestId, null));
		}
		else if (start < 0) {
			bytes[this.dataLength++] = '\n';
		}
		else {
			System.arraycopy(bytes, start, bytes, this.dataLength, length);
			this.dataLength += length;
		}
	}

	private void endLine() {
		if (this.field == EVENT_FIELD) {
			this.errorEvent = (this.eventValueMatch == SseBytes.ERROR.length);
		}
		this.linePosition = FIELD;
		this.fieldNameLength = 0;
		this.maybeData = true;
		this.maybeEvent = true;
		this.field = OTHER;
	}

	private void dispatch() {
		if (this.finished) {
			return;
		}
		boolean errorEvent = this.errorEvent;
		this.errorEvent = false;
		if (!this.hasData) {
			return;
		}
		this.hasData = false;
		byte[] payload = Arrays.copyOf(this.data, this.dataLength);
		this.dataLength = 0;
		this.dispatched++;
		if (errorEvent || SseBytes.startsWithErrorKey(payload)) {
			fail(this.errorDecoder.decodeStreamError(payload, this.requestId));
		}
		else if (Arrays.equals(payload, SseBytes.DONE_PAYLOAD)) {
			this.finished = true;
			this.doneSignal.tryEmitEmpty();
		}
		else {
			output(DefaultDataBufferFactory.sharedInstance.wrap(payload));
		}
	}

	private void fail(ZaiStreamException failure) {
		this.failure = failure;
		this.finished = true;
		this.data = new byte[0];
		this.dataLength = 0;
		output(FAILED);
	}

	private void output(DataBuffer payload) {
		if (this.out == null) {
			this.out = new ArrayList<>(2);
		}
		this.out.add(payload);
	}

	private List<DataBuffer> takeOutput() {
		List<DataBuffer> result = (this.out != null) ? this.out : Collections.emptyList();
		this.out = null;
		return result;
	}

}
