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

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * A part of a {@code multipart/form-data} request that {@link ZaiMockServer} received,
 * such as the audio file of a transcription.
 *
 * @param name the field name, such as {@code file}
 * @param filename the file name, or {@code null} for a text field
 * @param contentType the part's content type, or {@code null} when it named none
 * @param content the bytes of the part (compare them with {@code Arrays.equals} or
 * AssertJ's {@code isEqualTo}: a record compares arrays by identity)
 * @author zai-spring-boot contributors
 */
public record ReceivedFile(String name, @Nullable String filename, @Nullable String contentType, byte[] content) {

	/**
	 * Return the content as UTF-8 text, as a text field is read.
	 * @return the text
	 */
	public String text() {
		return new String(this.content, StandardCharsets.UTF_8);
	}

	@Override
	public String toString() {
		return "ReceivedFile[" + this.name + ", filename=" + this.filename + ", " + this.contentType + ", "
				+ this.content.length + " bytes]";
	}

}
