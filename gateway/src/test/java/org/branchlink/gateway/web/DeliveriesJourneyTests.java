package org.branchlink.gateway.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.site.SiteDirectory;
import org.branchlink.sync.outbound.SiteChangeKind;
import org.branchlink.sync.outbound.SiteChanges;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Central staff's deliveries page in real Chromium, on a phone and at a desk, in Chinese and English: what waits for
 * each site's system, a change given up on with why, and sending it again.
 */
class DeliveriesJourneyTests extends IntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	SiteDirectory sites;

	@Autowired
	SiteChanges changes;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReaderRegistry readers;

	@ParameterizedTest
	@ValueSource(ints = { 390, 1366 })
	void centralStaffSeeWhatWaitsForTheSitesAndSendAChangeGivenUpOnAgain(int width) throws Exception {
		String copy = "deliveries-" + width;
		changes.record("central-library", SiteChangeKind.LOAN, copy, "copy:" + copy, Map.of("status", "on_loan"));
		long id = jdbc.sql("select max(id) from site_change where copy_key = :c").param("c", copy).query(Long.class).single();
		jdbc.sql("""
				update site_change set dead_at = clock_timestamp(), attempts = 50,
				    last_error = 'HttpOperationFailedException: HTTP operation failed invoking https://ils.example/changes with statusCode: 503'
				where id = :id""").param("id", id).update();

		try (JourneyBrowser browser = JourneyBrowser.open(port, "deliveries", width, List.copyOf(sites.byId().keySet()))) {
			browser.signIn("admin", "demo-admin");
			browser.go("/deliveries");
			assertThat(browser.find("#who").getAttribute("textContent")).as("the staff navigation, signed in").isNotBlank();
			assertThat(Integer.parseInt(browser.text("#backlog tr[data-site='central-library'] .dead"))).isPositive();
			String row = "#dead tr[data-change='" + id + "']";
			assertThat(browser.text(row)).contains("在他馆借出").contains("503").contains("已尝试 50 次");
			browser.check("deliveries");

			browser.submit(row + " .replay");
			assertThat(browser.text("#notice")).contains(String.valueOf(id));
			assertThat(browser.all(row)).isEmpty();
			browser.check("deliveries-replayed");

			// a notice to a reader given up on, and what the sync routes' dead letter recorded
			long reader = readers.register(new ReaderRegistry.Registration("通知页读者", LocalDate.of(1990, 1, 1), "adult",
					"baishi", null, false, null, null, null)).id();
			long notice = jdbc.sql("""
					insert into notification (reader_id, kind, channel, subject, payload, attempts, last_error, dead_at)
					values (:r, 'hold-ready', 'sms', 'hold:page', '{"args":["白石","2026-12-31"]}', 12,
					        'IllegalStateException: SMS gateway answered 503', clock_timestamp()) returning id""")
				.param("r", reader).query(Long.class).single();
			jdbc.sql("""
					insert into sync_failure (route_id, site_id, source, error)
					values ('marc-file.baishi', 'baishi', :file, 'IllegalArgumentException: line 3 has no title')""")
				.param("file", "inventory-" + width + ".csv").update();
			browser.go("/deliveries");
			String noticeRow = "#notices tr[data-notice='" + notice + "']";
			assertThat(browser.text(noticeRow)).contains("预约的图书已到馆").contains("短信").contains("503")
				.contains("已尝试 12 次");
			assertThat(browser.text("#failures")).contains("marc-file.baishi").contains("inventory-" + width + ".csv")
				.contains("line 3 has no title");
			browser.check("deliveries-notices");
			browser.submit(noticeRow + " .replay");
			assertThat(browser.text("#notice")).contains(String.valueOf(notice));
			assertThat(browser.all(noticeRow)).isEmpty();

			if (width > 600) {
				browser.go("/deliveries?lang=en");
				assertThat(browser.text("#notices-heading")).isEqualTo("Notices to readers given up on");
				assertThat(browser.text("#failures-heading")).isEqualTo("What the sync routes gave up on");
				assertThat(browser.text("h1")).isEqualTo("Deliveries and failures");
				assertThat(browser.text("#dead-heading")).isEqualTo("Changes given up on");
				browser.check("deliveries-english");
			}
		}
	}

}
