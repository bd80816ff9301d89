package org.branchlink.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.commons.codec.digest.DigestUtils;
import org.branchlink.catalog.ingest.StoredRecord;
import org.branchlink.catalog.record.BibRecord;

/**
 * One ingest of one source for one site. Feed it records, deletions and refused records in source order; it stores
 * and indexes them in batches (on a thread of its own, while the caller reads on) and keeps counts that
 * {@link CatalogIngest#reports} shows while it runs. Not for use by several threads at once.
 */
public final class IngestRun {

	static final int BATCH = 1000;

	private final BatchStore batches;

	private final IngestTarget target;

	private final Ledger ledger;

	private final long id;

	private final String siteId;

	private final String source;

	private final IngestMode mode;

	private final Instant startedAt;

	private final Clock clock;

	private final List<StoredRecord> pending = new ArrayList<>(BATCH);

	private final Set<String> pendingDeletes = new LinkedHashSet<>();

	/** Stores batches one at a time, in order, while the caller reads the next. */
	private final ExecutorService storer;

	private Future<?> storing;

	private volatile int read;

	private volatile int added;

	private volatile int updated;

	private volatile int unchanged;

	private volatile int deleted;

	private volatile int quarantined;

	/** Nanoseconds spent storing in PostgreSQL and indexing in Solr, for the run's log line. */
	long storeNanos;

	long indexNanos;

	private volatile String state = "running";

	private volatile Instant finishedAt;

	private volatile String message = "";

	/**
	 * What a run tells about itself as it goes: its refused records, its progress after each batch, its end. The
	 * run's counts are its own; the ledger keeps and shows them.
	 */
	interface Ledger {

		void quarantined(IngestRun run, String source, String position, String reason, byte[] raw);

		void progressed(IngestRun run);

		void ended(IngestRun run);

	}

	IngestRun(long id, String siteId, String source, IngestMode mode, Clock clock, BatchStore batches,
			IngestTarget target, Ledger ledger) {
		this.batches = batches;
		this.target = target;
		this.ledger = ledger;
		this.storer = Executors.newSingleThreadExecutor(task -> {
			Thread thread = new Thread(task, "ingest-run-" + id);
			thread.setDaemon(true);
			return thread;
		});
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
		String content = record.toString();
		if (content.indexOf('\u0000') >= 0) {
			quarantine("record " + record.recordId(), "a NUL character (U+0000) in its text, which the catalogue cannot store",
					sourceBytes);
			return;
		}
		read++;
		pending.add(new StoredRecord(record, sourceFormat, sourceBytes, DigestUtils.sha1Hex(content)));
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
		ledger.quarantined(this, source, position, reason, raw);
	}

	/** Stores and indexes what is pending; for a full run removes the site's records not seen; makes all visible. */
	public IngestReport finish() {
		try {
			flush();
			awaitStoring();
		}
		finally {
			storer.shutdown();
		}
		if (mode == IngestMode.FULL) {
			List<String> gone = batches.removeNotSeen(siteId, id, target.datesEachBatch());
			deleted += gone.size();
			target.removed(gone);
		}
		target.ended(this, false);
		state = "finished";
		finishedAt = clock.instant();
		ledger.ended(this);
		return report();
	}

	/** Ends the run as failed; what was stored before stays, and is made searchable. */
	public IngestReport fail(String why) {
		try {
			awaitStoring();
		}
		catch (RuntimeException ex) {
			// the batch that failed is what this run reports as its failure
		}
		finally {
			storer.shutdown();
		}
		target.ended(this, true);
		state = "failed";
		message = why == null ? "" : why;
		finishedAt = clock.instant();
		ledger.ended(this);
		return report();
	}

	/** Stores and indexes what is pending now, so a harvest can record how far it got. */
	public void checkpoint() {
		flush();
		awaitStoring();
	}

	/**
	 * Hands the pending batch to the storing thread, after the batch before it is stored: the caller reads and maps
	 * the next batch while this one goes to PostgreSQL and Solr. A batch that failed fails the next call.
	 */
	void flush() {
		if (pending.isEmpty() && pendingDeletes.isEmpty()) {
			return;
		}
		List<StoredRecord> batch = List.copyOf(pending);
		Set<String> deletions = Set.copyOf(pendingDeletes);
		pending.clear();
		pendingDeletes.clear();
		awaitStoring();
		storing = storer.submit(() -> store(batch, deletions));
	}

	/** On the storing thread: the batch into PostgreSQL, then its works to the run's target. */
	private void store(List<StoredRecord> batch, Set<String> deletions) {
		long t0 = System.nanoTime();
		BatchStore.Outcome outcome = batches.store(siteId, id, batch, deletions, target.datesEachBatch());
		added += outcome.added();
		updated += outcome.updated();
		unchanged += outcome.unchanged();
		deleted += outcome.deleted();
		long t1 = System.nanoTime();
		storeNanos += t1 - t0;
		target.stored(this, outcome);
		indexNanos += System.nanoTime() - t1;
		ledger.progressed(this);
	}

	private void awaitStoring() {
		Future<?> batch = storing;
		storing = null;
		if (batch == null) {
			return;
		}
		try {
			batch.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while run " + id + " stored a batch", ex);
		}
		catch (ExecutionException ex) {
			throw ex.getCause() instanceof RuntimeException runtime ? runtime
					: new IllegalStateException("run " + id + " could not store a batch", ex.getCause());
		}
	}

	public IngestReport report() {
		Instant end = finishedAt == null ? clock.instant() : finishedAt;
		double seconds = Math.max(0.001, Duration.between(startedAt, end).toMillis() / 1000.0);
		return new IngestReport(id, siteId, source, mode, state, read, added, updated, unchanged, deleted, quarantined,
				startedAt, finishedAt, Math.round(read / seconds * 10) / 10.0, message);
	}

}
