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
 * @param visitsPerMonth visits each stop gets per month of a plan (k = months × this)
 * @param maxGapDays the longest gap allowed between two visits of a stop
 * @param publishDays how many days ahead planned stops are published as events
 * @param stopKinds the site kinds the units visit
 * @param unitDefaults a unit's working days, hours, stop length and speed unless set per unit
 * @param units settings per unit id, overriding the defaults field by field
 * @param planCron when the next period's plan is generated (Quartz cron; default the 20th of each month, 02:00)
 * @param periodMonths how many months each generated plan covers
 * @param searchIterations rounds of ruin and recreate when building the day runs
 */
@ConfigurationProperties("branchlink.schedule")
public record ScheduleProperties(@DefaultValue("1.3") double detourFactor, @DefaultValue("1") int visitsPerMonth,
		@DefaultValue("35") int maxGapDays, @DefaultValue("14") int publishDays,
		@DefaultValue({ "village_center", "community_center" }) List<String> stopKinds,
		@DefaultValue UnitSettings unitDefaults, Map<String, UnitSettings> units,
		@DefaultValue("0 0 2 20 * ?") String planCron, @DefaultValue("1") int periodMonths,
		@DefaultValue("100000") int searchIterations) {

	public ScheduleProperties {
		units = units == null ? Map.of() : Map.copyOf(units);
		if (detourFactor < 1) {
			throw new IllegalArgumentException("branchlink.schedule.detour-factor must be at least 1: " + detourFactor);
		}
	}

	/** A unit's working pattern; null fields take the defaults. */
	public record UnitSettings(@DefaultValue({ "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY" }) List<DayOfWeek> weekdays,
			@DefaultValue("08:30") LocalTime dayStart, @DefaultValue("17:00") LocalTime dayEnd,
			@DefaultValue("90") Integer stopMinutes, @DefaultValue("35") Double speedKmh) {
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
				own.speedKmh() == null ? unitDefaults.speedKmh() : own.speedKmh());
	}

}
