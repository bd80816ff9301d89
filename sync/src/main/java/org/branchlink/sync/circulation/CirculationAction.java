package org.branchlink.sync.circulation;

import java.util.Locale;
import java.util.Optional;

/** What happened to a copy at a site. Wire names are lower case; Koha's offline {@code issue}/{@code return} map here. */
public enum CirculationAction {

	/** lent to a reader (needs the reader's card) */
	CHECKOUT,
	/** given back, at any site */
	CHECKIN,
	/** loan extended */
	RENEW,
	/** declared lost (by the reader, or lost in the network) */
	LOST,
	/** not found on the shelf */
	MISSING,
	/** a lost or missing copy turned up at the event's site */
	FOUND,
	/** put in a transit bin for another site (needs the destination) */
	SEND,
	/** taken out of the transit bin at the event's site */
	RECEIVE;

	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<CirculationAction> parse(String value) {
		if (value == null) {
			return Optional.empty();
		}
		return switch (value.strip().toLowerCase(Locale.ROOT).replace('-', '_')) {
			case "checkout", "issue", "loan" -> Optional.of(CHECKOUT);
			case "checkin", "return" -> Optional.of(CHECKIN);
			case "renew", "renewal" -> Optional.of(RENEW);
			case "lost" -> Optional.of(LOST);
			case "missing" -> Optional.of(MISSING);
			case "found" -> Optional.of(FOUND);
			case "send", "sent", "in_transit" -> Optional.of(SEND);
			case "receive", "received" -> Optional.of(RECEIVE);
			default -> Optional.empty();
		};
	}

}
