package org.branchlink.gateway.web;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventCatalog;
import org.branchlink.catalog.event.EventCategory;
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
 * day's events linked, the previous and next month, the category tabs kept in the calendar. A registration's ticket:
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
		YearMonth month = YearMonth.from(starts.atZone(county.zone()));
		String link = "a[href$='/events/" + event + "']";

		try (JourneyBrowser browser = JourneyBrowser.open(port, "reader-event-calendar", width,
				List.copyOf(sites.byId().keySet()))) {
			browser.signIn(username, PASSWORD);
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
