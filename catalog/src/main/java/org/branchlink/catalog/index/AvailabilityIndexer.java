package org.branchlink.catalog.index;

import java.io.IOException;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.AbstractUpdateRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.branchlink.catalog.CatalogIndexException;
import org.branchlink.catalog.ingest.WorkCopies;
import org.branchlink.catalog.ingest.WorkStore;
import org.branchlink.catalog.ingest.WorkStore.HeldCopies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pushes availability changes to Solr. One thread per node drains the availability outbox, a row per change, in
 * batches: it locks the oldest rows ({@code skip locked}, so nodes share the work) and their works (an advisory lock
 * each, so no two nodes send one work at once), reads the works' copies and states from the database,
 * replaces each work's copies document ({@link WorkDocuments#copies}: every copy's status, the sites and places with
 * one on a shelf), soft-commits so readers see it, and only then deletes the rows. When Solr fails the rows stay and
 * the thread backs off (up to 30 s) and retries, so the index catches up when Solr returns. A commit makes the work of
 * many changes visible at once: under load a batch gathers every change queued while the previous one was committed,
 * and batches start at least {@code commitGap} apart. When the node is asked for more than its CPU carries, producers
 * are paced so that the index keeps up ({@link IndexPace}).
 * <p>
 * The work's own document has one field that follows loans, {@code on_shelf}, set in place. An in-place update makes
 * Lucene write that field's column anew for every segment it touches at the next commit, so the flags go their own,
 * slower way: the batch writes to {@code shelf_flag_outbox}, in its transaction, the flags that differ from the index
 * (and deletes those that no longer do), and at most once per {@code flagGap} the thread sends the rows' flags that
 * still differ, in one commit, then deletes the rows.
 */
@Component
public class AvailabilityIndexer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AvailabilityIndexer.class);

	private static final int BATCH = 500;

	/** {@code _version_} 1 on an update: only if the document exists. */
	private static final String VERSION = "_version_";

	/** The first key ("BLAV") of the advisory lock under which a node sends a work; the second is {@code hashtext(work)}. */
	public static final int SENDING_LOCK = 0x424C4156;

	private final IndexPace pace = new IndexPace(Duration.ofMillis(200), Duration.ofMillis(250));

	private static final Duration POLL = Duration.ofMillis(500);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

	private final SolrClient solr;

	private final WorkStore store;

	private final WorkCopies copies;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Semaphore signal = new Semaphore(0);

	/**
	 * The least time from one batch's start to the next's ({@code branchlink.catalog.availability-commit-gap}, 100 ms):
	 * under load one soft commit makes many changes visible at once. Each commit flushes a segment and opens a searcher;
	 * at 500 loans a second, a commit per batch meant 35 a second and about half the JVM's CPU per loan.
	 */
	private final Duration commitGap;

	/**
	 * The least time between two commits of on-shelf flags ({@code branchlink.catalog.shelf-flag-gap}, 1 s): how late
	 * the "on a shelf now" filter and order may follow a loan (the holdings lines follow within the commit gap).
	 */
	private final Duration flagGap;

	private final ShelfFlags shelfFlags;

	private final AtomicLong indexedWorks = new AtomicLong();

	private final AtomicLong batches = new AtomicLong();

	private final AtomicLong loadNanos = new AtomicLong();

	private final AtomicLong solrNanos = new AtomicLong();

	private volatile Thread thread;

	private volatile boolean running;

	private volatile long lastBatchMillis;

	private volatile Instant failingSince;

	private volatile String lastError;

	AvailabilityIndexer(SolrClient solr, WorkStore store, WorkCopies copies, JdbcClient jdbc, TransactionTemplate transactions,
			@Value("${branchlink.catalog.availability-commit-gap:100ms}") Duration commitGap,
			@Value("${branchlink.catalog.shelf-flag-gap:1s}") Duration flagGap) {
		this.commitGap = commitGap;
		this.flagGap = flagGap;
		this.shelfFlags = new ShelfFlags(solr, jdbc, transactions, this::send);
		this.solr = solr;
		this.store = store;
		this.copies = copies;
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	/** Called by a producer after its change committed: waits, bounded, only while the index is behind ({@link IndexPace}). */
	public void keepPace() {
		pace.keepPace();
	}

	/** Something was queued: drain now rather than at the next poll. */
	public void wake() {
		signal.release();
	}

	@Override
	public void start() {
		running = true;
		thread = new Thread(this::loop, "availability-indexer");
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public void stop() {
		running = false;
		Thread t = thread;
		if (t != null) {
			t.interrupt();
			try {
				t.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** After Solr and the database are up, before the web server takes requests. */
	@Override
	public int getPhase() {
		return 0;
	}

	private void loop() {
		long backoff = 250;
		long reportedAt = System.nanoTime();
		long reportedWorks = 0;
		// rows a stopped node left are sent at the first turn
		long flagsDue = System.nanoTime();
		boolean flagsWaiting = true;
		while (running) {
			try {
				long began = System.nanoTime();
				int drained = drainOnce();
				flagsWaiting |= drained > 0;
				if (flagsWaiting && began - flagsDue >= 0) {
					shelfFlags.drain();
					flagsWaiting = false;
					flagsDue = System.nanoTime() + flagGap.toNanos();
				}
				if (failingSince != null) {
					log.info("Availability index reachable again after {} s; catching up",
							Duration.between(failingSince, Instant.now()).toSeconds());
					failingSince = null;
					lastError = null;
				}
				backoff = 250;
				if (drained == 0) {
					long wait = flagsWaiting ? Math.min(POLL.toNanos(), Math.max(1, flagsDue - System.nanoTime()))
							: POLL.toNanos();
					signal.drainPermits();
					signal.tryAcquire(wait, TimeUnit.NANOSECONDS);
				}
				else {
					long rest = commitGap.toNanos() - (System.nanoTime() - began);
					if (rest > 0) {
						TimeUnit.NANOSECONDS.sleep(rest);
					}
				}
				long now = System.nanoTime();
				if (now - reportedAt > 10_000_000_000L && indexedWorks.get() > reportedWorks) {
					long done = indexedWorks.get() - reportedWorks;
					log.info("Availability: {} works updated in the last {} s ({}/s), {} batches in all ({} ms reading the "
							+ "database, {} ms in Solr per batch), backlog {}, on-shelf flags changed {}", done,
							(now - reportedAt) / 1_000_000_000L, done * 1_000_000_000L / (now - reportedAt), batches.get(),
							loadNanos.get() / 1_000_000 / Math.max(1, batches.get()),
							solrNanos.get() / 1_000_000 / Math.max(1, batches.get()), backlog(), shelfFlags.sent());
					reportedAt = now;
					reportedWorks = indexedWorks.get();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				if (!running) {
					return;
				}
				if (failingSince == null) {
					failingSince = Instant.now();
					log.warn("Availability index update failed; changes stay queued and are retried: {}", ex.toString());
				}
				lastError = ex.getMessage();
				pace.batchDone(Duration.ZERO);
				try {
					signal.tryAcquire(backoff, TimeUnit.MILLISECONDS);
					signal.drainPermits();
				}
				catch (InterruptedException ie) {
					Thread.currentThread().interrupt();
					return;
				}
				backoff = Math.min(MAX_BACKOFF.toMillis(), backoff * 2);
			}
		}
	}

	/**
	 * One batch: returns how many works it sent (0 when the outbox was empty or every work in it is being sent by
	 * another node). The outbox is a log, a row per change: the batch takes the oldest rows no other node holds, sends
	 * each of their works once, and deletes the rows it sent. Two nodes must not send one work at once (the later
	 * read could reach Solr first and the older state stay), so each work is sent under an advisory lock held until
	 * the batch commits, after Solr's commit; a work whose lock another node holds is skipped and its rows stay for
	 * the next batch, which reads the work's state after that node's.
	 */
	int drainOnce() {
		Integer taken = transactions.execute(status -> {
			// per work, its rows taken and how long the first (oldest: rows come in seq order) had waited
			Map<String, Taken> rows = new LinkedHashMap<>();
			jdbc.sql("select work_id, seq, cast(extract(epoch from clock_timestamp() - queued_at) * 1000 as bigint) "
					+ "from availability_outbox order by seq limit :n for update skip locked")
				.param("n", BATCH)
				.query((ResultSet rs) -> {
					long waited = rs.getLong(3);
					rows.computeIfAbsent(rs.getString(1), work -> new Taken(new ArrayList<>(1), waited)).seqs().add(rs.getLong(2));
				});
			if (rows.isEmpty()) {
				pace.batchDone(Duration.ZERO);
				return 0;
			}
			List<String> queued = jdbc.sql("select w from unnest(:works) w where pg_try_advisory_xact_lock(:lock, hashtext(w))")
				.param("works", rows.keySet().toArray(String[]::new))
				.param("lock", SENDING_LOCK)
				.query(String.class)
				.list();
			if (queued.isEmpty()) {
				return 0;
			}
			long t0 = System.nanoTime();
			// availability is part of the works' OAI-PMH records: their datestamps move with it
			store.markChanged(queued);
			Map<String, List<HeldCopies>> works = copies.load(queued);
			Map<String, WorkStore.HoldingSite> sites = store.sites();
			List<List<SolrInputDocument>> docs = new ArrayList<>(works.size());
			Map<String, Boolean> flags = new TreeMap<>();
			works.forEach((id, records) -> {
				WorkDocuments.Availability availability = WorkDocuments.availabilityOfCopies(records, sites);
				docs.add(update(id, availability));
				flags.put(id, availability.onShelf() > 0);
			});
			long t1 = System.nanoTime();
			send(docs);
			loadNanos.addAndGet(t1 - t0);
			solrNanos.addAndGet(System.nanoTime() - t1);
			shelfFlags.queue(flags);
			// the rows taken for the works sent, in one statement; a change queued meanwhile is a new row and stays
			jdbc.sql("delete from availability_outbox where seq = any(:seqs)")
				.param("seqs", queued.stream().flatMap(work -> rows.get(work).seqs().stream()).toArray(Long[]::new))
				.update();
			lastBatchMillis = (System.nanoTime() - t0) / 1_000_000;
			indexedWorks.addAndGet(docs.size());
			batches.incrementAndGet();
			// how long the oldest change sent had waited (not those of works another node is sending)
			pace.batchDone(Duration.ofMillis(queued.stream().mapToLong(work -> rows.get(work).waitedMillis()).max().orElse(0)));
			return queued.size();
		});
		return taken == null ? 0 : taken;
	}

	/** A work's outbox rows taken by a batch, and how long the oldest of them had waited. */
	private record Taken(List<Long> seqs, long waitedMillis) {
	}

	/**
	 * What a change of a work's copies sends to Solr at once: its copies document, only if it exists (it is indexed with
	 * its work: a work not yet indexed gets its availability when the ingest indexes it).
	 */
	public static List<SolrInputDocument> update(String workId, WorkDocuments.Availability availability) {
		SolrInputDocument copies = WorkDocuments.copies(workId, availability);
		copies.setField(VERSION, 1L);
		return List.of(copies);
	}

	/**
	 * A work's on-shelf flag, set in place (a docValues-only numeric field: Solr rewrites its value without indexing the
	 * work again, whose titles, names and subjects a Chinese analyser would segment again), only if the work exists.
	 */
	public static SolrInputDocument flag(String workId, boolean onShelf) {
		SolrInputDocument doc = new SolrInputDocument();
		doc.setField(SolrFields.ID, workId);
		doc.setField(VERSION, 1L);
		doc.setField(SolrFields.ON_SHELF, Map.of("set", onShelf ? 1 : 0));
		return doc;
	}

	/** Each group of documents in order; a group whose document is not in the index (a version conflict) is skipped. */
	private void send(List<List<SolrInputDocument>> works) {
		if (works.isEmpty()) {
			return;
		}
		try {
			commit(works.stream().flatMap(List::stream).toList());
		}
		catch (SolrException ex) {
			if (ex.code() != SolrException.ErrorCode.CONFLICT.code) {
				throw ex;
			}
			// some work is not in the index yet: send work by work and skip those
			for (List<SolrInputDocument> pair : works) {
				try {
					commit(pair);
				}
				catch (SolrException one) {
					if (one.code() != SolrException.ErrorCode.CONFLICT.code) {
						throw one;
					}
				}
			}
		}
	}

	private void commit(List<SolrInputDocument> docs) {
		UpdateRequest update = new UpdateRequest();
		update.add(docs);
		update.setAction(AbstractUpdateRequest.ACTION.COMMIT, false, true, true);
		try {
			update.process(solr);
		}
		catch (SolrServerException | IOException ex) {
			throw new CatalogIndexException("could not update availability of " + docs.size()
					+ " works", ex);
		}
	}

	private long backlog() {
		return jdbc.sql("select count(distinct work_id) from availability_outbox").query(Long.class).single();
	}

	public Status status() {
		return new Status(backlog(), indexedWorks.get(), batches.get(), lastBatchMillis, failingSince, lastError);
	}

	/**
	 * @param backlog works waiting in the outbox (all nodes)
	 * @param indexedWorks works this node has sent since it started
	 * @param batches batches this node has sent
	 * @param lastBatchMillis how long the last batch took, Solr commit included
	 * @param failingSince when Solr started failing, null while it works
	 * @param lastError the last failure
	 */
	public record Status(long backlog, long indexedWorks, long batches, long lastBatchMillis, Instant failingSince,
			String lastError) {
	}

}
