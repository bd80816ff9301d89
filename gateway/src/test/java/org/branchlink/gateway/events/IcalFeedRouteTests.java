package org.branchlink.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.camel.ProducerTemplate;
import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventCatalog;
import org.branchlink.catalog.event.EventImages;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.site.SiteProperties;
import org.branchlink.sync.calendar.CalendarHolds;
import org.branchlink.sync.calendar.IcalFeed;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * The culture hall's calendar feed through its Camel route ({@code events-ical.culture-hall}, as the demo registry
 * configures it): a new feed is published, a later revision updates, a dropped event and a STATUS:CANCELLED one are
 * called off and their registrations cancelled; sending the same feed again changes nothing; an image attached by URL
 * is ignored (never fetched).
 */
class IcalFeedRouteTests extends IntegrationTest {

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
	CalendarHolds holds;

	/** An iCalendar poster by URL: ignored, remote images are never fetched. */
	private static final String POSTER_URL = "ATTACH;FMTTYPE=image/jpeg:https://example.invalid/poster.jpg\r\n";

	@Autowired
	EventImages images;

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

	private static String vevent(String uid, int sequence, LocalDate day, String title, String extra) {
		String start = day.atTime(6, 0).atOffset(ZoneOffset.UTC).format(UTC);
		String end = day.atTime(8, 0).atOffset(ZoneOffset.UTC).format(UTC);
		return "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20261101T000000Z\r\nSEQUENCE:" + sequence + "\r\nDTSTART:"
				+ start + "\r\nDTEND:" + end + "\r\nSUMMARY:" + title + "\r\nCATEGORIES:讲座\r\nLOCATION:白石镇综合文化站\r\n"
				+ "X-BRANCHLINK-CAPACITY:40\r\n" + extra + "END:VEVENT\r\n";
	}

	private IcalFeed.FeedReport send(String... vevents) throws Exception {
		Path feed = sync.dropBase().resolve("feeds/culture-hall.ics");
		Files.createDirectories(feed.getParent());
		Files.writeString(feed, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + String.join("", vevents)
				+ "END:VCALENDAR\r\n", StandardCharsets.UTF_8);
		return camel.requestBody("direct:events-ical-culture-hall", "", IcalFeed.FeedReport.class);
	}

	@Test
	void aFeedRevisionUpdatesAndDroppedOrCancelledEventsAreCalledOff() throws Exception {
		LocalDate day = LocalDate.now().plusDays(12);
		IcalFeed.FeedReport first = send(vevent("feed-a", 0, day, "古村落讲座", POSTER_URL),
				vevent("feed-b", 0, day.plusDays(1), "茶文化讲座", ""),
				vevent("feed-c", 0, day.plusDays(2), "诗词讲座", ""),
				vevent("feed-weekly", 0, day, "周末读书会", "RRULE:FREQ=WEEKLY;COUNT=4\r\n"));
		assertThat(first.added()).isEqualTo(7);
		// it replaces the demo's whole programme, which is more than half of the coming events: held (#22.2); confirmed
		assertThat(first.holdId()).isNotNull();
		assertThat(holds.confirm("culture-hall", first.holdId(), "test")).isPresent();
		assertThat(images.find(catalog.find("culture-hall", "feed-a", "").orElseThrow().id()))
			.as("a feed's image URL is never fetched").isEmpty();
		CulturalEvent b = catalog.find("culture-hall", "feed-b", "").orElseThrow();
		assertThat(b.siteId()).isEqualTo("baishi");
		var registration = registrations.register(readers.register(new ReaderRegistry.Registration("订阅读者",
				LocalDate.of(1970, 1, 1), "adult", "baishi", null, false, null, null, null)), b.id());

		IcalFeed.FeedReport again = send(vevent("feed-a", 0, day, "古村落讲座", POSTER_URL),
				vevent("feed-b", 0, day.plusDays(1), "茶文化讲座", ""),
				vevent("feed-c", 0, day.plusDays(2), "诗词讲座", ""),
				vevent("feed-weekly", 0, day, "周末读书会", "RRULE:FREQ=WEEKLY;COUNT=4\r\n"));
		assertThat(again.unchanged()).isEqualTo(7);
		assertThat(again.added() + again.updated() + again.cancelled()).isZero();

		IcalFeed.FeedReport second = send(vevent("feed-a", 1, day, "古村落讲座（改期到晚上）", ""),
				vevent("feed-c", 1, day.plusDays(2), "诗词讲座", "STATUS:CANCELLED\r\n"),
				vevent("feed-weekly", 0, day, "周末读书会", "RRULE:FREQ=WEEKLY;COUNT=4\r\n"));
		assertThat(second.updated()).isEqualTo(2);
		assertThat(second.cancelled()).isEqualTo(2);
		assertThat(catalog.find("culture-hall", "feed-a", "").orElseThrow().title()).contains("改期");
		assertThat(catalog.find("culture-hall", "feed-b", "").orElseThrow().cancelled()).as("dropped from the feed").isTrue();
		assertThat(catalog.find("culture-hall", "feed-c", "").orElseThrow().cancelled()).isTrue();
		assertThat(registrations.view(registration.id()).status()).isEqualTo("cancelled");

		IcalFeed.FeedReport stale = send(vevent("feed-a", 0, day, "古村落讲座", ""),
				vevent("feed-weekly", 0, day, "周末读书会", "RRULE:FREQ=WEEKLY;COUNT=4\r\n"));
		assertThat(stale.stale()).isEqualTo(1);
		assertThat(catalog.find("culture-hall", "feed-a", "").orElseThrow().title()).contains("改期");
		List<CulturalEvent> weekly = catalog.between("baishi", day.atStartOfDay(ZoneOffset.UTC).toInstant(),
				day.plusDays(30).atStartOfDay(ZoneOffset.UTC).toInstant()).stream()
			.filter(e -> e.uid().equals("feed-weekly"))
			.toList();
		assertThat(weekly).hasSize(4);
	}

}
