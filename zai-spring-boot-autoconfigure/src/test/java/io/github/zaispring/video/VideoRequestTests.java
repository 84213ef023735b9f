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

package io.github.zaispring.video;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;

import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The checks of a {@link VideoRequest} and of the arguments of {@link ZaiVideoTemplate}:
 * each names the argument and what is valid, and fails before any request is sent.
 *
 * @author zai-spring-boot contributors
 */
class VideoRequestTests {

	private MockWebServer server;

	private ZaiVideoTemplate template;

	@BeforeEach
	void start() throws IOException {
		this.server = new MockWebServer();
		this.server.start(InetAddress.getLoopbackAddress(), 0);
		this.template = ZaiVideoTemplate.builder()
			.apiKey("k.secret")
			.baseUrl(this.server.url("/api/paas/v4").toString())
			.build();
	}

	@AfterEach
	void stop() {
		this.template.close();
		assertThat(this.server.getRequestCount()).as("requests sent").isZero();
		this.server.close();
	}

	@Test
	void aPromptOrAnImageIsRequired() {
		assertThatIllegalArgumentException().isThrownBy(() -> VideoRequest.builder().model("cogvideox-3").build())
			.withMessageContaining("prompt or imageUrl must be set");
		assertThat(VideoRequest.builder().prompt("A cat").build().imageUrls()).isEmpty();
		assertThat(VideoRequest.builder().imageUrl("https://example.com/a.png").build().prompt()).isNull();
	}

	@Test
	void aPromptHasAtMost512CharactersAndIsNotBlank() {
		assertThat(VideoRequest.builder().prompt("x".repeat(512)).build().prompt()).hasSize(512);
		assertThatIllegalArgumentException().isThrownBy(() -> VideoRequest.builder().prompt("x".repeat(513)))
			.withMessage("prompt must be at most 512 characters long, but has 513");
		assertThatIllegalArgumentException().isThrownBy(() -> VideoRequest.builder().prompt(" "))
			.withMessageContaining("prompt must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.generate("x".repeat(513)))
			.withMessageContaining("at most 512 characters");
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.generate((String) null))
			.withMessageContaining("prompt must not be empty");
	}

	@Test
	void imagesAreOneOrTwoUrlsOrDataUris() {
		assertThat(
				VideoRequest.builder().imageUrls("https://a/1.png", "data:image/png;base64,AAAA").build().imageUrls())
			.hasSize(2);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> VideoRequest.builder().imageUrls("https://a/1.png", "https://a/2.png", "https://a/3.png"))
			.withMessageContaining("imageUrls must hold one image, or two (a first and a last frame), but holds 3");
		assertThatIllegalArgumentException().isThrownBy(() -> VideoRequest.builder().imageUrls(List.of()))
			.withMessageContaining("but holds 0");
		assertThatIllegalArgumentException().isThrownBy(() -> VideoRequest.builder().imageUrl("ftp://a/1.png"))
			.withMessageContaining("imageUrl must be an http(s) URL or a data:image/...;base64 URI");
		assertThatIllegalArgumentException().isThrownBy(() -> VideoRequest.builder().imageUrl(null))
			.withMessageContaining("but was null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> VideoRequest.builder().imageUrls(Arrays.asList("https://a/1.png", null)))
			.withMessageContaining("imageUrls must not contain null");
		assertThatIllegalArgumentException().isThrownBy(() -> VideoRequest.builder().imageUrls((String[]) null))
			.withMessageContaining("imageUrls must not be null");
	}

	@Test
	void aLongDataUriIsNotRepeatedInTheMessage() {
		String data = "/9j/" + "A".repeat(100_000);
		assertThatIllegalArgumentException().isThrownBy(() -> VideoRequest.builder().imageUrl(data))
			.satisfies((ex) -> assertThat(ex.getMessage()).hasSizeLessThan(300).contains("100004 characters"));
		assertThat(VideoRequest.builder().imageUrl("data:image/jpeg;base64," + data).build().toString())
			.hasSizeLessThan(200);
	}

	@Test
	void sizesAreWidthByHeightAndOtherModelsSizesAreNotRefused() {
		assertThat(VideoRequest.builder().prompt("a").size("3840x2160").build().size()).isEqualTo("3840x2160");
		// not a documented cogvideox-3 size, but another model may take it
		assertThat(VideoRequest.builder().prompt("a").size("1440x1440").build().size()).isEqualTo("1440x1440");
		assertThatIllegalArgumentException().isThrownBy(() -> VideoRequest.builder().size("1920*1080"))
			.withMessageContaining("size must be WIDTHxHEIGHT in pixels, such as 1920x1080");
		assertThatIllegalArgumentException().isThrownBy(() -> VideoRequest.builder().size("0x720"))
			.withMessageContaining("but was '0x720'");
	}

	@Test
	void numbersArePositiveAndOtherModelsValuesAreNotRefused() {
		VideoRequest request = VideoRequest.builder().prompt("a").fps(24).duration(8).quality("ultra").build();
		assertThat(request.fps()).isEqualTo(24);
		assertThat(request.duration()).isEqualTo(8);
		assertThat(request.quality()).isEqualTo("ultra");
		assertThatIllegalArgumentException().isThrownBy(() -> VideoRequest.builder().fps(0))
			.withMessage("fps must be positive, such as 30 or 60, but was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> VideoRequest.builder().duration(-5))
			.withMessage("duration must be positive, such as 5 or 10, but was -5");
	}

	@Test
	void textOptionsAreNotBlank() {
		assertThatIllegalArgumentException().isThrownBy(() -> VideoRequest.builder().quality(" "))
			.withMessageContaining("quality must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> VideoRequest.builder().style(""))
			.withMessageContaining("style must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> VideoRequest.builder().aspectRatio(""))
			.withMessageContaining("aspectRatio must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> VideoRequest.builder().movementAmplitude(""))
			.withMessageContaining("movementAmplitude must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> VideoRequest.builder().model(" "))
			.withMessageContaining("model must not be blank");
	}

	@Test
	void idsAndExtraFieldsAreChecked() {
		assertThatIllegalArgumentException().isThrownBy(() -> VideoRequest.builder().requestId("abc"))
			.withMessageContaining("requestId must be 6 to 64 characters long");
		assertThatIllegalArgumentException().isThrownBy(() -> VideoRequest.builder().userId("abc"))
			.withMessageContaining("userId must be 6 to 128 characters long");
		assertThatIllegalArgumentException().isThrownBy(() -> VideoRequest.builder().extraBody("image_url", "x"))
			.withMessageContaining("extraBody must not set 'image_url'");
		assertThatIllegalArgumentException().isThrownBy(() -> VideoRequest.builder().extraBody("off_peak", null))
			.withMessageContaining("must not be null");
	}

	@Test
	void theTemplateChecksItsArgumentsBeforeSending() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.submit(null))
			.withMessageContaining("request must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.awaitResult(" "))
			.withMessageContaining("taskId must not be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.result(null))
			.withMessageContaining("taskId must not be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> ZaiVideoTemplate.builder().defaultModel(" "))
			.withMessageContaining("defaultModel must not be empty");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ZaiVideoTemplate.builder()
				.asyncPolling(java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(1),
						java.time.Duration.ofMinutes(1)))
			.withMessageContaining("asyncMaxPollInterval must be at least asyncPollInterval");
	}

	@Test
	void mutateKeepsEveryFieldAndRequestsCompareByValue() {
		VideoRequest request = VideoRequest.builder()
			.model("cogvideox-3")
			.prompt("A cat")
			.imageUrls("https://a/1.png")
			.quality("quality")
			.withAudio(false)
			.size("1280x720")
			.fps(60)
			.duration(10)
			.style("general")
			.aspectRatio("1:1")
			.movementAmplitude("auto")
			.requestId("vid-000001")
			.userId("user-000001")
			.extraBody("off_peak", true)
			.build();
		VideoRequest copy = request.mutate().build();
		assertThat(copy).isEqualTo(request).hasSameHashCodeAs(request);
		assertThat(request.mutate().imageUrl("https://a/1.png").build()).isNotEqualTo(request);
		assertThat(request.toString()).doesNotContain("A cat");
	}

}
