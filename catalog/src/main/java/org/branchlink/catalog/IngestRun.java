package org.branchlink.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.codec.digest.DigestUtils;
import org.branchlink.catalog.ingest.StoredRecord;
import org.branchlink.catalog.record.BibRecord;

/**
 * One ingest of one source for one site. Feed it records, deletions and refused records in source order; it stores
 * and indexes them in batches and keeps counts that {@link CatalogIngest#reports} shows while it runs. Not for use by
 * several threads at once.
 */
public final class IngestRun {

	static final int BATCH = 1000;

	private final CatalogIngest ingest;

	private final long id;

	private final String siteId;

	private final String source;

	private final IngestMode mode;

	private final Instant startedAt;

	private final Clock clock;

	private final List<StoredRecord> pending = new ArrayList<>(BATCH);

	private final Set<String> pendingDeletes = new LinkedHashSet<>();

	volatile int read;

	volatile int added;

	volatile int updated;

	volatile int unchanged;

	volatile int deleted;

	volatile int quarantined;

	/** Nanoseconds spent storing in PostgreSQL and indexing in Solr, for the run's log line. */
	long storeNanos;

	long indexNanos;

	private volatile String state = "running";

	private volatile Instant finishedAt;

	private volatile String message = "";

	IngestRun(CatalogIngest ingest, long id, String siteId, String source, IngestMode mode, Clock clock) {
		this.ingest = ingest;
		this.id = id;
		this.siteId = siteId;
		this.source = source;
		this.mode = mode;
		this.clock = clock;
		this.startedAt = clock.instant();
	}

	public long id() {
		return id;
	}

	public String siteId() {
		return siteId;
	}

	/** Takes a record read from the source. */
	public void accept(BibRecord record, String sourceFormat, byte[] sourceBytes) {
		if (!record.siteId().equals(siteId)) {
			throw new IllegalArgumentException("record of site " + record.siteId() + " in a run for " + siteId);
		}
		read++;
		pending.add(new StoredRecord(record, sourceFormat, sourceBytes, DigestUtils.sha1Hex(record.toString())));
		if (pending.size() >= BATCH) {
			flush();
		}
	}

	/** Takes a deletion announced by the source (an OAI-PMH deleted record, a REST delete). */
	public void delete(String recordId) {
		read++;
		pendingDeletes.add(recordId);
		if (pendingDeletes.size() >= BATCH) {
			flush();
		}
	}

	/** Takes a record that could not be read or mapped; it goes to the quarantine with the reason. */
	public void quarantine(String position, String reason, byte[] raw) {
		read++;
		quarantined++;
		ingest.quarantine(this, source, position, reason, raw);
	}

	/** Stores and indexes what is pending; for a full run removes the site's records not seen; makes all visible. */
	public IngestReport finish() {
		flush();
		if (mode == IngestMode.FULL) {
			deleted += ingest.removeNotSeen(this);
		}
		ingest.finish(this);
		state = "finished";
		finishedAt = clock.instant();
		ingest.saveProgress(this);
		return report();
	}

	/** Ends the run as failed; what was stored before stays, and is made searchable. */
	public IngestReport fail(String why) {
		ingest.commitQuietly(this);
		state = "failed";
		message = why == null ? "" : why;
		finishedAt = clock.instant();
		ingest.saveProgress(this);
		return report();
	}

	/** Stores and indexes what is pending now, so a harvest can record how far it got. */
	public void checkpoint() {
		flush();
	}

	void flush() {
		if (pending.isEmpty() && pendingDeletes.isEmpty()) {
			return;
		}
		ingest.flush(this, List.copyOf(pending), Set.copyOf(pendingDeletes));
		pending.clear();
		pendingDeletes.clear();
		ingest.saveProgress(this);
	}

	public IngestReport report() {
		Instant end = finishedAt == null ? clock.instant() : finishedAt;
		double seconds = Math.max(0.001, Duration.between(startedAt, end).toMillis() / 1000.0);
		return new IngestReport(id, siteId, source, mode, state, read, added, updated, unchanged, deleted, quarantined,
				startedAt, finishedAt, Math.round(read / seconds * 10) / 10.0, message);
	}

}
