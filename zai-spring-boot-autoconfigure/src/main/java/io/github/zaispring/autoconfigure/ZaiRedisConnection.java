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

package io.github.zaispring.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.BaseConfig;
import org.redisson.config.ClusterServersConfig;
import org.redisson.config.Config;
import org.redisson.config.SentinelServersConfig;
import org.redisson.config.SingleServerConfig;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The Redis of the fleet-wide concurrency limit, as Spring Boot's
 * {@code spring.data.redis.*} properties describe it, read with the binder so that they
 * apply with or without Boot's Redis starter: a single server (host, port, or url),
 * sentinel or cluster; username, password, database, SSL (with Boot's SSL bundles, as
 * {@code spring.data.redis.ssl.bundle} names one), timeouts and client name.
 *
 * @author zai-spring-boot contributors
 */
final class ZaiRedisConnection {

	static final String PREFIX = "spring.data.redis";

	private final DataRedis properties;

	private final @Nullable SslBundles sslBundles;

	private ZaiRedisConnection(DataRedis properties, @Nullable SslBundles sslBundles) {
		this.properties = properties;
		this.sslBundles = sslBundles;
	}

	/**
	 * Read {@code spring.data.redis.*} from the environment.
	 * @param environment the environment
	 * @param sslBundles the application's SSL bundles, where
	 * {@code spring.data.redis.ssl.bundle} looks its bundle up; {@code null} when the
	 * application has none
	 * @return the connection
	 */
	static ZaiRedisConnection of(Environment environment, @Nullable SslBundles sslBundles) {
		return new ZaiRedisConnection(
				Binder.get(environment).bind(PREFIX, Bindable.of(DataRedis.class)).orElseGet(DataRedis::new),
				sslBundles);
	}

	/**
	 * Return where Redis is, for messages: never credentials.
	 * @return such as {@code localhost:6379},
	 * {@code sentinel master mymaster at h1:26379}
	 */
	String describe() {
		DataRedis redis = this.properties;
		if (!redis.getCluster().getNodes().isEmpty()) {
			return "cluster " + String.join(",", redis.getCluster().getNodes());
		}
		if (redis.getSentinel().getMaster() != null) {
			return "sentinel master " + redis.getSentinel().getMaster() + " at "
					+ String.join(",", redis.getSentinel().getNodes());
		}
		Endpoint endpoint = endpoint();
		return endpoint.host() + ":" + endpoint.port();
	}

	/**
	 * Build the Redisson configuration: connect on first use, with the given connect
	 * timeout unless {@code spring.data.redis.connect-timeout} is set.
	 * @param connectTimeout the default connect timeout ({@code zai.connect-timeout})
	 * @return the configuration
	 * @throws ZaiConfigurationException when {@code spring.data.redis.ssl.bundle} names a
	 * bundle that is not there
	 */
	Config toRedissonConfig(Duration connectTimeout) {
		DataRedis redis = this.properties;
		Config config = new Config();
		config.setLazyInitialization(true);
		config.setCodec(StringCodec.INSTANCE);
		Endpoint endpoint = endpoint();
		String username = (endpoint.username() != null) ? endpoint.username() : redis.getUsername();
		String password = (endpoint.password() != null) ? endpoint.password() : redis.getPassword();
		if (StringUtils.hasLength(username)) {
			config.setUsername(username);
		}
		if (StringUtils.hasLength(password)) {
			config.setPassword(password);
		}
		boolean ssl = endpoint.ssl() || redis.getSsl().isEnabled();
		BaseConfig<?> server;
		if (!redis.getCluster().getNodes().isEmpty()) {
			ClusterServersConfig cluster = config.useClusterServers();
			redis.getCluster().getNodes().forEach((node) -> cluster.addNodeAddress(address(node, ssl)));
			server = cluster;
		}
		else if (redis.getSentinel().getMaster() != null) {
			SentinelServersConfig sentinel = config.useSentinelServers();
			sentinel.setMasterName(redis.getSentinel().getMaster());
			redis.getSentinel().getNodes().forEach((node) -> sentinel.addSentinelAddress(address(node, ssl)));
			sentinel.setDatabase(endpoint.database());
			if (StringUtils.hasLength(redis.getSentinel().getUsername())) {
				sentinel.setSentinelUsername(redis.getSentinel().getUsername());
			}
			if (StringUtils.hasLength(redis.getSentinel().getPassword())) {
				sentinel.setSentinelPassword(redis.getSentinel().getPassword());
			}
			server = sentinel;
		}
		else {
			SingleServerConfig single = config.useSingleServer();
			single.setAddress(address(endpoint.host() + ":" + endpoint.port(), ssl));
			single.setDatabase(endpoint.database());
			server = single;
		}
		Duration connect = (redis.getConnectTimeout() != null) ? redis.getConnectTimeout() : connectTimeout;
		server.setConnectTimeout(millis(connect));
		if (redis.getTimeout() != null) {
			server.setTimeout(millis(redis.getTimeout()));
		}
		if (StringUtils.hasText(redis.getClientName())) {
			server.setClientName(redis.getClientName());
		}
		if (ssl && redis.getSsl().getBundle() != null) {
			applySslBundle(config, sslBundle(redis.getSsl().getBundle()));
		}
		return config;
	}

	private SslBundle sslBundle(String name) {
		SslBundles bundles = this.sslBundles;
		List<String> names = (bundles != null) ? bundles.getBundleNames() : List.of();
		if (bundles == null || !names.contains(name)) {
			String property = PREFIX + ".ssl.bundle";
			throw new ZaiConfigurationException(property,
					property + " is '" + name + "', which is not one of the application's SSL bundles " + names
							+ ": define it under spring.ssl.bundle.pem." + name + " or spring.ssl.bundle.jks." + name,
					names.isEmpty() ? name : names.get(0));
		}
		return bundles.getBundle(name);
	}

	private static void applySslBundle(Config config, SslBundle bundle) {
		config.setSslTrustManagerFactory(bundle.getManagers().getTrustManagerFactory());
		config.setSslKeyManagerFactory(bundle.getManagers().getKeyManagerFactory());
		SslOptions options = bundle.getOptions();
		if (options.getEnabledProtocols() != null) {
			config.setSslProtocols(options.getEnabledProtocols());
		}
		if (options.getCiphers() != null) {
			config.setSslCiphers(options.getCiphers());
		}
	}

	private Endpoint endpoint() {
		DataRedis redis = this.properties;
		if (StringUtils.hasText(redis.getUrl())) {
			URI uri = URI.create(redis.getUrl());
			String userInfo = uri.getUserInfo();
			String username = null;
			String password = null;
			if (userInfo != null) {
				int colon = userInfo.indexOf(':');
				username = (colon >= 0) ? userInfo.substring(0, colon) : null;
				password = (colon >= 0) ? userInfo.substring(colon + 1) : userInfo;
			}
			String path = uri.getPath();
			int database = (path != null && path.length() > 1) ? Integer.parseInt(path.substring(1))
					: redis.getDatabase();
			return new Endpoint(uri.getHost(), (uri.getPort() != -1) ? uri.getPort() : 6379, database,
					"rediss".equals(uri.getScheme()), StringUtils.hasLength(username) ? username : null, password);
		}
		return new Endpoint(redis.getHost(), redis.getPort(), redis.getDatabase(), false, null, null);
	}

	private static String address(String node, boolean ssl) {
		return node.contains("://") ? node : ((ssl ? "rediss://" : "redis://") + node);
	}

	private static int millis(Duration duration) {
		return (int) Math.min(Integer.MAX_VALUE, Math.max(1, duration.toMillis()));
	}

	private record Endpoint(String host, int port, int database, boolean ssl, @Nullable String username,
			@Nullable String password) {
	}

	/**
	 * The part of Spring Boot's {@code spring.data.redis.*} properties that Redisson
	 * uses.
	 */
	static class DataRedis {

		private String host = "localhost";

		private int port = 6379;

		private int database;

		private @Nullable String url;

		private @Nullable String username;

		private @Nullable String password;

		private @Nullable Duration timeout;

		private @Nullable Duration connectTimeout;

		private @Nullable String clientName;

		private final Ssl ssl = new Ssl();

		private final Sentinel sentinel = new Sentinel();

		private final Cluster cluster = new Cluster();

		public String getHost() {
			return this.host;
		}

		public void setHost(String host) {
			this.host = host;
		}

		public int getPort() {
			return this.port;
		}

		public void setPort(int port) {
			this.port = port;
		}

		public int getDatabase() {
			return this.database;
		}

		public void setDatabase(int database) {
			this.database = database;
		}

		public @Nullable String getUrl() {
			return this.url;
		}

		public void setUrl(@Nullable String url) {
			this.url = url;
		}

		public @Nullable String getUsername() {
			return this.username;
		}

		public void setUsername(@Nullable String username) {
			this.username = username;
		}

		public @Nullable String getPassword() {
			return this.password;
		}

		public void setPassword(@Nullable String password) {
			this.password = password;
		}

		public @Nullable Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(@Nullable Duration timeout) {
			this.timeout = timeout;
		}

		public @Nullable Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(@Nullable Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		public @Nullable String getClientName() {
			return this.clientName;
		}

		public void setClientName(@Nullable String clientName) {
			this.clientName = clientName;
		}

		public Ssl getSsl() {
			return this.ssl;
		}

		public Sentinel getSentinel() {
			return this.sentinel;
		}

		public Cluster getCluster() {
			return this.cluster;
		}

		static class Ssl {

			private @Nullable Boolean enabled;

			private @Nullable String bundle;

			/**
			 * Whether to connect with SSL: as {@code enabled} says, or, when it is not
			 * set, whether a bundle is named (as Spring Boot reads it).
			 * @return whether to connect with SSL
			 */
			public boolean isEnabled() {
				return (this.enabled != null) ? this.enabled : this.bundle != null;
			}

			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

			public @Nullable String getBundle() {
				return this.bundle;
			}

			public void setBundle(@Nullable String bundle) {
				this.bundle = bundle;
			}

		}

		static class Sentinel {

			private @Nullable String master;

			private List<String> nodes = new ArrayList<>();

			private @Nullable String username;

			private @Nullable String password;

			public @Nullable String getMaster() {
				return this.master;
			}

			public void setMaster(@Nullable String master) {
				this.master = master;
			}

			public List<String> getNodes() {
				return this.nodes;
			}

			public void setNodes(List<String> nodes) {
				this.nodes = nodes;
			}

			public @Nullable String getUsername() {
				return this.username;
			}

			public void setUsername(@Nullable String username) {
				this.username = username;
			}

			public @Nullable String getPassword() {
				return this.password;
			}

			public void setPassword(@Nullable String password) {
				this.password = password;
			}

		}

		static class Cluster {

			private List<String> nodes = new ArrayList<>();

			public List<String> getNodes() {
				return this.nodes;
			}

			public void setNodes(List<String> nodes) {
				this.nodes = nodes;
			}

		}

	}

}
