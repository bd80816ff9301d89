package org.branchlink.gateway.holds;

import java.time.Instant;

/**
 * Tells a reader about their hold. The default writes a log line without personal data; a county plugs in SMS or
 * e-mail (or WeChat) by providing its own bean.
 */
public interface NotificationSender {

	/** The copy for hold {@code holdId} waits at {@code site} until {@code until}. */
	void holdReady(String card, long holdId, String site, Instant until);

}
