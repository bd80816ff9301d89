package org.branchlink.sync;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.branchlink.sync.connector.ical.FeedLimits;
import org.branchlink.sync.site.ConnectorPaths;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Settings of the sync module, under {@code branchlink.sync}.
 *
 * @param registryFile the site registry file (YAML) loaded at start-up when it changed since the last load; null to
 * keep the stored registry (then it is managed through {@code PUT /api/sites})
 * @param failOnInvalidRegistry whether an invalid registry file stops the start-up (true) or is logged while the
 * stored registry stays in force (false)
 * @param dropBase the folder that relative connector folders (file drops) resolve against
 * @param pollDelay how often file-drop routes look for new files, in milliseconds
 * @param zone the county's time zone: times sites send without an offset are in it
 * @param allowedPaths folders outside {@code dropBase} that connector paths of the registry (file-drop folders,
 * calendar files) may name; empty by default: every connector path must lie inside {@code dropBase}
 * @param calendarHoldShare the share (0 to 1] of a site's coming events from its calendar feed that one fetch may call
 * off; a fetch that would call off more is held until a librarian confirms it (default 0.5)
 * @param calendarMaxOccurrencesPerEvent occurrences one VEVENT may have in the horizon (default 1,000); an event over
 * it is refused
 * @param calendarMaxOccurrencesPerFeed occurrences a whole feed may have in the horizon (default 20,000); a feed over
 * it is refused whole and nothing of it is applied
 * @param calendarTimeBudget wall time for reading one feed (default 10 s); a feed over it is refused whole
 */
@ConfigurationProperties("branchlink.sync")
public record SyncProperties(Resource registryFile, @DefaultValue("true") boolean failOnInvalidRegistry,
		@DefaultValue("data") Path dropBase, @DefaultValue("10000") long pollDelay,
		@DefaultValue("Asia/Shanghai") ZoneId zone, List<Path> allowedPaths,
		@DefaultValue("0.5") double calendarHoldShare, @DefaultValue("1000") int calendarMaxOccurrencesPerEvent,
		@DefaultValue("20000") int calendarMaxOccurrencesPerFeed, @DefaultValue("10s") Duration calendarTimeBudget) {

	public SyncProperties {
		allowedPaths = allowedPaths == null ? List.of() : List.copyOf(allowedPaths);
		if (!(calendarHoldShare > 0 && calendarHoldShare <= 1)) {
			throw new IllegalArgumentException("branchlink.sync.calendar-hold-share must be in (0, 1], got " + calendarHoldShare);
		}
	}

	/** The bounds on one calendar feed. */
	public FeedLimits calendarLimits() {
		return new FeedLimits(calendarMaxOccurrencesPerEvent, calendarMaxOccurrencesPerFeed, calendarTimeBudget);
	}

	/** Where connector paths of the registry may point. */
	public ConnectorPaths connectorPaths() {
		return new ConnectorPaths(dropBase, allowedPaths);
	}

}
