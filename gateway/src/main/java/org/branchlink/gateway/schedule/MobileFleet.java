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

	/** The mobile units of the registry that bring a service (see {@link #service}). */
	public static List<MobileUnit> units(SiteRegistry registry, ScheduleProperties properties, MobileService service) {
		return units(registry, properties).stream()
			.filter(unit -> registry.find(unit.id()).map(site -> service(site, properties) == service).orElse(false))
			.toList();
	}

	/** What a unit brings: as configured, else as its kind suggests. */
	public static MobileService service(Site unit, ScheduleProperties properties) {
		MobileService configured = properties.units().containsKey(unit.id()) ? properties.units().get(unit.id()).service() : null;
		return configured != null ? configured : MobileService.byDefault(unit.kind());
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
