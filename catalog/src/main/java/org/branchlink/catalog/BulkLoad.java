package org.branchlink.catalog;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.branchlink.catalog.index.WorkIndexer;
import org.branchlink.catalog.ingest.WorkStore;
import org.branchlink.catalog.marc.MarcCharset;

/**
 * Many sources loaded as one: a county's first load, or a migration, where every site sends its whole catalogue at
 * once. Each source is its own ingest run (counts, quarantine, removal of records a full source no longer has), but
 * no work is indexed while the runs go on: {@link #finish()} indexes every work they touched once, from the database.
 * A work held by four sites is indexed once instead of once per site's file, and no batch reads works back to merge
 * them. Until {@code finish()} the loaded records are stored but not searchable, and their works keep their OAI-PMH
 * datestamps (new works have none, so harvesters do not see them yet): {@code finish()} dates every touched work, in
 * statements of its own while the index is built, not in the runs' batches, where two sites' batches sharing works waited for each other's
 * row locks on them. A load that dies before it leaves the records stored; a reindex
 * ({@code POST /api/catalog/reindex}) makes them searchable, but their works stay undated (unseen by OAI-PMH
 * harvesters) until they next change. Runs may be fed from several threads.
 */
public final class BulkLoad implements IngestTarget, RecordFiles {

	private final CatalogIngest ingest;

	private final WorkIndexer indexer;

	private final WorkStore store;

	/** Works dated per statement at the end (each its own transaction: no long lock on the work table). */
	private static final int DATING_CHUNK = 10_000;

	private final Set<String> touched = ConcurrentHashMap.newKeySet();

	private final List<IngestReport> reports = Collections.synchronizedList(new ArrayList<>());

	private volatile boolean finished;

	BulkLoad(CatalogIngest ingest, WorkIndexer indexer, WorkStore store) {
		this.ingest = ingest;
		this.indexer = indexer;
		this.store = store;
	}

	/** Stores a site's file as a run of this load; see {@link RecordFiles#ingestFile}. */
	@Override
	public IngestReport ingestFile(String siteId, String fileName, InputStream content, MarcCharset charset,
			IngestMode mode) {
		requireOpen();
		IngestReport report = ingest.ingestFile(siteId, fileName, content, charset, mode, this);
		reports.add(report);
		return report;
	}

	/** Stores a site's MARC source as a run of this load; see {@link CatalogIngest#ingestMarc}. */
	public IngestReport ingestMarc(String siteId, String source, InputStream in, MarcCharset charset, IngestMode mode) {
		requireOpen();
		IngestReport report = ingest.ingestMarc(siteId, source, in, charset, mode, this);
		reports.add(report);
		return report;
	}

	/** Stores a reading room's spreadsheet as a run of this load; see {@link CatalogIngest#ingestSpreadsheet}. */
	public IngestReport ingestSpreadsheet(String siteId, String source, InputStream in, IngestMode mode) {
		requireOpen();
		IngestReport report = ingest.ingestSpreadsheet(siteId, source, in, mode, this);
		reports.add(report);
		return report;
	}

	@Override
	public boolean datesEachBatch() {
		return false;
	}

	@Override
	public void stored(IngestRun run, BatchStore.Outcome batch) {
		touched.addAll(batch.existing());
		touched.addAll(batch.fresh().keySet());
	}

	@Override
	public void removed(Collection<String> works) {
		touched.addAll(works);
	}

	@Override
	public void ended(IngestRun run, boolean failed) {
		// nothing is searchable before the load's finish()
	}

	/**
	 * Indexes every work the load's runs touched and makes them searchable.
	 * @return the runs' reports, in the order they ended
	 */
	public List<IngestReport> finish() {
		requireOpen();
		finished = true;
		List<String> works = new ArrayList<>(touched);
		Collections.sort(works);
		// the tables may have grown from nothing: without fresh statistics the indexer's reads were planned as
		// parallel hash joins over whole tables until autovacuum got round to analysing them
		store.analyze();
		// datestamps are written while the index is built (PostgreSQL writes while Solr analyses): done before return
		CompletableFuture<Void> dating = CompletableFuture.runAsync(() -> {
			for (int from = 0; from < works.size(); from += DATING_CHUNK) {
				store.markChanged(works.subList(from, Math.min(works.size(), from + DATING_CHUNK)));
			}
		}, runnable -> {
			Thread thread = new Thread(runnable, "bulk-load-dating");
			thread.setDaemon(true);
			thread.start();
		});
		indexer.index(works, null, "Bulk load of " + reports.size() + " sources");
		dating.join();
		indexer.commit("bulk load");
		return List.copyOf(reports);
	}

	private void requireOpen() {
		if (finished) {
			throw new IllegalStateException("this bulk load is finished");
		}
	}

}
