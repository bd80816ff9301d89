package org.branchlink.gateway.web;

import java.util.List;

import org.branchlink.gateway.IntegrationTest;
import org.branchlink.site.SiteDirectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader's journey in real Chromium, on a phone and at a desk: the home page's search box, a search narrowed by a
 * facet and sorted, the narrowing kept on the next page and across the language switch. Every page passes
 * {@link JourneyBrowser#check(String)}.
 */
class ReaderJourneyTests extends IntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	SiteDirectory sites;

	private JourneyBrowser open(int width) throws Exception {
		return JourneyBrowser.open(port, "reader", width, List.copyOf(sites.byId().keySet()));
	}

	@ParameterizedTest
	@ValueSource(ints = { 390, 1366 })
	void aReaderSearchesFromTheHomePageAndNarrowsTheResults(int width) throws Exception {
		try (JourneyBrowser browser = open(width)) {
			browser.go("/");
			assertThat(browser.find("#home-q").isDisplayed()).as("a search box on the home page").isTrue();
			browser.check("home");

			browser.type("#home-q", "历史");
			browser.click("#home-search");
			browser.find("#results .work");
			browser.check("search");

			if (browser.phone()) {
				browser.click("#show-filters");
				browser.find("#filters.show");
			}
			browser.click("#filters a[href*='format=']");
			browser.find("#chosen-filters");
			String narrowed = browser.text("#total");
			browser.click("#sorts a[href*='sort=year']");
			browser.find("#chosen-filters");
			assertThat(browser.driver().getCurrentUrl()).contains("format=").contains("sort=year");
			assertThat(browser.text("#total")).as("sorting keeps the filter").isEqualTo(narrowed);
			browser.check("search-narrowed");

			browser.click("#switch-language");
			browser.find("#chosen-filters");
			assertThat(browser.driver().getCurrentUrl()).contains("format=").contains("sort=year").contains("q=");
			assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
			browser.check("search-english");
		}
	}

}
