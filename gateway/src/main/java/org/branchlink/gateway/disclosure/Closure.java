package org.branchlink.gateway.disclosure;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A notice that a site is closed, or open other hours, from one day to another (临时闭馆公告; Public Library Law Art. 38:
 * announced in advance). Announced in time when posted at least {@link #NOTICE_DAYS} days before the first day (the
 * standard's 7-day notice).
 *
 * @param postedAt when it was published
 * @param postedBy who posted it (staff only: not in the public JSON)
 */
public record Closure(long id, String siteId, LocalDate fromDay, LocalDate toDay, String reason, Instant postedAt,
		@JsonIgnore String postedBy) {

	/** Days of notice the standard asks for (e.g. Chongqing's culture-hall standard: 7 days before a closure). */
	public static final int NOTICE_DAYS = 7;

	/** Announced at least seven days before the first day closed. */
	public boolean announcedInTime(ZoneId zone) {
		return ChronoUnit.DAYS.between(postedAt.atZone(zone).toLocalDate(), fromDay) >= NOTICE_DAYS;
	}

	/** Closed on that day. */
	public boolean covers(LocalDate day) {
		return !day.isBefore(fromDay) && !day.isAfter(toDay);
	}

}
