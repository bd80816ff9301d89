package org.branchlink.sync.calendar;

import java.util.List;

import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.WeekDay;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/**
 * How many candidates one period of a recurrence rule (one hour of an HOURLY rule, one year of a YEARLY one) can expand
 * to, from the rule alone and before ical4j enumerates anything: the product of the BY* parts that expand at that
 * frequency (RFC 5545 section 3.3.10's table), ignoring those that only limit. An upper bound: BYSETPOS and the
 * limiting parts can only lower the real number. {@code FREQ=HOURLY;BYMINUTE=0,…,59;BYSECOND=0,…,59} gives 3,600.
 */
final class RecurrenceBound {

	private RecurrenceBound() {
	}

	static long perPeriod(Recur<?> recur) {
		Frequency frequency = recur.getFrequency();
		long days = switch (frequency) {
			case WEEKLY -> Math.max(1, size(recur.getDayList()));
			case MONTHLY -> Math.min(31, monthDays(recur));
			case YEARLY -> Math.min(366, yearDays(recur));
			default -> 1;
		};
		long hours = coarserThan(frequency, Frequency.HOURLY) ? Math.max(1, size(recur.getHourList())) : 1;
		long minutes = coarserThan(frequency, Frequency.MINUTELY) ? Math.max(1, size(recur.getMinuteList())) : 1;
		long seconds = coarserThan(frequency, Frequency.SECONDLY) ? Math.max(1, size(recur.getSecondList())) : 1;
		return days * hours * minutes * seconds;
	}

	private static long monthDays(Recur<?> recur) {
		if (size(recur.getMonthDayList()) > 0) {
			return size(recur.getMonthDayList());
		}
		return Math.max(1, weekdays(recur.getDayList(), 5));
	}

	private static long yearDays(Recur<?> recur) {
		long months = size(recur.getMonthList()) > 0 ? size(recur.getMonthList()) : 12;
		if (size(recur.getYearDayList()) > 0) {
			return size(recur.getYearDayList());
		}
		if (size(recur.getWeekNoList()) > 0) {
			return size(recur.getWeekNoList()) * Math.max(1, Math.min(7, weekdays(recur.getDayList(), 1)));
		}
		if (size(recur.getMonthDayList()) > 0) {
			return size(recur.getMonthDayList()) * months;
		}
		if (size(recur.getDayList()) > 0) {
			return size(recur.getMonthList()) > 0 ? weekdays(recur.getDayList(), 5) * months
					: weekdays(recur.getDayList(), 53);
		}
		return size(recur.getMonthList()) > 0 ? months : 1;
	}

	/** BYDAY's days in a month or year: an ordinal day (2SU) once, a plain day (SU) up to {@code times}. */
	private static long weekdays(List<WeekDay> days, int times) {
		return days == null ? 0 : days.stream().mapToLong(day -> day.getOffset() != 0 ? 1 : times).sum();
	}

	private static boolean coarserThan(Frequency frequency, Frequency than) {
		return frequency.ordinal() > than.ordinal();
	}

	private static int size(List<?> list) {
		return list == null ? 0 : list.size();
	}

}
