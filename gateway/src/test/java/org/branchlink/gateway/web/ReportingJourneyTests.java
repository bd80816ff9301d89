package org.branchlink.gateway.web;

import java.util.List;

import org.branchlink.gateway.IntegrationTest;
import org.branchlink.site.SiteDirectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Central staff reporting upward in real Chromium, on a phone and at a desk: the target and what it is owed, a report
 * sent now to a platform that does not answer (worded, logged), the quarter's narrative saved; the page in English.
 */
class ReportingJourneyTests extends IntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	SiteDirectory sites;

	@ParameterizedTest
	@ValueSource(ints = { 390, 1366 })
	void centralStaffSendAReportNowAndWriteTheQuartersNarrative(int width) throws Exception {
		try (JourneyBrowser browser = JourneyBrowser.open(port, "reporting", width, List.copyOf(sites.byId().keySet()))) {
			browser.signIn("admin", "demo-admin");
			browser.go("/reports/submissions");
			assertThat(browser.find("#who").getAttribute("textContent")).as("the staff navigation, signed in").isNotBlank();
			String row = "#targets tr[data-target='city-cloud']";
			assertThat(browser.text(row)).contains("市文化云（测试）").contains("月报").contains("季报");
			browser.check("submissions");

			browser.submit(row + " .submit-now");
			assertThat(browser.text("#refused")).contains("市文化云（测试）").contains("无应答");
			assertThat(browser.text("#log tbody tr:first-child .outcome")).isEqualTo("未接收");

			browser.type("#narrative-body", "本季度送书下乡 40 次。");
			browser.submit("#save-narrative");
			assertThat(browser.text("#notice")).contains("工作动态已保存");
			assertThat(browser.find("#narrative-body").getAttribute("value")).isEqualTo("本季度送书下乡 40 次。");
			browser.check("submissions-sent");

			if (width > 600) {
				browser.go("/reports/submissions?lang=en");
				assertThat(browser.text("h1")).isEqualTo("Reporting to the culture clouds");
				browser.check("submissions-english");
				browser.go("/dashboard");
				browser.find("#figure-on-time");
				browser.check("dashboard-on-time");
			}
		}
	}

}
