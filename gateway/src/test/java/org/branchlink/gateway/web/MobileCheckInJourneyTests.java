package org.branchlink.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.util.List;

import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.schedule.MobileCheckIns;
import org.branchlink.gateway.schedule.StopVisit;
import org.branchlink.site.SiteDirectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A bookmobile's crew on the road, in real Chromium on a phone and at a desk: the day's stops in order; a count out
 * of range is refused in their language; a check-in with the people served, and a stop missed with its reason; the
 * page in English.
 */
class MobileCheckInJourneyTests extends IntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	SiteDirectory sites;

	@Autowired
	MobileCheckIns checkIns;

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest
	@ValueSource(ints = { 390, 1366 })
	void aCrewChecksInAtOneStopAndRecordsAnotherMissed(int width) throws Exception {
		// two of the plan's coming stops of one unit moved to today, as the crew finds them on the road
		List<StopVisit> coming = checkIns.between(checkIns.today().plusDays(1), checkIns.today().plusDays(40)).stream()
			.filter(visit -> visit.outcome() == StopVisit.Outcome.AWAITED).toList();
		String unit = coming.get(width < 600 ? 10 : 20).unitId();
		List<StopVisit> mine = coming.stream().filter(visit -> visit.unitId().equals(unit)).skip(width < 600 ? 5 : 8).limit(2).toList();
		mine.forEach(visit -> jdbc.sql("update mobile_visit set day = :today, seq = 1000 + id where id = :id")
			.param("today", Date.valueOf(checkIns.today())).param("id", visit.id()).update());
		long first = mine.get(0).id();
		long second = mine.get(1).id();
		try (JourneyBrowser browser = JourneyBrowser.open(port, "mobile-today", width, List.copyOf(sites.byId().keySet()))) {
			browser.signIn("admin", "demo-admin");
			browser.click("#nav-staff");
			browser.submit("#nav-mobile-today");
			new Select(browser.find("#m-unit")).selectByValue(unit);
			browser.submit("#m-show");
			assertThat(browser.all("#stops .stop")).hasSizeGreaterThanOrEqualTo(2);
			browser.check("mobile-today");

			browser.type("#people-" + first, "6000");
			browser.submit("#check-in-" + first);
			assertThat(browser.text("#refused")).isEqualTo("服务人数应在 0 到 5,000 之间。");

			browser.type("#people-" + first, "42");
			browser.submit("#check-in-" + first);
			assertThat(browser.text("#notice")).startsWith("已在");
			assertThat(browser.text("#stop-" + first + " .outcome")).contains("服务 42 人");

			browser.click("#stop-" + second + " summary");
			browser.type("#reason-" + second, "山路塌方，车辆无法通行");
			browser.submit("#missed-" + second);
			assertThat(browser.text("#stop-" + second + " .outcome")).contains("未到站").contains("山路塌方");
			browser.check("mobile-today-recorded");

			browser.go("/mobile/today?lang=en&unit=" + unit);
			assertThat(browser.text("h1")).isEqualTo("Mobile stops today");
			assertThat(browser.text("#stop-" + first + " .outcome")).contains("42 served");
			browser.check("mobile-today-english");
		}
	}

}
