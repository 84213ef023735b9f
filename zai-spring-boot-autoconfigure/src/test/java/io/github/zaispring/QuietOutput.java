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

package io.github.zaispring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Keeps what a test prints (log lines, Boot's "APPLICATION FAILED TO START" report, stack
 * traces of errors it provokes on purpose) out of the build log while the test passes,
 * and prints it all when the test fails. Unlike Boot's {@code OutputCaptureExtension},
 * which copies the output and still lets it through, the output is held back.
 * <p>
 * The output is available as a
 * {@link org.springframework.boot.test.system.CapturedOutput} parameter, and
 * {@link #expect()} names text the test must have printed, so that an expected error
 * report is asserted, not only hidden.
 *
 * @author zai-spring-boot contributors
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(QuietOutputExtension.class)
public @interface QuietOutput {

	/**
	 * Text that each test this applies to must print; a test that passes without printing
	 * it fails.
	 * @return the expected pieces of output
	 */
	String[] expect() default {};

}
