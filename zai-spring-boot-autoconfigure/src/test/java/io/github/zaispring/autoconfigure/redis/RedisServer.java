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

package io.github.zaispring.autoconfigure.redis;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real {@code redis-server} for tests: Debian's binary, bound to 127.0.0.1 on a free
 * port, without persistence, in a temporary directory, stopped by PID.
 * <p>
 * Register it as a {@code static} {@code @RegisterExtension} field: it starts before the
 * first test of the class, is started again (same port, empty) before a test when an
 * earlier test left it stopped, and is stopped after the last test, whatever the tests
 * did. As an instance field it lives for one test. Where {@code /usr/bin/redis-server} is
 * missing the tests are skipped with a message saying how to install it, except when the
 * environment variable {@code CI} is {@code true}: there they fail, because CI must run
 * them. <pre class="code">
 * &#64;RegisterExtension
 * static final RedisServer redis = new RedisServer();
 * </pre>
 *
 * @author zai-spring-boot contributors
 */
public final class RedisServer
		implements ExecutionCondition, BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

	/** Where Debian's {@code redis-server} package puts the server. */
	public static final Path DEFAULT_EXECUTABLE = Path.of("/usr/bin/redis-server");

	static final String INSTALL_HINT = "install it with `bash .ci/install-redis` (or `sudo apt-get install redis-server`)";

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(15);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

	private static final int BIND_ATTEMPTS = 5;

	private static final String TLS_CERTIFICATE = "redis.crt";

	private static final String TLS_PRIVATE_KEY = "redis.key";

	private final Path executable;

	private final boolean ci;

	private final boolean tls;

	private int port;

	private int tlsPort;

	private @Nullable Process process;

	private @Nullable Path directory;

	private @Nullable Thread shutdownHook;

	private boolean classScoped;

	/**
	 * A server that runs Debian's {@code /usr/bin/redis-server} and reads {@code CI} from
	 * the environment.
	 */
	public RedisServer() {
		this(DEFAULT_EXECUTABLE, System.getenv(), false);
	}

	RedisServer(Path executable, Map<String, String> environment) {
		this(executable, environment, false);
	}

	private RedisServer(Path executable, Map<String, String> environment, boolean tls) {
		this.executable = executable;
		this.ci = "true".equalsIgnoreCase(environment.get("CI"));
		this.tls = tls;
	}

	/**
	 * A server that also listens with TLS on a port of its own, and only lets in clients
	 * whose certificate it trusts: its own self-signed certificate for 127.0.0.1 and
	 * {@code localhost}, made with the JDK's {@code keytool} when it first starts. The
	 * plain port stays open for {@link #execute(String...)}.
	 * @return the server
	 * @see #getTlsPort()
	 * @see #getCertificate()
	 * @see #getPrivateKey()
	 */
	public static RedisServer withTls() {
		return new RedisServer(DEFAULT_EXECUTABLE, System.getenv(), true);
	}

	/**
	 * Whether a {@code redis-server} is there to run.
	 * @return {@code true} when the executable exists and may be run
	 */
	public boolean isInstalled() {
		return Files.isExecutable(this.executable);
	}

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (isInstalled()) {
			return ConditionEvaluationResult.enabled(this.executable + " is installed");
		}
		if (this.ci) {
			// enabled so that starting the server fails the tests: CI must run them
			return ConditionEvaluationResult.enabled("CI=true, so the missing " + this.executable + " fails the tests");
		}
		return ConditionEvaluationResult.disabled(missingMessage());
	}

	private String missingMessage() {
		return this.executable + " is missing, so the tests that need a real Redis are skipped; " + INSTALL_HINT;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		this.classScoped = true;
		start();
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		if (!isRunning()) {
			start();
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (!this.classScoped) {
			close();
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		close();
	}

	/**
	 * The address the server listens on.
	 * @return always {@code 127.0.0.1}
	 */
	public String getHost() {
		return "127.0.0.1";
	}

	/**
	 * The port the server listens on; it stays the same across {@link #stop()} and
	 * {@link #start()}.
	 * @return the port
	 * @throws IllegalStateException if the server was never started
	 */
	public int getPort() {
		if (this.port == 0) {
			throw new IllegalStateException("The Redis server was never started");
		}
		return this.port;
	}

	/**
	 * The port the server listens on with TLS.
	 * @return the port
	 * @throws IllegalStateException if the server was not made {@link #withTls()}, or was
	 * never started
	 */
	public int getTlsPort() {
		if (!this.tls) {
			throw new IllegalStateException("The Redis server was not made with TLS; use RedisServer.withTls()");
		}
		getPort();
		return this.tlsPort;
	}

	/**
	 * The PEM file of the server's certificate, which is also the only certificate
	 * authority it trusts for clients.
	 * @return the file
	 * @throws IllegalStateException if the server was not made {@link #withTls()}, or was
	 * never started
	 */
	public Path getCertificate() {
		getTlsPort();
		return directory().resolve(TLS_CERTIFICATE);
	}

	/**
	 * The PEM file of the private key of {@link #getCertificate()} (PKCS#8), with which a
	 * client can prove itself to the server.
	 * @return the file
	 * @throws IllegalStateException if the server was not made {@link #withTls()}, or was
	 * never started
	 */
	public Path getPrivateKey() {
		getTlsPort();
		return directory().resolve(TLS_PRIVATE_KEY);
	}

	/**
	 * The server's address as a Redis URI, as Redisson and Lettuce take it.
	 * @return {@code redis://127.0.0.1:<port>}
	 */
	public String getUri() {
		return "redis://" + getHost() + ":" + getPort();
	}

	/**
	 * Boot's properties that point at this server, for
	 * {@code ApplicationContextRunner.withPropertyValues} or a {@code SpringApplication}.
	 * @return {@code spring.data.redis.host} and {@code spring.data.redis.port}
	 */
	public String[] getProperties() {
		return new String[] { "spring.data.redis.host=" + getHost(), "spring.data.redis.port=" + getPort() };
	}

	/**
	 * The process id of the running server.
	 * @return the PID
	 * @throws IllegalStateException if the server is not running
	 */
	public long getPid() {
		Process running = this.process;
		if (running == null || !running.isAlive()) {
			throw new IllegalStateException("The Redis server is not running");
		}
		return running.pid();
	}

	/**
	 * Whether the server process is alive.
	 * @return {@code true} between {@link #start()} and {@link #stop()}
	 */
	public boolean isRunning() {
		Process running = this.process;
		return running != null && running.isAlive();
	}

	/**
	 * Starts the server and waits until it answers {@code PING}. The first start picks a
	 * free port; later starts use the same port, and the server is empty.
	 * @throws IllegalStateException if the server is missing, already running, or does
	 * not answer within 15 seconds
	 */
	public synchronized void start() {
		if (isRunning()) {
			throw new IllegalStateException("The Redis server is already running on port " + this.port);
		}
		if (!isInstalled()) {
			throw new IllegalStateException(this.executable + " is missing"
					+ (this.ci ? " and CI=true requires it" : "") + "; " + INSTALL_HINT);
		}
		Path dir = directory();
		if (this.tls && !Files.exists(dir.resolve(TLS_CERTIFICATE))) {
			SelfSignedCertificate.create(dir, TLS_CERTIFICATE, TLS_PRIVATE_KEY);
		}
		if (this.port != 0) {
			launch(dir, this.port, this.tlsPort);
			return;
		}
		IllegalStateException failure = null;
		for (int attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
			int candidate = freePort();
			int tlsCandidate = this.tls ? freePort() : 0;
			try {
				launch(dir, candidate, tlsCandidate);
				this.port = candidate;
				this.tlsPort = tlsCandidate;
				return;
			}
			catch (IllegalStateException ex) {
				// another process may have taken the port between its check and the bind
				failure = ex;
			}
		}
		throw Objects.requireNonNull(failure);
	}

	private void launch(Path dir, int candidate, int tlsCandidate) {
		Path log = dir.resolve("redis-" + candidate + ".log");
		List<String> command = new ArrayList<>(List.of(this.executable.toString(), "--bind", "127.0.0.1", "--port",
				String.valueOf(candidate), "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--daemonize",
				"no", "--loglevel", "warning"));
		if (this.tls) {
			String certificate = dir.resolve(TLS_CERTIFICATE).toString();
			command.addAll(List.of("--tls-port", String.valueOf(tlsCandidate), "--tls-cert-file", certificate,
					"--tls-key-file", dir.resolve(TLS_PRIVATE_KEY).toString(), "--tls-ca-cert-file", certificate,
					"--tls-auth-clients", "yes"));
		}
		Process started;
		try {
			started = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not run " + this.executable, ex);
		}
		this.process = started;
		registerShutdownHook(started);
		long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!started.isAlive()) {
				this.process = null;
				throw new IllegalStateException("redis-server exited with " + started.exitValue()
						+ " before answering PING on port " + candidate + ": " + read(log));
			}
			if (answersPing(candidate)) {
				return;
			}
			waitBriefly(started);
		}
		destroy(started);
		this.process = null;
		throw new IllegalStateException("redis-server did not answer PING on port " + candidate + " within "
				+ STARTUP_TIMEOUT.toSeconds() + "s: " + read(log));
	}

	private static void waitBriefly(Process started) {
		try {
			// returns early when the process exits; otherwise the pause between two pings
			started.waitFor(20, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for redis-server", ex);
		}
	}

	private boolean answersPing(int candidate) {
		try {
			return "PONG".equals(send(candidate, "PING"));
		}
		catch (IOException | IllegalStateException ex) {
			return false;
		}
	}

	/**
	 * Stops the server: {@code SIGTERM} to its PID, then {@code SIGKILL} if it is still
	 * alive after five seconds. The port stays reserved for {@link #start()}. Does
	 * nothing when the server is not running.
	 */
	public synchronized void stop() {
		Process running = this.process;
		this.process = null;
		if (running != null) {
			destroy(running);
		}
		removeShutdownHook();
	}

	/**
	 * Kills the server with {@code SIGKILL}, as a crash or an out-of-memory killer would.
	 * Does nothing when the server is not running.
	 */
	public synchronized void kill() {
		Process running = this.process;
		this.process = null;
		if (running != null) {
			running.destroyForcibly();
			awaitExit(running);
		}
		removeShutdownHook();
	}

	/**
	 * Stops the server and deletes its directory; a later {@link #start()} picks a new
	 * port.
	 */
	public synchronized void close() {
		stop();
		Path dir = this.directory;
		this.directory = null;
		this.port = 0;
		this.tlsPort = 0;
		if (dir != null) {
			delete(dir);
		}
	}

	/**
	 * Sends one command and returns its reply, through a connection of its own: a simple
	 * string, bulk string or integer as text, an array as a {@code List}, a nil as
	 * {@code null}.
	 * @param arguments the command and its arguments, such as {@code "GET", "key"}
	 * @return the reply
	 * @throws IllegalStateException if Redis answers with an error
	 * @throws UncheckedIOException if Redis cannot be reached
	 */
	public @Nullable Object execute(String... arguments) {
		try {
			return send(getPort(), arguments);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not reach Redis on port " + this.port, ex);
		}
	}

	/**
	 * Removes every key, as between two tests that must not see each other's permits.
	 */
	public void flushAll() {
		execute("FLUSHALL");
	}

	private @Nullable Object send(int port, String... arguments) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(getHost(), port), 1000);
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			out.write(encode(arguments));
			out.flush();
			return Resp.read(new BufferedInputStream(socket.getInputStream()));
		}
	}

	private static byte[] encode(String... arguments) {
		StringBuilder command = new StringBuilder("*").append(arguments.length).append("\r\n");
		for (String argument : arguments) {
			byte[] bytes = argument.getBytes(StandardCharsets.UTF_8);
			command.append('$').append(bytes.length).append("\r\n").append(argument).append("\r\n");
		}
		return command.toString().getBytes(StandardCharsets.UTF_8);
	}

	private Path directory() {
		Path dir = this.directory;
		if (dir == null) {
			try {
				dir = Files.createTempDirectory("zai-redis-test");
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not create a directory for redis-server", ex);
			}
			this.directory = dir;
		}
		return dir;
	}

	private void registerShutdownHook(Process started) {
		removeShutdownHook();
		// a JVM ended by Surefire's timeout must not leave a server behind
		Thread hook = new Thread(started::destroyForcibly, "redis-server-" + started.pid() + "-stopper");
		Runtime.getRuntime().addShutdownHook(hook);
		this.shutdownHook = hook;
	}

	private void removeShutdownHook() {
		Thread hook = this.shutdownHook;
		this.shutdownHook = null;
		if (hook != null) {
			try {
				Runtime.getRuntime().removeShutdownHook(hook);
			}
			catch (IllegalStateException ex) {
				// the JVM is shutting down; the hook runs anyway
			}
		}
	}

	private static void destroy(Process running) {
		running.destroy();
		try {
			if (!running.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				running.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			running.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		awaitExit(running);
	}

	private static void awaitExit(Process running) {
		try {
			if (!running.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException("redis-server " + running.pid() + " did not exit after SIGKILL");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not find a free port for redis-server", ex);
		}
	}

	private static String read(Path log) {
		try {
			return Files.exists(log) ? Files.readString(log).strip() : "(no output)";
		}
		catch (IOException ex) {
			return "(output unreadable: " + ex.getMessage() + ")";
		}
	}

	private static void delete(Path dir) {
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			// a temporary directory left behind is not worth failing a test for
		}
	}

	/**
	 * Reads one reply of the Redis serialization protocol (RESP2).
	 */
	private static final class Resp {

		private Resp() {
		}

		static @Nullable Object read(InputStream in) throws IOException {
			int type = in.read();
			if (type == -1) {
				throw new IOException("Redis closed the connection without a reply");
			}
			String line = line(in);
			return switch (type) {
				case '+' -> line;
				case ':' -> line;
				case '-' -> throw new IllegalStateException("Redis answered with an error: " + line);
				case '$' -> bulk(in, Integer.parseInt(line));
				case '*' -> array(in, Integer.parseInt(line));
				default -> throw new IOException("Unexpected reply from Redis: " + (char) type + line);
			};
		}

		private static @Nullable String bulk(InputStream in, int length) throws IOException {
			if (length < 0) {
				return null;
			}
			byte[] bytes = in.readNBytes(length);
			in.readNBytes(2);
			return new String(bytes, StandardCharsets.UTF_8);
		}

		private static @Nullable List<@Nullable Object> array(InputStream in, int length) throws IOException {
			if (length < 0) {
				return null;
			}
			List<@Nullable Object> elements = new ArrayList<>(length);
			for (int i = 0; i < length; i++) {
				elements.add(read(in));
			}
			return elements;
		}

		private static String line(InputStream in) throws IOException {
			ByteArrayOutputStream line = new ByteArrayOutputStream();
			int previous = -1;
			int current;
			while ((current = in.read()) != -1) {
				if (previous == '\r' && current == '\n') {
					byte[] bytes = line.toByteArray();
					return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
				}
				line.write(current);
				previous = current;
			}
			throw new IOException("Redis closed the connection in the middle of a reply");
		}

	}

}
