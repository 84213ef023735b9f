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

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MultipartForm}.
 *
 * @author zai-spring-boot contributors
 */
class MultipartFormTests {

	@Test
	void writesFieldsAndFilesBetweenBoundariesWithTheBoundaryInTheContentType() {
		Operation.Body body = new MultipartForm().field("model", "glm-asr-2512")
			.file("file", "a.wav", MediaType.parseMediaType("audio/wav"), new byte[] { 0, (byte) 0xff, '\r', '\n' })
			.toBody();
		String boundary = body.contentType().getParameter("boundary");
		assertThat(body.contentType().isCompatibleWith(MediaType.MULTIPART_FORM_DATA)).isTrue();
		assertThat(boundary).isNotBlank();
		byte[] expected = ("--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nglm-asr-2512\r\n" + "--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\n"
				+ "Content-Type: audio/wav\r\n\r\n\u0000\u00ff\r\n\r\n--" + boundary + "--\r\n")
			.getBytes(StandardCharsets.ISO_8859_1);
		assertThat(body.bytes()).isEqualTo(expected);
	}

	@Test
	void writesTextAndFileNamesAsUtf8AndEscapesQuotes() {
		Operation.Body body = new MultipartForm().field("prompt", "上一句：你好")
			.file("file", "问题 \"1\".mp3", MediaType.parseMediaType("audio/mpeg"), new byte[] { 1 })
			.toBody();
		String text = new String(body.bytes(), StandardCharsets.UTF_8);
		assertThat(text).contains("\r\n\r\n上一句：你好\r\n")
			.contains("filename=\"问题 \\\"1\\\".mp3\"")
			.doesNotContain("filename*=");
	}

	@Test
	void usesANewBoundaryForEachForm() {
		assertThat(new MultipartForm().field("a", "b").toBody().contentType())
			.isNotEqualTo(new MultipartForm().field("a", "b").toBody().contentType());
	}

}
