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

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import io.github.zaispring.audio.SpeechChunk;
import io.github.zaispring.audio.SpeechEncoding;
import io.github.zaispring.audio.SpeechFormat;
import io.github.zaispring.audio.SpeechRequest;
import io.github.zaispring.audio.Transcription;
import io.github.zaispring.audio.TranscriptionEvent;
import io.github.zaispring.chat.ChatCompletion;
import io.github.zaispring.chat.ChatCompletionChunk;
import io.github.zaispring.chat.ChatMessage;
import io.github.zaispring.chat.ChatRequest;
import io.github.zaispring.chat.FinishReason;
import io.github.zaispring.chat.ToolCall;
import io.github.zaispring.chat.Usage;
import io.github.zaispring.video.Video;
import io.github.zaispring.video.VideoRequest;
import io.github.zaispring.video.VideoResult;
import io.github.zaispring.video.VideoTask;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ZaiRuntimeHints}.
 *
 * @author zai-spring-boot contributors
 */
class ZaiRuntimeHintsTests {

	/** The endpoint packages of design.md, present or still to come. */
	private static final List<String> ENDPOINT_PACKAGES = List.of("chat", "embedding", "rerank", "websearch", "image",
			"moderation", "video", "audio");

	private static final MemberCategory[] ALL_DECLARED = { MemberCategory.INVOKE_DECLARED_CONSTRUCTORS,
			MemberCategory.INVOKE_DECLARED_METHODS, MemberCategory.ACCESS_DECLARED_FIELDS };

	private final RuntimeHints hints = new RuntimeHints();

	@BeforeEach
	void registerHints() {
		new ZaiRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
	}

	@Test
	void registersTheAudioWireTypesWithEveryDeclaredMember() {
		for (Class<?> type : List.of(Transcription.class, Transcription.Segment.class, TranscriptionEvent.class,
				SpeechRequest.class, SpeechChunk.class, SpeechChunk.Choice.class, SpeechChunk.Delta.class,
				SpeechFormat.class, SpeechEncoding.class)) {
			assertThat(RuntimeHintsPredicates.reflection().onType(type).withMemberCategories(ALL_DECLARED))
				.as(type.getName())
				.accepts(this.hints);
		}
	}

	@Test
	void registersTheRequestAndResponseTypesWithEveryDeclaredMember() {
		for (Class<?> type : List.of(ChatRequest.class, ChatMessage.class, ChatCompletion.class,
				ChatCompletionChunk.class, Usage.class, ToolCall.class, FinishReason.class)) {
			assertThat(RuntimeHintsPredicates.reflection().onType(type).withMemberCategories(ALL_DECLARED))
				.as(type.getName())
				.accepts(this.hints);
		}
	}

	@Test
	void registersTheVideoWireTypes() {
		for (Class<?> type : List.of(VideoRequest.class, VideoTask.class, VideoResult.class, Video.class)) {
			assertThat(RuntimeHintsPredicates.reflection().onType(type).withMemberCategories(ALL_DECLARED))
				.as(type.getName())
				.accepts(this.hints);
		}
	}

	@Test
	void registersEveryJacksonAnnotatedMethodAndRecordAccessorForInvocation() {
		int checked = 0;
		for (Class<?> type : mainClasses()) {
			if (!usesJacksonAnnotations(type)) {
				continue;
			}
			for (Method method : type.getDeclaredMethods()) {
				if (annotations(method).anyMatch(ZaiRuntimeHintsTests::isJackson)) {
					assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(method)).as(method.toString())
						.accepts(this.hints);
					checked++;
				}
			}
			if (type.isRecord()) {
				for (RecordComponent component : type.getRecordComponents()) {
					assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(component.getAccessor()))
						.as(component.getAccessor().toString())
						.accepts(this.hints);
					checked++;
				}
			}
		}
		assertThat(checked).as("creators, @JsonValue methods and accessors").isGreaterThan(20);
	}

	@Test
	void registersTheDeserializersThatJacksonAnnotationsName() {
		List<Class<?>> named = new ArrayList<>();
		for (Class<?> type : mainClasses()) {
			for (Annotation annotation : type.getDeclaredAnnotations()) {
				if (annotation.annotationType().getName().equals("tools.jackson.databind.annotation.JsonDeserialize")) {
					named.add(classAttribute(annotation, "using"));
				}
			}
		}
		assertThat(named).as("@JsonDeserialize(using = ...) of ChatCompletion and ChatCompletionChunk")
			.hasSizeGreaterThanOrEqualTo(2);
		for (Class<?> deserializer : named) {
			assertThat(RuntimeHintsPredicates.reflection()
				.onType(deserializer)
				.withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).as(deserializer.getName())
				.accepts(this.hints);
		}
	}

	@Test
	void coversEveryJacksonAnnotatedTypeAndEveryPublicRecordAndEnumOfTheEndpointPackages() {
		// found here independently of ZaiRuntimeHints' own scan: a wire record added
		// without
		// Jackson annotations, or a new endpoint package missing from WIRE_PACKAGES,
		// fails this test
		List<Class<?>> expected = new ArrayList<>();
		for (Class<?> type : mainClasses()) {
			if (usesJacksonAnnotations(type) || (isInEndpointPackage(type) && Modifier.isPublic(type.getModifiers())
					&& (type.isRecord() || type.isEnum()))) {
				expected.add(type);
			}
		}
		assertThat(expected).as("wire types found on the class path")
			.contains(ChatCompletion.class, Usage.class, Usage.PromptTokensDetails.class, FinishReason.class);
		for (Class<?> type : expected) {
			assertThat(RuntimeHintsPredicates.reflection().onType(type).withMemberCategories(ALL_DECLARED))
				.as("%s has no reflection hints: is its package in ZaiRuntimeHints.WIRE_PACKAGES, "
						+ "and does it carry the Jackson annotations of the house style?", type.getName())
				.accepts(this.hints);
		}
	}

	@Test
	void registersThePropertiesOfSpringDataRedisThatTheRedisLimiterBinds() {
		assertThat(RuntimeHintsPredicates.reflection().onType(ZaiRedisConnection.DataRedis.class)).accepts(this.hints);
		assertThat(
				RuntimeHintsPredicates.reflection().onMethodInvocation(ZaiRedisConnection.DataRedis.class, "setHost"))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(ZaiRedisConnection.DataRedis.Ssl.class, "setBundle")).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(ZaiRedisConnection.DataRedis.Sentinel.class, "setNodes")).accepts(this.hints);
	}

	@Test
	void registersTheVersionResourceThatExists() {
		assertThat(new ClassPathResource(ZaiRuntimeHints.VERSION_RESOURCE).exists()).isTrue();
		assertThat(RuntimeHintsPredicates.resource().forResource(ZaiRuntimeHints.VERSION_RESOURCE)).accepts(this.hints);
	}

	@Test
	void registersTheTypesWhosePresenceIsCheckedByName() {
		assertThat(ZaiRuntimeHints.PRESENCE_CHECKED_TYPES).isNotEmpty();
		for (String typeName : ZaiRuntimeHints.PRESENCE_CHECKED_TYPES) {
			assertThat(ClassUtils.isPresent(typeName, getClass().getClassLoader())).as(typeName).isTrue();
			assertThat(RuntimeHintsPredicates.reflection().onType(TypeReference.of(typeName))).as(typeName)
				.accepts(this.hints);
		}
	}

	@Test
	void isRegisteredInAotFactoriesAlongsideSpringsHintsForTheSpringFactoriesEntries() throws IOException {
		List<RuntimeHintsRegistrar> registrars = SpringFactoriesLoader
			.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class);
		assertThat(registrars).hasAtLeastOneElementOfType(ZaiRuntimeHints.class);
		RuntimeHints aotHints = new RuntimeHints();
		registrars.forEach((registrar) -> registrar.registerHints(aotHints, getClass().getClassLoader()));
		assertThat(RuntimeHintsPredicates.reflection().onType(ChatCompletion.class).withMemberCategories(ALL_DECLARED))
			.accepts(aotHints);
		// Spring's SpringFactoriesLoaderRuntimeHints makes every spring.factories entry
		// instantiable
		Properties factories = PropertiesLoaderUtils.loadProperties(new ClassPathResource("META-INF/spring.factories"));
		List<String> implementations = factories.values()
			.stream()
			.flatMap((value) -> Arrays.stream(StringUtils.commaDelimitedListToStringArray((String) value)))
			.map(String::trim)
			.toList();
		assertThat(implementations).contains(ZaiBackgroundPreinitializer.class.getName(),
				ZaiConfigurationFailureAnalyzer.class.getName());
		for (String implementation : implementations) {
			assertThat(RuntimeHintsPredicates.reflection()
				.onType(TypeReference.of(implementation))
				.withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).as(implementation).accepts(aotHints);
		}
	}

	private static List<Class<?>> mainClasses() {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		List<Class<?>> classes = new ArrayList<>();
		try {
			for (Resource resource : resolver.getResources("classpath*:io/github/zaispring/**/*.class")) {
				String url = resource.getURL().toString();
				if (url.contains("/test-classes/") || url.endsWith("package-info.class")) {
					continue;
				}
				String path = url.substring(url.lastIndexOf("io/github/zaispring/"), url.length() - ".class".length());
				classes.add(ClassUtils.resolveClassName(path.replace('/', '.'), resolver.getClassLoader()));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return classes;
	}

	private static boolean isInEndpointPackage(Class<?> type) {
		String packageName = type.getPackageName();
		return ENDPOINT_PACKAGES.stream().anyMatch((name) -> packageName.equals("io.github.zaispring." + name));
	}

	private static boolean usesJacksonAnnotations(Class<?> type) {
		List<AnnotatedElement> elements = new ArrayList<>();
		elements.add(type);
		elements.addAll(Arrays.asList(type.getDeclaredFields()));
		elements.addAll(Arrays.asList(type.getDeclaredMethods()));
		elements.addAll(Arrays.asList(type.getDeclaredConstructors()));
		return elements.stream().flatMap(ZaiRuntimeHintsTests::annotations).anyMatch(ZaiRuntimeHintsTests::isJackson);
	}

	private static boolean isJackson(Annotation annotation) {
		String name = annotation.annotationType().getName();
		return name.startsWith("com.fasterxml.jackson.") || name.startsWith("tools.jackson.");
	}

	private static Stream<Annotation> annotations(AnnotatedElement element) {
		Stream<Annotation> own = Arrays.stream(element.getDeclaredAnnotations());
		if (element instanceof Executable executable) {
			return Stream.concat(own, Arrays.stream(executable.getParameterAnnotations()).flatMap(Arrays::stream));
		}
		return own;
	}

	private static Class<?> classAttribute(Annotation annotation, String name) {
		try {
			return (Class<?>) annotation.annotationType().getMethod(name).invoke(annotation);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
