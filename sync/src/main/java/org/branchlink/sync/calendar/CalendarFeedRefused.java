package org.branchlink.sync.calendar;

/**
 * A calendar feed refused whole, with the reason: it is not iCalendar, or it goes over the bound of occurrences per
 * feed or over its time budget. Nothing of it is applied, and it is not taken as an empty feed: no event is called
 * off. The route's error handling records it with the site (table {@code sync_failure}).
 */
public class CalendarFeedRefused extends IllegalArgumentException {

	public CalendarFeedRefused(String reason) {
		super(reason);
	}

}
