package org.branchlink.sync;

import java.time.Duration;

import org.branchlink.sync.calendar.FeedLimits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the sync module, under {@code branchlink.sync}. Where the registry and the connectors' folders are is
 * set under {@code branchlink.site} ({@link org.branchlink.site.SiteProperties}), the county's time zone under
 * {@code branchlink.county} ({@link org.branchlink.site.CountySettings}).
 *
 * @param pollDelay how often file-drop routes look for new files, in milliseconds
 * @param calendarHoldShare the share (0 to 1] of a site's coming events from its calendar feed that one fetch may call
 * off; a fetch that would call off more is held until a librarian confirms it (default 0.5)
 * @param calendarMaxOccurrencesPerEvent occurrences one VEVENT may have in the horizon (default 1,000); an event over
 * it is refused
 * @param calendarMaxOccurrencesPerFeed occurrences a whole feed may have in the horizon (default 20,000); a feed over
 * it is refused whole and nothing of it is applied
 * @param calendarTimeBudget wall time for reading one feed (default 10 s); a feed over it is refused whole
 * @param fileLockMaxAge how long a dropped file's lock outlives the node that took it (default 30 s): the node keeps
 * its locks alive every {@code fileLockKeepAlive}; a lock not kept alive that long is an orphan (its node died) and
 * the next node to poll the folder takes the file
 * @param fileLockKeepAlive how often a node renews the locks of the files it is ingesting (default 5 s; less than
 * {@code fileLockMaxAge})
 */
@ConfigurationProperties("branchlink.sync")
public record SyncProperties(@DefaultValue("10000") long pollDelay, @DefaultValue("0.5") double calendarHoldShare,
		@DefaultValue("1000") int calendarMaxOccurrencesPerEvent, @DefaultValue("20000") int calendarMaxOccurrencesPerFeed,
		@DefaultValue("10s") Duration calendarTimeBudget, @DefaultValue("30s") Duration fileLockMaxAge,
		@DefaultValue("5s") Duration fileLockKeepAlive) {

	public SyncProperties {
		if (!(calendarHoldShare > 0 && calendarHoldShare <= 1)) {
			throw new IllegalArgumentException("branchlink.sync.calendar-hold-share must be in (0, 1], got " + calendarHoldShare);
		}
		if (fileLockKeepAlive.compareTo(fileLockMaxAge) >= 0) {
			throw new IllegalArgumentException("branchlink.sync.file-lock-keep-alive must be shorter than file-lock-max-age");
		}
	}

	/** The bounds on one calendar feed. */
	public FeedLimits calendarLimits() {
		return new FeedLimits(calendarMaxOccurrencesPerEvent, calendarMaxOccurrencesPerFeed, calendarTimeBudget);
	}

}
