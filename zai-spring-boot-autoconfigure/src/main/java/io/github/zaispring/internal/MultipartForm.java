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

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.util.MimeTypeUtils;

/**
 * Writes a {@code multipart/form-data} body into bytes, for the endpoints that take a
 * form instead of JSON (such as {@code POST /audio/transcriptions}).
 * <p>
 * The core sends every body as bytes written once per call, so that a retry resends
 * exactly what the first attempt sent and the body can be logged; Spring's
 * {@code MultipartHttpMessageWriter} writes to a reactive output message instead. The
 * parts' headers are still Spring's: {@link ContentDisposition} quotes field names and
 * file names, which are sent as UTF-8 without {@code filename*} (RFC 7578 §4.2, as
 * browsers send them), and the boundary is
 * {@link MimeTypeUtils#generateMultipartBoundaryString() Spring's}. Text fields are sent
 * as UTF-8 without a {@code Content-Type}, as browsers and
 * {@code MultipartHttpMessageWriter} send them.
 *
 * @author zai-spring-boot contributors
 */
public final class MultipartForm {

	private static final byte[] CRLF = { '\r', '\n' };

	private final String boundary = MimeTypeUtils.generateMultipartBoundaryString();

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	/**
	 * Add a text field.
	 * @param name the field name
	 * @param value the value, sent as UTF-8
	 * @return this form
	 */
	public MultipartForm field(String name, String value) {
		part(ContentDisposition.formData().name(name).build(), null, value.getBytes(StandardCharsets.UTF_8));
		return this;
	}

	/**
	 * Add a file.
	 * @param name the field name
	 * @param filename the file name
	 * @param contentType the content type of the file
	 * @param content the bytes of the file
	 * @return this form
	 */
	public MultipartForm file(String name, String filename, MediaType contentType, byte[] content) {
		part(ContentDisposition.formData().name(name).filename(filename).build(), contentType, content);
		return this;
	}

	private void part(ContentDisposition disposition, @Nullable MediaType contentType, byte[] content) {
		text("--" + this.boundary);
		this.out.writeBytes(CRLF);
		text("Content-Disposition: " + disposition);
		this.out.writeBytes(CRLF);
		if (contentType != null) {
			text("Content-Type: " + contentType);
			this.out.writeBytes(CRLF);
		}
		this.out.writeBytes(CRLF);
		this.out.writeBytes(content);
		this.out.writeBytes(CRLF);
	}

	private void text(String text) {
		this.out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Close the form and return it as a request body.
	 * @return the bytes and the content type with the boundary
	 */
	public Operation.Body toBody() {
		text("--" + this.boundary + "--");
		this.out.writeBytes(CRLF);
		return new Operation.Body(this.out.toByteArray(),
				new MediaType(MediaType.MULTIPART_FORM_DATA, Map.of("boundary", this.boundary)));
	}

}
