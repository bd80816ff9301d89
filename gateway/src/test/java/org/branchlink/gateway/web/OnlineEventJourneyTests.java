package org.branchlink.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.branchlink.gateway.IntegrationTest;
import org.branchlink.site.SiteDirectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An online event (数字服务) in real Chromium on a phone and at a desk: the librarian publishes it (without its address
 * it is refused beside the field); a visitor finds it under "online" on the events page and takes part from its page;
 * the report counts events by service mode; in English too.
 */
class OnlineEventJourneyTests extends IntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	SiteDirectory sites;

	@ParameterizedTest
	@ValueSource(ints = { 390, 1366 })
	void anOnlineEventIsPublishedFoundAndJoined(int width) throws Exception {
		String title = "线上书法讲座 " + width;
		try (JourneyBrowser browser = JourneyBrowser.open(port, "online-event", width, List.copyOf(sites.byId().keySet()))) {
			browser.signIn("librarian", "demo-librarian");
			browser.go("/events/new");
			browser.type("#ev-title", title);
			((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];", browser.find("#ev-starts"),
					LocalDateTime.now().plusDays(8).truncatedTo(ChronoUnit.MINUTES).toString());
			new Select(browser.find("#ev-mode")).selectByValue("digital");
			browser.click("#publish-event");
			browser.find("#ev-online.is-invalid");
			assertThat(browser.text("#ev-online-problem")).isEqualTo("线上活动需要填写线上地址。");
			browser.check("online-event-refused");
			browser.type("#ev-online", "https://live.example.org/baishi/calligraphy");
			browser.click("#publish-event");
			browser.find("#event-state");
			browser.submit("form[action$='/logout'] button");

			browser.go("/events");
			browser.submit("#mode-filter a[href*='mode=digital']");
			browser.check("online-events");
			String href = browser.driver().findElement(By.xpath("//ol[@id='event-results']//a[normalize-space(text())='" + title + "']"))
				.getAttribute("href");
			browser.go(URI.create(href).getPath());
			assertThat(browser.find("#event-online").getAttribute("href")).isEqualTo("https://live.example.org/baishi/calligraphy");
			assertThat(browser.text("#event-mode")).contains("线上");
			browser.check("online-event");
			browser.go("/events?mode=digital&lang=en");
			assertThat(browser.text("#event-results")).contains(title).contains("Online");
			browser.check("online-events-english");

			browser.signIn("admin", "demo-admin");
			browser.go("/reports/" + LocalDate.now().getYear());
			assertThat(browser.text("#report-modes [data-mode='digital']")).contains("Online");
			browser.check("report-modes-english");
		}
	}

}
