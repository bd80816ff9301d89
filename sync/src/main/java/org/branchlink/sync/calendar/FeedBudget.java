package org.branchlink.sync.calendar;

/**
 * What is left of one feed's {@link FeedLimits} while it is read: the wall time since reading began and the occurrences
 * counted so far. Not thread-safe: one per reading.
 */
final class FeedBudget {

	private final FeedLimits limits;

	private final long deadline;

	private int occurrences;

	FeedBudget(FeedLimits limits) {
		this.limits = limits;
		this.deadline = System.nanoTime() + limits.time().toNanos();
	}

	FeedLimits limits() {
		return limits;
	}

	/** @throws CalendarFeedRefused when the feed's time is up */
	void checkTime() {
		if (System.nanoTime() - deadline > 0) {
			throw new CalendarFeedRefused("reading the feed took longer than its time budget of "
					+ limits.time().toMillis() + " ms (branchlink.sync.calendar-time-budget)");
		}
	}

	/** @throws CalendarFeedRefused when these occurrences take the feed over its bound */
	void count(int more) {
		occurrences += more;
		if (occurrences > limits.perFeed()) {
			throw new CalendarFeedRefused("the feed has more than " + limits.perFeed()
					+ " occurrences in the horizon, over the bound per feed (branchlink.sync.calendar-max-occurrences-per-feed)");
		}
		checkTime();
	}

}
