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

import java.util.Arrays;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Keeps the package rules of the design: the client packages work without Spring Boot,
 * and dependencies between our packages point one way.
 *
 * @author zai-spring-boot contributors
 */
class ArchitectureTests {

	/**
	 * The endpoint packages: chat, embedding, rerank, websearch, image, moderation,
	 * video, audio.
	 */
	private static final String[] ENDPOINTS = { "io.github.zaispring.chat..", "io.github.zaispring.embedding..",
			"io.github.zaispring.rerank..", "io.github.zaispring.websearch..", "io.github.zaispring.image..",
			"io.github.zaispring.moderation..", "io.github.zaispring.video..", "io.github.zaispring.audio.." };

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.github.zaispring");

	@Test
	void onlyAutoconfigureImportsSpringBoot() {
		noClasses().that()
			.resideOutsideOfPackage("io.github.zaispring.autoconfigure..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework.boot..")
			.check(CLASSES);
	}

	@Test
	void rootPackageDependsOnNothingOfOurs() {
		noClasses().that()
			.resideInAPackage("io.github.zaispring")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.github.zaispring.chat..", "io.github.zaispring.internal..",
					"io.github.zaispring.resilience..", "io.github.zaispring.observation..",
					"io.github.zaispring.autoconfigure..")
			.check(CLASSES);
	}

	@Test
	void resilienceDependsOnlyOnTheRootPackage() {
		noClasses().that()
			.resideInAPackage("io.github.zaispring.resilience..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(with(ENDPOINTS, "io.github.zaispring.internal..", "io.github.zaispring.observation..",
					"io.github.zaispring.autoconfigure.."))
			.check(CLASSES);
	}

	@Test
	void internalDependsOnlyOnRootAndResilience() {
		noClasses().that()
			.resideInAPackage("io.github.zaispring.internal..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(
					with(ENDPOINTS, "io.github.zaispring.observation..", "io.github.zaispring.autoconfigure.."))
			.check(CLASSES);
	}

	@Test
	void endpointPackagesDependOnlyOnRootAndInternal() {
		noClasses().that()
			.resideInAnyPackage(ENDPOINTS)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.github.zaispring.resilience..", "io.github.zaispring.observation..",
					"io.github.zaispring.autoconfigure..")
			.check(CLASSES);
	}

	@Test
	void observationDependsOnlyOnRootAndEndpointPackages() {
		noClasses().that()
			.resideInAPackage("io.github.zaispring.observation..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.github.zaispring.internal..", "io.github.zaispring.resilience..",
					"io.github.zaispring.autoconfigure..")
			.check(CLASSES);
	}

	@Test
	void nothingButAutoconfigureDependsOnAutoconfigure() {
		noClasses().that()
			.resideOutsideOfPackage("io.github.zaispring.autoconfigure..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.github.zaispring.autoconfigure..")
			.check(CLASSES);
	}

	@Test
	void packagesHaveNoCycles() {
		slices().matching("io.github.zaispring.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	private static String[] with(String[] packages, String... more) {
		String[] all = Arrays.copyOf(packages, packages.length + more.length);
		System.arraycopy(more, 0, all, packages.length, more.length);
		return all;
	}

}
