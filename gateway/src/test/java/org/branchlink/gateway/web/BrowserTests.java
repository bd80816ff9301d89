package org.branchlink.gateway.web;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.branchlink.gateway.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A person in real headless Chromium (Debian's chromium and chromedriver, no browser download) signs in and sees the
 * federation tree. Skipped where Chromium is not installed, except on CI, which installs it and must run this.
 */
class BrowserTests extends IntegrationTest {

	private static final File CHROMIUM = new File("/usr/bin/chromium");

	private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

	@LocalServerPort
	int port;

	private WebDriver browser;

	@BeforeEach
	void openBrowser() throws Exception {
		boolean installed = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
		if (System.getenv("CI") == null) {
			assumeTrue(installed, "Debian's chromium and chromium-driver are not installed");
		}
		assertThat(installed).as("CI installs chromium and chromium-driver (.ci/run)").isTrue();
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
					"--disable-sync", "--window-size=412,915", "--force-prefers-reduced-motion",
					"--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void aLibrarianSignsInOnAPhoneAndSeesTheFederationTree() throws Exception {
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		browser.get("http://localhost:" + port + "/");
		openMenu(wait);
		browser.findElement(By.id("sign-in")).click();

		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("librarian");
		browser.findElement(By.id("password")).sendKeys("demo-librarian");
		browser.findElement(By.id("login-submit")).click();

		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("who")));
		assertThat(browser.findElement(By.id("who")).getAttribute("textContent")).isEqualTo("白石镇图书管理员 Baishi librarian");
		assertThat(browser.findElement(By.id("federation-name")).getText()).isEqualTo("青溪县公共文化服务总分馆体系");
		assertThat(browser.findElements(By.cssSelector("#site-tree a.site"))).hasSize(181);
		assertThat(browser.findElement(By.cssSelector("a[data-site='baishi']")).isDisplayed()).isTrue();
		screenshot("home-signed-in.png");

		browser.findElement(By.cssSelector("a[data-site='baishi']")).click();
		wait.until(ExpectedConditions.urlContains("/sites/baishi"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("白石镇综合文化站");

		openMenu(wait);
		browser.findElement(By.id("switch-language")).click();
		wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Baishi Town Culture Station"));
		screenshot("site-english.png");
	}

	@Test
	void aReaderReservesATitleAndSeesItInMyHoldsAndLoans() throws Exception {
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		browser.get("http://localhost:" + port + "/login");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("reader");
		browser.findElement(By.id("password")).sendKeys("demo-reader");
		browser.findElement(By.id("login-submit")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("who")));

		browser.get("http://localhost:" + port + "/my/loans");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("loans")));
		assertThat(browser.findElements(By.cssSelector("#loans tbody tr"))).isNotEmpty();
		screenshot("my-loans.png");

		browser.get("http://localhost:" + port + "/search?q=%E5%8E%86%E5%8F%B2");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a[href*='/works/']")));
		browser.findElement(By.cssSelector("a[href*='/works/']")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reserve"))).click();
		wait.until(ExpectedConditions.urlContains("/my/holds"));
		assertThat(browser.findElement(By.id("notice")).getText()).startsWith("已预约");
		assertThat(browser.findElements(By.cssSelector("#holds .hold"))).isNotEmpty();
		screenshot("my-holds.png");
	}

	private void signIn(WebDriverWait wait, String username, String password) {
		browser.get("http://localhost:" + port + "/login");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.id("login-submit")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("who")));
	}

	@Test
	void aReaderFindsTheCalligraphyClassBesideTheBooksAndRegisters() throws Exception {
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		signIn(wait, "reader", "demo-reader");
		browser.get("http://localhost:" + port + "/search?q=%E4%B9%A6%E6%B3%95");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("events")));
		assertThat(browser.findElements(By.cssSelector("#results li.work"))).isNotEmpty();
		screenshot("search-books-and-events.png");
		browser.findElement(By.cssSelector("#events a")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("register"))).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("my-state")));
		browser.get("http://localhost:" + port + "/my/registrations");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("registrations")));
		assertThat(browser.findElement(By.id("registrations")).getText()).contains("书法");
		screenshot("my-registrations.png");
	}

	@Test
	void centralStaffSeeTheMobilePlanAsTimelineMapAndCoverageTable() throws Exception {
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		browser.manage().window().setSize(new Dimension(1400, 1800));
		signIn(wait, "admin", "demo-admin");
		browser.get("http://localhost:" + port + "/planning");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("timeline")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#plan-map[data-drawn='true']")));
		assertThat(browser.findElements(By.cssSelector("#plan-map path.stop"))).hasSize(150);
		assertThat(browser.findElements(By.cssSelector("#plan-map path.run"))).isNotEmpty();
		assertThat(browser.findElements(By.cssSelector("#coverage tbody tr"))).hasSize(150);
		screenshot("planning.png");
		browser.get("http://localhost:" + port + "/menu");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("menu-items")));
		assertThat(browser.findElement(By.id("order-rate")).getText()).contains("%");
		screenshot("menu.png");
	}

	@Test
	void centralStaffOpenTheDashboardAndTheQuarterlyReport() throws Exception {
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		browser.manage().window().setSize(new Dimension(1400, 1600));
		signIn(wait, "admin", "demo-admin");
		browser.get("http://localhost:" + port + "/dashboard");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("headline")));
		assertThat(browser.findElements(By.cssSelector("table.chart"))).hasSize(4);
		assertThat(browser.findElements(By.cssSelector("#report-table tbody tr"))).hasSizeGreaterThanOrEqualTo(15);
		assertThat(browser.findElement(By.id("staffing-summary")).getText()).isNotBlank();
		screenshot("dashboard.png");
		browser.findElement(By.linkText("本季度")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("report-title"), "季报"));
		screenshot("report-quarterly.png");
	}

	@Test
	void aLibrarianApprovesAResidentsNeedForTheBoardUnderTheContentSecurityPolicy() throws Exception {
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		browser.manage().window().setSize(new Dimension(390, 844));
		browser.get("http://localhost:" + port + "/demand");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("demand-form")));
		browser.findElement(By.name("body")).sendKeys("希望周末开放阅览室，我叫陈晓燕，电话１３９１２３４５６７８");
		new Select(browser.findElement(By.name("siteId"))).selectByValue("baishi");
		browser.findElement(By.name("contact")).sendKeys("13912345678");
		browser.findElement(By.id("demand-submit")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reference")));
		assertThat(browser.findElement(By.id("demand-board")).getText()).as("not on the board before approval")
			.doesNotContain("希望周末开放阅览室");

		signIn(wait, "librarian", "demo-librarian");
		browser.get("http://localhost:" + port + "/demand/tickets");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tickets")));
		var row = browser.findElements(By.cssSelector("#tickets tbody tr")).stream()
			.filter(r -> r.getText().contains("希望周末开放阅览室")).findFirst().orElseThrow();
		assertThat(row.getText()).as("staff see the contact").contains("13912345678");
		String shown = row.findElement(By.cssSelector("input[name='text']")).getAttribute("value");
		assertThat(shown).doesNotContain("陈晓燕").doesNotContain("5678").contains("***");
		assertNoSidewaysScroll("/demand/tickets");
		screenshot("tickets-review-phone.png");
		row.findElement(By.cssSelector("button[value='true']")).click();
		// the approval is a form post: wait for its answer before leaving, or the next page may cancel it
		wait.until(ExpectedConditions.stalenessOf(row));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tickets")));

		browser.get("http://localhost:" + port + "/demand");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("demand-board")));
		assertThat(browser.findElement(By.id("demand-board")).getText()).contains("希望周末开放阅览室")
			.doesNotContain("陈晓燕").doesNotContain("5678");

		// the desk's site picker works from /js/page.js: the policy allows no inline handler
		browser.get("http://localhost:" + port + "/circulation");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("site")));
		assertNoSidewaysScroll("/circulation");
		new Select(browser.findElement(By.id("site"))).selectByValue("baishi-xinqiao");
		wait.until(ExpectedConditions.urlContains("site=baishi-xinqiao"));
	}

	/** On a phone the navigation is collapsed behind its toggler. */
	private void openMenu(WebDriverWait wait) {
		var toggler = browser.findElement(By.cssSelector(".navbar-toggler"));
		if (toggler.isDisplayed()) {
			toggler.click();
			wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#navigation.show")));
		}
	}

	private void assertNoSidewaysScroll(String page) {
		Object fits = ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;");
		assertThat(fits).as("%s fits the phone's width", page).isEqualTo(Boolean.TRUE);
	}

	private void screenshot(String name) throws Exception {
		Path target = Path.of("target", "screenshots");
		Files.createDirectories(target);
		File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
		Files.copy(shot.toPath(), target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
	}

}
