package org.branchlink.sync.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.branchlink.catalog.event.Audience;
import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventCategory;
import org.branchlink.catalog.event.ServiceMode;
import org.junit.jupiter.api.Test;

/** The iCalendar reader on the project's culture-hall fixture and on real-world feeds from ../shared/data. */
class IcalEventsTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private final IcalEvents reader = new IcalEvents("culture-hall",
			location -> location.contains("白石镇综合文化站") ? Optional.of("baishi") : Optional.empty(),
			EventCategory.SERVICE, SHANGHAI);

	private static String fixture() throws IOException {
		try (InputStream in = IcalEventsTests.class.getResourceAsStream("/ical/culture-hall.ics")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static Instant at(String local) {
		return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
	}

	@Test
	void aWeeklyClassExpandsSkipsItsExceptionAndTakesItsOverride() throws IOException {
		IcalEvents.Parsed parsed = reader.read(fixture(), at("2026-11-30T00:00"), at("2027-03-01T00:00"));
		List<CulturalEvent> classes = parsed.events().stream()
			.filter(e -> e.uid().equals("calligraphy-weekly@culture-hall"))
			.toList();
		assertThat(classes).hasSize(7);
		assertThat(classes).extracting(CulturalEvent::starts).doesNotContain(at("2026-12-17T14:00"));
		CulturalEvent moved = classes.stream()
			.filter(e -> e.recurrence().equals(at("2026-12-10T14:00").toString()))
			.findFirst()
			.orElseThrow();
		assertThat(moved.starts()).isEqualTo(at("2026-12-10T15:00"));
		assertThat(moved.title()).contains("改到下午三点");
		CulturalEvent first = classes.stream().filter(e -> e.starts().equals(at("2026-12-03T14:00"))).findFirst().orElseThrow();
		assertThat(first.siteId()).isEqualTo("baishi");
		assertThat(first.category()).isEqualTo(EventCategory.TRAINING);
		assertThat(first.audience()).containsExactly(Audience.CHILDREN);
		assertThat(first.capacity()).isEqualTo(25);
		assertThat(first.ends()).isEqualTo(at("2026-12-03T16:00"));
	}

	@Test
	void sequencesFeesPlacesAllDayCancellationsAndUnreadableEventsAreKept() throws IOException {
		IcalEvents.Parsed parsed = reader.read(fixture(), at("2026-11-30T00:00"), at("2027-03-01T00:00"));
		CulturalEvent opera = parsed.events().stream().filter(e -> e.uid().startsWith("opera")).findFirst().orElseThrow();
		assertThat(opera.sequence()).isEqualTo(2);
		assertThat(opera.feeYuan()).isEqualByComparingTo("20");
		assertThat(opera.siteId()).as("unknown location: the feed's own site").isEqualTo("culture-hall");
		assertThat(opera.place()).isEqualTo("县文化馆小剧场");
		assertThat(opera.ends()).isEqualTo(opera.starts().plusSeconds(150 * 60));
		CulturalEvent fair = parsed.events().stream().filter(e -> e.uid().startsWith("new-year")).findFirst().orElseThrow();
		assertThat(fair.cancelled()).isTrue();
		assertThat(fair.starts()).isEqualTo(at("2027-01-01T00:00"));
		assertThat(parsed.problems()).containsExactly("VEVENT at line 57 (UID broken@culture-hall): no SUMMARY");
		assertThat(parsed.events()).hasSize(9);
	}

	/** RFC 7986 CONFERENCE: an http(s) address makes the event online (digital); a telephone line does not. */
	@Test
	void aConferenceOnTheWebMakesAnOnlineEvent() {
		String feed = """
				BEGIN:VCALENDAR\r
				VERSION:2.0\r
				PRODID:-//test//EN\r
				BEGIN:VEVENT\r
				UID:online@culture-hall\r
				DTSTAMP:20261101T000000Z\r
				DTSTART:20261210T120000Z\r
				DTEND:20261210T130000Z\r
				SUMMARY:线上讲座\r
				CONFERENCE;VALUE=URI;FEATURE=AUDIO:tel:+86-571-0000\r
				CONFERENCE;VALUE=URI;FEATURE=VIDEO:https://live.example.org/talk\r
				END:VEVENT\r
				BEGIN:VEVENT\r
				UID:hall@culture-hall\r
				DTSTAMP:20261101T000000Z\r
				DTSTART:20261211T120000Z\r
				DTEND:20261211T130000Z\r
				SUMMARY:馆内讲座\r
				CONFERENCE;VALUE=URI;FEATURE=AUDIO:tel:+86-571-0000\r
				END:VEVENT\r
				END:VCALENDAR\r
				""";
		IcalEvents.Parsed parsed = reader.read(feed, at("2026-11-30T00:00"), at("2027-03-01T00:00"));
		CulturalEvent online = parsed.events().stream().filter(e -> e.uid().startsWith("online")).findFirst().orElseThrow();
		assertThat(online.mode()).isEqualTo(ServiceMode.DIGITAL);
		assertThat(online.onlineUrl()).isEqualTo("https://live.example.org/talk");
		CulturalEvent hall = parsed.events().stream().filter(e -> e.uid().startsWith("hall")).findFirst().orElseThrow();
		assertThat(hall.mode()).isEqualTo(ServiceMode.VENUE);
		assertThat(hall.onlineUrl()).isNull();
	}

	@Test
	void textThatIsNotICalendarIsRefusedWithAReason() {
		assertThatThrownBy(() -> reader.read("<html>not a feed</html>", Instant.now(), Instant.now()))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("not an iCalendar feed");
	}

	/**
	 * Every real calendar file of ../shared/data (ical4j's, ical.js's and ical.net's test and sample files, Outlook and
	 * Google exports, malformed ones included) either yields its events or names its problems, each with a line, or
	 * is refused whole with a reason; none throws anything else. Before #22.1 eight files were refused whole for one
	 * bad value each.
	 */
	@Test
	void realWorldFeedsAreReadOrTheirBadComponentsNamed() throws IOException {
		Path shared = Path.of("..", "..", "shared", "data");
		assumeThat(shared).as("../shared/data beside the clone").isDirectory();
		int files = 0, withEvents = 0, events = 0, problems = 0;
		List<String> refused = new ArrayList<>();
		Instant from = ZonedDateTime.of(2000, 1, 1, 0, 0, 0, 0, SHANGHAI).toInstant();
		Instant to = ZonedDateTime.of(2030, 1, 1, 0, 0, 0, 0, SHANGHAI).toInstant();
		List<Path> paths;
		try (Stream<Path> walk = Stream.of("ical4j", "icaljs", "icalnet", "linkedevents-helsinki")
			.map(shared::resolve)
			.filter(Files::isDirectory)
			.flatMap(IcalEventsTests::walk)) {
			paths = walk.filter(p -> p.toString().endsWith(".ics")).sorted().toList();
		}
		for (Path path : paths) {
			files++;
			try {
				IcalEvents.Parsed parsed = reader.read(Files.readAllBytes(path), from, to);
				withEvents += parsed.events().isEmpty() ? 0 : 1;
				events += parsed.events().size();
				problems += parsed.problems().size();
				assertThat(parsed.problems()).allSatisfy(problem -> assertThat(problem).matches("(VEVENT|VTIMEZONE) at line [1-9].*"));
				assertThat(parsed.events()).allSatisfy(e -> assertThat(e.ends()).isAfterOrEqualTo(e.starts()));
			}
			catch (CalendarFeedRefused ex) {
				refused.add(path.getFileName() + ": " + ex.getMessage());
			}
		}
		System.out.printf("real-world feeds: %d files, %d with events, %d events, %d problems, %d refused whole %s%n",
				files, withEvents, events, problems, refused.size(), refused);
		assertThat(files).isGreaterThan(250);
		assertThat(refused).allSatisfy(reason -> assertThat(reason).containsAnyOf("no BEGIN:VCALENDAR",
				"calendar-max-occurrences-per-feed"));
		assertThat(refused.size()).isLessThan(files / 10);
		assertThat(events).isGreaterThan(500);
	}

	private static Stream<Path> walk(Path directory) {
		try {
			return Files.walk(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
