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

package io.github.zaispring.audio;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Turns speech into text through Z.AI's speech-to-text API
 * ({@code POST /audio/transcriptions}, a {@code multipart/form-data} upload). Implemented
 * by {@link ZaiTranscriptionTemplate}.
 *
 * @author zai-spring-boot contributors
 */
public interface ZaiTranscriptionOperations {

	/**
	 * Transcribe audio; a request that names no model takes the configured one
	 * ({@code zai.transcription.model}).
	 * @param request the audio and the options
	 * @return the transcript; fails with a {@link io.github.zaispring.ZaiException}
	 * subclass when the API refuses the request or cannot be reached
	 * @throws IllegalArgumentException when the request is {@code null}; no request is
	 * sent then
	 */
	Mono<Transcription> transcribe(TranscriptionRequest request);

	/**
	 * Transcribe an audio file with the configured model.
	 * @param file the audio file
	 * @return the transcript text; fails as {@link #transcribe(TranscriptionRequest)}
	 * does
	 * @throws IllegalArgumentException when the file is {@code null}; no request is sent
	 * then
	 */
	Mono<String> transcribe(AudioFile file);

	/**
	 * Transcribe audio as a stream of events: the pieces of the transcript in order
	 * ({@link TranscriptionEvent#isDelta()}), then the end of it
	 * ({@link TranscriptionEvent#isDone()}).
	 * @param request the audio and the options
	 * @return the events; fails with a {@link io.github.zaispring.ZaiException} subclass
	 * when the API refuses the request, and with a
	 * {@link io.github.zaispring.ZaiStreamException} when the stream breaks off
	 * @throws IllegalArgumentException when the request is {@code null}; no request is
	 * sent then
	 */
	Flux<TranscriptionEvent> stream(TranscriptionRequest request);

	/**
	 * Transcribe audio as a stream of the pieces of its transcript, in order.
	 * @param request the audio and the options
	 * @return the text of each {@link TranscriptionEvent#DELTA} event; fails as
	 * {@link #stream(TranscriptionRequest)} does
	 * @throws IllegalArgumentException when the request is {@code null}; no request is
	 * sent then
	 */
	Flux<String> streamText(TranscriptionRequest request);

}
