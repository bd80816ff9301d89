package org.branchlink.sync.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import net.fortuna.ical4j.model.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Feeds that mix valid events with one malformed component: the valid events still come through, the bad one is
 * reported with the line it starts at, the line of the bad value where ical4j names it, and the reason. Before
 * #22.1 ical4j refused such a file whole and every event in it was lost.
 */
class FeedCalendarTests {

	private static final String HEADER = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n";

	/** Six lines: BEGIN, UID, DTSTAMP, DTSTART, SUMMARY, END; the extra lines go before END. */
	private static String vevent(String uid, String extra) {
		return "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20261201T100000Z\r\nSUMMARY:讲座 "
				+ uid + "\r\n" + extra + "END:VEVENT\r\n";
	}

	/** Lines 1-3 header, 4-9 good-1, the bad one from line 10 (its extra line is line 15), then good-2. */
	private static byte[] feed(byte[] bad) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes((HEADER + vevent("good-1", "")).getBytes(StandardCharsets.UTF_8));
		out.writeBytes(bad);
		out.writeBytes((vevent("good-2", "") + "END:VCALENDAR\r\n").getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

	private static FeedCalendar read(byte[] feed) {
		return FeedCalendar.read(feed, new FeedBudget(FeedLimits.DEFAULT));
	}

	private static List<String> uids(FeedCalendar calendar) {
		return calendar.vevents().stream().map(found -> found.vevent().getProperty(Property.UID).orElseThrow().getValue()).toList();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			DTEND:2026120T110000Z                       | line 15, DTEND: Text '2026120T110000Z' could not be parsed
			DTEND;VALUE=DATE:20261341                   | line 15, DTEND: Text '20261341' could not be parsed
			DURATION:PT1X                               | line 15, DURATION: Text cannot be parsed to a Duration
			RRULE:FREQ=WEEKLY;BYDAY=XX                  | line 15, RRULE: No enum constant
			RRULE:FREQ=WEEKLY;COUNT=many                | line 15, RRULE: For input string: "many"
			RRULE:FREQ=SOMETIMES                        | line 15, RRULE: No enum constant
			BEGIN:VALARM                                | BEGIN:VALARM has no END:VALARM before line 16
			END:VALARM                                  | END:VALARM at line 15 has no BEGIN:VALARM
			""")
	void aMalformedValueLosesOnlyItsOwnEvent(String badLine, String reason) {
		FeedCalendar calendar = read(feed(vevent("bad", badLine + "\r\n").getBytes(StandardCharsets.UTF_8)));

		assertThat(uids(calendar)).containsExactly("good-1", "good-2");
		assertThat(calendar.problems()).singleElement().asString()
			.startsWith("VEVENT at line 10 (UID bad): ")
			.contains(reason);
	}

	@Test
	void theLineOfABadValueCountsFoldedLines() {
		FeedCalendar calendar = read(feed(vevent("bad", "DESCRIPTION:一段很长的\r\n  说明\r\nDTEND:2026-12-01\r\n")
			.getBytes(StandardCharsets.UTF_8)));

		assertThat(uids(calendar)).containsExactly("good-1", "good-2");
		assertThat(calendar.problems()).singleElement().asString().contains("line 17, DTEND: ");
	}

	@Test
	void anEventWithoutItsEndIsReportedAndTheNextOneStillRead() {
		String open = "BEGIN:VEVENT\r\nUID:open\r\nDTSTART:20261201T100000Z\r\nSUMMARY:没有结束\r\n";
		FeedCalendar calendar = read(feed(open.getBytes(StandardCharsets.UTF_8)));

		assertThat(uids(calendar)).containsExactly("good-1", "good-2");
		assertThat(calendar.problems()).containsExactly(
				"VEVENT at line 10 (UID open): BEGIN:VEVENT at line 10 has no END:VEVENT");
	}

	@Test
	void bytesThatAreNotUtf8LoseTheirEventWithTheLine() {
		byte[] latin1 = vevent("latin-1", "DESCRIPTION:Café littéraire\r\n").getBytes(Charset.forName("ISO-8859-1"));
		FeedCalendar calendar = read(feed(latin1));

		assertThat(uids(calendar)).containsExactly("good-1", "good-2");
		assertThat(calendar.problems()).containsExactly(
				"VEVENT at line 10 (UID latin-1): line 15 has bytes that are not UTF-8 (iCalendar feeds are UTF-8)");
	}

	@Test
	void componentsThePlatformDoesNotUseAreSkippedEvenWhenBroken() {
		String todo = "BEGIN:VTODO\r\nUID:todo\r\nDUE:2026x\r\nEND:VTODO\r\nBEGIN:VJOURNAL\r\nUID:j\r\nDTSTART:1\r\nEND:VJOURNAL\r\n";
		FeedCalendar calendar = read(feed(todo.getBytes(StandardCharsets.UTF_8)));

		assertThat(uids(calendar)).containsExactly("good-1", "good-2");
		assertThat(calendar.problems()).isEmpty();
	}

	@Test
	void aBrokenTimeZoneIsReportedAndItsEventsReadInTheZoneOfThatName() {
		String zone = "BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
				+ "RDATE;VALUE=PERIOD:19700101T000000/19700102T000000\r\nTZOFFSETFROM:+0800\r\nTZOFFSETTO:+0800\r\n"
				+ "END:STANDARD\r\nEND:VTIMEZONE\r\n";
		String zoned = "BEGIN:VEVENT\r\nUID:zoned\r\nDTSTART;TZID=Asia/Shanghai:20261201T100000\r\nSUMMARY:s\r\nEND:VEVENT\r\n";
		FeedCalendar calendar = read(feed((zone + zoned).getBytes(StandardCharsets.UTF_8)));

		assertThat(uids(calendar)).containsExactly("good-1", "zoned", "good-2");
		assertThat(calendar.problems()).singleElement().asString().startsWith("VTIMEZONE at line 10 (TZID Asia/Shanghai): ");
	}

	@ParameterizedTest
	@ValueSource(strings = { "utf-8 bom", "lone cr", "lf", "nul", "blank lines" })
	void byteOrderMarksLineEndsNulsAndBlankLinesDoNotCostAnEvent(String quirk) {
		String text = HEADER + vevent("good-1", "DESCRIPTION:第一\r\n") + vevent("good-2", "") + "END:VCALENDAR\r\n";
		byte[] bytes = switch (quirk) {
			case "utf-8 bom" -> ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
			case "lone cr" -> text.replace("\r\n", "\r").getBytes(StandardCharsets.UTF_8);
			case "lf" -> text.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
			case "nul" -> text.replace("第一", "第\0一").getBytes(StandardCharsets.UTF_8);
			default -> text.replace("END:VEVENT\r\n", "END:VEVENT\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		};
		FeedCalendar calendar = read(bytes);

		assertThat(uids(calendar)).containsExactly("good-1", "good-2");
		assertThat(calendar.problems()).isEmpty();
		assertThat(calendar.vevents().get(0).vevent().getProperty(Property.DESCRIPTION).orElseThrow().getValue())
			.isEqualTo("第一");
	}

	@Test
	void aUtf16FileWithItsByteOrderMarkIsRead() {
		String text = HEADER + vevent("good-1", "") + "END:VCALENDAR\r\n";
		FeedCalendar calendar = read(("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE));

		assertThat(uids(calendar)).containsExactly("good-1");
	}

}
