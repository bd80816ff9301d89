package org.branchlink.gateway.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

import org.branchlink.gateway.calendar.WorkingCalendar;
import org.branchlink.site.GeoPoint;

/**
 * A bookmobile, culture truck or touring troupe as the planner sees it.
 *
 * @param id the unit's site id in the registry
 * @param name its display name
 * @param homeSite where it starts and ends each day
 * @param home that site's location
 * @param weekdays the days of the week it runs
 * @param dayStart when it leaves home
 * @param dayEnd when it is back home at the latest
 * @param stopMinutes how long it stays at each stop
 * @param speedKmh its average speed on the road
 */
public record MobileUnit(String id, String name, String homeSite, GeoPoint home, Set<DayOfWeek> weekdays,
		LocalTime dayStart, LocalTime dayEnd, int stopMinutes, double speedKmh) {

	public MobileUnit {
		weekdays = weekdays.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(weekdays);
		if (!dayEnd.isAfter(dayStart)) {
			throw new IllegalArgumentException(id + ": the day must end after it starts (" + dayStart + "-" + dayEnd + ")");
		}
		if (stopMinutes <= 0 || speedKmh <= 0) {
			throw new IllegalArgumentException(id + ": stop minutes and speed must be positive");
		}
	}

	public int dayMinutes() {
		return (int) Duration.between(dayStart, dayEnd).toMinutes();
	}

	/**
	 * Whether the unit runs on a day: never on a public holiday; on a make-up working day (调休) when it runs on any
	 * weekday, since its crew works that day; otherwise on its own weekdays.
	 */
	public boolean worksOn(LocalDate day, WorkingCalendar calendar) {
		if (calendar.isHoliday(day)) {
			return false;
		}
		if (calendar.isMakeUpWorkday(day)) {
			return weekdays.stream().anyMatch(d -> d.getValue() <= 5);
		}
		return weekdays.contains(day.getDayOfWeek());
	}

	/** The same unit with another home (a unit moved to a township station). */
	public MobileUnit withHome(String site, GeoPoint location) {
		return new MobileUnit(id, name, site, location, weekdays, dayStart, dayEnd, stopMinutes, speedKmh);
	}

}
