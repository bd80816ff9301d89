package org.branchlink.site;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hours a site is open in an ordinary week, from its OpenStreetMap {@code opening_hours} in the forms a county
 * writes: rules separated by {@code ;}, each weekdays ({@code Mo}, {@code Mo-Fr}, {@code Sa,Su}) and times
 * ({@code 08:30-12:00,14:00-17:30} or {@code off}; times alone mean every day), or {@code 24/7}. As in OpenStreetMap, a later rule replaces an
 * earlier one for the days it names; public holidays ({@code PH}) are not part of an ordinary week. Anything else
 * (months, weeks, comments) is not guessed at: the hours are then unknown.
 */
public final class OpeningHours {

	private static final String DAYS = "MoTuWeThFrSaSu";

	private static final Pattern DAY_PART = Pattern.compile("(Mo|Tu|We|Th|Fr|Sa|Su|PH)(?:-(Mo|Tu|We|Th|Fr|Sa|Su))?");

	private static final Pattern TIME = Pattern.compile("([0-2]\\d:[0-5]\\d)-([0-2]\\d:[0-5]\\d)");

	private OpeningHours() {
	}

	/** Hours open in an ordinary week; empty when the text is blank or in a form this does not read. */
	public static OptionalDouble weeklyHours(String openingHours) {
		if (openingHours == null || openingHours.isBlank()) {
			return OptionalDouble.empty();
		}
		String written = openingHours.strip();
		if ("24/7".equals(written)) {
			return OptionalDouble.of(168);
		}
		long[] minutes = new long[7];
		for (String rule : written.split(";")) {
			if (!rule.isBlank() && !apply(rule.strip(), minutes)) {
				return OptionalDouble.empty();
			}
		}
		long total = 0;
		for (long day : minutes) {
			total += day;
		}
		return OptionalDouble.of(total / 60.0);
	}

	/** Applies one rule to the week's minutes per day; false when it cannot be read. */
	private static boolean apply(String rule, long[] minutes) {
		if ("24/7".equals(rule)) {
			Arrays.fill(minutes, 24 * 60);
			return true;
		}
		int space = rule.indexOf(' ');
		String days = space < 0 ? rule : rule.substring(0, space);
		String times = space < 0 ? "" : rule.substring(space + 1).strip();
		if (!days.isEmpty() && Character.isDigit(days.charAt(0))) {
			// times without days: every day
			days = "Mo-Su";
			times = rule;
		}
		boolean[] named = new boolean[7];
		for (String part : days.split(",")) {
			Matcher day = DAY_PART.matcher(part);
			if (!day.matches()) {
				return false;
			}
			if ("PH".equals(day.group(1))) {
				continue;
			}
			int first = DAYS.indexOf(day.group(1)) / 2;
			int last = day.group(2) == null ? first : DAYS.indexOf(day.group(2)) / 2;
			for (int n = 0; n <= Math.floorMod(last - first, 7); n++) {
				named[(first + n) % 7] = true;
			}
		}
		long open = 0;
		if (!times.isEmpty() && !"off".equals(times) && !"closed".equals(times)) {
			for (String span : times.split(",")) {
				Matcher time = TIME.matcher(span.strip());
				if (!time.matches()) {
					return false;
				}
				try {
					LocalTime from = LocalTime.parse(time.group(1));
					LocalTime to = "24:00".equals(time.group(2)) ? LocalTime.MAX : LocalTime.parse(time.group(2));
					long length = Duration.between(from, to).toMinutes() + ("24:00".equals(time.group(2)) ? 1 : 0);
					open += length < 0 ? length + 24 * 60 : length;
				}
				catch (DateTimeParseException ex) {
					return false;
				}
			}
		}
		else if (times.isEmpty()) {
			// days alone: open all day, as OpenStreetMap reads it
			open = 24 * 60;
		}
		for (int d = 0; d < 7; d++) {
			if (named[d]) {
				minutes[d] = open;
			}
		}
		return true;
	}

}
