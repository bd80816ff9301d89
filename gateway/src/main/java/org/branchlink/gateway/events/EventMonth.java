package org.branchlink.gateway.events;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventCatalog;
import org.branchlink.catalog.event.EventCategory;

import org.springframework.stereotype.Component;

/**
 * The events of one month as a calendar: weeks from Monday to Sunday, each day with the events that start on it in the
 * county's time, cancelled ones and mobile stops left out (the stops have their own tab); narrowed to categories when
 * the reader chose some.
 */
@Component
class EventMonth {

	private final EventCatalog catalog;

	EventMonth(EventCatalog catalog) {
		this.catalog = catalog;
	}

	/**
	 * The month a parameter names ({@code 2026-12}), or the current one when it names none.
	 * @throws IllegalArgumentException for a month that is not {@code yyyy-MM}
	 */
	static YearMonth parse(String month, LocalDate today) {
		if (month == null || month.isBlank()) {
			return YearMonth.from(today);
		}
		try {
			return YearMonth.parse(month.strip());
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("month must be yyyy-MM, got '" + month + "'");
		}
	}

	/** The month's weeks, each of seven days. */
	List<List<Day>> weeks(YearMonth month, ZoneId zone, List<String> categories) {
		LocalDate first = month.atDay(1);
		LocalDate start = first.minusDays(first.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue());
		LocalDate last = month.atEndOfMonth();
		LocalDate end = last.plusDays(DayOfWeek.SUNDAY.getValue() - last.getDayOfWeek().getValue());
		Set<String> chosen = Set.copyOf(categories);
		Map<LocalDate, List<CulturalEvent>> byDay = new LinkedHashMap<>();
		for (CulturalEvent event : catalog.between(null, start.atStartOfDay(zone).toInstant(),
				end.plusDays(1).atStartOfDay(zone).toInstant())) {
			if (event.kind() == CulturalEvent.Kind.EVENT
					&& (chosen.isEmpty() || chosen.contains(event.category().code()))) {
				byDay.computeIfAbsent(event.starts().atZone(zone).toLocalDate(), day -> new ArrayList<>()).add(event);
			}
		}
		List<List<Day>> weeks = new ArrayList<>();
		for (LocalDate monday = start; !monday.isAfter(end); monday = monday.plusWeeks(1)) {
			List<Day> week = new ArrayList<>();
			for (int i = 0; i < 7; i++) {
				LocalDate date = monday.plusDays(i);
				week.add(new Day(date, YearMonth.from(date).equals(month), byDay.getOrDefault(date, List.of())));
			}
			weeks.add(week);
		}
		return weeks;
	}

	/**
	 * A day of the calendar.
	 *
	 * @param date the day
	 * @param inMonth whether it is in the month shown (else it fills the first or last week)
	 * @param events the events starting that day, in start order
	 */
	record Day(LocalDate date, boolean inMonth, List<CulturalEvent> events) {
	}

	/** Whether a category code is one of the event categories (a calendar narrowed by an unknown one is refused). */
	static void requireKnown(List<String> categories) {
		for (String category : categories) {
			EventCategory.parse(category).orElseThrow(() -> new IllegalArgumentException("unknown category '" + category + "'"));
		}
	}

}
