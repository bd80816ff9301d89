package org.branchlink.gateway.notify;

import java.util.Arrays;
import java.util.Locale;

/** What a notice tells a reader; its words are the bundles' {@code notify.<code>.subject} and {@code .text}. */
public enum Notice {

	/** A hold's copy waits on the pickup shelf: {0} site, {1} the last day. */
	HOLD_READY,
	/** A loan is due soon: {0} title, {1} due day. */
	DUE_SOON,
	/** A loan is overdue: {0} title, {1} due day. */
	OVERDUE,
	/** A registered event is tomorrow: {0} title, {1} when, {2} site. */
	EVENT_REMINDER,
	/** A place on the waiting list became free: {0} title, {1} when. */
	PLACE_CONFIRMED,
	/** An event the reader registered for was called off: {0} title, {1} when. */
	EVENT_CANCELLED,
	/** A need the reader stated (a demand ticket) was answered: {0} its reference, {1} the answer (its beginning). */
	TICKET_ANSWERED,
	/** A menu order the reader placed for their village was scheduled: {0} item, {1} when, {2} site. */
	MENU_ORDER_SCHEDULED,
	/** A menu order the reader placed for their village was declined: {0} item, {1} the reason. */
	MENU_ORDER_DECLINED,
	/** A venue booking awaiting approval was approved: {0} venue, {1} when. */
	VENUE_BOOKING_APPROVED,
	/** A venue booking awaiting approval was declined: {0} venue, {1} when, {2} the reason. */
	VENUE_BOOKING_DECLINED,
	/** The site withdrew a venue booking: {0} venue, {1} when, {2} the reason. */
	VENUE_BOOKING_WITHDRAWN,
	/** A venue booking awaiting approval was not decided before its start: {0} venue, {1} when. */
	VENUE_BOOKING_LAPSED;

	public String code() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public static Notice of(String code) {
		return Arrays.stream(values()).filter(n -> n.code().equals(code)).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown notice: " + code));
	}

}
