package org.branchlink.catalog;

import java.time.Instant;

/**
 * What an ingest run did, also while it runs.
 *
 * @param runId the run's id
 * @param siteId the site whose records came in
 * @param source the file name or URL
 * @param mode full or incremental
 * @param state {@code running}, {@code finished} or {@code failed}
 * @param read records read from the source, quarantined ones included
 * @param added records new to the catalogue
 * @param updated records that changed
 * @param unchanged records read again as they were
 * @param deleted records removed (deleted at the source, or missing from a full source)
 * @param quarantined records refused, each with its reason in the quarantine
 * @param startedAt when it started
 * @param finishedAt when it ended; null while running
 * @param recordsPerSecond records read per second so far
 * @param message why a failed run failed; empty otherwise
 */
public record IngestReport(long runId, String siteId, String source, IngestMode mode, String state, int read, int added,
		int updated, int unchanged, int deleted, int quarantined, Instant startedAt, Instant finishedAt,
		double recordsPerSecond, String message) {
}
