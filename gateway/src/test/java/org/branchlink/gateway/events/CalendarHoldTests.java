package org.branchlink.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.branchlink.catalog.event.EventCatalog;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.demo.DemoCountyAccess;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.site.SiteProperties;
import org.branchlink.sync.calendar.IcalFeed;
import org.branchlink.sync.calendar.IcalFeedTemplate;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A calendar feed that goes bad does not call off a site's programme (#22.2), through the real route template
 * ({@code events-ical.<site>}, made for sites of Baishi whose librarian is the demo's), the database and the API: a
 * fetch whose events all became unreadable, or that drops most of them, is held; its new events still apply; the
 * site's librarian reads the hold and confirms it (then the events and their registrations are called off), or the
 * next good fetch supersedes it. (That a feed refused whole calls nothing off and is recorded as the route's failure is
 * tested with the route template in the sync module: {@code IcalFeedTemplateTests}.)
 */
class CalendarHoldTests extends IntegrationTest {

	@Autowired
	CamelContext camelContext;

	@Autowired
	ProducerTemplate camel;

	@Autowired
	EventCatalog catalog;

	@Autowired
	EventRegistrations registrations;

	@Autowired
	ReaderRegistry readers;

	@Autowired
	SiteProperties sync;

	@Autowired
	MockMvc mvc;

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

	private static final LocalDate DAY = LocalDate.now().plusDays(10);

	private static String vevent(String uid, int days, String start) {
		String from = start != null ? start : DAY.plusDays(days).atTime(6, 0).atOffset(ZoneOffset.UTC).format(UTC);
		return "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:" + from
				+ "\r\nDURATION:PT2H\r\nSUMMARY:讲座 " + uid + "\r\nX-BRANCHLINK-CAPACITY:40\r\nEND:VEVENT\r\n";
	}

	private static String good(String uid, int days) {
		return vevent(uid, days, null);
	}

	/** Sends the feed through the site's route, made from the template on first use; its report. */
	private IcalFeed.FeedReport send(String site, String... vevents) throws Exception {
		return camel.requestBody(write(site, vevents), "", IcalFeed.FeedReport.class);
	}

	/** Writes the feed where the site's route reads it; the route's endpoint. */
	private String write(String site, String... vevents) throws Exception {
		String routeId = IcalFeedTemplate.ID + "." + site;
		if (camelContext.getRoute(routeId) == null) {
			camelContext.addRouteFromTemplate(routeId, IcalFeedTemplate.ID, site + ".", Map.of("siteId", site, "url",
					"feeds/hold-" + site + ".ics", "defaultCategory", "lecture", "horizonDays", "90"));
		}
		Path feed = sync.dropBase().resolve("feeds/hold-" + site + ".ics");
		Files.createDirectories(feed.getParent());
		Files.writeString(feed, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + String.join("", vevents)
				+ "END:VCALENDAR\r\n", StandardCharsets.UTF_8);
		return "direct:events-ical-" + site;
	}

	private boolean cancelled(String site, String uid) {
		return catalog.find(site, uid, "").orElseThrow().cancelled();
	}

	@Test
	void aFeedWhoseEventsBecameUnreadableIsHeldUntilTheSitesLibrarianConfirmsIt() throws Exception {
		String site = "baishi";
		assertThat(send(site, good("held-a", 0), good("held-b", 1), good("held-c", 2)).added()).isEqualTo(3);
		long b = catalog.find(site, "held-b", "").orElseThrow().id();
		var registration = registrations.register(readers.register(new ReaderRegistry.Registration("暂缓读者",
				LocalDate.of(1980, 1, 1), "adult", site, null, false, null, null, null)), b);

		IcalFeed.FeedReport broken = send(site, vevent("held-a", 0, "2026-13-45"), vevent("held-b", 1, "tomorrow"),
				vevent("held-c", 2, "20261301T060000Z"));

		assertThat(broken.read()).isZero();
		assertThat(broken.problems()).hasSize(3).allSatisfy(problem -> assertThat(problem).contains("DTSTART"));
		assertThat(broken.cancelled()).isZero();
		assertThat(broken.holdId()).isNotNull();
		assertThat(Arrays.asList(cancelled(site, "held-a"), cancelled(site, "held-b"), cancelled(site, "held-c")))
			.containsOnly(false);
		assertThat(registrations.view(registration.id()).status()).isNotEqualTo("cancelled");
		String holds = "/api/sites/" + site + "/calendar-holds";
		mvc.perform(get(holds).with(httpBasic("librarian", "demo-librarian")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(broken.holdId()))
			.andExpect(jsonPath("$[0].reason").value("NO_READABLE_EVENT"))
			.andExpect(jsonPath("$[0].state").value("OPEN"))
			.andExpect(jsonPath("$[0].eventIds.length()").value(3));
		mvc.perform(get(holds).with(httpBasic("reader", "demo-reader"))).andExpect(status().isForbidden());
		mvc.perform(post(holds + "/" + broken.holdId() + "/confirm").with(httpBasic("reader", "demo-reader")))
			.andExpect(status().isForbidden());

		mvc.perform(post(holds + "/" + broken.holdId() + "/confirm").with(httpBasic("librarian", "demo-librarian")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("CONFIRMED"))
			.andExpect(jsonPath("$.closedBy").value("librarian"));

		assertThat(Arrays.asList(cancelled(site, "held-a"), cancelled(site, "held-b"), cancelled(site, "held-c")))
			.containsOnly(true);
		assertThat(registrations.view(registration.id()).status()).isEqualTo("cancelled");
		mvc.perform(post(holds + "/" + broken.holdId() + "/confirm").with(httpBasic("librarian", "demo-librarian")))
			.andExpect(status().isConflict());
		mvc.perform(post(holds + "/999999/confirm").with(httpBasic("librarian", "demo-librarian")))
			.andExpect(status().isNotFound());
	}

	@Test
	void aFetchDroppingMostEventsIsHeldWhileItsNewEventsApplyAndTheNextGoodFetchSupersedesIt() throws Exception {
		String site = "baishi-" + DemoCountyAccess.firstVillageSlug("baishi");
		assertThat(send(site, good("drop-a", 0), good("drop-b", 1), good("drop-c", 2), good("drop-d", 3)).added())
			.isEqualTo(4);

		IcalFeed.FeedReport dropping = send(site, good("drop-a", 0), good("drop-e", 4));

		assertThat(dropping.added()).as("a new event still applies").isEqualTo(1);
		assertThat(dropping.cancelled()).isZero();
		assertThat(dropping.held()).isEqualTo(3);
		assertThat(cancelled(site, "drop-b")).isFalse();
		assertThat(cancelled(site, "drop-e")).isFalse();

		IcalFeed.FeedReport good = send(site, good("drop-a", 0), good("drop-b", 1), good("drop-c", 2), good("drop-e", 4));

		assertThat(good.holdId()).isNull();
		assertThat(good.cancelled()).as("one of five: under the share").isEqualTo(1);
		assertThat(cancelled(site, "drop-d")).isTrue();
		assertThat(cancelled(site, "drop-b")).isFalse();
		mvc.perform(get("/api/sites/" + site + "/calendar-holds").with(httpBasic("admin", "demo-admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(dropping.holdId()))
			.andExpect(jsonPath("$[0].reason").value("OVER_SHARE"))
			.andExpect(jsonPath("$[0].state").value("SUPERSEDED"));
	}

}
