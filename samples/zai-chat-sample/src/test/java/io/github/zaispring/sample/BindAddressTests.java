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

package io.github.zaispring.sample;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests that the sample is reachable from this machine only, unless
 * {@code server.address} says otherwise: whoever reaches it spends the key's balance.
 * Skipped on a machine whose only network interface is the loopback.
 *
 * @author zai-spring-boot contributors
 */
class BindAddressTests {

	private static final int CONNECT_TIMEOUT_MILLIS = 2000;

	private static InetAddress network;

	@BeforeAll
	static void findANetworkAddress() throws SocketException {
		Optional<InetAddress> address = NetworkInterface.networkInterfaces()
			.filter(BindAddressTests::isUp)
			.flatMap(NetworkInterface::inetAddresses)
			.filter((candidate) -> candidate instanceof Inet4Address && !candidate.isLoopbackAddress()
					&& !candidate.isLinkLocalAddress())
			.findFirst();
		assumeTrue(address.isPresent(), "this machine has no IPv4 address besides the loopback");
		network = address.get();
	}

	@Test
	void listensOnTheLoopbackOnlyByDefault() {
		try (ConfigurableApplicationContext sample = start()) {
			int port = port(sample);
			assertThat(sample.getEnvironment().getProperty("server.address")).isEqualTo("127.0.0.1");
			assertThat(accepts(InetAddress.getLoopbackAddress(), port)).as("reachable on 127.0.0.1").isTrue();
			assertThat(accepts(network, port)).as("reachable on " + network.getHostAddress()).isFalse();
		}
	}

	@Test
	void listensOnEveryInterfaceWhenServerAddressSaysSo() {
		try (ConfigurableApplicationContext sample = start("--server.address=0.0.0.0")) {
			int port = port(sample);
			assertThat(accepts(InetAddress.getLoopbackAddress(), port)).as("reachable on 127.0.0.1").isTrue();
			assertThat(accepts(network, port)).as("reachable on " + network.getHostAddress()).isTrue();
		}
	}

	private static ConfigurableApplicationContext start(String... args) {
		String[] all = new String[args.length + 3];
		all[0] = "--server.port=0";
		// a key and an address nobody answers on: no simulator, and nothing is ever sent
		all[1] = "--zai.api-key=bind-address-test";
		all[2] = "--zai.base-url=http://127.0.0.1:9/api/paas/v4";
		System.arraycopy(args, 0, all, 3, args.length);
		// main(..) names the application class, whose AOT initializer the AOT test run
		// uses
		return new SpringApplicationBuilder(ZaiChatSampleApplication.class).main(ZaiChatSampleApplication.class)
			.run(all);
	}

	private static int port(ConfigurableApplicationContext context) {
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	private static boolean accepts(InetAddress address, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(address, port), CONNECT_TIMEOUT_MILLIS);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static boolean isUp(NetworkInterface networkInterface) {
		try {
			return networkInterface.isUp() && !networkInterface.isLoopback();
		}
		catch (SocketException ex) {
			return false;
		}
	}

}
