package org.branchlink.gateway.web;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.branchlink.catalog.ItemRef;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.holds.HoldQueue;
import org.branchlink.gateway.live.LiveFixtures;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.site.SiteDirectory;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages left open follow the changes (server-sent events), announced politely, without reloading: a work page's copy
 * takes the status of a loan and a return reported by a site's system through the API; a librarian's pull list shows
 * the copy a hold has just taken from the site's shelves.
 */
class LiveJourneyTests extends IntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	SiteDirectory sites;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReaderRegistry readers;

	@Autowired
	HoldQueue holds;

	@Test
	void anOpenWorkPageShowsALoanAndAReturnAsTheyHappen() throws Exception {
		ItemRef copy = LiveFixtures.freshCopyOf(jdbc, "baishi");
		Reader reader = readers.register(new ReaderRegistry.Registration("页面读者", LocalDate.of(1991, 7, 8), null, "baishi",
				null, false, null, null, null));
		try (JourneyBrowser browser = JourneyBrowser.open(port, "live", JourneyBrowser.PHONE, List.copyOf(sites.byId().keySet()))) {
			browser.go("/works/" + copy.workId());
			String row = "#holdings tr[data-barcode='" + copy.barcode() + "'][data-site='baishi']";
			assertThat(browser.text(row + " .badge")).isEqualTo("在架");
			browser.find("#holdings[data-live-open]");
			String heading = browser.text("#copies-heading");

			LiveFixtures.report(port, "checkout", copy, reader.cardNumber());
			WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(10));
			wait.until(page -> browser.text(row + " .badge").equals("借出"));
			assertThat(browser.find(row).getAttribute("data-status")).isEqualTo("on_loan");
			assertThat(browser.text("#copies-heading")).as("one fewer on the shelf").isNotEqualTo(heading);
			assertThat(browser.find("#live-announce").getAttribute("textContent")).contains("借出");

			LiveFixtures.report(port, "checkin", copy, null);
			wait.until(page -> browser.text(row + " .badge").equals("在架"));
			assertThat(browser.text("#copies-heading")).isEqualTo(heading);
			assertThat(browser.find("#live-announce").getAttribute("textContent")).contains("在架");
			browser.check("work-live");
		}
	}

	@Test
	void aLibrariansOpenPullListGrowsWhenAHoldTakesACopyOnItsShelves() throws Exception {
		ItemRef copy = LiveFixtures.freshCopyOf(jdbc, "baishi");
		Reader reader = readers.register(new ReaderRegistry.Registration("调书读者", LocalDate.of(1983, 2, 3), null, "baishi",
				null, false, null, null, null));
		try (JourneyBrowser browser = JourneyBrowser.open(port, "live-desk", JourneyBrowser.DESKTOP,
				List.copyOf(sites.byId().keySet()))) {
			browser.signIn("librarian", "demo-librarian");
			browser.go("/holds/pull?site=baishi");
			browser.find("#pull-live[data-live-open]");
			assertThat(browser.text("#pull-live")).doesNotContain(copy.barcode());

			holds.place(reader, copy.workId(), copy, "baishi");
			new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
				.until(page -> browser.text("#pull-live").contains(copy.barcode()));
			assertThat(browser.find("#live-announce").getAttribute("textContent")).isEqualTo("调书单已更新。");
			browser.check("pull-live");

			// the circulation desk lists it too, as it happens
			ItemRef another = LiveFixtures.freshCopyOf(jdbc, "baishi");
			browser.go("/circulation?site=baishi");
			browser.find("#desk-live[data-live-open]");
			Reader second = readers.register(new ReaderRegistry.Registration("调书读者二", LocalDate.of(1984, 2, 3), null,
					"baishi", null, false, null, null, null));
			holds.place(second, another.workId(), another, "baishi");
			new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
				.until(page -> browser.text("#desk-live-list").contains(another.barcode()));
			assertThat(browser.text("#desk-live-list")).contains("待从本馆书架调取");
			browser.check("desk-live");
		}
	}

}
