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

package io.github.zaispring.test;

import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Resets the {@link ZaiMockServer} of a test class annotated with
 * {@link AutoConfigureZaiMockServer} before each test method, since the server lives as
 * long as the cached application context, across test classes. Registered in
 * {@code META-INF/spring.factories}.
 *
 * @author zai-spring-boot contributors
 */
class ZaiMockServerResetTestExecutionListener extends AbstractTestExecutionListener {

	/**
	 * Run after Spring's dependency injection listener, before the test's own setup.
	 */
	private static final int ORDER = 2100;

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void beforeTestMethod(TestContext testContext) {
		if (TestContextAnnotationUtils.hasAnnotation(testContext.getTestClass(), AutoConfigureZaiMockServer.class)
				&& testContext.hasApplicationContext()) {
			testContext.getApplicationContext().getBeanProvider(ZaiMockServer.class).ifAvailable(ZaiMockServer::reset);
		}
	}

}
