package org.branchlink.sync.circulation;

import java.time.Instant;

/**
 * One circulation event as a site reports it.
 *
 * @param siteId the site where it happened (the desk, the bookmobile, the self-check machine's site)
 * @param eventId the site's own id for it, unique within the site; the key for deduplication
 * @param type what happened
 * @param occurredAt when, by the site's clock
 * @param barcode the copy
 * @param owner the copy's owning site when the site knows it (needed only when a barcode is not unique in the county)
 * @param card the reader's card number (checkout, renew; optional on checkin) — never an ID number
 * @param destination where a copy sent in transit goes
 * @param dueAt the due date the site gave, when it computed one
 */
public record CirculationEvent(String siteId, String eventId, CirculationAction type, Instant occurredAt, String barcode,
		String owner, String card, String destination, Instant dueAt) {
}
