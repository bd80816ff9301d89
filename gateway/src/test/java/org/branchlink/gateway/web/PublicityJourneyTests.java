package org.branchlink.gateway.web;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventCatalog;
import org.branchlink.catalog.event.EventCategory;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.site.SiteDirectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Getting an event known, in real Chromium on a phone and at a desk: the staff open the poster from the event's page
 * (its QR code drawn, one A4 sheet when printed) and the 公众号 material (fields to copy, a phone-width preview); a
 * township's website frames the coming-events list. Every page passes {@link JourneyBrowser#check(String)}.
 */
class PublicityJourneyTests extends IntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	SiteDirectory sites;

	@Autowired
	EventCatalog catalog;

	@ParameterizedTest
	@ValueSource(ints = { 390, 1366 })
	void aLibrarianPrintsTheEventsPosterAndTakesItsWechatArticle(int width) throws Exception {
		Instant starts = Instant.now().plus(Duration.ofDays(4));
		long event = catalog.publish(new CulturalEvent(null, CulturalEvent.Source.FORM, "baishi", "publicity-" + width, "",
				0, CulturalEvent.Kind.EVENT, EventCategory.LECTURE, "冬季养生讲座", "请中医院的医生讲冬季养生，现场答疑。", "baishi",
				"二楼报告厅", starts, starts.plus(Duration.ofHours(2)), 60, Set.of(), true, BigDecimal.ZERO, false))
			.event().id();
		try (JourneyBrowser browser = JourneyBrowser.open(port, "publicity", width, List.copyOf(sites.byId().keySet()))) {
			browser.signIn("librarian", "demo-librarian");
			browser.go("/events/" + event);
			browser.click("#poster-link");
			browser.find("#poster-qr");
			assertThat(browser.text("#poster-title")).isEqualTo("冬季养生讲座");
			assertThat(browser.find("#poster-qr").getAttribute("naturalWidth")).isNotEqualTo("0");
			browser.check("poster");

			browser.go("/events/" + event + "/wechat");
			assertThat(browser.find("#who").getAttribute("textContent")).as("the staff navigation, signed in").isNotBlank();
			assertThat(browser.find("#article-title").getAttribute("value")).isEqualTo("冬季养生讲座");
			assertThat(browser.find("#article-body").getAttribute("value")).contains("二楼报告厅").contains("/events/" + event);
			browser.check("wechat");

			browser.go("/embed/events?site=baishi");
			browser.find("#embed-events li");
			browser.check("embed");
		}
	}

}
