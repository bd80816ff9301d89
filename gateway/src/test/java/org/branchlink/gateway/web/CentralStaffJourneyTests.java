package org.branchlink.gateway.web;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventCatalog;
import org.branchlink.catalog.event.EventCategory;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.events.EventRegistrations;
import org.branchlink.gateway.events.EventTicketTokens;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.site.SiteDirectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The central administrator's journeys in real Chromium, on a phone and at a desk: publishing an event (a start in the
 * past refused beside its field), its registrants, editing and calling it off; the service menu, volunteers and
 * tickets; the dashboard; planning and moving a stop by hand; surveys. Every page passes {@link JourneyBrowser#check(String)}.
 */
class CentralStaffJourneyTests extends IntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	SiteDirectory sites;

	@Autowired
	EventCatalog catalog;

	@Autowired
	EventRegistrations registrations;

	@Autowired
	ReaderRegistry readers;

	@Autowired
	ApplicationContext context;

	private JourneyBrowser open(String journey, int width) throws Exception {
		JourneyBrowser browser = JourneyBrowser.open(port, journey, width, List.copyOf(sites.byId().keySet()));
		browser.signIn("admin", "demo-admin");
		return browser;
	}

	private static void setValue(JourneyBrowser browser, String css, String value) {
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];", browser.find(css), value);
	}

	@ParameterizedTest
	@ValueSource(ints = { 390, 1366 })
	void staffPublishAnEventSeeItsRegistrantsEditAndCancelIt(int width) throws Exception {
		try (JourneyBrowser browser = open("staff-events", width)) {
			browser.go("/events/new");
			browser.check("event-form");
			browser.type("#ev-title", "剪纸体验课 " + width);
			browser.type("#ev-place", "一楼多功能厅");
			browser.find("#ev-image").sendKeys(poster().toAbsolutePath().toString());
			browser.type("#ev-image-alt", "红色剪纸窗花海报");
			setValue(browser, "#ev-starts", LocalDateTime.now().minusDays(2).truncatedTo(ChronoUnit.MINUTES).toString());
			browser.click("#publish-event");
			browser.find("#ev-starts.is-invalid");
			assertThat(browser.text("#ev-starts-problem")).isEqualTo("活动开始时间不能早于现在。");
			assertThat(browser.find("#ev-title").getAttribute("value")).as("the form comes back filled in").startsWith("剪纸体验课");
			browser.check("event-form-refused");

			setValue(browser, "#ev-starts", LocalDateTime.now().plusDays(9).truncatedTo(ChronoUnit.MINUTES).toString());
			browser.find("#ev-image").sendKeys(poster().toAbsolutePath().toString());
			browser.click("#publish-event");
			browser.find("#event-state");
			assertThat(browser.text("#notice")).contains("剪纸体验课");
			browser.find("#no-registrants");
			assertThat(activeId(browser)).as("the scan field has the focus").isEqualTo("scan");
			browser.check("event-registrants");

			browser.find("#scan").sendKeys("BLT1.not.genuine" + Keys.ENTER);
			browser.find("#scan.is-invalid");
			assertThat(browser.text("#scan-problem")).startsWith("票券无效");
			assertThat(activeId(browser)).as("the field keeps the focus for the next scan").isEqualTo("scan");
			browser.check("event-scan-refused");

			String registrants = browser.driver().getCurrentUrl();
			browser.click("#event-title a");
			browser.find("#event-poster img");
			assertLoaded(browser, "#event-poster img");
			assertThat(browser.find("#event-poster img").getAttribute("alt")).isEqualTo("红色剪纸窗花海报");
			browser.check("event-with-poster");
			browser.driver().get(registrants);

			browser.click("#edit-event");
			browser.find("#event-form");
			assertLoaded(browser, "#ev-poster-current");
			assertThat(browser.find("#ev-image-alt").getAttribute("value")).isEqualTo("红色剪纸窗花海报");
			browser.check("event-edit");
			browser.type("#ev-title", "剪纸体验课（改期）" + width);
			browser.submit("#publish-event");
			assertThat(browser.text("#notice")).contains("改期");

			browser.click("#cancel-event");
			browser.waiting().until(ExpectedConditions.alertIsPresent()).accept();
			browser.find("#event-state .text-bg-danger");
			assertThat(browser.text("#notice")).contains("已取消活动");
			browser.check("event-cancelled");

			browser.click("#all-managed");
			browser.find("#managed-events");
			assertThat(browser.text("#managed-events")).contains("剪纸体验课（改期）" + width);
			browser.check("event-manage");
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 390, 1366 })
	void staffScanTicketsAtTheDoorAndEachScanKeepsTheFocus(int width) throws Exception {
		Instant starts = Instant.now().plus(Duration.ofMinutes(20));
		long event = catalog.publish(new CulturalEvent(null, CulturalEvent.Source.FORM, "baishi", "door-" + width, "", 0,
				CulturalEvent.Kind.EVENT, EventCategory.LECTURE, "防诈骗讲座 " + width, "", "baishi", "二楼", starts,
				starts.plus(Duration.ofHours(1)), 30, Set.of(), false, BigDecimal.ZERO, false)).event().id();
		Reader reader = readers.register(new ReaderRegistry.Registration("门口读者", LocalDate.of(1960, 2, 3), "senior",
				"baishi", null, false, null, null, null));
		long registration = registrations.register(reader, event).id();
		String token = EventTicketTokens.of(context, registration, event);
		try (JourneyBrowser browser = open("staff-check-in", width)) {
			browser.go("/events/" + event + "/registrants");
			assertThat(activeId(browser)).isEqualTo("scan");
			WebElement page = browser.find("html");
			browser.find("#scan").sendKeys(token + Keys.ENTER);
			browser.waiting().until(ExpectedConditions.stalenessOf(page));
			assertThat(browser.text("#scan-result")).isEqualTo("已签到：门口读者");
			assertThat(browser.text("#registrants")).contains("已参加");
			assertThat(activeId(browser)).as("ready for the next scan").isEqualTo("scan");
			browser.check("event-scan");

			browser.find("#scan").sendKeys(token + Keys.ENTER);
			browser.find("#scan-problem");
			assertThat(browser.text("#scan-problem")).startsWith("已于 ").endsWith("签到，不能重复签到。");
			assertThat(activeId(browser)).isEqualTo("scan");
			browser.check("event-scan-again");
		}
	}

	private static String activeId(JourneyBrowser browser) {
		return (String) ((JavascriptExecutor) browser.driver()).executeScript("return document.activeElement.id;");
	}

	private static void assertLoaded(JourneyBrowser browser, String css) {
		browser.waiting().until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
				"const i = document.querySelector(arguments[0]); return i.complete && i.naturalWidth > 0;", css)));
	}

	/** A poster as a person would pick it from their disk. */
	private static Path poster() throws IOException {
		Path file = Path.of("target", "journeys", "poster.png");
		if (!Files.exists(file)) {
			Files.createDirectories(file.getParent());
			BufferedImage image = new BufferedImage(320, 180, BufferedImage.TYPE_INT_RGB);
			Graphics2D g = image.createGraphics();
			g.setColor(new Color(0xb0, 0x1e, 0x23));
			g.fillRect(0, 0, 320, 180);
			g.setColor(Color.WHITE);
			g.fillOval(110, 40, 100, 100);
			g.dispose();
			ImageIO.write(image, "png", file.toFile());
		}
		return file;
	}

	@ParameterizedTest
	@ValueSource(ints = { 390, 1366 })
	void staffOrderFromTheMenuLogVolunteerHoursAndWorkOnTickets(int width) throws Exception {
		try (JourneyBrowser browser = open("staff-services", width)) {
			browser.go("/menu");
			browser.find("#menu-items .menu-item");
			browser.check("menu");
			browser.click("#menu-items .menu-item details summary");
			setValue(browser, "#menu-items .order-form input[name='wantedDate']", LocalDate.now().plusDays(20).toString());
			browser.submit("#menu-items .order-form button[type='submit']");
			assertThat(browser.text("#notice")).isEqualTo("已点单，等待总馆审批。");
			browser.check("menu-ordered");

			browser.go("/volunteers");
			browser.find("#volunteers .volunteer");
			browser.check("volunteers");
			browser.click("#volunteers .volunteer details.log-details summary");
			browser.type("#volunteers .hours-form input[name='hours']", "2.5");
			browser.submit("#volunteers .hours-form .log-hours");
			assertThat(browser.text("#notice")).isEqualTo("已记录 2.5 小时，等待确认。");
			browser.submit("#pending-hours .confirm-hours");
			assertThat(browser.text("#notice")).isEqualTo("已确认这条服务时长。");
			browser.check("volunteers-confirmed");
			browser.go(browser.find("#volunteers .volunteer a[href*='certificate']").getAttribute("pathname"));
			browser.find("#certificate-text");
			browser.check("certificate");

			browser.go("/demand/tickets");
			browser.find("#tickets .ticket-state");
			browser.check("tickets");
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 390, 1366 })
	void centralStaffReadTheDashboardPlanTheMobileServiceAndSurvey(int width) throws Exception {
		try (JourneyBrowser browser = open("central", width)) {
			browser.go("/dashboard");
			browser.find("#headline .figure-card");
			browser.waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#charts .echart svg"), 4));
			browser.click("#figure-utilisation details summary");
			assertThat(browser.text("#figure-utilisation details p")).contains("馆藏");
			assertThat(browser.find("#xlsx").getAttribute("href")).endsWith(".xlsx");
			browser.check("dashboard");

			browser.go("/planning");
			browser.find("#plan-map[data-drawn='true']");
			assertThat(browser.all("#plan-map path.stop")).hasSameSizeAs(browser.all("#coverage tbody tr"));
			assertThat(browser.all("#plan-map path.run")).isNotEmpty();
			assertThat(browser.all(".map-legend")).hasSize(1);
			assertThat(browser.find("#plan-map").getSize().getHeight()).as("the map has room").isGreaterThan(300);
			// the bookmobiles' plan shown first, the troupe's beside it; the poor villages' centres marked in the stops
			assertThat(browser.text("main h2")).startsWith("流动图书");
			assertThat(browser.all("#plan-service option")).extracting(option -> option.getAttribute("value"))
				.containsExactly("books", "performance");
			assertThat(browser.all("#plans tbody tr")).anySatisfy(row -> assertThat(row.getText()).contains("送戏下乡"));
			assertThat(browser.all("#coverage .badge.text-bg-info")).isNotEmpty()
				.allSatisfy(badge -> assertThat(badge.getText()).isEqualTo("重点"));
			assertThat(browser.text("#priority-note")).contains("重点帮扶");
			browser.check("planning");

			// one of the last runs of the plan (the shortest, laid out last; another at each width): its last stop moved
			// to the front, re-timed and marked
			Select pick = new Select(browser.find("#run-pick-run"));
			pick.selectByIndex(pick.getOptions().size() - (browser.phone() ? 1 : 2));
			browser.submit("#run-pick button[type='submit']");
			String last = "#run-stops tr.run-stop:last-child";
			String stop = browser.text(last + " .stop-name");
			String wasAt = browser.text(last + " .stop-arrive");
			browser.click(last + " details.move-stop summary");
			browser.type(last + " .move-position", "1");
			browser.submit(last + " .move-submit");
			String first = "#run-stops tr.run-stop:first-child";
			String arrives = browser.text(first + " .stop-arrive");
			assertThat(browser.text("#move-notice")).contains(stop, "的第 1 站", arrives + " 到达");
			assertThat(browser.text(first + " .stop-name")).isEqualTo(stop);
			assertThat(browser.text(first + " .by-hand-badge")).isEqualTo("手动调整");
			assertThat(arrives).isLessThan(wasAt);
			browser.find("#plan-map[data-drawn='true']");
			assertThat(browser.all("#plan-map path.stop.moved")).isNotEmpty();
			browser.check("planning-moved");

			// the same stop into a run of five: the day would end after the unit is due home, refused with the reason
			browser.click(first + " details.move-stop summary");
			Select runs = new Select(browser.find(first + " .move-to"));
			String shown = browser.find(first + " input[name='back']").getAttribute("value");
			runs.selectByValue(runs.getOptions().stream().filter(option -> option.getText().endsWith("，5 站"))
				.map(option -> option.getAttribute("value")).filter(value -> !value.equals(shown)).findFirst().orElseThrow());
			browser.type(first + " .move-position", "1");
			browser.submit(first + " .move-submit");
			assertThat(browser.text("#move-refused")).contains("收车时间");
			assertThat(browser.text(first + " .stop-name")).as("nothing moved").isEqualTo(stop);
			browser.check("planning-move-refused");

			browser.go("/sites/baishi");
			browser.find("#site-hours");
			browser.check("site");

			browser.go("/surveys");
			browser.find("#survey-create");
			browser.check("surveys");
			if (!browser.all("#surveys a").isEmpty()) {
				browser.click("#surveys a");
				browser.find("#survey-cells");
				browser.check("survey-results");
			}
		}
	}

}
