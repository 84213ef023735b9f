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

package io.github.zaispring.sample;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.zaispring.test.AutoConfigureZaiMockServer;
import io.github.zaispring.test.ZaiMockServer;
import io.github.zaispring.test.ZaiReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests of the chat page in a real browser: Debian's headless Chromium, driven through
 * its chromedriver. Skipped where either is not installed ({@code .ci/install-browser}
 * installs both).
 *
 * @author zai-spring-boot contributors
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureZaiMockServer
class ChatPageBrowserTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path SCREENSHOT = Path.of("target", "screenshots", "sample-chat.png");

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static ChromeDriverService driverService;

	private static WebDriver browser;

	private static Path profile;

	@LocalServerPort
	private int port;

	@Autowired
	private ZaiMockServer zai;

	@BeforeAll
	static void startBrowser() throws IOException {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Chromium or chromedriver is not installed; .ci/install-browser installs both");
		profile = Files.createTempDirectory("zai-sample-chromium");
		driverService = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		// no sandbox because CI runs as root; the rest keeps Chromium off the network
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
				"--user-data-dir=" + profile, "--window-size=900,760");
		browser = new ChromeDriver(driverService, options);
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		if (browser != null) {
			browser.quit();
		}
		if (driverService != null) {
			driverService.stop();
		}
		if (profile != null) {
			FileSystemUtils.deleteRecursively(profile);
		}
	}

	@BeforeEach
	void openPage() {
		browser.get("http://127.0.0.1:" + this.port + "/");
	}

	@Test
	void streamsTheAnswerWordByWordBelowTheReasoningAndCompletes() {
		this.zai.respondWith(new DemoReplies());
		ask("How do I use the real API?");
		String expected = DemoReplies.answer("“How do I use the real API?”");
		WebElement answer = latest(".answer");
		List<Integer> lengths = new ArrayList<>();
		List<Integer> shrinking = new ArrayList<>();
		wait(PATIENCE, Duration.ofMillis(20)).until((page) -> {
			if (!latestTurn().findElements(By.cssSelector(".meta")).isEmpty()) {
				return true;
			}
			int length = answer.getText().length();
			int last = lengths.isEmpty() ? 0 : lengths.get(lengths.size() - 1);
			if (length < last) {
				shrinking.add(length);
			}
			if (length > last) {
				if (last < expected.length() / 2 && length >= expected.length() / 2) {
					screenshot();
				}
				lengths.add(length);
			}
			return false;
		});
		assertThat(shrinking).as("the answer never shrank").isEmpty();
		assertThat(lengths).as("answer lengths seen before the stream completed")
			.hasSizeGreaterThanOrEqualTo(3)
			.isSorted()
			.doesNotHaveDuplicates()
			.allSatisfy((length) -> assertThat(length).isLessThanOrEqualTo(expected.length()));
		assertThat(answer.getText()).isEqualTo(expected);
		assertThat(latest(".thought").getText()).isEqualTo(DemoReplies.reasoning("“How do I use the real API?”"));
		assertThat(latest("details.reasoning summary").getText()).isEqualTo("Reasoning");
		assertThat(latest(".meta").getText()).startsWith("glm-4.6 · ").contains("tokens in").contains("out");
		assertThat(browser.findElement(By.id("send")).isEnabled()).isTrue();
		assertThat(browser.findElement(By.id("stop")).isEnabled()).isFalse();
	}

	@Test
	void stopEndsTheAnswerAndCancelsTheRequestToZai() {
		String words = "word ".repeat(200).strip();
		this.zai.enqueue(ZaiReply.text(words).delayBetweenChunks(Duration.ofMillis(100)));
		ask("Write two hundred words");
		WebElement answer = latest(".answer");
		wait(PATIENCE, Duration.ofMillis(20)).until((page) -> answer.getText().length() >= 10);
		browser.findElement(By.id("stop")).click();
		assertThat(latest(".stopped").getText()).isEqualTo("Stopped.");
		int lengthAtStop = answer.getText().length();
		assertThat(this.zai.awaitCancelledStreams(1, Duration.ofSeconds(10)))
			.as("Z.AI saw the stream cancelled when the page stopped it")
			.isTrue();
		assertThat(answer.getText()).as("no word arrives after Stop").hasSize(lengthAtStop);
		assertThat(lengthAtStop).isLessThan(words.length());
		assertThat(latestTurn().findElements(By.cssSelector(".meta"))).isEmpty();
		assertThat(browser.findElement(By.id("stop")).isEnabled()).isFalse();
		assertThat(browser.findElement(By.id("send")).isEnabled()).isTrue();
	}

	@Test
	void showsWhyAnAnswerFailedInWordsAPersonCanAct() {
		this.zai.enqueue(ZaiReply.error(401, "1002", "Authorization Token is invalid"));
		ask("Hello");
		WebElement error = wait(PATIENCE, Duration.ofMillis(50))
			.until((page) -> latestTurn().findElements(By.cssSelector(".error")).stream().findFirst().orElse(null));
		assertThat(error.getText()).isEqualTo("Z.AI did not accept the API key. Check ZAI_API_KEY.");
	}

	private static void ask(String question) {
		browser.findElement(By.id("message")).sendKeys(question);
		browser.findElement(By.id("send")).click();
	}

	private static WebElement latestTurn() {
		List<WebElement> turns = browser.findElements(By.cssSelector(".turn.assistant"));
		assertThat(turns).isNotEmpty();
		return turns.get(turns.size() - 1);
	}

	private static WebElement latest(String selector) {
		return latestTurn().findElement(By.cssSelector(selector));
	}

	private static WebDriverWait wait(Duration timeout, Duration polling) {
		WebDriverWait wait = new WebDriverWait(browser, timeout);
		wait.pollingEvery(polling);
		return wait;
	}

	/**
	 * Keep a picture of the page in the middle of an answer; the README shows it.
	 */
	private static void screenshot() {
		try {
			File picture = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
			Files.createDirectories(SCREENSHOT.getParent());
			Files.copy(picture.toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not save the screenshot to " + SCREENSHOT, ex);
		}
	}

}
