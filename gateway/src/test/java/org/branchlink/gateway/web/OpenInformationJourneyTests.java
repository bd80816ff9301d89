package org.branchlink.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.metrics.ReportPeriod;
import org.branchlink.site.SiteDirectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.JavascriptExecutor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Open information in real Chromium on a phone and at a desk: central staff publish last month's report and record a
 * public feedback meeting; after signing out, anyone reads both from the footer's link, in Chinese and in English.
 */
class OpenInformationJourneyTests extends IntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	SiteDirectory sites;

	@ParameterizedTest
	@ValueSource(ints = { 390, 1366 })
	void centralStaffPublishAndAnyoneReads(int width) throws Exception {
		String period = ReportPeriod.monthOf(LocalDate.now().minusMonths(1)).code();
		String place = "县文化馆报告厅（" + width + "）";
		try (JourneyBrowser browser = JourneyBrowser.open(port, "open-information", width, List.copyOf(sites.byId().keySet()))) {
			browser.signIn("admin", "demo-admin");
			browser.go("/reports/" + period);
			if (browser.text("#publish-report-button").equals("撤回公布")) {
				browser.submit("#publish-report-button");
			}
			browser.submit("#publish-report-button");
			assertThat(browser.text("#notice")).startsWith("已公布");

			browser.go("/open");
			((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('r-day').value = arguments[0];",
					LocalDate.now().minusDays(2).toString());
			browser.type("#r-attendance", "86");
			browser.type("#r-place", place);
			browser.type("#r-raised", "希望延长周末开放时间\n村里想看越剧");
			browser.type("#r-answered", "自下月起周六开放到 20:00；送戏下乡已列入下季度菜单");
			browser.check("open-record");
			browser.submit("#r-submit");
			assertThat(browser.text("#notice")).isEqualTo("已记录并公布。");

			browser.submit("form[action$='/logout'] button");
			browser.go("/");
			browser.submit("#footer-open");
			assertThat(browser.text("#releases")).contains(place).contains("村里想看越剧").contains("参加 86 人");
			browser.check("open-public");
			browser.submit("a[href$='/open/reports/" + period + "']");
			assertThat(browser.all("#headline .figure-card")).isNotEmpty();
			assertThat(browser.all("#publish-report")).isEmpty();
			browser.check("open-report");

			browser.go("/open");
			browser.submit("#open-catalog");
			assertThat(browser.text("#catalog-opera-county")).contains("每个乡镇每年送戏不少于 4 场").contains("个乡镇中");
			browser.check("open-catalog");

			browser.go("/open?lang=en");
			assertThat(browser.text("h1")).isEqualTo("Open information");
			assertThat(browser.text("#releases")).contains("86 attended");
			browser.check("open-english");
			browser.go("/open/catalog");
			assertThat(browser.text("#catalog-mobile-county")).contains("Bookmobiles");
			browser.check("open-catalog-english");
		}
	}

}
