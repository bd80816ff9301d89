package org.branchlink.gateway.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventCatalog;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.branchlink.site.SiteRegistry;

import org.springframework.stereotype.Component;

/**
 * The mobile units' published stops (流动服务) as a timetable per village: where a bookmobile or culture truck calls in
 * the coming days, and when. Villages are ordered by township, then by name.
 */
@Component
class MobileTimetable {

	/** How far ahead the timetable looks (stops are published a few weeks ahead). */
	static final Duration AHEAD = Duration.ofDays(28);

	/** At most this many stops are listed (a county publishes a few hundred in four weeks). */
	static final int MAX_STOPS = 2_000;

	private final EventCatalog catalog;

	private final SiteDirectory sites;

	private final Clock clock;

	MobileTimetable(EventCatalog catalog, SiteDirectory sites, Clock clock) {
		this.catalog = catalog;
		this.sites = sites;
		this.clock = clock;
	}

	/**
	 * One village's coming stops.
	 *
	 * @param siteId the village (or other stop) site
	 * @param townshipId its township station, or null
	 * @param stops its stops, soonest first
	 */
	record Village(String siteId, String townshipId, List<CulturalEvent> stops) {
	}

	List<Village> coming() {
		Instant now = clock.instant();
		Map<String, List<CulturalEvent>> bySite = new LinkedHashMap<>();
		catalog.startingIn(now, now.plus(AHEAD), CulturalEvent.Kind.MOBILE_STOP, MAX_STOPS)
			.forEach(event -> bySite.computeIfAbsent(event.siteId(), key -> new ArrayList<>()).add(event));
		SiteRegistry registry = sites.current().orElse(null);
		List<Village> villages = new ArrayList<>();
		bySite.forEach((siteId, stops) -> villages.add(new Village(siteId,
				registry == null ? null : registry.townshipOf(siteId).map(Site::id).orElse(null), stops)));
		villages.sort(Comparator.comparing((Village v) -> v.townshipId() == null ? "" : v.townshipId())
			.thenComparing(Village::siteId));
		return villages;
	}

}
