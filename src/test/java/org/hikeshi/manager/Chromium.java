package org.hikeshi.manager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromium-driver. Missing either is a failure that says what to
 * install, never a skipped test. Every run gets a fresh profile directory; screenshots go to
 * {@code target/browser-screenshots}.
 */
final class Chromium implements AutoCloseable {

	static final String INSTALL = "The browser tests need Debian's Chromium and its WebDriver: "
			+ "apt-get update && apt-get install -y chromium chromium-driver";

	private static final Duration WAIT = Duration.ofSeconds(30);

	final ChromeDriver driver;

	private final Path profile;

	private final String baseUrl;

	private Chromium(ChromeDriver driver, Path profile, String baseUrl) {
		this.driver = driver;
		this.profile = profile;
		this.baseUrl = baseUrl;
	}

	static Chromium start(int port) {
		Path browser = executable("chromium", "chromium-browser")
			.orElseThrow(() -> new IllegalStateException("No chromium on the PATH. " + INSTALL));
		Path webDriver = executable("chromedriver")
			.orElseThrow(() -> new IllegalStateException("No chromedriver on the PATH. " + INSTALL));
		Path profile;
		try {
			profile = Files.createTempDirectory("hikeshi-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(browser.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1440,900", "--lang=ja");
		options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.ACCEPT);
		options.setCapability("goog:loggingPrefs", java.util.Map.of(LogType.BROWSER, "ALL"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(webDriver.toFile())
			.usingAnyFreePort()
			.withTimeout(Duration.ofSeconds(60))
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
		return new Chromium(driver, profile, "http://localhost:" + port);
	}

	/** Leaves the page (a modeler with changes asks first: accepted) and forgets the session. */
	void reset() {
		this.driver.manage().deleteAllCookies();
		this.driver.get("about:blank");
	}

	void open(String path) {
		this.driver.get(this.baseUrl + path);
	}

	String currentPath() {
		return this.driver.getCurrentUrl().substring(this.baseUrl.length());
	}

	void logIn(String user) {
		this.driver.findElement(By.id("username")).sendKeys(user);
		this.driver.findElement(By.id("password")).sendKeys(user);
		this.driver.findElement(By.id("login")).click();
	}

	WebElement await(By locator) {
		return new WebDriverWait(this.driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	void awaitText(By locator, String text) {
		try {
			new WebDriverWait(this.driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
		}
		catch (TimeoutException ex) {
			screenshot("failed-" + System.currentTimeMillis());
			List<WebElement> found = this.driver.findElements(locator);
			throw new AssertionError("Waited for \"" + text + "\" in " + locator + ", found "
					+ (found.isEmpty() ? "no such element" : "\"" + found.get(0).getText() + "\""), ex);
		}
	}

	void awaitAbsent(By locator) {
		new WebDriverWait(this.driver, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(locator));
	}

	List<WebElement> all(By locator) {
		return this.driver.findElements(locator);
	}

	/**
	 * What the pages wrote to the console as errors since the last call: script errors, CSP violations, failed
	 * loads; not the 4xx answers of our JSON endpoints, which the pages show (a refused deployment, say).
	 */
	List<String> consoleErrors() {
		return this.driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.filter(message -> !(message.contains("/api/")
					&& message.contains("Failed to load resource: the server responded with a status of 4")))
			.toList();
	}

	void screenshot(String name) {
		try {
			Path dir = Files.createDirectories(Path.of("target", "browser-screenshots"));
			Files.write(dir.resolve(name + ".png"), this.driver.getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() throws IOException {
		try {
			this.driver.quit();
		}
		finally {
			try (Stream<Path> files = Files.walk(this.profile)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
			}
		}
	}

	private static Optional<Path> executable(String... names) {
		String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
		for (String name : names) {
			for (String dir : path.split(java.io.File.pathSeparator)) {
				Path candidate = Path.of(dir, name);
				if (Files.isExecutable(candidate)) {
					return Optional.of(candidate);
				}
			}
		}
		return Optional.empty();
	}

}
