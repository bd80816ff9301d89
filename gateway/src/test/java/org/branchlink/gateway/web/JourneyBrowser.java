package org.branchlink.gateway.web;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A person's browser for the journeys: Debian's headless Chromium asking for Chinese, at a phone's (390×844) or a
 * desk's (1366×900) width. Every page a journey reaches is {@linkplain #check(String) checked} the same way: axe-core
 * (the WebJar, injected) finds no serious or critical violation; nothing scrolls sideways; and in Chinese no raw site
 * id and no English sentence is in the text (text marked {@code translate="no"} — titles, names, what people typed —
 * is data, not the page's language). A screenshot of each checked page goes to {@code target/journeys/}, with an
 * index page that shows them all.
 */
final class JourneyBrowser implements AutoCloseable {

	static final Dimension PHONE = new Dimension(390, 844);

	static final Dimension DESKTOP = new Dimension(1366, 900);

	static final Path SHOTS = Path.of("target", "journeys");

	private static final File CHROMIUM = new File("/usr/bin/chromium");

	private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

	private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

	/** Three or more Latin words in a row: an English sentence or phrase, not a code or an abbreviation. */
	/** A run of Chinese characters: words of the Chinese bundle (or an untranslated text) in an English page. */
	private static final Pattern CHINESE = Pattern.compile("[\\p{IsHan}，。：；！？、（）《》“”]+");

	private static final Pattern ENGLISH = Pattern.compile("\\b[A-Za-z][a-z]+(?:[ ,'’-]+[A-Za-z][a-z]+){2,}\\b");

	private final WebDriver driver;

	private final String base;

	private final String journey;

	private final Dimension size;

	private final Collection<String> siteIds;

	private final WebDriverWait wait;

	private int shot;

	private JourneyBrowser(WebDriver driver, String base, String journey, Dimension size, Collection<String> siteIds) {
		this.driver = driver;
		this.base = base;
		this.journey = journey;
		this.size = size;
		this.siteIds = siteIds;
		// Chromium answers a probe of an element whose page is being replaced now and then with an inspector error
		// ("Node with given id does not belong to the document") that Selenium does not map to a stale element: a
		// journey's wait polls on through it; a wait that never holds still fails after its 20 s.
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
		this.wait.ignoring(WebDriverException.class);
		driver.manage().window().setSize(size);
	}

	/**
	 * Opens Chromium for one journey; skipped where Chromium is not installed, except on CI, which installs it.
	 *
	 * @param siteIds the registry's site ids, none of which may show in a Chinese page's text
	 */
	static JourneyBrowser open(int port, String journey, int width, Collection<String> siteIds) throws IOException {
		return open(port, journey, width < 600 ? PHONE : DESKTOP, siteIds);
	}

	static JourneyBrowser open(int port, String journey, Dimension size, Collection<String> siteIds) throws IOException {
		boolean installed = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
		if (System.getenv("CI") == null) {
			assumeTrue(installed, "Debian's chromium and chromium-driver are not installed");
		}
		assertThat(installed).as("CI installs chromium and chromium-driver (.ci/run)").isTrue();
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
					"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--hide-scrollbars", "--lang=zh-CN", "--force-device-scale-factor=1", "--force-prefers-reduced-motion",
					"--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
			.usingAnyFreePort()
			.build();
		String name = journey + "-" + (size.getWidth() < 600 ? "phone" : "desktop");
		return new JourneyBrowser(new ChromeDriver(service, options), "http://localhost:" + port, name, size, siteIds);
	}

	WebDriver driver() {
		return driver;
	}

	WebDriverWait waiting() {
		return wait;
	}

	boolean phone() {
		return size.getWidth() < 600;
	}

	/** Opens a page of the platform by its path and waits for its main part. */
	void go(String path) {
		driver.get(base + path);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
	}

	WebElement find(String css) {
		return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
	}

	List<WebElement> all(String css) {
		return driver.findElements(By.cssSelector(css));
	}

	/** Clicks an element, opening the collapsed navigation first when the element is in it. */
	void click(String css) {
		WebElement element = find(css);
		if (!element.isDisplayed() && !driver.findElements(By.cssSelector(".navbar-toggler")).isEmpty()) {
			WebElement toggler = driver.findElement(By.cssSelector(".navbar-toggler"));
			if (toggler.isDisplayed()) {
				toggler.click();
				wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#navigation.show")));
			}
		}
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
		wait.until(ExpectedConditions.elementToBeClickable(element)).click();
	}

	/**
	 * Clicks what submits a form or follows a link, and waits for the next page to replace this one (so what is read
	 * next, a flash message say, is the new page's and not the old one's).
	 */
	void submit(String css) {
		JavascriptExecutor js = (JavascriptExecutor) driver;
		js.executeScript("window.journeyLeaving = true;");
		click(css);
		// A new document has a new window object: the mark is gone once the next page stands. (Waiting for the old
		// <html> element to go stale instead fails now and then: Chromium may answer the staleness probe with an
		// inspector error that Selenium does not map to a stale element.)
		wait.until(next -> {
			try {
				return js.executeScript("return window.journeyLeaving === true;") == Boolean.FALSE;
			}
			catch (WebDriverException navigating) {
				return false;
			}
		});
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
	}

	void type(String css, String text) {
		WebElement field = find(css);
		field.clear();
		field.sendKeys(text);
	}

	String text(String css) {
		return wait.until(page -> page.findElement(By.cssSelector(css)).getText());
	}

	/** Signs in through the form and waits to be back, signed in. */
	void signIn(String username, String password) {
		go("/login");
		type("#username", username);
		type("#password", password);
		driver.findElement(By.id("login-submit")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("who")));
	}

	/** The checks every page of every journey passes, and its screenshot. */
	void check(String page) {
		assertAccessible(page);
		assertNoSidewaysScroll(page);
		String lang = driver.findElement(By.tagName("html")).getAttribute("lang");
		if (lang.startsWith("zh")) {
			assertChineseOnly(page);
		}
		else if (lang.startsWith("en")) {
			assertEnglishOnly(page);
		}
		screenshot(page);
	}

	@SuppressWarnings("unchecked")
	void assertAccessible(String page) {
		JavascriptExecutor js = (JavascriptExecutor) driver;
		if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe !== 'undefined';"))) {
			js.executeScript(axeSource());
		}
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
		Object result = js.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, { resultTypes: ['violations'] })
				  .then(r => done(r.violations
				    .filter(v => v.impact === 'serious' || v.impact === 'critical')
				    .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' — '
				      + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))))
				  .catch(e => done(['axe failed: ' + e]));
				""");
		assertThat((List<String>) result).as("%s: serious or critical accessibility violations (axe-core)", page)
			.isEmpty();
	}

	void assertNoSidewaysScroll(String page) {
		Object overflow = ((JavascriptExecutor) driver)
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		assertThat(((Number) overflow).intValue()).as("%s scrolls sideways at %d px", page, size.getWidth())
			.isLessThanOrEqualTo(0);
	}

	/** The page's own words, without what is data ({@code translate="no"}), hidden, or marked as another language. */
	String ownText() {
		return (String) ((JavascriptExecutor) driver).executeScript("""
				const copy = document.body.cloneNode(true);
				copy.querySelectorAll('[translate="no"], script, style, .visually-hidden, [hidden], template')
				  .forEach(e => e.remove());
				// words in another language, said so (the other language's name on the switch, say)
				const own = document.documentElement.lang.slice(0, 2);
				copy.querySelectorAll('[lang]').forEach(e => { if (!e.lang.startsWith(own)) e.remove(); });
				return copy.innerText || copy.textContent;
				""");
	}

	void assertChineseOnly(String page) {
		String text = ownText();
		List<String> english = new ArrayList<>();
		Matcher matcher = ENGLISH.matcher(text);
		while (matcher.find()) {
			english.add(matcher.group());
		}
		assertThat(english).as("%s: English in the Chinese page", page).isEmpty();
		List<String> ids = siteIds.stream()
			.filter(id -> id.contains("-") || id.length() > 3)
			.filter(id -> Pattern.compile("(?<![A-Za-z0-9-])" + Pattern.quote(id) + "(?![A-Za-z0-9-])").matcher(text).find())
			.toList();
		assertThat(ids).as("%s: raw site ids in the Chinese page", page).isEmpty();
	}

	/** In English, no Chinese in the page's own words (data, marked {@code translate="no"}, may be Chinese). */
	void assertEnglishOnly(String page) {
		List<String> chinese = new ArrayList<>();
		for (String line : ownText().split("\\R")) {
			if (CHINESE.matcher(line).find()) {
				chinese.add(line.strip());
			}
		}
		assertThat(chinese).as("%s: Chinese in the English page", page).isEmpty();
	}

	void screenshot(String page) {
		try {
			Path folder = SHOTS.resolve(journey);
			Files.createDirectories(folder);
			shot++;
			String name = String.format("%02d-%s.png", shot, page.replaceAll("[^A-Za-z0-9-]+", "-"));
			File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
			Files.copy(file.toPath(), folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
			writeIndex();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** target/journeys/index.html: every journey's screenshots, in order, one section per journey and width. */
	static synchronized void writeIndex() throws IOException {
		StringBuilder html = new StringBuilder("""
				<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>BranchLink journeys</title>
				<style>body{font-family:sans-serif;margin:1rem}figure{display:inline-block;margin:.5rem;vertical-align:top}
				img{max-width:420px;border:1px solid #ccc}figcaption{font-size:.85rem}</style></head><body>
				<h1>BranchLink: browser journeys</h1>
				""");
		try (Stream<Path> journeys = Files.list(SHOTS)) {
			for (Path folder : journeys.filter(Files::isDirectory).sorted().toList()) {
				html.append("<section><h2>").append(folder.getFileName()).append("</h2>\n");
				try (Stream<Path> shots = Files.list(folder)) {
					for (Path png : shots.filter(p -> p.toString().endsWith(".png")).sorted().toList()) {
						String ref = folder.getFileName() + "/" + png.getFileName();
						html.append("<figure><a href=\"").append(ref).append("\"><img src=\"").append(ref)
							.append("\" alt=\"").append(png.getFileName()).append("\"></a><figcaption>")
							.append(png.getFileName()).append("</figcaption></figure>\n");
					}
				}
				html.append("</section>\n");
			}
		}
		html.append("</body></html>\n");
		Files.writeString(SHOTS.resolve("index.html"), html.toString(), StandardCharsets.UTF_8);
	}

	private static String axeSource() {
		try (InputStream in = JourneyBrowser.class.getClassLoader().getResourceAsStream(AXE)) {
			assertThat(in).as("the axe-core WebJar on the test classpath").isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		driver.quit();
	}

}
