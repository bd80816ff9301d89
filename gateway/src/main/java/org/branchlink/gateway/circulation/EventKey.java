package org.branchlink.gateway.circulation;

import java.time.Instant;
import java.util.Comparator;

import org.branchlink.sync.circulation.CirculationEvent;

/** The order of events: site time, then site, then the site's event id (so ties always break the same way). */
public record EventKey(Instant at, String site, String eventId) implements Comparable<EventKey> {

	private static final Comparator<EventKey> ORDER = Comparator.comparing(EventKey::at)
		.thenComparing(EventKey::site)
		.thenComparing(EventKey::eventId);

	public static EventKey of(CirculationEvent e) {
		return new EventKey(e.occurredAt(), e.siteId(), e.eventId());
	}

	@Override
	public int compareTo(EventKey other) {
		return ORDER.compare(this, other);
	}

}
