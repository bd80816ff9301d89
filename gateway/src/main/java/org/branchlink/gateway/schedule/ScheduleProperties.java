package org.branchlink.gateway.schedule;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mobile-service scheduling ({@code branchlink.schedule.*}).
 *
 * @param detourFactor road kilometres per kilometre as the crow flies
 * @param visitsPerMonth visits each stop gets from the bookmobiles per month of a plan (k = months × this)
 * @param maxGapDays the longest gap allowed between two visits of a stop
 * @param publishDays how many days ahead planned stops are published as events
 * @param stopKinds the site kinds the units visit
 * @param unitDefaults a unit's working days, hours, stop length and speed unless set per unit
 * @param units settings per unit id, overriding the defaults field by field
 * @param planCron when the next period's plan is generated (Quartz cron; default the 20th of each month, 02:00)
 * @param periodMonths how many months each generated plan covers
 * @param searchIterations rounds of ruin and recreate when building the day runs
 * @param services each service's frequency and priority weight, overriding {@link #serviceSettings}'s defaults
 * @param priorityStops stops served with the priority weight besides those serving a village the population list marks
 *        remote or poor (seed 001: 深入偏远乡镇、贫困村)
 */
@ConfigurationProperties("branchlink.schedule")
public record ScheduleProperties(@DefaultValue("1.3") double detourFactor, @DefaultValue("1") int visitsPerMonth,
		@DefaultValue("35") int maxGapDays, @DefaultValue("14") int publishDays,
		@DefaultValue({ "village_center", "community_center" }) List<String> stopKinds,
		@DefaultValue UnitSettings unitDefaults, Map<String, UnitSettings> units,
		@DefaultValue("0 0 2 20 * ?") String planCron, @DefaultValue("1") int periodMonths,
		@DefaultValue("100000") int searchIterations, Map<MobileService, ServiceSettings> services,
		List<String> priorityStops) {

	public ScheduleProperties {
		units = units == null ? Map.of() : Map.copyOf(units);
		services = services == null ? Map.of() : Map.copyOf(services);
		priorityStops = priorityStops == null ? List.of() : List.copyOf(priorityStops);
		services.forEach((service, settings) -> {
			if (settings.visitsPerYear() != null && settings.visitsPerYear() < 0
					|| settings.priorityWeight() != null && settings.priorityWeight() < 1) {
				throw new IllegalArgumentException("branchlink.schedule.services." + service.code()
						+ ": visits-per-year must not be negative and priority-weight must be at least 1");
			}
		});
		if (detourFactor < 1) {
			throw new IllegalArgumentException("branchlink.schedule.detour-factor must be at least 1: " + detourFactor);
		}
	}

	/**
	 * A unit's working pattern; null fields take the defaults. {@code service}: what it brings (books, performance,
	 * film); unset, a touring troupe performs and every other unit carries books.
	 */
	public record UnitSettings(@DefaultValue({ "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY" }) List<DayOfWeek> weekdays,
			@DefaultValue("08:30") LocalTime dayStart, @DefaultValue("17:00") LocalTime dayEnd,
			@DefaultValue("90") Integer stopMinutes, @DefaultValue("35") Double speedKmh, MobileService service) {
	}

	/**
	 * How often a service comes to each stop: {@code visitsPerYear} (a plan of m months gives a stop visitsPerYear × m
	 * / 12 visits; below one, the stops take turns, a share of them in each period) and {@code priorityWeight}, the
	 * factor on that frequency for a priority stop (a remote or poor village's centre). Null fields take the service's
	 * defaults: books 12 × visits-per-month a year and weight 2, performances 2 a year and weight 2, film screenings 12
	 * a year (一村一月放映一场) and weight 1.
	 */
	public record ServiceSettings(Integer visitsPerYear, Integer priorityWeight) {
	}

	/** A service's frequency and weight, its own settings over the defaults. */
	ServiceSettings serviceSettings(MobileService service) {
		ServiceSettings defaults = switch (service) {
			case BOOKS -> new ServiceSettings(12 * visitsPerMonth, 2);
			case PERFORMANCE -> new ServiceSettings(2, 2);
			case FILM -> new ServiceSettings(12, 1);
		};
		ServiceSettings own = services.get(service);
		if (own == null) {
			return defaults;
		}
		return new ServiceSettings(own.visitsPerYear() == null ? defaults.visitsPerYear() : own.visitsPerYear(),
				own.priorityWeight() == null ? defaults.priorityWeight() : own.priorityWeight());
	}

	/** The settings of a unit: its own where given, the defaults elsewhere. */
	UnitSettings settingsOf(String unitId) {
		UnitSettings own = units.get(unitId);
		if (own == null) {
			return unitDefaults;
		}
		return new UnitSettings(own.weekdays() == null || own.weekdays().isEmpty() ? unitDefaults.weekdays() : own.weekdays(),
				own.dayStart() == null ? unitDefaults.dayStart() : own.dayStart(),
				own.dayEnd() == null ? unitDefaults.dayEnd() : own.dayEnd(),
				own.stopMinutes() == null ? unitDefaults.stopMinutes() : own.stopMinutes(),
				own.speedKmh() == null ? unitDefaults.speedKmh() : own.speedKmh(), own.service());
	}

}
