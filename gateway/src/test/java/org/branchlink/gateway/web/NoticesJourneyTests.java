package org.branchlink.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.branchlink.gateway.IntegrationTest;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A township librarian publishes a village centre's public notices (公示), in real Chromium on a phone and at a desk: a
 * phone that is not one is refused beside what they typed, which stays; the centre's page then shows the phone, free
 * services, accessibility and a closure notice, in Chinese and in English.
 */
class NoticesJourneyTests extends IntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	SiteDirectory sites;

	@ParameterizedTest
	@ValueSource(ints = { 390, 1366 })
	void aLibrarianPublishesAVillageCentresNotices(int width) throws Exception {
		List<String> villages = sites.require().childrenOf("baishi").stream().map(Site::id).sorted().toList();
		String village = villages.get(width < 600 ? 4 : 5);
		try (JourneyBrowser browser = JourneyBrowser.open(port, "notices", width, List.copyOf(sites.byId().keySet()))) {
			browser.signIn("librarian", "demo-librarian");
			browser.click("#nav-staff");
			browser.submit("#nav-notices");
			new Select(browser.find("#notices-site")).selectByValue(village);
			browser.submit("#notices-pick");
			browser.check("notices");

			browser.type("#d-phone", "找村主任");
			browser.type("#d-services", "图书借阅、阅览 周二至周日 9:00–17:00\n文体活动室 每天 19:00–21:00");
			browser.click("#d-access-ramp");
			browser.submit("#d-save");
			assertThat(browser.text("#refused")).startsWith("“找村主任”不像电话号码");
			assertThat(browser.find("#d-services").getAttribute("value")).contains("文体活动室 每天 19:00–21:00");
			assertThat(browser.find("#d-access-ramp").isSelected()).isTrue();

			browser.type("#d-phone", "0571-6512 3456");
			browser.submit("#d-save");
			assertThat(browser.text("#notice")).isEqualTo("已保存，站点页面已更新。");

			LocalDate from = LocalDate.now().plusDays(10);
			((JavascriptExecutor) browser.driver()).executeScript(
					"document.getElementById('c-from').value = arguments[0]; document.getElementById('c-to').value = arguments[1];",
					from.toString(), from.plusDays(2).toString());
			browser.type("#c-reason", "线路改造，暂停开放");
			browser.submit("#c-announce");
			assertThat(browser.text("#notice")).isEqualTo("闭馆公告已发布。");
			assertThat(browser.text("#closure-list")).contains("线路改造");
			browser.check("notices-saved");

			browser.submit("#notices-site-name");
			assertThat(browser.text("#site-phone")).isEqualTo("0571-6512 3456");
			assertThat(browser.text("#site-free-services")).contains("文体活动室 每天 19:00–21:00");
			assertThat(browser.text("#site-accessibility")).isEqualTo("无障碍坡道");
			assertThat(browser.text("#site-closures")).contains("线路改造，暂停开放");
			browser.check("site-with-notices");

			browser.go("/sites/" + village + "?lang=en");
			assertThat(browser.text("#site-accessibility")).isEqualTo("Step-free entrance or ramp");
			assertThat(browser.text("#site-closures")).startsWith("Closure notices");
			browser.check("site-with-notices-english");
			browser.go("/notices?site=" + village);
			assertThat(browser.text("h1")).isEqualTo("Public notices");
			browser.check("notices-english");
		}
	}

}
