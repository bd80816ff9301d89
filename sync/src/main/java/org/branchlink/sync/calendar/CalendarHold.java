package org.branchlink.sync.calendar;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Cancellations of a calendar feed held back (#22.2): the fetch's new events and updates were applied, but the events it
 * would have called off stay on until a librarian of the site confirms the hold or a later fetch that is not held
 * supersedes it.
 *
 * @param id the hold's number
 * @param siteId the site whose feed it is
 * @param reason why the fetch was held
 * @param feedEvents readable occurrences in the held fetch
 * @param comingEvents the site's coming events from its feed when it was held
 * @param eventIds the events the fetch would have called off (catalogue ids); cancelled on confirmation
 * @param state whether it waits, was confirmed or was superseded
 * @param heldAt when the first held fetch came; {@code updatedAt} when the last one did
 * @param updatedAt when a later held fetch last replaced its cancellations
 * @param closedAt when it was confirmed or superseded; null while open
 * @param closedBy the account that confirmed it; null otherwise
 */
public record CalendarHold(long id, String siteId, Reason reason, int feedEvents, int comingEvents,
		List<Long> eventIds, State state, Instant heldAt, Instant updatedAt, Instant closedAt, String closedBy) {

	/** Why a fetch was held. */
	public enum Reason {

		/** No event of the fetch could be read, while the site has coming events from its feed. */
		NO_READABLE_EVENT,
		/** The fetch would call off more than the allowed share of the site's coming events from its feed. */
		OVER_SHARE;

		/**
		 * Whether a fetch must be held.
		 *
		 * @param readable occurrences the fetch could read
		 * @param coming the site's coming events from its feed (not cancelled)
		 * @param cancelling how many of those the fetch would call off
		 * @param share the share of {@code coming} one fetch may call off, in (0, 1]
		 */
		public static Optional<Reason> of(int readable, int coming, int cancelling, double share) {
			if (coming == 0 || cancelling == 0) {
				return Optional.empty();
			}
			if (readable == 0) {
				return Optional.of(NO_READABLE_EVENT);
			}
			return cancelling > share * coming ? Optional.of(OVER_SHARE) : Optional.empty();
		}

	}

	/** Where a hold stands. */
	public enum State {
		OPEN, CONFIRMED, SUPERSEDED
	}

}
