package org.branchlink.gateway.web;

import java.util.List;

import org.branchlink.gateway.IntegrationTest;
import org.branchlink.site.SiteDirectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader's search that finds nothing, in real Chromium on a phone and at a desk: the page offers a spelling from the
 * catalogue, pinyin read as Chinese, and a broader search, each a link that finds something. The advanced search: its
 * labelled fields, a problem answered beside its field, the fields kept as parameters in every link of the results,
 * shown as conditions that can be taken away, and a way back to the form filled in.
 */
class ReaderSearchHelpTests extends IntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	SiteDirectory sites;

	private JourneyBrowser open(String journey, int width) throws Exception {
		return JourneyBrowser.open(port, journey, width, List.copyOf(sites.byId().keySet()));
	}

	@ParameterizedTest
	@ValueSource(ints = { 390, 1366 })
	void aSearchThatFindsNothingOffersSearchesThatDo(int width) throws Exception {
		try (JourneyBrowser browser = open("reader-search-help", width)) {
			browser.go("/search");
			browser.type("#q", "Calligrapy Beginers");
			browser.submit("#search-submit");
			assertThat(browser.text("#total")).contains("0");
			browser.find("#search-help");
			assertThat(browser.text("#search-help .suggestion.spelling a")).containsIgnoringCase("calligraphy");
			browser.check("search-spelling");
			browser.submit("#search-help .suggestion.spelling a");
			assertThat(browser.all("#results .work")).isNotEmpty();
			assertThat(browser.all("#search-help")).isEmpty();

			browser.go("/search?q=honglumeng");
			assertThat(browser.text("#search-help .suggestion.pinyin a")).isEqualTo("红楼梦");
			assertThat(browser.text("#search-help .suggestion.pinyin")).contains("hong lou meng");
			browser.check("search-pinyin");
			browser.submit("#search-help .suggestion.pinyin a");
			assertThat(browser.text("#results .work .title")).contains("红楼梦");

			browser.go("/search?q=%E7%BA%A2%E6%A5%BC%E6%A2%A6%20%E6%B0%B4%E7%A8%BB%E6%A0%BD%E5%9F%B9&format=map");
			browser.find("#search-help .suggestion.relaxed");
			browser.submit("#search-help .suggestion.relaxed a");
			assertThat(browser.driver().getCurrentUrl()).contains("match=any").doesNotContain("format=");
			assertThat(browser.all("#results .work")).isNotEmpty();
			browser.check("search-relaxed");
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 390, 1366 })
	void theReaderFindsAPickupSiteByTypingItsPinyin(int width) throws Exception {
		try (JourneyBrowser browser = open("reader-pickup-filter", width)) {
			browser.signIn("reader", "demo-reader");
			browser.go("/search?q=%E5%8E%86%E5%8F%B2");
			browser.submit("#results .reserve-link");
			assertThat(browser.find("#pickupSite-filter").isDisplayed()).as("the filter shows with script").isTrue();
			int all = browser.all("#pickupSite option").size();
			browser.type("#pickupSite-filter", "baishi");
			browser.waiting().until(driver -> !browser.text("#pickupSite-filter-count").isEmpty());
			List<WebElement> shown = browser.all("#pickupSite option:not([disabled])");
			assertThat(shown).isNotEmpty().hasSizeLessThan(all);
			assertThat(browser.text("#pickupSite-filter-count")).contains(String.valueOf(shown.size()));
			String chosen = new Select(browser.find("#pickupSite")).getFirstSelectedOption().getAttribute("value");
			assertThat(shown).extracting(option -> option.getAttribute("value")).contains(chosen);
			browser.check("work-pickup-filtered");

			browser.type("#pickupSite-filter", "bsz");
			browser.waiting().until(driver -> browser.all("#pickupSite option:not([disabled])").size() < all);
			assertThat(browser.all("#pickupSite option:not([disabled])")).extracting(option -> option.getAttribute("value"))
				.contains("baishi");
			browser.find("#pickupSite-filter").clear();
			browser.type("#pickupSite-filter", " ");
			browser.waiting().until(driver -> browser.all("#pickupSite option:not([disabled])").size() == all);
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 390, 1366 })
	void theAdvancedSearchKeepsItsFieldsInEveryLink(int width) throws Exception {
		try (JourneyBrowser browser = open("reader-advanced-search", width)) {
			browser.go("/search");
			browser.submit("#advanced-link");
			browser.find("#advanced-form");
			assertThat(browser.all("#advanced-form label[for]")).hasSizeGreaterThanOrEqualTo(9);
			browser.check("advanced-search");

			browser.type("#adv-title", "历史");
			browser.type("#adv-yearFrom", "2020");
			browser.type("#adv-yearTo", "1990");
			browser.submit("#advanced-submit");
			assertThat(browser.find("#adv-yearTo").getAttribute("class")).contains("is-invalid");
			assertThat(browser.text("#adv-yearTo-problem")).contains("结束年份");
			assertThat(browser.find("#adv-title").getAttribute("value")).isEqualTo("历史");
			browser.check("advanced-search-problem");

			browser.type("#adv-yearFrom", "1990");
			browser.type("#adv-yearTo", "2025");
			browser.submit("#advanced-submit");
			browser.find("#results .work");
			assertThat(browser.driver().getCurrentUrl()).contains("title=").contains("yearFrom=1990");
			assertThat(browser.text("#chosen-fields")).contains("题名").contains("历史");
			browser.check("advanced-search-results");

			browser.submit("#sorts a[href*='sort=year']");
			assertThat(browser.driver().getCurrentUrl()).contains("title=").contains("sort=year");
			if (!browser.all("#pages a[href*='page=1']").isEmpty()) {
				browser.submit("#pages a[href*='page=1']");
				assertThat(browser.driver().getCurrentUrl()).contains("title=").contains("page=1");
			}
			browser.submit("#advanced-link");
			assertThat(browser.find("#adv-title").getAttribute("value")).isEqualTo("历史");
			assertThat(browser.find("#adv-yearFrom").getAttribute("value")).isEqualTo("1990");

			browser.go("/search?title=%E5%8E%86%E5%8F%B2");
			browser.submit("#chosen-fields a[data-field='title']");
			assertThat(browser.driver().getCurrentUrl()).doesNotContain("title=");
		}
	}

}
