package org.branchlink.gateway.sip2;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * SIP2's 18-character date: {@code YYYYMMDDZZZZHHMMSS}, where {@code ZZZZ} is the time zone: four spaces for the local
 * time (here, the county's), {@code "   Z"} or {@code " UTC"} for UTC.
 */
final class Sip2Date {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");

	/** Eighteen spaces: a date field left blank. */
	static final String BLANK = " ".repeat(18);

	private Sip2Date() {
	}

	/** The instant a date field names; empty when it is blank or unreadable. */
	static Optional<Instant> parse(String field, ZoneId local) {
		if (field == null || field.length() != 18 || field.isBlank()) {
			return Optional.empty();
		}
		String zone = field.substring(8, 12).strip();
		try {
			LocalDateTime at = LocalDateTime.of(LocalDate.parse(field.substring(0, 8), DAY),
					LocalTime.parse(field.substring(12), TIME));
			ZoneId in = zone.isEmpty() ? local : zone.equals("Z") || zone.equals("UTC") ? ZoneOffset.UTC : ZoneId.of(zone);
			return Optional.of(at.atZone(in).toInstant());
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

	/** The date field for an instant, in local time. */
	static String format(Instant at, ZoneId local) {
		LocalDateTime time = LocalDateTime.ofInstant(at, local);
		return DAY.format(time) + "    " + TIME.format(time);
	}

}
