package org.branchlink.gateway.schedule;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;

import org.branchlink.site.Site;
import org.branchlink.site.SiteLevel;
import org.branchlink.site.SiteRegistry;

/** The units and stops of the registry, as the planner sees them. */
public final class MobileFleet {

	private MobileFleet() {
	}

	/** Every mobile unit of the registry; home is its parent site (the library or the culture hall that runs it). */
	public static List<MobileUnit> units(SiteRegistry registry, ScheduleProperties properties) {
		return registry.sites().stream().filter(site -> site.kind().level() == SiteLevel.MOBILE).map(site -> {
			Site home = site.parent().flatMap(registry::find).orElse(site);
			ScheduleProperties.UnitSettings settings = properties.settingsOf(site.id());
			return new MobileUnit(site.id(), site.name().zh(), home.id(), home.location(),
					settings.weekdays().isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(settings.weekdays()),
					settings.dayStart(), settings.dayEnd(), settings.stopMinutes(), settings.speedKmh());
		}).toList();
	}

	/** The sites of the configured stop kinds. */
	public static List<ServiceStop> stops(SiteRegistry registry, ScheduleProperties properties) {
		return registry.sites().stream()
			.filter(site -> properties.stopKinds().contains(site.kind().code()))
			.map(site -> new ServiceStop(site.id(), site.name().zh(), site.location()))
			.toList();
	}

}
