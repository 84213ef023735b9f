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
 * Turns text into speech through Z.AI's text-to-speech API ({@code POST /audio/speech}).
 * Implemented by {@link ZaiSpeechTemplate}.
 *
 * @author zai-spring-boot contributors
 */
public interface ZaiSpeechOperations {

	/**
	 * Speak a text; options the request leaves unset take the configured ones
	 * ({@code zai.speech.model}, {@code .voice}, {@code .response-format}).
	 * @param request the text and the options, without an
	 * {@link SpeechRequest.Builder#encodeFormat encodeFormat}, which only streams take
	 * @return the audio as Z.AI sent it, with its content type; fails with a
	 * {@link io.github.zaispring.ZaiException} subclass when the API refuses the request
	 * or cannot be reached
	 * @throws IllegalArgumentException when the request is {@code null} or sets an
	 * encodeFormat; no request is sent then
	 */
	Mono<SpeechAudio> speak(SpeechRequest request);

	/**
	 * Speak a text with the configured model, voice and format.
	 * @param input the text, not blank, at most 1024 characters
	 * @return the audio; fails as {@link #speak(SpeechRequest)} does
	 * @throws IllegalArgumentException when the text is blank or too long; no request is
	 * sent then
	 */
	Mono<SpeechAudio> speak(String input);

	/**
	 * Speak a text as a stream of chunks of encoded audio, as soon as each is ready.
	 * @param request the text and the options
	 * @return the chunks; fails with a {@link io.github.zaispring.ZaiException} subclass
	 * when the API refuses the request, and with a
	 * {@link io.github.zaispring.ZaiStreamException} when the stream breaks off
	 * @throws IllegalArgumentException when the request is {@code null}; no request is
	 * sent then
	 */
	Flux<SpeechChunk> stream(SpeechRequest request);

	/**
	 * Speak a text as a stream of pieces of audio, decoded from the chunks in the
	 * request's {@link SpeechRequest#encodeFormat() encoding}; chunks without audio are
	 * skipped.
	 * @param request the text and the options
	 * @return the bytes of each piece, in order; fails as {@link #stream(SpeechRequest)}
	 * does, and with a {@link io.github.zaispring.ZaiStreamException} when a chunk's
	 * audio is not valid in the encoding
	 * @throws IllegalArgumentException when the request is {@code null}; no request is
	 * sent then
	 */
	Flux<byte[]> streamAudio(SpeechRequest request);

}
