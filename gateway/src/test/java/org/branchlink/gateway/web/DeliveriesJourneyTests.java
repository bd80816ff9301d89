package org.branchlink.gateway.web;

import java.util.List;
import java.util.Map;

import org.branchlink.gateway.IntegrationTest;
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

			if (width > 600) {
				browser.go("/deliveries?lang=en");
				assertThat(browser.text("h1")).isEqualTo("Deliveries to the sites' systems");
				assertThat(browser.text("#dead-heading")).isEqualTo("Changes given up on");
				browser.check("deliveries-english");
			}
		}
	}

}
