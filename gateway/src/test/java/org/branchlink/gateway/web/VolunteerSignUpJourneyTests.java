package org.branchlink.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.branchlink.gateway.IntegrationTest;
import org.branchlink.site.SiteDirectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A resident signs up as a volunteer from the footer, in real Chromium on a phone and at a desk: a number that is not a
 * mobile number is refused beside what they typed; then the application is taken; the form in English.
 */
class VolunteerSignUpJourneyTests extends IntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	SiteDirectory sites;

	@ParameterizedTest
	@ValueSource(ints = { 390, 1366 })
	void aResidentApplies(int width) throws Exception {
		try (JourneyBrowser browser = JourneyBrowser.open(port, "volunteer", width, List.copyOf(sites.byId().keySet()))) {
			browser.go("/");
			browser.submit("#footer-volunteer");
			browser.type("#v-name", "志愿者" + width);
			browser.type("#v-phone", "0571-123");
			((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('v-birth').value = arguments[0];",
					LocalDate.of(1988, 6, 1).toString());
			new Select(browser.find("#v-site")).selectByValue("baishi");
			browser.click("#v-skill-reading");
			browser.check("volunteer");
			browser.submit("#v-submit");
			assertThat(browser.text("#refused")).isEqualTo("手机号码应为 11 位数字，以 1 开头。");
			assertThat(browser.find("#v-name").getAttribute("value")).isEqualTo("志愿者" + width);
			assertThat(browser.find("#v-skill-reading").isSelected()).isTrue();

			browser.type("#v-phone", "13900139" + (width < 600 ? "390" : "136"));
			browser.submit("#v-submit");
			assertThat(browser.text("#notice")).startsWith("报名已提交");
			browser.check("volunteer-applied");

			browser.go("/volunteer?lang=en");
			assertThat(browser.text("h1")).isEqualTo("Volunteer with us");
			browser.check("volunteer-english");
		}
	}

}
