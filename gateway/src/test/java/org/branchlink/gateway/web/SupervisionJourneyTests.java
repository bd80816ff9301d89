package org.branchlink.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.branchlink.gateway.IntegrationTest;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Supervision in real Chromium on a phone and at a desk: central staff record a spot check with a rectification item
 * (an item without the one responsible is refused, and what was typed stays); the township's librarian reports it
 * done; central staff re-inspect and close it; the page in English.
 */
class SupervisionJourneyTests extends IntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	SiteDirectory sites;

	@ParameterizedTest
	@ValueSource(ints = { 390, 1366 })
	void anItemGoesFromFindingToClosed(int width) throws Exception {
		String village = sites.require().childrenOf("baishi").stream().map(Site::id).sorted().toList().get(10);
		String item = "公示开放时间和服务电话（" + width + "）";
		try (JourneyBrowser browser = JourneyBrowser.open(port, "supervision", width, List.copyOf(sites.byId().keySet()))) {
			browser.signIn("admin", "demo-admin");
			browser.click("#nav-staff");
			browser.submit("#nav-supervision");
			new Select(browser.find("#i-site")).selectByValue(village);
			new Select(browser.find("#i-kind")).selectByValue("spot_check");
			browser.type("#i-inspector", "县文旅局第三方评估组");
			browser.type("#i-findings", "开放时间未公示");
			browser.type("#i-item-0", item);
			((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('i-deadline-0').value = arguments[0];",
					LocalDate.now().plusDays(14).toString());
			browser.check("supervision-form");
			browser.submit("#i-submit");
			assertThat(browser.text("#refused")).startsWith("整改事项“" + item + "”需要责任人");
			assertThat(browser.find("#i-findings").getAttribute("value")).isEqualTo("开放时间未公示");
			browser.type("#i-owner-0", "村文化管理员");
			browser.submit("#i-submit");
			assertThat(browser.text("#notice")).isEqualTo("已记录督查和整改事项。");

			browser.submit("form[action$='/logout'] button");
			browser.signIn("librarian", "demo-librarian");
			browser.go("/supervision");
			String card = "//h3[text()='" + item + "']";
			String id = browser.driver().findElement(By.xpath(card + "/ancestor::article")).getAttribute("id")
				.substring("item-".length());
			browser.type("#report-" + id, "已在门口张贴公示牌");
			browser.submit("#report-submit-" + id);
			assertThat(browser.text("#notice")).isEqualTo("已提交整改报告，等待复查。");
			assertThat(browser.text("#item-" + id + " .status")).contains("待复查");
			browser.check("supervision-reported");

			browser.submit("form[action$='/logout'] button");
			browser.signIn("admin", "demo-admin");
			browser.go("/supervision");
			browser.type("#note-" + id, "复查通过");
			browser.submit("#pass-" + id);
			assertThat(browser.text("#item-" + id + " .status")).contains("已销号");

			browser.go("/supervision?lang=en");
			assertThat(browser.text("h1")).isEqualTo("Supervision and rectification");
			assertThat(browser.text("#item-" + id + " .status")).contains("Closed");
			browser.check("supervision-english");
		}
	}

}
