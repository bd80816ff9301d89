package org.branchlink.sync.outbound;

import java.time.Instant;
import java.util.Map;

/**
 * One change told to a site's own system, as its webhook receives it and its change feed lists it.
 *
 * @param id the change's number: increasing per county, the cursor of the feed and (prefixed) the idempotency key
 * @param siteId the site it is told to
 * @param kind what it is about
 * @param copy the barcode of the copy it concerns, or null; changes of one copy reach the site in order
 * @param subject what it concerns, as {@code hold:12}, {@code transfer:3}, {@code registration:7}, {@code copy:<barcode>}
 * @param data its details (no reader's name, card or contact: a site asks BranchLink for those with its own rights)
 * @param at when it was made
 */
public record SiteChange(long id, String siteId, SiteChangeKind kind, String copy, String subject,
		Map<String, Object> data, Instant at) {

	/** The key a receiver keeps to take each change once, however often it is delivered. */
	public String idempotencyKey() {
		return "branchlink-change-" + id;
	}

}
