package org.branchlink.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.branchlink.gateway.IntegrationTest;
import org.branchlink.site.SiteDirectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The auditor in real Chromium on a phone and at a desk: the oversight menu leads to the dashboard, population and
 * supervision, each saying it is read only and showing no form; in English too.
 */
class AuditorJourneyTests extends IntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	SiteDirectory sites;

	@ParameterizedTest
	@ValueSource(ints = { 390, 1366 })
	void anAuditorReadsThroughTheOversightMenu(int width) throws Exception {
		try (JourneyBrowser browser = JourneyBrowser.open(port, "auditor", width, List.copyOf(sites.byId().keySet()))) {
			browser.go("/");
			browser.signIn("auditor", "demo-auditor");
			browser.click("#nav-oversight");
			browser.submit("#nav-oversight-dashboard");
			assertThat(browser.text("#read-only")).isEqualTo("您以审计身份登录：可以查看，不能修改。");
			browser.check("auditor-dashboard");
			browser.click("#nav-oversight");
			browser.submit("#nav-oversight-supervision");
			assertThat(browser.all("form.staff-form")).isEmpty();
			browser.check("auditor-supervision");
			browser.click("#nav-oversight");
			browser.submit("#nav-oversight-population");
			assertThat(browser.all("#population-import")).isEmpty();
			browser.check("auditor-population");
			browser.go("/supervision?lang=en");
			assertThat(browser.text("#read-only")).isEqualTo("Signed in as an auditor: you may read everything here and change nothing.");
			browser.check("auditor-supervision-english");
		}
	}

}
