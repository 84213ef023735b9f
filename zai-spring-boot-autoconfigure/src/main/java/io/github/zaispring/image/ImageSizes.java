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

package io.github.zaispring.image;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The image sizes docs.z.ai documents per model family: a preset, or a custom size within
 * the family's side range, side step and pixel budget. A model of neither family is
 * checked against the widest of the two.
 *
 * @author zai-spring-boot contributors
 */
final class ImageSizes {

	private static final Pattern SIZE = Pattern.compile("([1-9][0-9]{0,4})x([1-9][0-9]{0,4})");

	private static final Family GLM_IMAGE = new Family("glm-image", "1280x1280", 1024, 2048, 32, 1 << 22,
			Set.of("1280x1280", "1568x1056", "1056x1568", "1472x1088", "1088x1472", "1728x960", "960x1728"));

	private static final Family COGVIEW = new Family("cogview", "1024x1024", 512, 2048, 16, 1 << 21,
			Set.of("1024x1024", "768x1344", "864x1152", "1344x768", "1152x864", "1440x720", "720x1440"));

	private static final Family ANY = new Family("other", "1024x1024", 512, 2048, 16, 1 << 22,
			Set.of("960x1728", "1728x960"));

	private ImageSizes() {
	}

	static void check(@Nullable String model, String size) {
		Matcher matcher = SIZE.matcher(size);
		Assert.isTrue(matcher.matches(),
				() -> "size must be WIDTHxHEIGHT in pixels, such as 1024x1024, but was '" + size + "'");
		Family family = family(model);
		if (family.presets().contains(size)) {
			return;
		}
		int width = Integer.parseInt(matcher.group(1));
		int height = Integer.parseInt(matcher.group(2));
		Assert.isTrue(inRange(width, family) && inRange(height, family) && (long) width * height <= family.maxPixels(),
				() -> "size " + size + " is not valid for " + family.name() + " models: use a preset such as "
						+ family.example() + ", or sides of " + family.minSide() + " to " + family.maxSide()
						+ " px in multiples of " + family.step() + " with at most " + family.maxPixels() + " pixels");
	}

	private static boolean inRange(int side, Family family) {
		return side >= family.minSide() && side <= family.maxSide() && side % family.step() == 0;
	}

	private static Family family(@Nullable String model) {
		if (model == null) {
			return ANY;
		}
		String lower = model.toLowerCase(Locale.ROOT);
		if (lower.startsWith("glm-image")) {
			return GLM_IMAGE;
		}
		return lower.startsWith("cogview") ? COGVIEW : ANY;
	}

	private record Family(String name, String example, int minSide, int maxSide, int step, int maxPixels,
			Set<String> presets) {

	}

}
