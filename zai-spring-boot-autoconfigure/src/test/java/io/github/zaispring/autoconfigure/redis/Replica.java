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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.zaispring.chat.ZaiChatOperations;
import reactor.core.publisher.Flux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One replica of an application that uses the starter: a whole Spring application booted
 * through the auto-configuration chain from {@code zai.*} and {@code spring.data.redis.*}
 * properties only, so the fleet tests do not depend on how the limiter is built.
 *
 * @author zai-spring-boot contributors
 */
final class Replica implements AutoCloseable {

	static final String API_KEY = "fleet-test-id.fleet-test-secret";

	private final ConfigurableApplicationContext context;

	private final ZaiChatOperations chat;

	private Replica(ConfigurableApplicationContext context) {
		this.context = context;
		this.chat = context.getBean(ZaiChatOperations.class);
	}

	/**
	 * Boots a replica with the given {@code name=value} properties.
	 * @param properties the properties
	 * @return the running replica
	 */
	static Replica start(List<String> properties) {
		return new Replica(run(properties.stream().map((property) -> "--" + property).toArray(String[]::new)));
	}

	static ConfigurableApplicationContext run(String... args) {
		SpringApplication application = new SpringApplication(Application.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setLogStartupInfo(false);
		return application.run(args);
	}

	/**
	 * The properties of a replica of the fleet: the Redis scope with the given limit,
	 * against the stand-in and the Redis server.
	 * @param standIn the Z.AI stand-in
	 * @param redis the Redis server
	 * @param keyPrefix the key prefix, unique per test
	 * @param maxInFlight the fleet-wide limit
	 * @param more further {@code name=value} properties, which win
	 * @return the properties
	 */
	static List<String> fleet(ZaiStandIn standIn, RedisServer redis, String keyPrefix, int maxInFlight,
			String... more) {
		Map<String, String> properties = new LinkedHashMap<>();
		Stream
			.concat(Stream.of("zai.api-key=" + API_KEY, "zai.base-url=" + standIn.baseUrl(),
					"zai.chat.model=" + ZaiStandIn.MODEL, "zai.concurrency.scope=redis",
					"zai.concurrency.max-in-flight=" + maxInFlight, "zai.concurrency.max-wait=60s",
					"zai.concurrency.redis.key-prefix=" + keyPrefix, "spring.data.redis.host=" + redis.getHost(),
					"spring.data.redis.port=" + redis.getPort()), Stream.of(more))
			// a later value replaces an earlier one: two --name=value arguments would be
			// joined
			.forEach((property) -> properties.put(property.substring(0, property.indexOf('=')), property));
		return List.copyOf(properties.values());
	}

	/**
	 * The Redis key of the semaphore of the stand-in's model, as agreed with the limiter:
	 * {@code {key-prefix}:{first 16 hex digits of the SHA-256 of the API key}:{model}}.
	 * @param keyPrefix the key prefix
	 * @return the key
	 */
	static String semaphoreKey(String keyPrefix) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(API_KEY.getBytes(StandardCharsets.UTF_8));
			return keyPrefix + ":" + HexFormat.of().formatHex(hash).substring(0, 16) + ":" + ZaiStandIn.MODEL;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A streamed answer of the given shape (see {@link ZaiStandIn}).
	 * @param chunks the number of content chunks
	 * @param every the pause before each chunk
	 * @return the content deltas
	 */
	Flux<String> stream(int chunks, Duration every) {
		return this.chat.streamText(ZaiStandIn.shape(chunks, every)).filter((text) -> !text.isEmpty());
	}

	@Override
	public void close() {
		this.context.close();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
