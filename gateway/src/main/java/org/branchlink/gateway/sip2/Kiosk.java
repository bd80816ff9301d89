package org.branchlink.gateway.sip2;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/**
 * A signed-in kiosk as the message handlers see it: its account, the county's time zone and clock, and the time of
 * its last event. One per connection.
 */
final class Kiosk {

	private final KioskAccounts.KioskAccount account;

	private final ZoneId zone;

	private final Clock clock;

	private final Map<String, Instant> lastEvents;

	/** @param lastEvents each kiosk's last event time per copy (kept a minute), shared by its connections on this node */
	Kiosk(KioskAccounts.KioskAccount account, ZoneId zone, Clock clock, Map<String, Instant> lastEvents) {
		this.account = account;
		this.zone = zone;
		this.clock = clock;
		this.lastEvents = lastEvents;
	}

	KioskAccounts.KioskAccount account() {
		return account;
	}

	ZoneId zone() {
		return zone;
	}

	Clock clock() {
		return clock;
	}

	String siteId() {
		return account.siteId();
	}

	/** Now, as a SIP2 date. */
	String now() {
		return Sip2Date.format(clock.instant(), zone);
	}

	/** An instant as a SIP2 date; null for null. */
	String date(Instant at) {
		return at == null ? null : Sip2Date.format(at, zone);
	}

	/**
	 * When a request about a copy says it happened: its transaction date (now when blank or unreadable). SIP2 dates
	 * have whole seconds, and a copy checked out and back in within one second must not have its events ordered by
	 * their ids: a kiosk's events of one copy within one second (over all its connections to this node) are kept in the
	 * order it sent them, a millisecond apart.
	 */
	Instant occurredAt(String transactionDate, String barcode) {
		Instant at = Sip2Date.parse(transactionDate, zone).orElseGet(clock::instant);
		return lastEvents.merge(account.username() + "\t" + barcode, at,
				(last, next) -> last.getEpochSecond() == next.getEpochSecond() && !next.isAfter(last) ? last.plusMillis(1)
						: next);
	}

	/**
	 * The journal's id for the event a request makes: the kiosk, the message, its transaction date as sent and the copy.
	 * The same request sent again (a retransmission after a lost answer) has the same id, so it is a duplicate; so is
	 * the same message for the same copy from the same kiosk within the same second, which only a retransmission does.
	 */
	String eventId(String code, String transactionDate, String barcode) {
		return "sip2:" + account.username() + ":" + code + ":" + transactionDate.replace(' ', '_') + ":" + barcode;
	}

}
