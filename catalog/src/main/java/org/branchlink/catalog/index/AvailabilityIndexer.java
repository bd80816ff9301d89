package org.branchlink.catalog.index;

import java.io.IOException;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.branchlink.catalog.ingest.WorkStore;
import org.branchlink.catalog.ingest.WorkStore.HeldRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pushes availability changes to Solr. One thread per node drains the availability outbox in batches: it locks the
 * oldest rows ({@code skip locked}, so nodes share the work), reads the works' copies and states from the database,
 * sets each work's two counts in place and replaces its copies document ({@link WorkDocuments#copies}), soft-commits so readers see it, and only
 * then deletes the rows. When Solr fails the rows stay and the thread backs off (up to 30 s) and retries, so the index
 * catches up when Solr returns. A commit makes the work of many changes visible at once: under load a batch gathers
 * every change queued while the previous one was committed, and batches start at least {@code commitGap} apart.
 */
@Component
public class AvailabilityIndexer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AvailabilityIndexer.class);

	private static final int BATCH = 500;

	private static final Duration POLL = Duration.ofMillis(500);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

	private final SolrClient solr;

	private final WorkStore store;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Semaphore signal = new Semaphore(0);

	/**
	 * The least time from one batch's start to the next's ({@code branchlink.catalog.availability-commit-gap}, 100 ms):
	 * under load one soft commit makes many changes visible at once. Each commit flushes a segment and opens a searcher;
	 * at 500 loans a second, a commit per batch meant 35 a second and about half the JVM's CPU per loan.
	 */
	private final Duration commitGap;

	private final AtomicLong indexedWorks = new AtomicLong();

	private final AtomicLong batches = new AtomicLong();

	private final AtomicLong loadNanos = new AtomicLong();

	private final AtomicLong solrNanos = new AtomicLong();

	private volatile Thread thread;

	private volatile boolean running;

	private volatile long lastBatchMillis;

	private volatile Instant failingSince;

	private volatile String lastError;

	AvailabilityIndexer(SolrClient solr, WorkStore store, JdbcClient jdbc, TransactionTemplate transactions,
			@Value("${branchlink.catalog.availability-commit-gap:100ms}") Duration commitGap) {
		this.commitGap = commitGap;
		this.solr = solr;
		this.store = store;
		this.jdbc = jdbc;
		this.transactions = transactions;
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
		while (running) {
			try {
				long began = System.nanoTime();
				int drained = drainOnce();
				if (failingSince != null) {
					log.info("Availability index reachable again after {} s; catching up",
							Duration.between(failingSince, Instant.now()).toSeconds());
					failingSince = null;
					lastError = null;
				}
				backoff = 250;
				if (drained == 0) {
					signal.drainPermits();
					signal.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS);
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
							+ "database, {} ms in Solr per batch), backlog {}", done, (now - reportedAt) / 1_000_000_000L,
							done * 1_000_000_000L / (now - reportedAt), batches.get(),
							loadNanos.get() / 1_000_000 / Math.max(1, batches.get()),
							solrNanos.get() / 1_000_000 / Math.max(1, batches.get()), backlog());
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

	/** One batch: returns how many queued works it took (0 when the outbox was empty). */
	int drainOnce() {
		Integer taken = transactions.execute(status -> {
			List<String> queued = new ArrayList<>();
			List<Long> seqs = new ArrayList<>();
			jdbc.sql("select work_id, seq from availability_outbox order by seq limit :n for update skip locked")
				.param("n", BATCH)
				.query((ResultSet rs) -> {
					queued.add(rs.getString(1));
					seqs.add(rs.getLong(2));
				});
			if (queued.isEmpty()) {
				return 0;
			}
			long t0 = System.nanoTime();
			// availability is part of the works' OAI-PMH records: their datestamps move with it
			store.markChanged(queued);
			Map<String, List<HeldRecord>> works = store.load(queued);
			Map<String, WorkStore.HoldingSite> sites = store.sites();
			List<List<SolrInputDocument>> docs = new ArrayList<>(works.size());
			works.forEach((id, records) -> {
				WorkDocuments.Availability availability = WorkDocuments.availability(records, sites);
				docs.add(update(id, availability));
			});
			long t1 = System.nanoTime();
			send(docs);
			loadNanos.addAndGet(t1 - t0);
			solrNanos.addAndGet(System.nanoTime() - t1);
			// the rows taken, in one statement; a change queued for one of the works meanwhile has a new seq and stays
			jdbc.sql("delete from availability_outbox where seq = any(:seqs)")
				.param("seqs", seqs.toArray(Long[]::new))
				.update();
			lastBatchMillis = (System.nanoTime() - t0) / 1_000_000;
			indexedWorks.addAndGet(docs.size());
			batches.incrementAndGet();
			return queued.size();
		});
		return taken == null ? 0 : taken;
	}

	/**
	 * What a change of a work's copies sends to Solr: the work's counts set in place, then its copies document.
	 */
	public static List<SolrInputDocument> update(String workId, WorkDocuments.Availability availability) {
		return List.of(counts(workId, availability), WorkDocuments.copies(workId, availability));
	}

	/**
	 * The work's counts, set in place: both are docValues-only numeric fields, so Solr rewrites their values without
	 * re-indexing the work (whose titles, names and subjects a Chinese analyser would segment again).
	 */
	private static SolrInputDocument counts(String workId, WorkDocuments.Availability availability) {
		SolrInputDocument doc = new SolrInputDocument();
		doc.setField(SolrFields.ID, workId);
		// only update a document that exists: a work not yet indexed gets its availability when the ingest indexes it
		doc.setField("_version_", 1L);
		doc.setField(SolrFields.ITEM_COUNT, Map.of("set", availability.items()));
		doc.setField(SolrFields.AVAILABLE_COUNT, Map.of("set", availability.available()));
		return doc;
	}

	/** Each work's pair: its counts first, so a work not in the index yet stops its pair before its copies. */
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
		return jdbc.sql("select count(*) from availability_outbox").query(Long.class).single();
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
