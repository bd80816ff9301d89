package org.branchlink.gateway.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The working-day calendar ({@code branchlink.calendar.years.<year>.*}): per year the public holidays and the make-up
 * working days, each as a day ({@code 2026-10-10}) or a range ({@code 2026-10-01..2026-10-07}). The defaults carry
 * the State Council's announcements for 2025 and 2026; add a year when it is announced (each November).
 */
@ConfigurationProperties("branchlink.calendar")
public record CalendarProperties(@DefaultValue Map<Integer, YearDays> years) {

	/** A year's public holidays and the weekend days worked instead. */
	public record YearDays(@DefaultValue List<String> holidays, @DefaultValue List<String> workdays) {
	}

	public WorkingCalendar calendar() {
		Map<Integer, WorkingCalendar.Year> parsed = new HashMap<>();
		years.forEach((year, days) -> {
			Set<LocalDate> holidays = expand(year, days.holidays(), "holidays");
			Set<LocalDate> workdays = expand(year, days.workdays(), "workdays");
			for (LocalDate day : workdays) {
				if (holidays.contains(day)) {
					throw new IllegalArgumentException("branchlink.calendar.years." + year + ": " + day
							+ " is both a holiday and a make-up working day");
				}
				if (!WorkingCalendar.isWeekend(day)) {
					throw new IllegalArgumentException("branchlink.calendar.years." + year + ".workdays: " + day
							+ " is a " + day.getDayOfWeek() + ", already a working day; make-up days fall on weekends");
				}
			}
			parsed.put(year, new WorkingCalendar.Year(holidays, workdays));
		});
		return new WorkingCalendar(parsed);
	}

	private static Set<LocalDate> expand(int year, List<String> entries, String what) {
		Set<LocalDate> days = new LinkedHashSet<>();
		for (String entry : entries) {
			String where = "branchlink.calendar.years." + year + "." + what + ": '" + entry + "'";
			List<LocalDate> range = new ArrayList<>();
			try {
				String[] ends = entry.trim().split("\\.\\.");
				LocalDate first = LocalDate.parse(ends[0].trim());
				LocalDate last = ends.length > 1 ? LocalDate.parse(ends[1].trim()) : first;
				if (ends.length > 2 || last.isBefore(first)) {
					throw new IllegalArgumentException(where + " is not a day or a range first..last");
				}
				for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
					range.add(day);
				}
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException(where + " is not a date (yyyy-mm-dd)", ex);
			}
			for (LocalDate day : range) {
				if (day.getYear() != year) {
					throw new IllegalArgumentException(where + " lies outside " + year);
				}
			}
			days.addAll(range);
		}
		return days;
	}

}
