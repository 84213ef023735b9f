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

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.util.Assert;

/**
 * JUnit Jupiter extension that runs a {@link ZaiMockServer} for a test class: started
 * before the first test, reset before each test, closed after the last one, and injected
 * into constructors and test methods that declare a {@code ZaiMockServer} parameter.
 * <pre class="code">
 * &#064;ExtendWith(ZaiMockServerExtension.class)
 * class WeatherTests {
 *
 *     &#064;Test
 *     void answers(ZaiMockServer zai) {
 *         zai.enqueue(ZaiReply.text("Sunny"));
 *         ZaiChatTemplate template = ZaiChatTemplate.builder().apiKey("k").baseUrl(zai.baseUrl()).build();
 *         // ...
 *     }
 *
 * }
 * </pre> Registered with {@code @RegisterExtension} on a static field, the server is also
 * available from {@link #server()}. Nested test classes share the server of their
 * enclosing class.
 *
 * @author zai-spring-boot contributors
 */
public class ZaiMockServerExtension
		implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(ZaiMockServerExtension.class);

	private volatile @Nullable ZaiMockServer server;

	/**
	 * Return the server of the current test class.
	 * @return the server
	 * @throws IllegalStateException before the extension has started one
	 */
	public ZaiMockServer server() {
		ZaiMockServer server = this.server;
		Assert.state(server != null, "No ZaiMockServer started yet; call server() from a test or a @BeforeEach method");
		return server;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		serverFor(context);
	}

	/**
	 * Close the server started for this class; a nested class leaves its enclosing
	 * class's server alone, since {@code remove} only looks at the class's own store.
	 */
	@Override
	public void afterAll(ExtensionContext context) {
		ZaiMockServer server = context.getStore(NAMESPACE).remove(ZaiMockServer.class, ZaiMockServer.class);
		if (server != null) {
			server.close();
		}
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		serverFor(context).reset();
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == ZaiMockServer.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return serverFor(extensionContext);
	}

	/**
	 * Return the server of the test class, starting it in the class-level store (which
	 * closes it when the class is done) if needed; stores of enclosing classes are
	 * searched first, so nested classes share it.
	 */
	private ZaiMockServer serverFor(ExtensionContext context) {
		ExtensionContext classContext = context;
		while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
			classContext = classContext.getParent().get();
		}
		ZaiMockServer server = classContext.getStore(NAMESPACE)
			.computeIfAbsent(ZaiMockServer.class, (key) -> ZaiMockServer.start(), ZaiMockServer.class);
		this.server = server;
		return server;
	}

}
