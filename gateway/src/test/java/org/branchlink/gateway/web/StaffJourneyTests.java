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
 * Staffing and training in real Chromium on a phone and at a desk: the librarian adds a village keeper, records a
 * certificate that expires before it was issued (refused, beside the card) and then a right one, which shows as
 * expiring; the page in English.
 */
class StaffJourneyTests extends IntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	SiteDirectory sites;

	@ParameterizedTest
	@ValueSource(ints = { 390, 1366 })
	void theLibrarianAddsAKeeperAndTheirCertificate(int width) throws Exception {
		String village = sites.require().childrenOf("baishi").stream().map(Site::id).sorted().toList().get(1);
		String name = "管理员" + width;
		LocalDate today = LocalDate.now();
		try (JourneyBrowser browser = JourneyBrowser.open(port, "staff", width, List.copyOf(sites.byId().keySet()))) {
			browser.signIn("librarian", "demo-librarian");
			browser.click("#nav-staff");
			browser.submit("#nav-staffing");
			new Select(browser.find("#s-site")).selectByValue(village);
			browser.type("#s-name", name);
			new Select(browser.find("#s-kind")).selectByValue("part_time");
			browser.submit("#s-submit");
			assertThat(browser.text("#notice")).isEqualTo("已登记人员。");
			String card = browser.driver().findElement(By.xpath("//article[.//span[text()='" + name + "']]")).getAttribute("id");
			String id = card.substring("staff-".length());
			browser.click("#" + card + " summary");
			browser.type("#ce-name-" + id, "急救员证");
			dates(browser, id, today.minusYears(1), today.minusYears(2));
			browser.submit("#ce-add-" + id);
			assertThat(browser.text("#" + card + " #refused")).isEqualTo("有效期应晚于发证日期 " + today.minusYears(1) + "。");
			browser.check("staff-refused");
			browser.type("#ce-name-" + id, "急救员证");
			dates(browser, id, today.minusYears(1), today.plusDays(30));
			browser.submit("#ce-add-" + id);
			assertThat(browser.text("#" + card + " #notice")).isEqualTo("已登记证书。");
			assertThat(browser.text("#" + card + " .certificate")).contains("急救员证").contains("即将到期");
			browser.check("staff-certificate");
			browser.go("/staff?lang=en");
			assertThat(browser.text("h1")).isEqualTo("Staffing and training");
			assertThat(browser.text("#" + card + " .certificate")).contains("Expiring");
			browser.check("staff-english");
		}
	}

	private static void dates(JourneyBrowser browser, String id, LocalDate issued, LocalDate expires) {
		JavascriptExecutor script = (JavascriptExecutor) browser.driver();
		script.executeScript("arguments[0].value = arguments[1];", browser.find("#ce-issued-" + id), issued.toString());
		script.executeScript("arguments[0].value = arguments[1];", browser.find("#ce-expires-" + id), expires.toString());
	}

}
