package org.branchlink.catalog;

import java.time.Instant;

/**
 * A record refused at ingest, kept with why and where, so the site can mend it at the source.
 *
 * @param id the quarantine entry's id
 * @param runId the run that refused it
 * @param siteId the site that sent it
 * @param source the file name or URL it came in
 * @param position where in the source: {@code record 12 at byte 3456}
 * @param reason why it was refused
 * @param createdAt when
 */
public record QuarantinedRecord(long id, long runId, String siteId, String source, String position, String reason,
		Instant createdAt) {

	/** The reason's stable code ({@link QuarantineReason#code}), for a page to word in its language. */
	public String code() {
		return QuarantineReason.code(reason);
	}

}
