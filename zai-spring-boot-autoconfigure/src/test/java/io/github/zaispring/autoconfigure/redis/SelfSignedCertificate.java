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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for 127.0.0.1 and {@code localhost}, made with the JDK's own
 * {@code keytool} and written as the PEM files that {@code redis-server} and Spring
 * Boot's PEM SSL bundles read.
 *
 * @author zai-spring-boot contributors
 */
final class SelfSignedCertificate {

	private static final String ALIAS = "redis";

	private static final char[] PASSWORD = "changeit".toCharArray();

	private SelfSignedCertificate() {
	}

	/**
	 * Writes a new certificate and its private key into a directory.
	 * @param dir the directory
	 * @param certificate the name of the certificate's PEM file
	 * @param privateKey the name of the private key's PEM file (PKCS#8)
	 */
	static void create(Path dir, String certificate, String privateKey) {
		Path keyStore = dir.resolve("redis.p12");
		String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
		run(List.of(keytool, "-genkeypair", "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
				"-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12", "-keystore",
				keyStore.toString(), "-storepass", new String(PASSWORD)), dir);
		try (InputStream in = Files.newInputStream(keyStore)) {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(in, PASSWORD);
			Key key = store.getKey(ALIAS, PASSWORD);
			Files.writeString(dir.resolve(certificate), pem("CERTIFICATE", store.getCertificate(ALIAS).getEncoded()));
			Files.writeString(dir.resolve(privateKey), pem("PRIVATE KEY", key.getEncoded()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the certificate for redis-server", ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not read the key store that keytool made", ex);
		}
	}

	private static String pem(String type, byte[] der) {
		String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
		return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
	}

	private static void run(List<String> command, Path dir) {
		Path log = dir.resolve("keytool.log");
		try {
			Process process = new ProcessBuilder(command).directory(dir.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("keytool did not finish within 60s");
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException(
						"keytool exited with " + process.exitValue() + ": " + Files.readString(log).strip());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not run keytool", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while keytool made a certificate", ex);
		}
	}

}
