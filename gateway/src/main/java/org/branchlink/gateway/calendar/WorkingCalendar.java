package org.branchlink.gateway.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * China's working-day calendar: Monday to Friday, except the public holidays the State Council announces each year,
 * plus the make-up working days (调休) it moves onto weekends. Each year is configured separately; a year nobody
 * configured counts weekends only, and {@link #isConfigured(int)} lets callers warn about it.
 */
public final class WorkingCalendar {

	/** One year's announcement: the days off and the weekend days worked instead. */
	public record Year(Set<LocalDate> holidays, Set<LocalDate> makeUpWorkdays) {

		public Year {
			holidays = Set.copyOf(holidays);
			makeUpWorkdays = Set.copyOf(makeUpWorkdays);
		}

	}

	private final Map<Integer, Year> years;

	public WorkingCalendar(Map<Integer, Year> years) {
		this.years = new TreeMap<>(years);
	}

	public boolean isConfigured(int year) {
		return years.containsKey(year);
	}

	public boolean isHoliday(LocalDate day) {
		Year year = years.get(day.getYear());
		return year != null && year.holidays().contains(day);
	}

	public boolean isMakeUpWorkday(LocalDate day) {
		Year year = years.get(day.getYear());
		return year != null && year.makeUpWorkdays().contains(day);
	}

	public boolean isWorkingDay(LocalDate day) {
		if (isHoliday(day)) {
			return false;
		}
		return isMakeUpWorkday(day) || !isWeekend(day);
	}

	/**
	 * The day {@code days} working days after {@code start}: the deadline of something received on {@code start}
	 * (the day it arrived does not count).
	 */
	public LocalDate plusWorkingDays(LocalDate start, int days) {
		if (days < 0) {
			throw new IllegalArgumentException("days must not be negative: " + days);
		}
		LocalDate day = start;
		int left = days;
		while (left > 0) {
			day = day.plusDays(1);
			if (isWorkingDay(day)) {
				left--;
			}
		}
		return day;
	}

	/** Working days after {@code from} up to and including {@code to}; negative when {@code to} is before. */
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			return -workingDaysBetween(to, from);
		}
		int count = 0;
		for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
			if (isWorkingDay(day)) {
				count++;
			}
		}
		return count;
	}

	static boolean isWeekend(LocalDate day) {
		return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
	}

}
