package org.branchlink.gateway.web;

import java.util.ArrayList;
import java.util.List;

import org.branchlink.gateway.IntegrationTest;
import org.branchlink.site.SiteDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three users' pages in English: every page passes {@link JourneyBrowser#check(String)}, which in English asserts
 * that none of the page's own words is Chinese (data such as titles, names and places, marked {@code translate="no"},
 * may be); the reader and the librarian on a phone, where longer English words must still fit, central staff at a desk.
 */
class EnglishPagesTests extends IntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	SiteDirectory sites;

	private JourneyBrowser open(String who, int width) throws Exception {
		return JourneyBrowser.open(port, who + "-english", width, List.copyOf(sites.byId().keySet()));
	}

	/** What the pages of one journey got wrong, all of them (not only the first page's). */
	private final List<String> problems = new ArrayList<>();

	private void visit(JourneyBrowser browser, String name, String path) {
		browser.go(path);
		assertThat(browser.find("html").getAttribute("lang")).as("%s keeps the language", path).isEqualTo("en");
		check(browser, name);
	}

	private void check(JourneyBrowser browser, String name) {
		try {
			browser.check(name);
		}
		catch (AssertionError wrong) {
			problems.add(wrong.getMessage().strip());
		}
	}

	@AfterEach
	void noPageWasWrong() {
		assertThat(problems).isEmpty();
	}

	@Test
	void aReadersPagesInEnglish() throws Exception {
		try (JourneyBrowser browser = open("reader", 390)) {
			visit(browser, "home", "/?lang=en");
			visit(browser, "search", "/search?q=%E5%8E%86%E5%8F%B2");
			browser.click("#results .work a");
			browser.find("#main");
			check(browser, "work");
			visit(browser, "advanced-search", "/search/advanced");
			visit(browser, "events", "/events");
			visit(browser, "events-calendar", "/events?view=calendar");
			visit(browser, "demand", "/demand");
			browser.signIn("reader", "demo-reader");
			visit(browser, "my-loans", "/my/loans");
			visit(browser, "my-holds", "/my/holds");
			visit(browser, "my-registrations", "/my/registrations");
			visit(browser, "my-card", "/my/card");
		}
	}

	@Test
	void aLibrariansPagesInEnglish() throws Exception {
		try (JourneyBrowser browser = open("librarian", 390)) {
			browser.go("/?lang=en");
			browser.signIn("librarian", "demo-librarian");
			visit(browser, "desk", "/circulation");
			visit(browser, "pull-list", "/holds/pull");
			visit(browser, "transfers", "/transfers");
			visit(browser, "rotas", "/rotas");
			visit(browser, "volunteers", "/volunteers");
			visit(browser, "needs", "/demand/tickets");
			visit(browser, "events-manage", "/events/manage");
			visit(browser, "event-new", "/events/new");
		}
	}

	@Test
	void centralStaffPagesInEnglish() throws Exception {
		try (JourneyBrowser browser = open("central", 1366)) {
			browser.go("/?lang=en");
			browser.signIn("admin", "demo-admin");
			visit(browser, "dashboard", "/dashboard");
			visit(browser, "planning", "/planning");
			visit(browser, "sites", "/sites/manage");
			visit(browser, "site-baishi", "/sites/manage/baishi");
			visit(browser, "ingest", "/ingest");
			visit(browser, "surveys", "/surveys");
			visit(browser, "menu", "/menu");
		}
	}

}
