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
			browser.click("#event-results .event h2 a");
			browser.find("#event-title");
			check(browser, "event");
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
		staffPages("librarian", 390, "librarian", "demo-librarian", "desk", "/circulation", "pull-list", "/holds/pull",
				"transfers", "/transfers", "rotas", "/rotas", "volunteers", "/volunteers", "needs", "/demand/tickets",
				"events-manage", "/events/manage", "event-new", "/events/new");
	}

	@Test
	void centralStaffPagesInEnglish() throws Exception {
		staffPages("central", 1366, "admin", "demo-admin", "dashboard", "/dashboard", "planning", "/planning", "sites",
				"/sites/manage", "site-baishi", "/sites/manage/baishi", "ingest", "/ingest", "surveys", "/surveys", "menu",
				"/menu");
	}

	/** Signs in from an English page and visits each page (name, path, name, path, …). */
	private void staffPages(String who, int width, String username, String password, String... namesAndPaths)
			throws Exception {
		try (JourneyBrowser browser = open(who, width)) {
			browser.go("/?lang=en");
			browser.signIn(username, password);
			for (int i = 0; i < namesAndPaths.length; i += 2) {
				visit(browser, namesAndPaths[i], namesAndPaths[i + 1]);
			}
		}
	}

}
