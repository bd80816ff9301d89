package org.branchlink.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.menu.ServiceMenu;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.security.AccountStore;
import org.branchlink.gateway.security.Role;
import org.branchlink.site.SiteDirectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A resident orders from the menu for their village (点单), in real Chromium on a phone and at a desk: the order waits
 * for the central hall under "my orders"; ordering it again is refused beside what they filled in, which stays; the
 * page reads in English too.
 */
class VillageMenuJourneyTests extends IntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	SiteDirectory sites;

	@Autowired
	AccountStore accounts;

	@Autowired
	ReaderRegistry readers;

	@Autowired
	ServiceMenu menu;

	@ParameterizedTest
	@ValueSource(ints = { 390, 1366 })
	void aResidentOrdersAScreeningForTheirVillageCommittee(int width) throws Exception {
		String username = "villager-" + width;
		accounts.save(username, "villager-password-1", "村民", Set.of(Role.READER), Set.of());
		readers.register(new ReaderRegistry.Registration("村民", LocalDate.of(1968, 2, 3), "adult", "baishi", null, false,
				null, null, username));
		ServiceMenu.Item item = menu.publish(new ServiceMenu.ItemRequest("culture-hall", "service", "露天电影放映" + width,
				"自带幕布音响", "场", 10, "year", List.of(), 120));
		String village = sites.require().childrenOf("baishi").get(0).id();
		try (JourneyBrowser browser = JourneyBrowser.open(port, "village-menu", width, List.copyOf(sites.byId().keySet()))) {
			browser.go("/menu/village");
			assertThat(browser.find("#sign-in-to-order").getText()).contains("登录后即可点单");
			browser.check("village-menu-anonymous");

			browser.signIn(username, "villager-password-1");
			browser.click("#nav-village");
			new Select(browser.find("#vo-item")).selectByValue(String.valueOf(item.id()));
			new Select(browser.find("#vo-site")).selectByValue(village);
			date(browser, LocalDate.now().plusDays(20));
			browser.click("#vo-committee");
			browser.type("#vo-committee-name", "新桥村村民委员会");
			browser.type("#vo-note", "晒谷场放映，村里备电源");
			browser.check("village-menu-form");
			browser.submit("#vo-submit");
			assertThat(browser.text("#notice")).isEqualTo("已提交，等待县总馆审核安排；结果会通知您。");
			assertThat(browser.text("#my-orders .my-order")).contains("露天电影放映" + width).contains("待审批");
			browser.check("village-menu-ordered");

			// the same item for the same village again: refused beside what was filled in, which stays
			new Select(browser.find("#vo-item")).selectByValue(String.valueOf(item.id()));
			new Select(browser.find("#vo-site")).selectByValue(village);
			date(browser, LocalDate.now().plusDays(21));
			browser.click("#vo-committee");
			browser.type("#vo-committee-name", "新桥村村民委员会");
			browser.type("#vo-note", "再放一场");
			browser.submit("#vo-submit");
			assertThat(browser.text("#refused")).startsWith("本期您已为这个村（社区）点过");
			assertThat(browser.find("#vo-committee-name").getAttribute("value")).isEqualTo("新桥村村民委员会");
			assertThat(browser.find("#vo-committee").isSelected()).isTrue();
			assertThat(new Select(browser.find("#vo-site")).getFirstSelectedOption().getAttribute("value")).isEqualTo(village);
			assertThat(browser.find("#vo-note").getAttribute("value")).isEqualTo("再放一场");
			assertThat(browser.find("#vo-date").getAttribute("value")).isEqualTo(LocalDate.now().plusDays(21).toString());
			browser.check("village-menu-refused");

			browser.go("/menu/village?lang=en");
			assertThat(browser.text("h1")).isEqualTo("Order a service for your village");
			assertThat(browser.text("#my-orders .my-order")).contains("Awaiting approval");
			browser.check("village-menu-english");
		}
	}

	private static void date(JourneyBrowser browser, LocalDate day) {
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];",
				browser.find("#vo-date"), day.toString());
	}

}
