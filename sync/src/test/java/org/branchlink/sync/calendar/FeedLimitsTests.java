package org.branchlink.sync.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import net.fortuna.ical4j.model.Recur;
import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventCategory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A feed cannot flood the county's calendar (#15.7): an event over its bound of occurrences is refused with the bound
 * named, counted from its rule before ical4j expands it; a feed over its bound or its time is refused whole.
 */
class FeedLimitsTests {

	private static final Instant FROM = Instant.parse("2026-11-30T00:00:00Z");

	private static final Instant TO = FROM.plus(Duration.ofDays(90));

	private static IcalEvents reader(FeedLimits limits) {
		return new IcalEvents("culture-hall", location -> Optional.empty(), EventCategory.SERVICE,
				ZoneId.of("Asia/Shanghai"), limits);
	}

	private static String feed(String... rules) {
		StringBuilder text = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n");
		for (int i = 0; i < rules.length; i++) {
			text.append("BEGIN:VEVENT\r\nUID:event-").append(i).append("\r\nDTSTART:20261201T020000Z\r\nSUMMARY:活动 ")
				.append(i).append("\r\n").append(rules[i].isEmpty() ? "" : "RRULE:" + rules[i] + "\r\n").append("END:VEVENT\r\n");
		}
		return text.append("END:VCALENDAR\r\n").toString();
	}

	@Test
	@Timeout(value = 10, unit = TimeUnit.SECONDS)
	void anHourlyRuleExpandedBySecondsIsRefusedBeforeItIsExpanded() {
		String everySecond = "FREQ=HOURLY;BYMINUTE=" + list(60) + ";BYSECOND=" + list(60);
		IcalEvents.Parsed parsed = reader(FeedLimits.DEFAULT).read(feed("FREQ=WEEKLY", everySecond), FROM, TO);

		assertThat(parsed.events()).extracting(CulturalEvent::uid).containsOnly("event-0").hasSize(13);
		assertThat(parsed.problems()).singleElement().asString()
			.startsWith("VEVENT at line 10 (UID event-1): one HOURLY period of its rule expands to 3600 occurrences")
			.contains("over the bound of 1000 per event", "branchlink.sync.calendar-max-occurrences-per-event");
	}

	@Test
	void aRuleWithMoreOccurrencesInTheHorizonThanTheBoundIsRefused() {
		IcalEvents.Parsed parsed = reader(FeedLimits.DEFAULT).read(feed("FREQ=HOURLY;BYMINUTE=0,30", ""), FROM, TO);

		assertThat(parsed.events()).extracting(CulturalEvent::uid).containsExactly("event-1");
		assertThat(parsed.problems()).singleElement().asString()
			.contains("UID event-0", "more than 1000 occurrences in the horizon");
	}

	@Test
	void rulesMoreOftenThanHourlyStayRefused() {
		IcalEvents.Parsed parsed = reader(FeedLimits.DEFAULT).read(feed("FREQ=MINUTELY;COUNT=5"), FROM, TO);

		assertThat(parsed.events()).isEmpty();
		assertThat(parsed.problems()).singleElement().asString().contains("recurs more often than hourly");
	}

	@Test
	void aFeedOverItsBoundIsRefusedWhole() {
		IcalEvents reader = reader(new FeedLimits(10, 15, Duration.ofSeconds(10)));

		assertThat(reader.read(feed("FREQ=DAILY;COUNT=10", "FREQ=DAILY;COUNT=5"), FROM, TO).events()).hasSize(15);
		assertThatThrownBy(() -> reader.read(feed("FREQ=DAILY;COUNT=10", "FREQ=DAILY;COUNT=6"), FROM, TO))
			.isInstanceOf(CalendarFeedRefused.class)
			.hasMessageContaining("more than 15 occurrences")
			.hasMessageContaining("branchlink.sync.calendar-max-occurrences-per-feed");
	}

	@Test
	void aFeedOverItsTimeIsRefusedWhole() {
		assertThatThrownBy(() -> reader(new FeedLimits(10, 15, Duration.ZERO)).read(feed("", ""), FROM, TO))
			.isInstanceOf(CalendarFeedRefused.class)
			.hasMessageContaining("time budget of 0 ms");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			FREQ=DAILY                                           | 1
			FREQ=DAILY;BYHOUR=9,14;BYMINUTE=0,30                 | 4
			FREQ=HOURLY;BYHOUR=9,10                              | 1
			FREQ=WEEKLY;BYDAY=MO,WE,FR;BYHOUR=9,19               | 6
			FREQ=MONTHLY;BYDAY=SA,SU                             | 10
			FREQ=MONTHLY;BYDAY=2SU;BYMONTHDAY=8,9,10,11,12,13,14 | 7
			FREQ=YEARLY;BYMONTH=1,7;BYDAY=1MO                    | 2
			FREQ=YEARLY;BYYEARDAY=1,100,200                      | 3
			FREQ=YEARLY;BYDAY=MO                                 | 53
			FREQ=YEARLY;BYMONTH=1;BYHOUR=0,1,2,3;BYMINUTE=0,1,2,3,4,5,6,7,8,9;BYSECOND=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29 | 1200
			""")
	void onePeriodOfARuleIsBoundedByItsExpandingParts(String rule, long bound) {
		assertThat(RecurrenceBound.perPeriod(new Recur<>(rule))).isEqualTo(bound);
	}

	private static String list(int n) {
		StringBuilder values = new StringBuilder("0");
		for (int i = 1; i < n; i++) {
			values.append(',').append(i);
		}
		return values.toString();
	}

}
