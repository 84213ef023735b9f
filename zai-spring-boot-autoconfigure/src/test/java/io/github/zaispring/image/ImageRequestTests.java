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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Validation of {@link ImageRequest}: the documented sizes per model family, quality and
 * user id.
 *
 * @author zai-spring-boot contributors
 */
class ImageRequestTests {

	@Test
	void acceptsPresetsAndCustomSizesOfEachFamily() {
		assertThat(request("cogview-4-250304", "1440x720").size()).isEqualTo("1440x720");
		assertThat(request("cogview-4-250304", "1024x2048").size()).isEqualTo("1024x2048");
		assertThat(request("cogview-4", "512x512").size()).isEqualTo("512x512");
		assertThat(request("glm-image", "1728x960").size()).isEqualTo("1728x960");
		assertThat(request("glm-image", "2048x2048").size()).isEqualTo("2048x2048");
		assertThat(request(null, "1280x1280").size()).isEqualTo("1280x1280");
	}

	@Test
	void rejectsSizesThatAreNotWidthByHeight() {
		for (String size : new String[] { "1024", "1024*1024", "1024X1024", "0x1024", "-1x5", " 1024x1024", "" }) {
			assertThatIllegalArgumentException().as(size)
				.isThrownBy(() -> request(null, size))
				.withMessageContaining("size must be WIDTHxHEIGHT in pixels, such as 1024x1024");
		}
	}

	@Test
	void rejectsSizesOutsideTheModelsLimitsNamingThem() {
		// cogview: at most 2^21 pixels
		assertThatIllegalArgumentException().isThrownBy(() -> request("cogview-4-250304", "2048x2048"))
			.withMessageContaining("size 2048x2048 is not valid for cogview models")
			.withMessageContaining("sides of 512 to 2048 px in multiples of 16 with at most 2097152 pixels");
		// glm-image: sides of at least 1024 unless a preset, multiples of 32
		assertThatIllegalArgumentException().isThrownBy(() -> request("glm-image", "1024x768"))
			.withMessageContaining("not valid for glm-image models: use a preset such as 1280x1280");
		assertThatIllegalArgumentException().isThrownBy(() -> request("glm-image", "1040x1040"))
			.withMessageContaining("multiples of 32");
		assertThatIllegalArgumentException().isThrownBy(() -> request(null, "500x500"))
			.withMessageContaining("not valid for other models");
		// the default model is checked when it is applied
		ImageRequest unchecked = request(null, "2048x2048");
		assertThatIllegalArgumentException().isThrownBy(() -> unchecked.withModel("cogview-4-250304"))
			.withMessageContaining("not valid for cogview models");
	}

	@Test
	void rejectsOtherInvalidFieldsNamingThem() {
		assertThatIllegalArgumentException().isThrownBy(() -> ImageRequest.builder().build())
			.withMessageContaining("prompt must not be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> ImageRequest.builder().prompt(" ").build())
			.withMessageContaining("prompt must not be empty");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ImageRequest.builder().prompt("p").quality("ultra").build())
			.withMessageContaining("quality must be hd or standard, but was 'ultra'");
		assertThatIllegalArgumentException().isThrownBy(() -> ImageRequest.builder().prompt("p").userId("abc").build())
			.withMessageContaining("userId must be 6 to 128 characters long, but has 3");
		assertThatIllegalArgumentException().isThrownBy(() -> ImageRequest.builder().prompt("p").model(" ").build())
			.withMessageContaining("model must not be blank");
	}

	private static ImageRequest request(String model, String size) {
		return ImageRequest.builder().model(model).prompt("A cat").size(size).build();
	}

}
