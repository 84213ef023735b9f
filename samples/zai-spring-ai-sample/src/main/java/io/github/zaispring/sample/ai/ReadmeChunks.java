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

package io.github.zaispring.sample.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.ai.document.Document;
import org.springframework.util.Assert;

/**
 * Splits a Markdown document into the chunks that are embedded and searched: one per
 * section (a heading and the text up to the next heading), and a long section into parts
 * of whole paragraphs (a paragraph longer than a chunk, between lines). Each chunk starts
 * with its heading, so that its vector and the model both know what it is about, and
 * carries in its metadata the section's title and its anchor on GitHub, to cite it.
 *
 * @author zai-spring-boot contributors
 */
final class ReadmeChunks {

	/**
	 * The metadata key of a chunk's section title.
	 */
	static final String SECTION = "section";

	/**
	 * The metadata key of a chunk's anchor, the {@code #fragment} of its section on
	 * GitHub.
	 */
	static final String ANCHOR = "anchor";

	private final int maxLength;

	/**
	 * Create a splitter.
	 * @param maxLength the longest chunk in characters, its heading not counted
	 */
	ReadmeChunks(int maxLength) {
		Assert.isTrue(maxLength > 0, () -> "maxLength must be positive, such as 1500, but was " + maxLength);
		this.maxLength = maxLength;
	}

	/**
	 * Split a Markdown text.
	 * @param markdown the text
	 * @return the chunks, in the order of the text; text before the first heading is left
	 * out
	 */
	List<Document> split(String markdown) {
		List<Document> chunks = new ArrayList<>();
		@Nullable String title = null;
		StringBuilder paragraph = new StringBuilder();
		List<String> paragraphs = new ArrayList<>();
		boolean inCode = false;
		for (String line : markdown.split("\\R", -1)) {
			if (line.startsWith("```")) {
				inCode = !inCode;
			}
			boolean heading = !inCode && line.matches("#{1,4} .*");
			boolean blank = !inCode && line.isBlank();
			if (heading || blank) {
				addParagraph(paragraphs, paragraph);
			}
			if (heading) {
				addChunks(chunks, title, paragraphs);
				title = line.replaceFirst("#+ ", "").strip();
			}
			else if (!blank) {
				paragraph.append(line).append('\n');
			}
		}
		addParagraph(paragraphs, paragraph);
		addChunks(chunks, title, paragraphs);
		return chunks;
	}

	private void addParagraph(List<String> paragraphs, StringBuilder paragraph) {
		if (!paragraph.isEmpty()) {
			paragraphs.addAll(pieces(paragraph.toString().strip()));
			paragraph.setLength(0);
		}
	}

	/**
	 * Cut a paragraph longer than the longest chunk (a long code block, a table) between
	 * lines, and a line longer than that anywhere: rerank takes texts of at most 4,096
	 * characters.
	 */
	private List<String> pieces(String paragraph) {
		if (paragraph.length() <= this.maxLength) {
			return List.of(paragraph);
		}
		List<String> pieces = new ArrayList<>();
		StringBuilder piece = new StringBuilder();
		for (String line : paragraph.split("\n")) {
			for (int start = 0; start < Math.max(1, line.length()); start += this.maxLength) {
				String part = line.substring(start, Math.min(line.length(), start + this.maxLength));
				if (!piece.isEmpty() && piece.length() + 1 + part.length() > this.maxLength) {
					pieces.add(piece.toString());
					piece.setLength(0);
				}
				piece.append(piece.isEmpty() ? "" : "\n").append(part);
			}
		}
		pieces.add(piece.toString());
		return pieces;
	}

	private void addChunks(List<Document> chunks, @Nullable String title, List<String> paragraphs) {
		if (title != null && !paragraphs.isEmpty()) {
			StringBuilder text = new StringBuilder();
			for (String paragraph : paragraphs) {
				if (!text.isEmpty() && text.length() + paragraph.length() + 2 > this.maxLength) {
					chunks.add(chunk(title, text.toString()));
					text.setLength(0);
				}
				text.append(text.isEmpty() ? "" : "\n\n").append(paragraph);
			}
			chunks.add(chunk(title, text.toString()));
		}
		paragraphs.clear();
	}

	private static Document chunk(String title, String text) {
		return new Document("## " + title + "\n\n" + text, Map.of(SECTION, title, ANCHOR, anchor(title)));
	}

	/**
	 * Return the anchor GitHub gives a heading: lower case, spaces as hyphens, other
	 * punctuation left out.
	 * @param title the heading's text
	 * @return the anchor, without {@code #}
	 */
	static String anchor(String title) {
		return title.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
	}

}
