package org.branchlink.sync.outbound;

import java.util.Arrays;

/** What a change told to a site is about; its code is what the site's system reads. */
public enum SiteChangeKind {

	/** A hold took one of the site's copies: pull it from the shelf for the reader's pickup site. */
	HOLD_PULL("hold-pull"),

	/** A hold that had taken one of the site's copies was cancelled before the copy left: put it back. */
	HOLD_PULL_CANCELLED("hold-pull-cancelled"),

	/** A transfer from or to the site was requested, approved, shipped or received. */
	TRANSFER("transfer"),

	/** One of the site's copies was lent or renewed at another site. */
	LOAN("loan"),

	/** One of the site's copies was returned at another site. */
	RETURN("return"),

	/** One of the site's copies changed status at the site itself (a kiosk, the desk, a hold shelf). */
	COPY_STATUS("copy-status"),

	/** A reader registered for one of the site's events, or cancelled. */
	EVENT_REGISTRATION("event-registration");

	private final String code;

	SiteChangeKind(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	public static SiteChangeKind of(String code) {
		return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown change kind: " + code));
	}

}
