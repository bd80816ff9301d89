package org.branchlink.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.branchlink.gateway.IntegrationTest;
import org.branchlink.site.SiteDirectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Digital services in real Chromium on a phone and at a desk: a visitor goes from the home page to the county's digital
 * resources and on to the catalogue's online titles; the librarian lists a resource (an address that is not on the web
 * is refused, what was typed stays); the page in English.
 */
class DigitalJourneyTests extends IntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	SiteDirectory sites;

	@ParameterizedTest
	@ValueSource(ints = { 390, 1366 })
	void aVisitorFindsTheDigitalResourcesAndTheLibrarianListsOne(int width) throws Exception {
		String name = "白石老照片" + width;
		try (JourneyBrowser browser = JourneyBrowser.open(port, "digital", width, List.copyOf(sites.byId().keySet()))) {
			browser.go("/");
			browser.submit("#shortcut-digital");
			assertThat(browser.text("main")).contains("青溪县图书馆电子书").contains("凭读者证登录");
			browser.check("digital");
			browser.submit("#online-works");
			assertThat(browser.text("#results")).contains("在线阅读");
			browser.check("digital-online-titles");

			browser.signIn("librarian", "demo-librarian");
			browser.go("/digital");
			new Select(browser.find("#d-site")).selectByValue("baishi");
			browser.type("#d-name", name);
			new Select(browser.find("#d-kind")).selectByValue("video");
			browser.type("#d-url", "ftp://files.example.org/photos");
			browser.submit("#d-submit");
			assertThat(browser.text("#refused")).isEqualTo("访问地址应以 http:// 或 https:// 开头。");
			assertThat(browser.find("#d-name").getAttribute("value")).isEqualTo(name);
			browser.check("digital-refused");
			browser.type("#d-url", "https://video.example.org/baishi/photos");
			browser.submit("#d-submit");
			assertThat(browser.text("#notice")).isEqualTo("已登记数字资源。");
			assertThat(browser.text("main")).contains(name);
			browser.go("/digital?lang=en");
			assertThat(browser.text("h1")).isEqualTo("Digital services");
			browser.check("digital-english");
		}
	}

}
