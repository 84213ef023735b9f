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

package io.github.zaispring.sample.ai;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests of the chat page in a real browser, Debian's headless Chromium driven through its
 * chromedriver, against the sample as it runs without a key. Skipped where either is not
 * installed ({@code .ci/install-browser} installs both).
 *
 * @author zai-spring-boot contributors
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:chat-page-browser-tests",
				"sample.data-directory=target/chat-page-browser-tests" })
@DisabledIfEnvironmentVariable(named = "ZAI_API_KEY", matches = ".+",
		disabledReason = "with a key the sample talks to Z.AI, not to the local simulator")
class ChatPageBrowserTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path SCREENSHOT = Path.of("target", "screenshots", "spring-ai-sample.png");

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static ChromeDriverService driverService;

	private static WebDriver browser;

	private static Path profile;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void startBrowser() throws IOException {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Chromium or chromedriver is not installed; .ci/install-browser installs both");
		profile = Files.createTempDirectory("zai-spring-ai-sample-chromium");
		driverService = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		// no sandbox because CI runs as root; the rest keeps Chromium off the network
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
				"--user-data-dir=" + profile, "--window-size=900,1400");
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
	void openPageWithANewConversation() {
		browser.get("http://127.0.0.1:" + this.port + "/");
		((JavascriptExecutor) browser).executeScript("localStorage.clear()");
		browser.navigate().refresh();
		awaitReady();
	}

	@Test
	void showsTheToolCallAndTheAnswerMadeFromItsResult() {
		ask("What time is it in Tokyo?");
		WebElement turn = awaitAnswer();
		WebElement toolUse = turn.findElement(By.cssSelector(".tools li"));
		assertThat(toolUse.getText()).startsWith("Called the tool currentTime({\"city\":\"Tokyo\"}) → {")
			.contains("\"timeZone\":\"Asia/Tokyo\"");
		assertThat(turn.findElements(By.cssSelector(".answer strong"))).extracting(WebElement::getText)
			.first()
			.isEqualTo("Tokyo");
		assertThat(turn.findElement(By.cssSelector(".answer")).getText()).contains("(Asia/Tokyo, UTC+09:00)")
			.doesNotContain("**");
	}

	@Test
	void answersFromTheDocsAndLinksTheSourcesItCites() {
		browser.findElement(By.id("docs")).click();
		ask("How do I set the API key?");
		WebElement turn = awaitAnswer();
		screenshot();
		assertThat(turn.findElement(By.cssSelector(".answer")).getText()).startsWith("The README says, in “")
			.contains("[1]", "[2]", "[3]");
		List<WebElement> sources = turn.findElements(By.cssSelector(".sources li"));
		assertThat(sources).hasSize(3);
		assertThat(sources).extracting((source) -> source.getDomProperty("value")).containsExactly("1", "2", "3");
		WebElement first = sources.get(0).findElement(By.tagName("a"));
		assertThat(first.getText()).startsWith("README › ");
		assertThat(turn.findElement(By.cssSelector(".answer")).getText())
			.contains("“" + first.getText().substring("README › ".length()) + "”");
		assertThat(first.getDomAttribute("href"))
			.startsWith("https://github.com/zaispring/zai-spring-boot/blob/main/README.md#");
		assertThat(first.getDomAttribute("rel")).contains("noopener");
		assertThat(turn.findElements(By.cssSelector(".tools li"))).isEmpty();
	}

	@Test
	void showsTheConversationFromTheChatMemoryAfterAReloadUntilANewChat() {
		ask("My name is Ada.");
		awaitAnswer();
		ask("What is my name?");
		WebElement answer = awaitAnswer().findElement(By.cssSelector(".answer"));
		assertThat(answer.getText()).contains("This is question 2 of our conversation");
		assertThat(answer.findElements(By.cssSelector("ul > li"))).extracting(WebElement::getText)
			.containsExactly("“My name is Ada.”");

		browser.navigate().refresh();
		awaitReady();
		assertThat(browser.findElements(By.cssSelector(".turn.user"))).extracting(WebElement::getText)
			.containsExactly("My name is Ada.", "What is my name?");
		assertThat(browser.findElements(By.cssSelector(".turn.assistant"))).hasSize(2);

		browser.findElement(By.id("new-chat")).click();
		assertThat(browser.findElements(By.cssSelector(".turn"))).isEmpty();
		ask("Who am I?");
		assertThat(awaitAnswer().getText()).doesNotContain("This is question");
	}

	@Test
	void neverRunsHtmlFromAnAnswer() {
		ask("<img src=\"nothing.png\" onerror=\"document.body.dataset.injected='img'\"> hello");
		WebElement answer = awaitAnswer().findElement(By.cssSelector(".answer"));
		assertThat(answer.findElements(By.cssSelector("[onerror], script"))).isEmpty();
		Object injected = ((JavascriptExecutor) browser).executeAsyncScript(
				"const done = arguments[arguments.length - 1]; setTimeout(() => done(document.body.dataset.injected || 'nothing'), 0);");
		assertThat(injected).isEqualTo("nothing");
	}

	@Test
	void saysThatItAnswersFromASimulatorAndExplainsAnEmptyMessage() {
		WebElement banner = browser.findElement(By.id("simulator"));
		assertThat(banner.isDisplayed()).isTrue();
		assertThat(banner.getText()).startsWith("Local simulator:").contains("ZAI_API_KEY");
		browser.findElement(By.id("send")).click();
		assertThat(browser.findElement(By.id("form-error")).getText())
			.isEqualTo("Write a message first: an empty message cannot be answered.");
		assertThat(browser.findElements(By.cssSelector(".turn"))).isEmpty();
	}

	private static void ask(String question) {
		browser.findElement(By.id("message")).sendKeys(question);
		browser.findElement(By.id("send")).click();
	}

	private static void awaitReady() {
		wait(PATIENCE)
			.until((page) -> "true".equals(browser.findElement(By.tagName("body")).getDomAttribute("data-ready")));
	}

	private static WebElement awaitAnswer() {
		return wait(PATIENCE).until((page) -> {
			List<WebElement> turns = browser.findElements(By.cssSelector(".turn.assistant"));
			WebElement latest = turns.isEmpty() ? null : turns.get(turns.size() - 1);
			return (latest != null && "true".equals(latest.getDomAttribute("data-done"))) ? latest : null;
		});
	}

	private static WebDriverWait wait(Duration timeout) {
		WebDriverWait wait = new WebDriverWait(browser, timeout);
		wait.pollingEvery(Duration.ofMillis(20));
		return wait;
	}

	/**
	 * Keep a picture of the page with a cited answer.
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
