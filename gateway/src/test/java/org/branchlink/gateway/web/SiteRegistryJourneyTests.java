package org.branchlink.gateway.web;

import java.util.List;

import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.demo.DemoCounty;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.branchlink.site.SiteDraft;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The central administrator edits the site registry in pages, on a phone and at a desk: the tree, a wrong latitude
 * refused beside its field, a good edit saved, a save over another officer's change refused with the input kept,
 * a site moved to another township, a new site added under one.
 */
class SiteRegistryJourneyTests extends IntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	SiteDirectory sites;

	@AfterEach
	void restoreDemoCounty() {
		sites.load(DemoCounty.registryYaml(), "demo-county.yml", false);
	}

	@ParameterizedTest
	@ValueSource(ints = { 390, 1366 })
	void adminEditsMovesAndAddsSites(int width) throws Exception {
		Site village = sites.require().childrenOf("baishi").stream()
			.filter(site -> site.kind().code().equals("village_center") && sites.require().childrenOf(site.id()).isEmpty())
			.findFirst().orElseThrow();
		try (JourneyBrowser browser = JourneyBrowser.open(port, "site-registry", width, List.copyOf(sites.byId().keySet()))) {
			browser.signIn("admin", "demo-admin");
			browser.go("/sites/manage");
			browser.find("#site-tree");
			browser.check("sites-manage");
			browser.click("details[data-site='baishi'] > summary");
			browser.click("[data-site='" + village.id() + "'] .edit-site");
			browser.find("#site-form");
			browser.check("site-edit");

			browser.type("#site-lat", "north");
			browser.submit("#save-site");
			browser.find("#site-lat.is-invalid");
			assertThat(browser.text("#site-lat-problem")).isEqualTo("纬度应为数字，例如 27.55。");
			assertThat(browser.text("#refused")).contains("修改未生效");
			browser.check("site-edit-refused");

			browser.type("#site-lat", String.valueOf(village.location().lat()));
			browser.type("#site-name-zh", "改名服务中心" + width);
			browser.submit("#save-site");
			assertThat(browser.text("#notice")).isEqualTo("已保存：改名服务中心" + width);
			browser.check("site-saved");

			// meanwhile another officer changes the address: this page's next save is refused, the input kept
			SiteDraft standing = SiteDraft.of(sites.require().find(village.id()).orElseThrow());
			sites.change(village.id(), new SiteDraft(standing.id(), standing.kind(), standing.nameZh(), standing.nameEn(),
					standing.serviceLines(), standing.parentId(), standing.areaCode(), "村委会一楼", standing.openingHours(),
					standing.floorArea(), standing.lat(), standing.lon()), "other-officer.yml");
			browser.type("#site-name-zh", "再改名服务中心" + width);
			browser.submit("#save-site");
			assertThat(browser.text("#refused")).contains("这个站点在您打开页面后已被修改");
			assertThat(browser.find("#site-name-zh").getAttribute("value")).isEqualTo("再改名服务中心" + width);
			browser.check("site-edit-conflict");
			browser.submit("#save-site");
			assertThat(browser.text("#notice")).isEqualTo("已保存：再改名服务中心" + width);

			String other = sites.require().childrenOf("central-library").stream()
				.filter(site -> site.kind().code().equals("township_station") && !site.id().equals("baishi"))
				.findFirst().orElseThrow().id();
			new Select(browser.find("#move-parent")).selectByValue(other);
			browser.submit("#move-site");
			assertThat(browser.text("#notice")).startsWith("已移动");
			assertThat(sites.require().find(village.id()).orElseThrow().parentId()).isEqualTo(other);
			browser.check("site-moved");

			browser.go("/sites/manage/new?parent=baishi");
			browser.type("#site-id", "new-village-" + width);
			browser.type("#site-name-zh", "新村服务中心");
			browser.type("#site-name-en", "New Village Centre");
			browser.submit("#save-site");
			assertThat(browser.text("#notice")).isEqualTo("已添加站点：新村服务中心");
			assertThat(sites.require().find("new-village-" + width).orElseThrow().parentId()).isEqualTo("baishi");
			browser.check("site-added");
		}
	}

}
