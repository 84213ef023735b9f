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

package io.github.zaispring;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * The extension behind {@link QuietOutput}: swaps {@code System.out} and
 * {@code System.err} for buffers around each test. Logback's console appender writes to
 * whatever {@code System.out} is at the time, so log output is held back too.
 *
 * @author zai-spring-boot contributors
 */
public class QuietOutputExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(QuietOutputExtension.class);

	@Override
	public void beforeEach(ExtensionContext context) {
		context.getStore(NAMESPACE).put(Capture.class, Capture.start());
	}

	@Override
	public void afterEach(ExtensionContext context) {
		Capture capture = context.getStore(NAMESPACE).remove(Capture.class, Capture.class);
		if (capture == null) {
			return;
		}
		capture.stop();
		if (context.getExecutionException().isPresent()) {
			capture.replay();
			return;
		}
		List<String> missing = new ArrayList<>();
		for (String expected : expectations(context)) {
			if (!capture.getAll().contains(expected)) {
				missing.add(expected);
			}
		}
		if (!missing.isEmpty()) {
			capture.replay();
			throw new AssertionError("Expected the test to print " + missing + " (its output is above)");
		}
	}

	private static List<String> expectations(ExtensionContext context) {
		List<String> expected = new ArrayList<>();
		context.getTestMethod()
			.map((method) -> AnnotatedElementUtils.findMergedAnnotation(method, QuietOutput.class))
			.ifPresent((annotation) -> expected.addAll(List.of(annotation.expect())));
		context.getTestClass()
			.map((type) -> AnnotatedElementUtils.findMergedAnnotation(type, QuietOutput.class))
			.ifPresent((annotation) -> expected.addAll(List.of(annotation.expect())));
		return expected;
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return CapturedOutput.class.equals(parameterContext.getParameter().getType());
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return extensionContext.getStore(NAMESPACE).get(Capture.class, Capture.class);
	}

	/**
	 * The output of one test, held back.
	 */
	private static final class Capture implements CapturedOutput {

		private final PrintStream originalOut;

		private final PrintStream originalErr;

		private final ByteArrayOutputStream out = new ByteArrayOutputStream();

		private final ByteArrayOutputStream err = new ByteArrayOutputStream();

		private final ByteArrayOutputStream all = new ByteArrayOutputStream();

		private Capture() {
			this.originalOut = System.out;
			this.originalErr = System.err;
		}

		static Capture start() {
			Capture capture = new Capture();
			System.setOut(new PrintStream(capture.into(capture.out), true, StandardCharsets.UTF_8));
			System.setErr(new PrintStream(capture.into(capture.err), true, StandardCharsets.UTF_8));
			return capture;
		}

		private OutputStream into(ByteArrayOutputStream stream) {
			return new OutputStream() {

				@Override
				public void write(int b) {
					synchronized (Capture.this) {
						stream.write(b);
						Capture.this.all.write(b);
					}
				}

				@Override
				public void write(byte[] bytes, int offset, int length) {
					synchronized (Capture.this) {
						stream.write(bytes, offset, length);
						Capture.this.all.write(bytes, offset, length);
					}
				}

			};
		}

		void stop() {
			System.out.flush();
			System.err.flush();
			System.setOut(this.originalOut);
			System.setErr(this.originalErr);
		}

		void replay() {
			this.originalOut.print(getAll());
			this.originalOut.flush();
		}

		@Override
		public synchronized String getAll() {
			return this.all.toString(StandardCharsets.UTF_8);
		}

		@Override
		public synchronized String getOut() {
			return this.out.toString(StandardCharsets.UTF_8);
		}

		@Override
		public synchronized String getErr() {
			return this.err.toString(StandardCharsets.UTF_8);
		}

		@Override
		public String toString() {
			// what AssertJ's CharSequence assertions compare
			return getAll();
		}

	}

}
