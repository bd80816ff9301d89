package org.branchlink.sync.calendar;

import java.time.Duration;

/**
 * How much one calendar feed may ask of the platform: occurrences of one event and of the whole feed inside the
 * horizon, and the wall time reading it may take. An event over its bound is refused (reported with its line); a feed
 * over its bound or its time is refused whole ({@link CalendarFeedRefused}).
 *
 * @param perEvent occurrences one VEVENT may have in the horizon, counting every RRULE BY* expansion
 * @param perFeed occurrences the whole feed may have in the horizon
 * @param time wall time for reading and expanding the feed
 */
public record FeedLimits(int perEvent, int perFeed, Duration time) {

	/** The defaults of {@code branchlink.sync.calendar-*}. */
	public static final FeedLimits DEFAULT = new FeedLimits(1_000, 20_000, Duration.ofSeconds(10));

	public FeedLimits {
		if (perEvent < 1 || perFeed < perEvent || time.isNegative()) {
			throw new IllegalArgumentException("calendar limits need 1 <= per event <= per feed and a time >= 0, got "
					+ perEvent + ", " + perFeed + ", " + time);
		}
	}

}
