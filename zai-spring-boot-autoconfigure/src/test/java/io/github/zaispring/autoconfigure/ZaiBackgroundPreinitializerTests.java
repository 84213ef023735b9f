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

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationListener;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for {@link ZaiBackgroundPreinitializer}.
 *
 * @author zai-spring-boot contributors
 */
class ZaiBackgroundPreinitializerTests {

	@Test
	void isRegisteredAsAnApplicationListener() {
		List<ApplicationListener<?>> listeners = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(ApplicationListener.class)
			.stream()
			.<ApplicationListener<?>>map((listener) -> listener)
			.toList();
		assertThat(listeners).hasAtLeastOneElementOfType(ZaiBackgroundPreinitializer.class);
	}

	@Test
	void buildsWhatTheBeansBuildWithoutFailing() {
		// the background thread swallows failures: prove there are none to swallow
		assertThatNoException().isThrownBy(ZaiBackgroundPreinitializer::warmUp);
	}

	@Test
	void runsByDefault() {
		assumeTrue(Runtime.getRuntime().availableProcessors() > 1);
		assertThat(ZaiBackgroundPreinitializer.shouldRun(new MockEnvironment())).isTrue();
	}

	@Test
	void doesNotRunInANativeImage() {
		assumeTrue(Runtime.getRuntime().availableProcessors() > 1);
		assertThat(ZaiBackgroundPreinitializer.shouldRun(new MockEnvironment(), false)).isTrue();
		assertThat(ZaiBackgroundPreinitializer.shouldRun(new MockEnvironment(), true)).isFalse();
	}

	@Test
	void doesNotRunWhenTheStarterIsDisabled() {
		assertThat(ZaiBackgroundPreinitializer.shouldRun(new MockEnvironment().withProperty("zai.enabled", "false")))
			.isFalse();
	}

	@Test
	void doesNotRunWhenTheAutoConfigurationIsExcluded() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.autoconfigure.exclude",
				"com.example.Other, " + ZaiAutoConfiguration.class.getName());
		assertThat(ZaiBackgroundPreinitializer.shouldRun(environment)).isFalse();
	}

	@Test
	void doesNotRunWhenBootsSwitchSaysSo() {
		System.setProperty(ZaiBackgroundPreinitializer.IGNORE_PROPERTY, "true");
		try {
			assertThat(ZaiBackgroundPreinitializer.shouldRun(new MockEnvironment())).isFalse();
		}
		finally {
			System.clearProperty(ZaiBackgroundPreinitializer.IGNORE_PROPERTY);
		}
	}

}
