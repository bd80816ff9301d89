package org.branchlink.gateway.web;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventCatalog;
import org.branchlink.catalog.event.EventCategory;
import org.branchlink.catalog.event.EventImage;
import org.branchlink.catalog.event.EventImages;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.security.AccountStore;
import org.branchlink.gateway.security.Role;
import org.branchlink.site.CountySettings;
import org.branchlink.site.SiteDirectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.JavascriptExecutor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events by month in real Chromium, on a phone (a list of the days with events) and at a desk (a grid of weeks): each
 * day's events linked, the previous and next month, the category tabs kept in the calendar. An event's poster on its
 * card (lazy, in a fixed box) and on its page, with its text. A registration's ticket:
 * its QR code drawn for the reader who registered, reached from my registrations; nobody else's ticket opens.
 */
class ReaderEventCalendarTests extends IntegrationTest {

	private static final String PASSWORD = "journey-reader-pass";

	private static final String HOME = "baishi";

	@LocalServerPort
	int port;

	@Autowired
	SiteDirectory sites;

	@Autowired
	AccountStore accounts;

	@Autowired
	ReaderRegistry readers;

	@Autowired
	EventCatalog catalog;

	@Autowired
	CountySettings county;

	@Autowired
	EventImages images;

	private static void assertLoaded(JourneyBrowser browser, String css) {
		browser.waiting().until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
				"const i = document.querySelector(arguments[0]); i.scrollIntoView(); return i.complete && i.naturalWidth > 0;",
				css)));
	}

	/** A poster of 16:9, as staff would upload it. */
	private static byte[] poster() throws IOException {
		BufferedImage image = new BufferedImage(320, 180, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(0x1f, 0x6f, 0x8b));
		g.fillRect(0, 0, 320, 180);
		g.setColor(Color.YELLOW);
		g.fillRect(120, 50, 80, 80);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	@ParameterizedTest
	@ValueSource(ints = { 390, 1366 })
	void aReaderBrowsesTheMonthRegistersAndOpensTheirTicket(int width) throws Exception {
		String username = "calendar-" + width;
		accounts.save(username, PASSWORD, "旅程读者", Set.of(Role.READER), Set.of());
		readers.register(new ReaderRegistry.Registration("旅程读者", LocalDate.of(1990, 5, 6), "adult", HOME, null, false,
				null, null, username));
		Instant starts = Instant.now().plus(Duration.ofDays(2));
		long event = catalog.publish(new CulturalEvent(null, CulturalEvent.Source.FORM, HOME, "calendar-" + width, "", 0,
				CulturalEvent.Kind.EVENT, EventCategory.LECTURE, "绘本共读会", "和孩子一起读绘本。", HOME, "少儿阅览室", starts,
				starts.plus(Duration.ofHours(1)), 10, Set.of(), true, BigDecimal.ZERO, false)).event().id();
		images.put(event, EventImage.of(poster(), "孩子们围坐读绘本的海报").orElseThrow());
		YearMonth month = YearMonth.from(starts.atZone(county.zone()));
		String link = "a[href$='/events/" + event + "']";

		try (JourneyBrowser browser = JourneyBrowser.open(port, "reader-event-calendar", width,
				List.copyOf(sites.byId().keySet()))) {
			browser.signIn(username, PASSWORD);
			browser.go("/events?q=" + URLEncoder.encode("绘本共读会", StandardCharsets.UTF_8));
			String card = "#event-results " + link;
			browser.find(card);
			String poster = "#event-results img[src*='/events/" + event + "/image/']";
			assertThat(browser.find(poster).getAttribute("alt")).isEqualTo("孩子们围坐读绘本的海报");
			assertThat(browser.find(poster).getAttribute("loading")).isEqualTo("lazy");
			assertLoaded(browser, poster);
			browser.check("events-with-poster");
			browser.go("/events");
			browser.submit("#view-calendar");
			browser.find("#event-calendar");
			browser.go("/events?view=calendar&month=" + month);
			String shown = browser.phone() ? "#calendar-days " + link : ".calendar-grid td.in-month " + link;
			assertThat(browser.find(shown).isDisplayed()).as("the event on its day").isTrue();
			assertThat(browser.text("#calendar-heading")).contains(String.valueOf(month.getMonthValue()));
			browser.check("events-calendar");

			browser.submit("#tab-lecture");
			assertThat(browser.driver().getCurrentUrl()).contains("view=calendar").contains("category=lecture");
			browser.find(shown);
			browser.submit("#next-month");
			assertThat(browser.driver().getCurrentUrl()).contains("month=" + month.plusMonths(1));
			assertThat(browser.all(shown)).isEmpty();
			browser.check("events-calendar-next");
			browser.submit("#previous-month");
			browser.submit(shown);

			assertLoaded(browser, "#event-poster img");
			assertThat(browser.find("#event-poster img").getAttribute("alt")).isEqualTo("孩子们围坐读绘本的海报");
			browser.check("event-with-poster");
			browser.submit("#register");
			assertThat(browser.text("#notice")).contains("报名成功");
			browser.find("#show-ticket");
			browser.go("/my/registrations");
			browser.submit("#registrations tr[data-event='" + event + "'] .ticket-link");
			assertThat(browser.text("#ticket-title")).isEqualTo("绘本共读会");
			browser.waiting().until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver)
				.executeScript("const i = document.getElementById('ticket-code'); return i.complete && i.naturalWidth > 0;")));
			String ticket = browser.driver().getCurrentUrl();
			browser.check("ticket");

			browser.driver().manage().deleteAllCookies();
			browser.signIn("reader", "demo-reader");
			browser.driver().get(ticket);
			assertThat(browser.text("#error-heading")).as("another reader's ticket").isEqualTo("页面不存在");
		}
	}

}
