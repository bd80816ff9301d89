package org.branchlink.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.branchlink.gateway.IntegrationTest;
import org.branchlink.site.SiteDirectory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Central staff read the county against its residents, in real Chromium on a phone and at a desk: coverage short of
 * its target, the townships' spread; a list with a bad line is refused with the line named, and the figures stay; the
 * page in English.
 */
class PopulationJourneyTests extends IntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	SiteDirectory sites;

	@TempDir
	Path files;

	@ParameterizedTest
	@ValueSource(ints = { 390, 1366 })
	void centralStaffReadTheCountyAgainstItsResidents(int width) throws Exception {
		Path bad = files.resolve("villages-" + width + ".csv");
		Files.writeString(bad, "区划代码,名称,常住人口\n" + sites.require().find("baishi").orElseThrow().areaCode().township()
				+ "201,白石一村,很多\n", StandardCharsets.UTF_8);
		try (JourneyBrowser browser = JourneyBrowser.open(port, "population", width, List.copyOf(sites.byId().keySet()))) {
			browser.signIn("admin", "demo-admin");
			browser.click("#nav-central");
			browser.submit("#nav-population");
			String coverage = browser.text("#figure-coverage");
			assertThat(coverage).contains("目标 100%");
			assertThat(browser.all("#population-townships tbody tr")).hasSizeGreaterThan(5);
			assertThat(browser.all("#population-equalisation tbody tr")).isNotEmpty();
			// the annual report: floor area per 10,000 residents, opening hours against the standard, the county targets
			assertThat(browser.text("#figure-floor-area")).contains("m²");
			assertThat(browser.text("#figure-opening-hours")).contains("个站点每周开放时间达到标准");
			assertThat(browser.all("#population-targets tbody tr")).hasSize(6);
			assertThat(browser.text("#population-targets tr[data-figure='coverage']")).contains("未达到");
			browser.click("#population-short-hours summary");
			assertThat(browser.all("#population-short-hours li.short-hours")).isNotEmpty();
			assertThat(browser.text("#population-short-hours li.short-hours")).contains("标准 42 小时");
			browser.check("population");

			browser.find("#population-file").sendKeys(bad.toString());
			browser.submit("#population-submit");
			assertThat(browser.text("#refused")).isEqualTo("名单有 1 处问题，整份未导入，原有名单不变。");
			assertThat(browser.text("#file-problems")).startsWith("第 2 行：常住人口“很多”");
			assertThat(browser.text("#figure-coverage")).isEqualTo(coverage);
			browser.check("population-refused");

			browser.go("/population?lang=en");
			assertThat(browser.text("h1")).isEqualTo("Population and coverage");
			assertThat(browser.text("#figure-coverage")).contains("target 100%");
			assertThat(browser.text("#pop-targets-heading")).startsWith("County targets for");
			browser.check("population-english");
		}
	}

}
