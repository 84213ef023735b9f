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
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JacksonAnnotation;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.boot.context.properties.bind.BindableRuntimeHintsRegistrar;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.ClassUtils;

/**
 * What a GraalVM native image of an application with the starter needs to know about it,
 * registered through {@code META-INF/spring/aot.factories} and applied when Spring's AOT
 * processing ({@code spring-boot:process-aot}) writes the image's reachability metadata:
 * <ul>
 * <li>every type that is read or written as JSON: Jackson finds their properties,
 * creators and deserializers by reflection;</li>
 * <li>the {@code version.properties} resource that the {@code User-Agent} header
 * names;</li>
 * <li>the classes whose presence the code checks by name
 * ({@link ClassUtils#isPresent(String, ClassLoader)}).</li>
 * </ul>
 * The {@code META-INF/spring.factories} entries (the failure analyzer and the background
 * preinitializer) need nothing here: Spring's own
 * {@code SpringFactoriesLoaderRuntimeHints} registers the constructors of every entry.
 * <p>
 * <strong>Wire types</strong> are found, not listed: at AOT time every class of the
 * packages in {@link #WIRE_PACKAGES} (nested classes included) that carries a Jackson
 * annotation, on the type or on one of its members, gets its declared constructors,
 * methods and fields registered, plus what Spring's
 * {@link BindingReflectionHintsRegistrar} derives from it (record components, property
 * types, and the classes named by Jackson annotations, such as the deserializer of
 * {@code @JsonDeserialize(using = ...)}). The house style puts Jackson annotations on
 * every wire type, so a new record in a wire package is covered without a change here.
 * <strong>A new endpoint package</strong> ({@code embedding}, {@code rerank},
 * {@code websearch}, {@code image}, ...) is added to {@link #WIRE_PACKAGES}, and nowhere
 * else; {@code ZaiRuntimeHintsTests} fails while a package with Jackson-annotated types
 * is missing from the list.
 *
 * @author zai-spring-boot contributors
 */
final class ZaiRuntimeHints implements RuntimeHintsRegistrar {

	/**
	 * The packages whose Jackson-annotated types are read or written as JSON: one entry
	 * per endpoint family.
	 */
	static final List<String> WIRE_PACKAGES = List.of("io.github.zaispring.chat", "io.github.zaispring.embedding",
			"io.github.zaispring.rerank", "io.github.zaispring.websearch", "io.github.zaispring.image",
			"io.github.zaispring.moderation", "io.github.zaispring.video", "io.github.zaispring.audio");

	/**
	 * The resource {@code io.github.zaispring.internal.LibraryVersion} reads.
	 */
	static final String VERSION_RESOURCE = "io/github/zaispring/internal/version.properties";

	/**
	 * The classes whose presence is checked by name: in a native image
	 * {@code Class.forName} finds only registered classes.
	 */
	static final List<String> PRESENCE_CHECKED_TYPES = List.of(
			// ZaiBackgroundPreinitializer
			"io.micrometer.observation.ObservationRegistry", "io.micrometer.core.instrument.MeterRegistry");

	private static final MemberCategory[] WIRE_TYPE_MEMBERS = { MemberCategory.INVOKE_DECLARED_CONSTRUCTORS,
			MemberCategory.INVOKE_DECLARED_METHODS, MemberCategory.ACCESS_DECLARED_FIELDS };

	private final BindingReflectionHintsRegistrar bindingRegistrar = new BindingReflectionHintsRegistrar();

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		for (String packageName : WIRE_PACKAGES) {
			for (Class<?> type : wireTypes(packageName, classLoader)) {
				hints.reflection().registerType(type, WIRE_TYPE_MEMBERS);
				this.bindingRegistrar.registerReflectionHints(hints.reflection(), type);
			}
		}
		hints.resources().registerPattern(VERSION_RESOURCE);
		for (String typeName : PRESENCE_CHECKED_TYPES) {
			hints.reflection().registerTypeIfPresent(classLoader, typeName);
		}
		// bound by the Redis limiter from spring.data.redis.*, with or without Boot's
		// Redis starter
		BindableRuntimeHintsRegistrar.forTypes(ZaiRedisConnection.DataRedis.class).registerHints(hints, classLoader);
	}

	/**
	 * Return the wire types of a package: its classes, nested ones included, that carry a
	 * Jackson annotation on the type or on one of its members.
	 * @param packageName the package, such as {@code io.github.zaispring.chat}
	 * @param classLoader the class loader to scan, or {@code null} for the default
	 * @return the wire types, sorted by name
	 */
	static List<Class<?>> wireTypes(String packageName, @Nullable ClassLoader classLoader) {
		List<Class<?>> types = new ArrayList<>();
		for (Class<?> type : classesOf(packageName, classLoader)) {
			if (isJacksonAnnotated(type)) {
				types.add(type);
			}
		}
		types.sort(Comparator.comparing(Class::getName));
		return types;
	}

	/**
	 * Return the classes of one package (not of its sub-packages), nested ones included,
	 * from every class path entry that has it.
	 * @param packageName the package
	 * @param classLoader the class loader to scan, or {@code null} for the default
	 * @return the classes, loaded without initializing them
	 */
	static List<Class<?>> classesOf(String packageName, @Nullable ClassLoader classLoader) {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
		String pattern = "classpath*:" + ClassUtils.convertClassNameToResourcePath(packageName) + "/*.class";
		try {
			List<Class<?>> classes = new ArrayList<>();
			for (Resource resource : resolver.getResources(pattern)) {
				String fileName = resource.getFilename();
				if (fileName != null && !fileName.contains("-")) {
					String className = packageName + "." + fileName.substring(0, fileName.length() - ".class".length());
					Class<?> type = ClassUtils.resolveClassName(className, resolver.getClassLoader());
					if (!classes.contains(type)) {
						classes.add(type);
					}
				}
			}
			return classes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the classes of package " + packageName, ex);
		}
	}

	/**
	 * Whether the type, its record components, fields, constructors, methods or their
	 * parameters carry a Jackson annotation ({@code com.fasterxml.jackson.annotation} or
	 * {@code tools.jackson.databind.annotation}: both are meta-annotated with
	 * {@link JacksonAnnotation}).
	 * @param type the type to inspect
	 * @return whether Jackson annotations shape its JSON
	 */
	static boolean isJacksonAnnotated(Class<?> type) {
		Stream<AnnotatedElement> members = Stream
			.of(Stream.<AnnotatedElement>of(type), Arrays.stream(type.getDeclaredFields()),
					Arrays.stream(type.getDeclaredConstructors()), Arrays.stream(type.getDeclaredMethods()),
					recordComponents(type))
			.flatMap((elements) -> elements);
		return members.anyMatch(ZaiRuntimeHints::hasJacksonAnnotation);
	}

	private static Stream<AnnotatedElement> recordComponents(Class<?> type) {
		RecordComponent[] components = type.getRecordComponents();
		return (components != null) ? Arrays.stream(components) : Stream.empty();
	}

	private static boolean hasJacksonAnnotation(AnnotatedElement element) {
		if (isJackson(element.getDeclaredAnnotations())) {
			return true;
		}
		if (element instanceof Executable executable) {
			for (Annotation[] parameterAnnotations : executable.getParameterAnnotations()) {
				if (isJackson(parameterAnnotations)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean isJackson(Annotation[] annotations) {
		for (Annotation annotation : annotations) {
			if (annotation.annotationType().isAnnotationPresent(JacksonAnnotation.class)) {
				return true;
			}
		}
		return false;
	}

}
