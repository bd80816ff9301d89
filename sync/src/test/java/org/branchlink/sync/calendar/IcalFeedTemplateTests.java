package org.branchlink.sync.calendar;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.branchlink.catalog.event.EventCatalog;
import org.branchlink.sync.RouteTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A site's calendar feed through the route template ({@code events-ical.<site>}) and the sync routes' error handling:
 * a feed refused whole (over its bound) calls nothing off, and the refusal is recorded as the route's failure.
 */
class IcalFeedTemplateTests extends RouteTest {

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

	private static final LocalDate DAY = LocalDate.now().plusDays(10);

	@Autowired
	CamelContext camelContext;

	@Autowired
	ProducerTemplate camel;

	@Autowired
	EventCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	private static String good(String uid, int days) {
		String from = DAY.plusDays(days).atTime(6, 0).atOffset(ZoneOffset.UTC).format(UTC);
		return "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:" + from
				+ "\r\nDURATION:PT2H\r\nSUMMARY:讲座 " + uid + "\r\nX-BRANCHLINK-CAPACITY:40\r\nEND:VEVENT\r\n";
	}

	/** Writes the feed where the site's route reads it, the route made from the template on first use; its endpoint. */
	private String write(String site, String... vevents) throws Exception {
		String routeId = IcalFeedTemplate.ID + "." + site;
		if (camelContext.getRoute(routeId) == null) {
			camelContext.addRouteFromTemplate(routeId, IcalFeedTemplate.ID, site + ".", Map.of("siteId", site, "url",
					"feeds/hold-" + site + ".ics", "defaultCategory", "lecture", "horizonDays", "90"));
		}
		Path feed = DATA_DIR.resolve("feeds/hold-" + site + ".ics");
		Files.createDirectories(feed.getParent());
		Files.writeString(feed, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + String.join("", vevents)
				+ "END:VCALENDAR\r\n", StandardCharsets.UTF_8);
		return "direct:events-ical-" + site;
	}

	private boolean cancelled(String site, String uid) {
		return catalog.find(site, uid, "").orElseThrow().cancelled();
	}

	@Test
	void aFeedRefusedWholeCallsNothingOffAndIsRecordedAsAFailure() throws Exception {
		String site = "central-library";
		assertThat(camel.requestBody(write(site, good("flood-a", 0), good("flood-b", 1)), "", IcalFeed.FeedReport.class)
			.added()).isEqualTo(2);
		String[] flood = new String[30];
		for (int i = 0; i < flood.length; i++) {
			flood[i] = good("flood-" + i, 0).replace("END:VEVENT", "RRULE:FREQ=DAILY;BYHOUR=0,1,2,3,4,5,6,7,8,9\r\nEND:VEVENT");
		}

		camel.sendBody(write(site, flood), "");

		assertThat(cancelled(site, "flood-a")).isFalse();
		assertThat(catalog.find(site, "flood-0", "")).isEmpty();
		assertThat(jdbc.sql("select error from sync_failure where route_id = :route order by id desc limit 1")
			.param("route", IcalFeedTemplate.ID + "." + site)
			.query(String.class)
			.single()).startsWith("CalendarFeedRefused: ").contains("calendar-max-occurrences-per-feed");
	}

}
