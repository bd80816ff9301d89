package org.branchlink.sync;

import java.time.Duration;
import java.util.Map;

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
 * @param webhooks how changes are delivered to the sites' own systems ({@code branchlink.sync.webhooks.*})
 */
@ConfigurationProperties("branchlink.sync")
public record SyncProperties(@DefaultValue("10000") long pollDelay, @DefaultValue("0.5") double calendarHoldShare,
		@DefaultValue("1000") int calendarMaxOccurrencesPerEvent, @DefaultValue("20000") int calendarMaxOccurrencesPerFeed,
		@DefaultValue("10s") Duration calendarTimeBudget, @DefaultValue("30s") Duration fileLockMaxAge,
		@DefaultValue("5s") Duration fileLockKeepAlive, @DefaultValue Webhooks webhooks) {

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

	/**
	 * The webhooks down to the sites: a site whose connector names a {@code webhook-url} gets its changes posted there.
	 *
	 * @param secrets each site's signing secret by site id (an environment variable such as
	 * {@code BRANCHLINK_SYNC_WEBHOOKS_SECRETS_BAISHI} sets one); a site without one gets nothing posted, and says so
	 * @param period how often a site's route looks for changes to send (default 1 s)
	 * @param batch how many changes one look sends at most (default 50)
	 * @param firstRetry the wait after a first failed try; each further failure doubles it (default 2 s)
	 * @param maxRetry the longest wait between tries (default 10 min)
	 * @param maxAttempts tries before a change is given up on and dead-lettered (default 50: about seven and a half
	 * hours of a receiver down)
	 * @param lease how long a node keeps the right to send a site's changes without renewing it (default 60 s; longer
	 * than one call can take)
	 * @param connectTimeout connecting to a site's receiver (default 5 s)
	 * @param responseTimeout waiting for its answer (default 10 s)
	 * @param retention how long changes are kept for the sites' feeds and webhooks (default 30 days)
	 */
	public record Webhooks(@DefaultValue Map<String, String> secrets, @DefaultValue("1s") Duration period,
			@DefaultValue("50") int batch, @DefaultValue("2s") Duration firstRetry, @DefaultValue("10m") Duration maxRetry,
			@DefaultValue("50") int maxAttempts, @DefaultValue("60s") Duration lease,
			@DefaultValue("5s") Duration connectTimeout, @DefaultValue("10s") Duration responseTimeout,
			@DefaultValue("30d") Duration retention) {

		public Webhooks {
			secrets = Map.copyOf(secrets);
			if (connectTimeout.plus(responseTimeout).compareTo(lease) >= 0) {
				throw new IllegalArgumentException("branchlink.sync.webhooks.lease must be longer than one call "
						+ "(connect-timeout + response-timeout)");
			}
		}

	}

}
