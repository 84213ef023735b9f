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

package io.github.zaispring.readme;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

import org.jspecify.annotations.Nullable;

/**
 * The Java blocks of a Markdown file, and how each is compiled. The rules, stated at the
 * top of README.md for its authors:
 * <ul>
 * <li>every block fenced with {@code ```java} is compiled against the current code, with
 * only the imports it shows;</li>
 * <li>a block that declares a top-level type (a class, interface, record or enum at the
 * start of a line) is a whole compilation unit and is compiled as it is;</li>
 * <li>any other block is a snippet: its leading {@code import} lines stay imports, and
 * the rest becomes the body of a class when it starts with an annotation or a method
 * declaration, else the body of a method {@code void snippet() throws Exception};</li>
 * <li>{@code <!-- readme-check: given DECLARATIONS -->} on the line before a block
 * declares what a snippet uses but does not declare, such as
 * {@code ZaiChatOperations zai; ChatRequest request}: they become fields of the wrapping
 * class (use fully qualified names for types the block does not import);</li>
 * <li>{@code <!-- readme-check: skip REASON -->} on the line before a block leaves it
 * out, for a block that is intentionally not compilable.</li>
 * </ul>
 *
 * @author zai-spring-boot contributors
 */
final class ReadmeJavaBlocks {

	private static final Pattern DIRECTIVE = Pattern
		.compile("^\\s*<!--\\s*readme-check:\\s*(\\w+)\\s*(.*?)\\s*-->\\s*$");

	private static final Pattern TYPE_DECLARATION = Pattern.compile(
			"^(?:(?:public|final|abstract|sealed|non-sealed|static|strictfp)\\s+)*(?:class|interface|record|enum)\\s+(\\w+)");

	private static final Pattern PUBLIC_TYPE_DECLARATION = Pattern.compile(
			"^(?:(?:final|abstract|sealed|non-sealed|static|strictfp)\\s+)*public\\s+(?:(?:final|abstract|sealed|non-sealed|static|strictfp)\\s+)*(?:class|interface|record|enum)\\s+(\\w+)");

	private static final Pattern METHOD_DECLARATION = Pattern.compile(
			"^(?:(?:public|protected|private|static|final|synchronized|default)\\s+)*(?:<[^>]+>\\s+)?[\\w.<>\\[\\], ?]+\\s+\\w+\\s*\\([^;]*$");

	private ReadmeJavaBlocks() {
	}

	/**
	 * Return the Java blocks of a Markdown document.
	 * @param file the document's name, for messages
	 * @param lines the document's lines
	 * @return the blocks, in order
	 * @throws IllegalStateException when a block is not closed or a directive is unknown
	 */
	static List<Block> parse(String file, List<String> lines) {
		List<Block> blocks = new ArrayList<>();
		String heading = "";
		boolean inComment = false;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			String trimmed = line.strip();
			if (inComment) {
				inComment = !trimmed.contains("-->");
				continue;
			}
			if (trimmed.startsWith("<!--") && !trimmed.contains("-->")) {
				inComment = true;
				continue;
			}
			if (line.startsWith("#")) {
				heading = line.replaceFirst("^#+\\s*", "");
				continue;
			}
			if (!trimmed.startsWith("```")) {
				continue;
			}
			String info = trimmed.substring(3).strip();
			int indent = line.indexOf('`');
			int start = i + 1;
			int end = start;
			while (end < lines.size() && !lines.get(end).strip().equals("```")) {
				end++;
			}
			if (end == lines.size()) {
				throw new IllegalStateException(file + ":" + (i + 1) + ": code block is not closed");
			}
			if (info.equals("java")) {
				List<String> code = new ArrayList<>();
				for (int j = start; j < end; j++) {
					code.add(unindent(lines.get(j), indent));
				}
				Directive directive = directiveBefore(file, lines, i);
				blocks.add(new Block(file, start + 1, heading, code, directive));
			}
			i = end;
		}
		return blocks;
	}

	private static @Nullable Directive directiveBefore(String file, List<String> lines, int fence) {
		int previous = fence - 1;
		while (previous >= 0 && lines.get(previous).isBlank()) {
			previous--;
		}
		if (previous < 0) {
			return null;
		}
		Matcher matcher = DIRECTIVE.matcher(lines.get(previous));
		if (!matcher.matches()) {
			return null;
		}
		String kind = matcher.group(1);
		if (!kind.equals("skip") && !kind.equals("given")) {
			throw new IllegalStateException(file + ":" + (previous + 1) + ": unknown readme-check directive '" + kind
					+ "'; use 'skip REASON' or 'given DECLARATIONS'");
		}
		return new Directive(kind, matcher.group(2), previous + 1);
	}

	private static String unindent(String line, int indent) {
		int strip = 0;
		while (strip < indent && strip < line.length() && line.charAt(strip) == ' ') {
			strip++;
		}
		return line.substring(strip);
	}

	/**
	 * Return the classpath the blocks compile against: the test classpath.
	 */
	static String classpath() {
		// Surefire runs tests from a manifest-only jar, so java.class.path is that jar
		return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
	}

	/**
	 * Return a compiler of blocks against the classpath.
	 * @param classpath the classpath, as in {@code java.class.path}
	 * @return the compiler, to close when done
	 */
	static BlockCompiler compiler(String classpath) throws IOException {
		return new BlockCompiler(classpath);
	}

	/**
	 * Compiles blocks one at a time with one file manager, which reads the classpath's
	 * jars once.
	 */
	static final class BlockCompiler implements AutoCloseable {

		private final JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();

		private final StandardJavaFileManager fileManager;

		private BlockCompiler(String classpath) throws IOException {
			this.fileManager = this.compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
			List<File> entries = new ArrayList<>();
			for (String entry : classpath.split(File.pathSeparator)) {
				if (!entry.isBlank()) {
					entries.add(new File(entry));
				}
			}
			this.fileManager.setLocation(StandardLocation.CLASS_PATH, entries);
		}

		/**
		 * Compile a block.
		 * @param block the block
		 * @param output where to write the classes
		 * @return the errors, each naming the document's line, empty when it compiled
		 */
		List<String> compile(Block block, Path output) throws IOException {
			Source source = block.toSource();
			JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + source.typeName() + ".java"),
					JavaFileObject.Kind.SOURCE) {

				@Override
				public CharSequence getCharContent(boolean ignoreEncodingErrors) {
					return source.text();
				}

			};
			Files.createDirectories(output);
			this.fileManager.setLocation(StandardLocation.CLASS_OUTPUT, List.of(output.toFile()));
			DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
			List<String> options = List.of("--release", "17", "-proc:none", "-implicit:none", "-nowarn");
			boolean compiled = this.compiler.getTask(null, this.fileManager, diagnostics, options, null, List.of(file))
				.call();
			List<String> errors = new ArrayList<>();
			for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
				if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
					errors.add(block.file() + ":" + source.documentLine((int) diagnostic.getLineNumber()) + ": "
							+ diagnostic.getMessage(Locale.ROOT));
				}
			}
			if (!compiled && errors.isEmpty()) {
				errors.add(block.file() + ":" + block.line() + ": does not compile");
			}
			return errors;
		}

		@Override
		public void close() throws IOException {
			this.fileManager.close();
		}

	}

	/**
	 * A directive in the HTML comment before a block.
	 *
	 * @param kind {@code skip} or {@code given}
	 * @param argument the reason to skip, or the declarations given to a snippet
	 * @param line the document's line of the directive
	 */
	record Directive(String kind, String argument, int line) {

	}

	/**
	 * A Java block.
	 *
	 * @param file the document's name
	 * @param line the document's line of the block's first line of code
	 * @param heading the heading of the section the block is in
	 * @param code the block's lines, without the indentation of its fence
	 * @param directive the directive before it, if any
	 */
	record Block(String file, int line, String heading, List<String> code, @Nullable Directive directive) {

		boolean isSkipped() {
			return this.directive != null && this.directive.kind().equals("skip");
		}

		@Nullable String skipReason() {
			return isSkipped() ? this.directive.argument() : null;
		}

		/**
		 * Return the source to compile: the block itself when it is a compilation unit,
		 * else the snippet wrapped as the rules say.
		 */
		Source toSource() {
			String unit = typeName(PUBLIC_TYPE_DECLARATION);
			unit = (unit != null) ? unit : typeName(TYPE_DECLARATION);
			Source.Builder source = new Source.Builder();
			if (unit != null) {
				for (int i = 0; i < this.code.size(); i++) {
					source.line(this.code.get(i), this.line + i);
				}
				return source.build(unit);
			}
			String className = "ReadmeSnippetAtLine" + this.line;
			int body = 0;
			while (body < this.code.size() && isImportOrBlank(this.code.get(body))) {
				source.line(this.code.get(body), this.line + body);
				body++;
			}
			boolean members = body < this.code.size() && isMemberStart(this.code.get(body).strip());
			source.line("class " + className + " {", -1);
			if (this.directive != null && this.directive.kind().equals("given")) {
				for (String declaration : this.directive.argument().split(";")) {
					if (!declaration.isBlank()) {
						source.line(declaration.strip() + ";", this.directive.line());
					}
				}
			}
			if (!members) {
				source.line("void snippet() throws Exception {", -1);
			}
			for (int i = body; i < this.code.size(); i++) {
				source.line(this.code.get(i), this.line + i);
			}
			if (!members) {
				source.line("}", -1);
			}
			source.line("}", -1);
			return source.build(className);
		}

		private @Nullable String typeName(Pattern declaration) {
			for (String codeLine : this.code) {
				Matcher matcher = declaration.matcher(codeLine);
				if (matcher.find()) {
					return matcher.group(1);
				}
			}
			return null;
		}

		private static boolean isImportOrBlank(String codeLine) {
			String trimmed = codeLine.strip();
			return trimmed.isEmpty() || trimmed.startsWith("import ") || trimmed.startsWith("package ");
		}

		private static boolean isMemberStart(String firstLine) {
			if (firstLine.startsWith("@")) {
				return true;
			}
			return METHOD_DECLARATION.matcher(firstLine).find() && !firstLine.contains("=")
					&& !firstLine.matches("^(return|throw|new|yield|else)\\b.*");
		}

	}

	/**
	 * Java source and, for each of its lines, the document's line it came from.
	 *
	 * @param typeName the name of the file's type
	 * @param text the source
	 * @param lines the document's line of each line of the source, or -1 for lines the
	 * wrapping added
	 */
	record Source(String typeName, String text, List<Integer> lines) {

		int documentLine(int sourceLine) {
			if (sourceLine >= 1 && sourceLine <= this.lines.size()) {
				int line = this.lines.get(sourceLine - 1);
				if (line > 0) {
					return line;
				}
			}
			return this.lines.stream().filter((line) -> line > 0).findFirst().orElse(0);
		}

		String numbered() {
			StringBuilder numbered = new StringBuilder();
			String[] sourceLines = this.text.split("\n", -1);
			for (int i = 0; i < this.lines.size(); i++) {
				int line = this.lines.get(i);
				numbered.append(String.format("%6s | %s%n", (line > 0) ? String.valueOf(line) : "", sourceLines[i]));
			}
			return numbered.toString();
		}

		static final class Builder {

			private final StringBuilder text = new StringBuilder();

			private final List<Integer> lines = new ArrayList<>();

			void line(String line, int documentLine) {
				this.text.append(line).append('\n');
				this.lines.add(documentLine);
			}

			Source build(String typeName) {
				return new Source(typeName, this.text.toString(), List.copyOf(this.lines));
			}

		}

	}

}
