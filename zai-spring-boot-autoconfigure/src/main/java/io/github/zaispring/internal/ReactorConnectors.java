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

import java.time.Duration;

import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

/**
 * Creates the Reactor Netty connection pool and connector of the Z.AI client.
 * <p>
 * The client has a pool of its own: Reactor Netty's shared default pool holds few
 * connections and a short pending queue, which rejects a few hundred concurrent streams
 * outright, and a stream holds its connection for minutes.
 *
 * @author zai-spring-boot contributors
 */
public final class ReactorConnectors {

	/** Name of the connection pool, as seen in Reactor Netty's metrics and logs. */
	public static final String POOL_NAME = "zai";

	private ReactorConnectors() {
	}

	/**
	 * Create the connection pool of the client.
	 * @param settings the pool settings
	 * @return a new connection pool, to be disposed by its owner
	 */
	public static ConnectionProvider connectionProvider(PoolSettings settings) {
		return ConnectionProvider.builder(POOL_NAME)
			.maxConnections(settings.maxConnections())
			.pendingAcquireTimeout(settings.pendingAcquireTimeout())
			.pendingAcquireMaxCount(-1)
			.maxIdleTime(settings.maxIdleTime())
			.evictInBackground(settings.maxIdleTime())
			.lifo()
			.build();
	}

	/**
	 * Create a connector on the given pool.
	 * @param connectionProvider the pool
	 * @param connectTimeout the longest wait to establish a TCP connection
	 * @return the connector
	 */
	public static ClientHttpConnector connector(ConnectionProvider connectionProvider, Duration connectTimeout) {
		int connectTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, connectTimeout.toMillis()));
		HttpClient httpClient = HttpClient.create(connectionProvider)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis);
		return new ReactorClientHttpConnector(httpClient);
	}

	/**
	 * Settings of the connection pool.
	 *
	 * @param maxConnections the most connections open at once
	 * @param pendingAcquireTimeout the longest wait for a free connection
	 * @param maxIdleTime how long a connection may stay idle before it is closed; shorter
	 * than the server's idle cut-off so that no request is sent on a connection the
	 * server has already closed
	 */
	public record PoolSettings(int maxConnections, Duration pendingAcquireTimeout, Duration maxIdleTime) {

		/** Defaults sized for many concurrent streams. */
		public static final PoolSettings DEFAULTS = new PoolSettings(500, Duration.ofSeconds(45),
				Duration.ofSeconds(20));

	}

}
