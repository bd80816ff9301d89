package org.branchlink.catalog.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrInputDocument;
import org.branchlink.catalog.CatalogIndexException;
import org.branchlink.catalog.ingest.WorkStore;
import org.branchlink.catalog.ingest.WorkStore.HeldRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Indexes many works from the database: one thread reads chunks of works (records, copies, circulation states) from
 * PostgreSQL ahead of two threads adding them to Solr, so the database and the index work at the same time. Works no longer in the database are deleted from the index. Logs progress with counts and rates. For full
 * reindexes and bulk loads; an ingest batch's few works go through {@link #update}. Commits only when asked.
 */
@Component
public class WorkIndexer {

	private static final Logger log = LoggerFactory.getLogger(WorkIndexer.class);

	private static final int CHUNK = 1000;

	/** Threads adding to Solr at once: Lucene indexes each thread's documents in its own segment. */
	private static final int SENDERS = 2;

	private static final long PROGRESS_LOG_NANOS = 10_000_000_000L;

	private final SolrClient solr;

	private final WorkStore store;

	WorkIndexer(SolrClient solr, WorkStore store) {
		this.solr = solr;
		this.store = store;
	}

	/**
	 * @param workIds the works to index
	 * @param collection the collection or core to index into, or null for the client's default
	 * @param what names the job in progress logs
	 * @return the number of work documents added
	 */
	public long index(List<String> workIds, String collection, String what) {
		if (workIds.isEmpty()) {
			return 0;
		}
		long started = System.nanoTime();
		long loggedAt = started;
		ExecutorService reader = Executors.newSingleThreadExecutor(daemon("work-indexer-reader"));
		ExecutorService senders = Executors.newFixedThreadPool(SENDERS, daemon("work-indexer-sender"));
		Semaphore ahead = new Semaphore(SENDERS + 2); // chunks read but not yet sent
		List<CompletableFuture<Integer>> sent = new ArrayList<>();
		try {
			for (int from = 0; from < workIds.size(); from += CHUNK) {
				ahead.acquire();
				List<String> ids = slice(workIds, from);
				sent.add(CompletableFuture.supplyAsync(() -> load(ids), reader).thenApplyAsync(chunk -> {
					send(chunk, collection);
					return chunk.works();
				}, senders).whenComplete((n, failure) -> ahead.release()));
				if (sent.stream().anyMatch(CompletableFuture::isCompletedExceptionally)) {
					break;
				}
				long now = System.nanoTime();
				if (now - loggedAt >= PROGRESS_LOG_NANOS) {
					loggedAt = now;
					int done = sent.stream().filter(f -> f.isDone() && !f.isCompletedExceptionally()).mapToInt(CompletableFuture::join).sum();
					log.info("{}: {} of {} works indexed ({}/s)", what, done, workIds.size(),
							Math.round(done / ((now - started) / 1e9)));
				}
			}
			long done = 0;
			for (CompletableFuture<Integer> chunk : sent) {
				done += chunk.join();
			}
			double seconds = Math.max(0.001, (System.nanoTime() - started) / 1e9);
			log.info("{}: {} works indexed in {} s ({}/s)", what, done, Math.round(seconds), Math.round(done / seconds));
			return done;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CatalogIndexException(what + " interrupted", ex);
		}
		catch (CompletionException ex) {
			throw ex.getCause() instanceof RuntimeException runtime ? runtime
					: new CatalogIndexException(what + " failed", ex.getCause());
		}
		finally {
			reader.shutdownNow();
			senders.shutdownNow();
		}
	}

	/**
	 * Rebuilds these works from the database (deleting from the index those no longer there) and adds documents
	 * already built (works an ingest batch created); visible within 10 s, or at the next {@link #commit}. For a
	 * batch's few works, on the caller's thread.
	 */
	public void update(Collection<String> workIds, List<SolrInputDocument> built) {
		if (workIds.isEmpty() && built.isEmpty()) {
			return;
		}
		Map<String, List<HeldRecord>> works = workIds.isEmpty() ? Map.of() : store.load(workIds);
		List<SolrInputDocument> docs = new ArrayList<>(built);
		Map<String, WorkStore.HoldingSite> sites = store.sites();
		works.forEach((id, records) -> docs.addAll(WorkDocuments.documents(id, records, sites)));
		UpdateRequest update = new UpdateRequest();
		if (!docs.isEmpty()) {
			update.add(docs);
		}
		List<String> gone = workIds.stream().filter(id -> !works.containsKey(id)).toList();
		if (!gone.isEmpty()) {
			update.deleteById(withCopies(gone));
		}
		// visible within 10 s while a run goes on; a run's end commits at once. Frequent commits would reopen
		// searchers over and over during a bulk load.
		update.setCommitWithin(10_000);
		try {
			update.process(solr);
		}
		catch (SolrServerException | IOException ex) {
			throw new CatalogIndexException("could not index " + docs.size() + " documents (works and their copies)", ex);
		}
	}

	/** Makes everything sent so far searchable (a hard commit that opens a new searcher). */
	public void commit(String what) {
		try {
			solr.commit(true, true, true);
		}
		catch (SolrServerException | IOException ex) {
			throw new CatalogIndexException("could not make " + what + " searchable", ex);
		}
	}

	private static ThreadFactory daemon(String name) {
		return task -> {
			Thread thread = new Thread(task, name);
			thread.setDaemon(true);
			return thread;
		};
	}

	/** The ids of works and of their copies documents. */
	private static List<String> withCopies(List<String> works) {
		List<String> ids = new ArrayList<>(works.size() * 2);
		for (String work : works) {
			ids.add(work);
			ids.add(WorkDocuments.copiesId(work));
		}
		return ids;
	}

	private static List<String> slice(List<String> ids, int from) {
		return ids.subList(from, Math.min(ids.size(), from + CHUNK));
	}

	private Chunk load(List<String> ids) {
		Map<String, List<HeldRecord>> works = store.load(ids);
		Map<String, WorkStore.HoldingSite> sites = store.sites();
		List<SolrInputDocument> docs = new ArrayList<>(works.size() * 2);
		works.forEach((id, records) -> docs.addAll(WorkDocuments.documents(id, records, sites)));
		List<String> gone = ids.stream().filter(id -> !works.containsKey(id)).toList();
		return new Chunk(docs, works.size(), gone);
	}

	private void send(Chunk chunk, String collection) {
		UpdateRequest update = new UpdateRequest();
		if (!chunk.docs().isEmpty()) {
			update.add(chunk.docs());
		}
		if (!chunk.gone().isEmpty()) {
			update.deleteById(withCopies(chunk.gone()));
		}
		try {
			update.process(solr, collection);
		}
		catch (SolrServerException | IOException ex) {
			throw new CatalogIndexException("could not index " + chunk.works() + " works", ex);
		}
	}

	private record Chunk(List<SolrInputDocument> docs, int works, List<String> gone) {
	}

}
