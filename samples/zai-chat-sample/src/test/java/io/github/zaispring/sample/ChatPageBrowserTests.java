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
import java.util.Locale;
import java.util.Map;

import io.github.zaispring.test.AutoConfigureZaiMockServer;
import io.github.zaispring.test.ReceivedRequest;
import io.github.zaispring.test.ZaiMockServer;
import io.github.zaispring.test.ZaiReply;
import io.github.zaispring.test.ZaiSearchReplies;
import io.github.zaispring.websearch.SearchResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests of the chat page in a real browser: Debian's headless Chromium, driven through
 * its chromedriver. Skipped where either is not installed ({@code .ci/install-browser}
 * installs both). The stream's reconnection delay is short here, so that a browser that
 * reconnected after an answer, and asked again, would do so within the test.
 *
 * @author zai-spring-boot contributors
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "sample.chat.reconnect-delay=" + ChatPageBrowserTests.RECONNECT_DELAY_MILLIS + "ms")
@AutoConfigureZaiMockServer
class ChatPageBrowserTests {

	static final long RECONNECT_DELAY_MILLIS = 100;

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
				"--user-data-dir=" + profile, "--window-size=900,1500");
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
	void openPageInANewSession() {
		// a new session, and with it a new conversation, for every test
		browser.manage().deleteAllCookies();
		browser.get("http://127.0.0.1:" + this.port + "/");
		wait(PATIENCE, Duration.ofMillis(20))
			.until((page) -> "true".equals(browser.findElement(By.tagName("body")).getDomAttribute("data-ready")));
	}

	@Test
	void showsTheAnswerWithItsSpacesAndNeverAsksZaiAgainWhenTheStreamEnds() {
		this.zai.enqueue(ZaiReply.text("Once upon a time there was a fox who wrote Java.")
			.reasoning("A short story.")
			.delayBetweenChunks(Duration.ofMillis(20)));
		ask("Tell me a story");
		awaitDone();
		assertThat(latest(".answer").getText()).isEqualTo("Once upon a time there was a fox who wrote Java.");
		assertThat(latest(".thought").getDomProperty("textContent")).isEqualTo("A short story.");
		assertThat(latest("details.reasoning").getDomProperty("open")).as("reasoning folded away once answered")
			.isEqualTo("false");
		assertThat(this.zai.requestCount()).isOne();
		// a browser that kept the stream open would reconnect after the retry: delay the
		// server sent, and the question would reach Z.AI a second time
		await().during(Duration.ofMillis(RECONNECT_DELAY_MILLIS * 10))
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.zai.requestCount()).as("requests that reached Z.AI").isOne());
		assertThat(browser.findElements(By.cssSelector(".turn.assistant"))).hasSize(1);
	}

	@Test
	void holdsAConversationAndShowsTheAnswersAsMarkdown() {
		this.zai.respondWith(new DemoReplies());
		ask("My name is Ada.");
		awaitDone();
		WebElement first = latestTurn();
		assertThat(first.findElement(By.cssSelector(".answer strong")).getText()).isEqualTo("local Z.AI simulator");
		assertThat(first.findElements(By.cssSelector(".answer ol > li"))).hasSize(3);
		assertThat(first.findElement(By.cssSelector(".answer ol pre > code")).getText())
			.isEqualTo("export ZAI_API_KEY=your-key");
		assertThat(first.findElement(By.cssSelector(".answer")).getText()).doesNotContain("**", "```");

		ask("What is my name?");
		WebElement answer = latest(".answer");
		String expected = DemoReplies.answer("“What is my name?”", List.of("“My name is Ada.”"));
		List<Integer> lengths = new ArrayList<>();
		wait(PATIENCE, Duration.ofMillis(20)).until((page) -> {
			if (!latestTurn().findElements(By.cssSelector(".meta")).isEmpty()) {
				return true;
			}
			int length = answer.getText().length();
			if (lengths.isEmpty() || length != lengths.get(lengths.size() - 1)) {
				if (length >= expected.length() * 3 / 4
						&& lengths.stream().allMatch((seen) -> seen < expected.length() * 3 / 4)) {
					screenshot();
				}
				lengths.add(length);
			}
			return false;
		});
		assertThat(lengths).as("answer lengths seen while it streamed").hasSizeGreaterThanOrEqualTo(3);
		assertThat(answer.getText()).startsWith("You asked “What is my name?”.")
			.contains("This is question 2 of our conversation");
		assertThat(answer.findElements(By.cssSelector("ul > li"))).extracting(WebElement::getText)
			.containsExactly("“My name is Ada.”");
		assertThat(answer.findElement(By.cssSelector("code")).getText()).isEqualTo("ZAI_API_KEY");
		assertThat(roles(this.zai.requests().get(1))).containsExactly("system", "user", "assistant", "user");
		assertThat(this.zai.requestCount()).isEqualTo(2);

		browser.navigate().refresh();
		wait(PATIENCE, Duration.ofMillis(20))
			.until((page) -> browser.findElements(By.cssSelector(".turn")).size() == 4);
		assertThat(browser.findElements(By.cssSelector(".turn.user"))).extracting(WebElement::getText)
			.containsExactly("My name is Ada.", "What is my name?");
		assertThat(latest(".answer ul > li").getText()).isEqualTo("“My name is Ada.”");

		browser.findElement(By.id("new-chat")).click();
		wait(PATIENCE, Duration.ofMillis(20)).until((page) -> browser.findElements(By.cssSelector(".turn")).isEmpty());
		ask("Who am I?");
		awaitDone();
		assertThat(roles(this.zai.requests().get(2))).containsExactly("system", "user");
	}

	@Test
	void neverRunsOrInsertsHtmlFromAnAnswer() {
		this.zai
			.enqueue(ZaiReply.text("Look: <img src=\"nothing.png\" onerror=\"document.body.dataset.injected='img'\"> "
					+ "<script>document.body.dataset.injected='script'</script> "
					+ "<a href=\"javascript:document.body.dataset.injected='link'\">click</a> **bold**"));
		ask("Show me some HTML");
		awaitDone();
		WebElement answer = latest(".answer");
		assertThat(answer.findElement(By.cssSelector("strong")).getText()).isEqualTo("bold");
		assertThat(answer.findElements(By.cssSelector("script, [onerror]"))).isEmpty();
		assertThat(answer.findElements(By.cssSelector("a[href^='javascript']"))).isEmpty();
		answer.findElements(By.cssSelector("a")).forEach(WebElement::click);
		assertThat(answer.getDomProperty("innerHTML")).doesNotContain("onerror", "<script", "javascript:");
		// an image that fails to load runs its onerror at once; give it the page's next
		// task
		Object injected = ((JavascriptExecutor) browser).executeAsyncScript(
				"const done = arguments[arguments.length - 1]; setTimeout(() => done(document.body.dataset.injected || 'nothing'), 0);");
		assertThat(injected).isEqualTo("nothing");
	}

	@Test
	void explainsAnEmptyMessageWithoutAskingZai() {
		browser.findElement(By.id("send")).click();
		WebElement error = browser.findElement(By.id("form-error"));
		assertThat(error.isDisplayed()).isTrue();
		assertThat(error.getText()).isEqualTo("Write a message first: an empty message cannot be answered.");
		assertThat(browser.findElements(By.cssSelector(".turn"))).isEmpty();
		assertThat(this.zai.requestCount()).isZero();
	}

	@Test
	void explainsAMessageThatIsTooLongAndGivesItBackWithoutAskingZai() {
		String tooLong = "word ".repeat(801).strip();
		WebElement input = browser.findElement(By.id("message"));
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", input, tooLong);
		browser.findElement(By.id("send")).click();
		WebElement error = wait(PATIENCE, Duration.ofMillis(20))
			.until((page) -> browser.findElement(By.id("form-error")).isDisplayed()
					? browser.findElement(By.id("form-error")) : null);
		assertThat(error.getText()).isEqualTo("Your message is 4,004 characters long, more than the 4,000 this "
				+ "sample accepts (sample.chat.max-message-length). Shorten it and send it again.");
		assertThat(input.getDomProperty("value")).isEqualTo(tooLong);
		assertThat(browser.findElements(By.cssSelector(".turn"))).isEmpty();
		assertThat(browser.findElement(By.id("send")).isEnabled()).isTrue();
		assertThat(this.zai.requestCount()).isZero();
	}

	@Test
	void saysThatItAnswersFromASimulatorAndHasAFavicon() {
		WebElement banner = browser.findElement(By.id("simulator"));
		assertThat(banner.isDisplayed()).isTrue();
		assertThat(banner.getText()).startsWith("Local simulator:").contains("ZAI_API_KEY");
		assertThat(browser.findElement(By.id("limits")).getText())
			.isEqualTo("Up to 4,000 characters a message, 40 questions and 32,000 characters a conversation.");
		WebElement icon = browser.findElement(By.cssSelector("link[rel=icon]"));
		assertThat(icon.getDomAttribute("href")).isEqualTo("/favicon.svg");
		@SuppressWarnings("unchecked")
		Map<String, Object> favicon = (Map<String, Object>) ((JavascriptExecutor) browser)
			.executeAsyncScript("const done = arguments[arguments.length - 1];"
					+ "fetch('/favicon.svg').then((r) => done({ status: r.status, type: r.headers.get('content-type') }));");
		assertThat(favicon).containsEntry("status", 200L).containsEntry("type", "image/svg+xml");
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
		assertThat(browser.findElement(By.id("send")).isEnabled()).isTrue();
		await().during(Duration.ofMillis(RECONNECT_DELAY_MILLIS * 10))
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.zai.requestCount()).as("requests that reached Z.AI").isOne());
	}

	@Test
	void searchesTheWebWhenSwitchedOnAndShowsTheSourcesAsPlainLinks() {
		String title = "<img src=\"nothing.png\" onerror=\"document.body.dataset.injected='title'\"> Spring news";
		this.zai.respondWith((request) -> {
			if (request.path().endsWith("/web_search")) {
				return ZaiSearchReplies.webSearch(
						new SearchResult(title, "Spring Boot 4.0 is out.", "https://spring.io/blog", null, null, null,
								null),
						new SearchResult("Not a page", "-", "javascript:document.body.dataset.injected='link'", null,
								null, null, null));
			}
			return ZaiReply.text("Spring Boot 4.0 is out [1].");
		});
		WebElement webSearch = browser.findElement(By.id("web-search"));
		assertThat(browser.findElement(By.cssSelector(".options label")).getText()).isEqualTo("Search the web");
		webSearch.click();
		ask("What is new in Spring?");
		awaitDone();
		assertThat(latest(".answer").getText()).isEqualTo("Spring Boot 4.0 is out [1].");
		List<WebElement> links = latestTurn().findElements(By.cssSelector(".sources a"));
		assertThat(links).singleElement().satisfies((link) -> {
			assertThat(link.getText()).isEqualTo(title);
			assertThat(link.getDomAttribute("href")).isEqualTo("https://spring.io/blog");
			assertThat(link.getDomAttribute("rel")).contains("noopener");
		});
		assertThat(latestTurn().findElements(By.cssSelector(".sources img, .sources [onerror]"))).isEmpty();
		Object injected = ((JavascriptExecutor) browser).executeAsyncScript(
				"const done = arguments[arguments.length - 1]; setTimeout(() => done(document.body.dataset.injected || 'nothing'), 0);");
		assertThat(injected).isEqualTo("nothing");
		List<ReceivedRequest> requests = this.zai.requests();
		assertThat(requests).extracting(ReceivedRequest::path)
			.satisfiesExactly((path) -> assertThat(path).endsWith("/web_search"),
					(path) -> assertThat(path).endsWith("/chat/completions"));
		assertThat(requests.get(0).body().get("search_query").asString()).isEqualTo("What is new in Spring?");
		assertThat(requests.get(1).body().get("messages").get(0).get("content").asString())
			.contains("Spring Boot 4.0 is out.");

		webSearch.click();
		ask("And without searching?");
		awaitDone();
		assertThat(latestTurn().findElements(By.cssSelector(".sources"))).isEmpty();
		assertThat(this.zai.requests()).hasSize(3)
			.last()
			.satisfies((request) -> assertThat(request.path()).endsWith("/chat/completions"));
	}

	@Test
	void showsTheTokenCountOfTheDraftOnceTypingPauses() {
		WebElement tokens = browser.findElement(By.id("tokens"));
		assertThat(tokens.getText()).isEmpty();
		browser.findElement(By.id("message")).sendKeys("How many tokens would this question cost?");
		wait(PATIENCE, Duration.ofMillis(20)).until((page) -> !tokens.getText().isEmpty());
		ReceivedRequest tokenizer = this.zai.takeRequest(Duration.ofSeconds(5));
		assertThat(tokenizer.path()).endsWith("/tokenizer");
		assertThat(tokenizer.lastUserMessage()).isEqualTo("How many tokens would this question cost?");
		// the test kit's tokenizer answers about one token per four characters
		int answered = Math.max(1, tokenizer.bodyText().length() / 4);
		assertThat(tokens.getText())
			.isEqualTo(String.format(Locale.US, "%,d tokens with the conversation so far", answered));
		await().during(Duration.ofMillis(1000))
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.zai.requestCount()).as("one count for the whole draft").isOne());

		WebElement input = browser.findElement(By.id("message"));
		((JavascriptExecutor) browser).executeScript(
				"arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));", input,
				"x".repeat(4001));
		assertThat(tokens.getText()).isEqualTo("Too long: at most 4,000 characters.");
		await().during(Duration.ofMillis(1000))
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.zai.requestCount()).as("no count for an over-limit draft").isOne());
	}

	private static void ask(String question) {
		browser.findElement(By.id("message")).sendKeys(question);
		browser.findElement(By.id("send")).click();
	}

	private static void awaitDone() {
		wait(PATIENCE, Duration.ofMillis(20))
			.until((page) -> !latestTurn().findElements(By.cssSelector(".meta")).isEmpty());
	}

	private static WebElement latestTurn() {
		List<WebElement> turns = browser.findElements(By.cssSelector(".turn.assistant"));
		assertThat(turns).isNotEmpty();
		return turns.get(turns.size() - 1);
	}

	private static WebElement latest(String selector) {
		return latestTurn().findElement(By.cssSelector(selector));
	}

	private static List<String> roles(ReceivedRequest request) {
		JsonNode messages = request.body().get("messages");
		return messages.valueStream().map((message) -> message.get("role").asString()).toList();
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
