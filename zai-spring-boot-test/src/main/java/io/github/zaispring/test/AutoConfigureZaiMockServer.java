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

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Annotation for a Spring test class (such as a {@code @SpringBootTest}) whose
 * application context talks to a {@link ZaiMockServer} instead of Z.AI: the server starts
 * with the context, is a bean to {@code @Autowired}, sets {@code zai.base-url} to its
 * {@link ZaiMockServer#baseUrl() base URL} and {@code zai.api-key} to a dummy key when
 * none is configured, is reset before each test method, and is closed with the context.
 * <pre class="code">
 * &#064;SpringBootTest
 * &#064;AutoConfigureZaiMockServer
 * class MyServiceTests {
 *
 *     &#064;Autowired ZaiMockServer zai;
 *
 *     &#064;Autowired MyService service;
 *
 *     &#064;Test
 *     void answers() {
 *         zai.enqueue(ZaiReply.text("Hi"));
 *         assertThat(service.ask("hello").block()).isEqualTo("Hi");
 *     }
 *
 * }
 * </pre>
 *
 * @author zai-spring-boot contributors
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureZaiMockServer {

}
