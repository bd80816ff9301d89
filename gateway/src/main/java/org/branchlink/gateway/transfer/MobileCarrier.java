package org.branchlink.gateway.transfer;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The mobile unit that next visits a site, for transfers that ride on it (a rotating collection on a bookmobile
 * stop). Implemented by the mobile-service schedule; without a plan, transfers go by the usual delivery run.
 */
public interface MobileCarrier {

	/** A unit's planned visit: which unit, on which day. */
	record Ride(String unitId, LocalDate day) {
	}

	/** The first planned visit to {@code siteId} after {@code after} and no later than {@code until}. */
	Optional<Ride> nextVisit(String siteId, LocalDate after, LocalDate until);

}
