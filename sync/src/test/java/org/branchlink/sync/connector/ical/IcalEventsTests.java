package org.branchlink.sync.connector.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.branchlink.catalog.event.Audience;
import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventCategory;
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
		return java.time.LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
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
		assertThat(parsed.problems()).singleElement().asString().contains("VEVENT 5", "broken@culture-hall", "SUMMARY");
		assertThat(parsed.events()).hasSize(9);
	}

	@Test
	void textThatIsNotICalendarIsRefusedWithAReason() {
		assertThatThrownBy(() -> reader.read("<html>not a feed</html>", Instant.now(), Instant.now()))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("not an iCalendar feed");
	}

	@Test
	void realWorldFeedsAreReadOrTheirBadEventsNamed() throws IOException {
		Path shared = Path.of("..", "..", "shared", "data");
		assumeThat(shared).as("../shared/data beside the clone").isDirectory();
		int files = 0, readable = 0, events = 0, problems = 0;
		Instant from = ZonedDateTime.of(2000, 1, 1, 0, 0, 0, 0, SHANGHAI).toInstant();
		Instant to = ZonedDateTime.of(2030, 1, 1, 0, 0, 0, 0, SHANGHAI).toInstant();
		try (Stream<Path> paths = Stream.concat(Files.walk(shared.resolve("ical4j/samples/valid")),
				Files.walk(shared.resolve("icalnet")))) {
			for (Path path : paths.filter(p -> p.toString().endsWith(".ics")).sorted().toList()) {
				files++;
				String text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
				try {
					IcalEvents.Parsed parsed = reader.read(text, from, to);
					readable++;
					events += parsed.events().size();
					problems += parsed.problems().size();
					assertThat(parsed.events()).allSatisfy(e -> assertThat(e.ends()).isAfterOrEqualTo(e.starts()));
				}
				catch (IllegalArgumentException ex) {
					assertThat(ex.getMessage()).startsWith("not an iCalendar feed");
					System.out.println(path.getFileName() + ": " + ex.getMessage());
				}
			}
		}
		System.out.printf("real-world feeds: %d files, %d readable, %d events, %d unreadable VEVENTs%n", files, readable,
				events, problems);
		assertThat(files).isGreaterThan(150);
		assertThat((double) readable / files).isGreaterThan(0.9);
		assertThat(events).isGreaterThan(500);
	}

}
