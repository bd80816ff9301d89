package org.branchlink.gateway.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;

/**
 * OpenStreetMap {@code opening_hours} in words for the common forms a county writes: rules separated by {@code ;},
 * each days ({@code Mo}, {@code Mo-Fr}, {@code Mo,We}, {@code PH}) and times ({@code 08:30-12:00,14:00-17:30} or
 * {@code off}), or {@code 24/7}. Anything else (months, weeks, comments) is shown as written rather than guessed at.
 */
final class OpeningHoursText {

	private static final Pattern DAY_PART = Pattern.compile("(Mo|Tu|We|Th|Fr|Sa|Su|PH)(?:-(Mo|Tu|We|Th|Fr|Sa|Su))?");

	private static final Pattern TIME = Pattern.compile("([0-2]\\d:[0-5]\\d)-([0-2]\\d:[0-5]\\d)");

	private final MessageSource messages;

	OpeningHoursText(MessageSource messages) {
		this.messages = messages;
	}

	String describe(String openingHours, Locale locale) {
		if (openingHours == null || openingHours.isBlank()) {
			return "";
		}
		String written = openingHours.strip();
		if ("24/7".equals(written)) {
			return text("hours.always", locale);
		}
		List<String> rules = new ArrayList<>();
		for (String rule : written.split(";")) {
			String described = rule(rule.strip(), locale);
			if (described == null) {
				return written;
			}
			if (!described.isEmpty()) {
				rules.add(described);
			}
		}
		return String.join(text("hours.separator", locale), rules);
	}

	private String rule(String rule, Locale locale) {
		if (rule.isEmpty()) {
			return "";
		}
		int space = rule.indexOf(' ');
		String days = space < 0 ? rule : rule.substring(0, space);
		String times = space < 0 ? "" : rule.substring(space + 1).strip();
		List<String> dayWords = new ArrayList<>();
		for (String part : days.split(",")) {
			Matcher day = DAY_PART.matcher(part);
			if (!day.matches()) {
				return null;
			}
			String first = text("hours.day." + day.group(1), locale);
			dayWords.add(day.group(2) == null ? first
					: text("hours.range", locale, first, text("hours.day." + day.group(2), locale)));
		}
		String when = String.join(text("hours.and", locale), dayWords);
		if (times.isEmpty()) {
			return when;
		}
		if ("off".equals(times) || "closed".equals(times)) {
			return when + " " + text("hours.closed", locale);
		}
		List<String> spans = new ArrayList<>();
		for (String span : times.split(",")) {
			Matcher time = TIME.matcher(span.strip());
			if (!time.matches()) {
				return null;
			}
			spans.add(time.group(1) + "–" + time.group(2));
		}
		return when + " " + String.join(text("hours.and", locale), spans);
	}

	private String text(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}

}
