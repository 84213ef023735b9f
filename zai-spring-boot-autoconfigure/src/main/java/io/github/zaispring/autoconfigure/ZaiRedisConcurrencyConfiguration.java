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

import org.redisson.api.RedissonClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The fleet-wide concurrency limit of {@code zai.concurrency.scope=redis}, when Redisson
 * is on the class path. Without it, that scope fails startup with a report that names the
 * dependency ({@link ZaiMissingDependencyFailureAnalyzer}).
 *
 * @author zai-spring-boot contributors
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = ZaiRedisConcurrencyConfiguration.REDISSON_CLIENT)
@ConditionalOnProperty(name = "zai.concurrency.scope", havingValue = "redis")
class ZaiRedisConcurrencyConfiguration {

	static final String REDISSON_CLIENT = "org.redisson.api.RedissonReactiveClient";

	@Bean
	ZaiRedisLimiterFactory zaiRedisLimiterFactory(ZaiProperties properties, Environment environment,
			ObjectProvider<RedissonClient> redissonClient, ObjectProvider<SslBundles> sslBundles) {
		return new ZaiRedisLimiterFactory(properties, ZaiRedisConnection.of(environment, sslBundles.getIfAvailable()),
				redissonClient.getIfUnique());
	}

}
