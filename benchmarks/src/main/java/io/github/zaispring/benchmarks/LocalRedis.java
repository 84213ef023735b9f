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

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code redis-server} for the Redis scope's system: bound to 127.0.0.1 on a
 * free port, without persistence, and stopped by its PID, as the tests'
 * {@code RedisServer} fixture runs it.
 *
 * @author zai-spring-boot contributors
 */
final class LocalRedis implements AutoCloseable {

	private static final String EXECUTABLE = "/usr/bin/redis-server";

	private final Process process;

	private final int port;

	private LocalRedis(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/**
	 * Start a server and wait until it answers {@code PING}.
	 * @return the running server
	 * @throws IOException when it cannot be started or does not answer within 15 seconds
	 * @throws InterruptedException when interrupted while waiting for it
	 */
	static LocalRedis start() throws IOException, InterruptedException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Process process = new ProcessBuilder(List.of(EXECUTABLE, "--bind", "127.0.0.1", "--port", String.valueOf(port),
				"--save", "", "--appendonly", "no", "--daemonize", "no", "--loglevel", "warning"))
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		LocalRedis redis = new LocalRedis(process, port);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
		while (System.nanoTime() < deadline && process.isAlive()) {
			if (redis.answersPing()) {
				System.out.println("redis-server (PID " + process.pid() + ") on 127.0.0.1:" + port);
				return redis;
			}
			process.waitFor(20, TimeUnit.MILLISECONDS);
		}
		redis.close();
		throw new IOException("redis-server did not answer PING on port " + port + "; install it with"
				+ " `bash .ci/install-redis` (or `sudo apt-get install redis-server`)");
	}

	private boolean answersPing() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 1000);
			socket.setSoTimeout(1000);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] reply = in.readNBytes(7);
			return "+PONG\r\n".equals(new String(reply, StandardCharsets.US_ASCII));
		}
		catch (IOException ex) {
			return false;
		}
	}

	int port() {
		return this.port;
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
	}

}
