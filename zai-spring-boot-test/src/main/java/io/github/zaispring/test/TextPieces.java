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

/**
 * Splits reply text into the pieces that become stream deltas.
 *
 * @author zai-spring-boot contributors
 */
final class TextPieces {

	/**
	 * Longest word piece before it is cut, in characters; models emit tokens of a few
	 * characters, so long words arrive in several deltas.
	 */
	private static final int MAX_WORD_PIECE = 8;

	private static final int WORD_CUT = 4;

	private TextPieces() {
	}

	/**
	 * Split text into pieces.
	 * @param text the text
	 * @param size the number of characters per piece, or {@code 0} for word-ish pieces (a
	 * word with its leading white space, long words cut into pieces of four characters)
	 * @return the pieces, which concatenate to the text; empty for empty text
	 */
	static List<String> split(String text, int size) {
		return (size > 0) ? fixed(text, size) : words(text);
	}

	private static List<String> fixed(String text, int size) {
		List<String> pieces = new ArrayList<>();
		int start = 0;
		while (start < text.length()) {
			pieces.add(text.substring(start, end(text, start, size)));
			start = end(text, start, size);
		}
		return pieces;
	}

	private static List<String> words(String text) {
		List<String> pieces = new ArrayList<>();
		int start = 0;
		for (int i = 1; i <= text.length(); i++) {
			boolean boundary = i == text.length()
					|| (Character.isWhitespace(text.charAt(i)) && !Character.isWhitespace(text.charAt(i - 1)));
			if (boundary) {
				String word = text.substring(start, i);
				pieces.addAll((word.length() > MAX_WORD_PIECE) ? fixed(word, WORD_CUT) : List.of(word));
				start = i;
			}
		}
		return pieces;
	}

	/**
	 * Return the end of a piece of {@code size} characters from {@code start}, never
	 * between the two halves of a surrogate pair.
	 */
	private static int end(String text, int start, int size) {
		int end = Math.min(text.length(), start + size);
		if (end < text.length() && end > start + 1 && Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		else if (end < text.length() && end == start + 1 && Character.isHighSurrogate(text.charAt(start))) {
			end++;
		}
		return end;
	}

}
