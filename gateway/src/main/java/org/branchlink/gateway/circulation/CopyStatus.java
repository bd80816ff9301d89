package org.branchlink.gateway.circulation;

import java.util.Locale;

/** A copy's lending status; the codes are DOMAIN.md §5.5's and are what search shows. */
public enum CopyStatus {

	AVAILABLE, ON_LOAN, IN_TRANSIT, ON_HOLD_SHELF, LOST, MISSING;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static CopyStatus of(String code) {
		return valueOf(code.toUpperCase(Locale.ROOT));
	}

}
