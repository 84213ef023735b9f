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
package io.github.zaispring.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code ZaiMockServer} in a JVM of its own on {@code 127.0.0.1}, answering every chat
 * request with one fixed reply (or, for W5, with its default answers: a deterministic
 * vector of each text to embed), so that its CPU is not counted as the client's.
 *
 * @author zai-spring-boot contributors
 */
final class Simulator implements AutoCloseable {

	private static final String LISTENING = "ZaiMockServer listening on ";

	private final Process process;

	private final String baseUrl;

	private Simulator(Process process, String baseUrl) {
		this.process = process;
		this.baseUrl = baseUrl;
	}

	/**
	 * Start a simulator.
	 * @param chunks the content chunks of its reply
	 * @param delayMillis the delay between them
	 * @return the running simulator
	 * @throws IOException when it cannot be started
	 */
	static Simulator start(int chunks, int delayMillis) throws IOException {
		return start(Java.command("-Xmx1g", "-XX:+UseParallelGC", "io.github.zaispring.test.ZaiMockServer", "0",
				String.valueOf(chunks), String.valueOf(delayMillis)));
	}

	private static Simulator start(List<String> command) throws IOException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		BufferedReader output = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		String line;
		while ((line = output.readLine()) != null) {
			if (line.startsWith(LISTENING)) {
				String baseUrl = line.substring(LISTENING.length()).trim();
				Thread drain = new Thread(() -> drain(output), "simulator-output");
				drain.setDaemon(true);
				drain.start();
				return new Simulator(process, baseUrl);
			}
		}
		throw new IOException("The simulator ended before it listened: " + command);
	}

	/**
	 * Start a simulator with the default answers: an echo for chat, and for embeddings a
	 * deterministic vector of each text of the requested dimensions.
	 * @return the running simulator
	 * @throws IOException when it cannot be started
	 */
	static Simulator startDefault() throws IOException {
		return start(Java.command("-Xmx1g", "-XX:+UseParallelGC", "io.github.zaispring.test.ZaiMockServer", "0"));
	}

	private static void drain(BufferedReader output) {
		try {
			while (output.readLine() != null) {
				// the simulator logs nothing when all is well
			}
		}
		catch (IOException ex) {
			// the simulator has ended
		}
	}

	String baseUrl() {
		return this.baseUrl;
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

}
