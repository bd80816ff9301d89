package org.branchlink.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.solr.common.SolrInputDocument;
import org.branchlink.catalog.index.WorkDocuments;
import org.branchlink.catalog.index.WorkIndexer;
import org.branchlink.catalog.ingest.IngestRunStore;
import org.branchlink.catalog.ingest.StoredRecord;
import org.branchlink.catalog.ingest.WorkStore;
import org.branchlink.catalog.ingest.WorkStore.Existing;
import org.branchlink.catalog.ingest.WorkStore.HeldRecord;
import org.branchlink.catalog.ingest.WorkStore.Placed;
import org.branchlink.catalog.ingest.WorkMerging;
import org.branchlink.catalog.ingest.WorkMerging.Merged;
import org.branchlink.catalog.marc.MarcCharset;
import org.branchlink.catalog.marc.MarcFlavour;
import org.branchlink.catalog.marc.MarcSources;
import org.branchlink.catalog.marc.RawRecord;
import org.branchlink.catalog.record.InvalidRecordException;
import org.branchlink.catalog.record.Item;
import org.branchlink.catalog.record.MarcRecordMapper;
import org.branchlink.catalog.spreadsheet.SpreadsheetInventory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings sites' records into the catalogue. Records of the same edition from different sites merge into one work
 * (by any shared ISBN-13, else by normalized title, author and year); each batch re-indexes only the works it
 * touched, so one new record never forces a rebuild. Runs, counts and refused records are kept in PostgreSQL.
 */
@Component
public class CatalogIngest {

	private static final Logger log = LoggerFactory.getLogger(CatalogIngest.class);

	private static final long PROGRESS_LOG_MILLIS = 10_000;

	private final WorkStore store;

	private final IngestRunStore runs;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final WorkIndexer indexer;

	private final Map<Long, IngestRun> running = new ConcurrentHashMap<>();

	private final Map<Long, Long> lastLogged = new ConcurrentHashMap<>();

	private final WorkMerging merging;

	CatalogIngest(WorkStore store, WorkMerging merging, IngestRunStore runs, TransactionTemplate transactions,
			Clock clock, WorkIndexer indexer) {
		this.store = store;
		this.merging = merging;
		this.indexer = indexer;
		this.runs = runs;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Starts a run; feed it, then {@link IngestRun#finish()}. */
	public IngestRun start(String siteId, String source, IngestMode mode) {
		return start(siteId, source, mode, null);
	}

	/** Starts a bulk load: many sources stored as runs, their works indexed once at its end. */
	public BulkLoad bulkLoad() {
		return new BulkLoad(this, indexer, store);
	}

	private IngestRun start(String siteId, String source, IngestMode mode, BulkLoad bulk) {
		long id = runs.start(siteId, source, mode, clock.instant());
		IngestRun run = new IngestRun(this, id, siteId, source, mode, clock, bulk);
		running.put(id, run);
		log.info("Ingest run {} started: site {}, {} ({})", id, siteId, source, mode);
		return run;
	}

	/**
	 * Ingests a MARC source (ISO 2709 or MARCXML, MARC21 or UNIMARC/CNMARC) for a site: every record read is stored
	 * and indexed, every record refused goes to the quarantine with its position and reason, and the run goes on.
	 */
	public IngestReport ingestMarc(String siteId, String source, InputStream in, MarcCharset charset, IngestMode mode) {
		return ingestMarc(siteId, source, in, charset, mode, null);
	}

	IngestReport ingestMarc(String siteId, String source, InputStream in, MarcCharset charset, IngestMode mode,
			BulkLoad bulk) {
		IngestRun run = start(siteId, source, mode, bulk);
		try {
			Iterator<RawRecord> records = MarcSources.open(in, charset);
			while (records.hasNext()) {
				RawRecord raw = records.next();
				if (raw.isRefused()) {
					run.quarantine(raw.position(), raw.problem(), raw.raw());
					continue;
				}
				try {
					run.accept(MarcRecordMapper.map(raw.record(), siteId),
							MarcFlavour.of(raw.record()).name().toLowerCase(), raw.raw());
				}
				catch (InvalidRecordException ex) {
					run.quarantine(raw.position(), ex.getMessage(), raw.raw());
				}
			}
			return run.finish();
		}
		catch (RuntimeException ex) {
			run.fail(ex.getMessage());
			throw ex;
		}
		finally {
			try {
				in.close();
			}
			catch (IOException ex) {
				log.debug("closing {}", source, ex);
			}
		}
	}

	/**
	 * Ingests a reading room's inventory spreadsheet (CSV or XLSX, see {@link SpreadsheetInventory}); rows without a title are quarantined.
	 * @throws IllegalArgumentException when the file has no usable header row; nothing is ingested then
	 */
	public IngestReport ingestSpreadsheet(String siteId, String source, InputStream in, IngestMode mode) {
		return ingestSpreadsheet(siteId, source, in, mode, null);
	}

	IngestReport ingestSpreadsheet(String siteId, String source, InputStream in, IngestMode mode, BulkLoad bulk) {
		List<SpreadsheetInventory.Row> rows;
		try (in) {
			rows = SpreadsheetInventory.read(siteId, source, in);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("cannot read the spreadsheet " + source + ": " + ex.getMessage(), ex);
		}
		IngestRun run = start(siteId, source, mode, bulk);
		try {
			for (var row : rows) {
				if (row.problem() != null) {
					run.quarantine(row.position(), row.problem(), null);
				}
				else {
					run.accept(row.record(), "spreadsheet", null);
				}
			}
			return run.finish();
		}
		catch (RuntimeException ex) {
			run.fail(ex.getMessage());
			throw ex;
		}
	}

	/** Runs still going, then the latest finished ones, newest first. */
	public List<IngestReport> reports(String siteId, int limit) {
		List<IngestReport> reports = new ArrayList<>(running.values()
			.stream()
			.filter(run -> siteId == null || run.siteId().equals(siteId))
			.map(IngestRun::report)
			.toList());
		reports.addAll(runs.finished(siteId, limit));
		return reports;
	}

	/** Refused records, newest first; of one site, or of all when {@code siteId} is null. */
	public List<QuarantinedRecord> quarantined(String siteId, int limit) {
		return runs.quarantined(siteId, limit);
	}

	/** Rebuilds the search documents of these works from the database. */
	public void reindex(Collection<String> workIds) {
		indexer.update(workIds, List.of());
	}

	void flush(IngestRun run, List<StoredRecord> batch, Set<String> deletions) {
		long t0 = System.nanoTime();
		Map<String, StoredRecord> byId = new LinkedHashMap<>();
		for (StoredRecord stored : batch) {
			if (byId.put(stored.record().recordId(), stored) != null) {
				run.updated++; // the same record id again in this source: the later copy replaces the earlier
			}
		}
		for (String deletion : deletions) {
			if (byId.remove(deletion) != null) {
				run.updated++; // sent and deleted in the same batch: the deletion wins
			}
		}
		// two transactions: the works first (one batch at a time in the whole catalogue), then the records (one batch
		// at a time per site), so sites store side by side. A crash between leaves works without records, which the
		// next record with one of their keys joins. Records unchanged at a first look are not merged again (a
		// nightly full export is mostly those).
		long writes = store.siteWrites(run.siteId()); // before the look: a write after it shows in the count
		Map<String, Existing> firstLook = store.existing(run.siteId(), byId.keySet());
		List<StoredRecord> changed = byId.values().stream().filter(r -> !unchanged(firstLook, r)).toList();
		Merged merged = changed.isEmpty() ? Merged.NONE : transactions.execute(status -> merging.merge(changed));
		Changes changes = transactions.execute(status -> store(run, byId, deletions, merged, writes, firstLook));
		run.storeNanos += System.nanoTime() - t0;
		if (run.bulk() != null) {
			run.bulk().touched(changes.existing());
			run.bulk().touched(changes.fresh().keySet());
			logProgress(run);
			return;
		}
		Map<String, WorkStore.HoldingSite> sites = store.sites();
		long t1 = System.nanoTime();
		List<SolrInputDocument> fresh = new ArrayList<>(changes.fresh().size());
		// copies of new records may have circulated already (an item moved to a new record id)
		Map<String, ItemState> states = store.states(run.siteId(), changes.fresh().values().stream()
			.flatMap(List::stream).flatMap(r -> r.record().items().stream()).map(Item::barcode).toList());
		changes.fresh().forEach((work, records) -> fresh.add(WorkDocuments.of(work, records.stream()
			.map(r -> new HeldRecord(r.record(), sites.getOrDefault(r.record().siteId(),
					WorkStore.HoldingSite.unknown(r.record().siteId())), states, r.sourceFormat()))
			.toList(), sites)));
		indexer.update(changes.existing(), fresh);
		run.indexNanos += System.nanoTime() - t1;
		logProgress(run);
	}

	/** Works touched by a batch: existing ones (rebuilt from the database) and new ones (built from the batch). */
	private record Changes(Set<String> existing, Map<String, List<StoredRecord>> fresh) {
	}

	private static boolean unchanged(Map<String, Existing> existing, StoredRecord record) {
		Existing before = existing.get(record.record().recordId());
		return before != null && before.contentSha1().equals(record.contentSha1());
	}

	private Changes store(IngestRun run, Map<String, StoredRecord> byId, Set<String> deletions, Merged firstMerge,
			long writesAtFirstLook, Map<String, Existing> firstLook) {
		// the first look still holds when no other write of the site's records came between it and this one
		Map<String, Existing> existing = store.lockSite(run.siteId()) == writesAtFirstLook + 1 ? firstLook
				: store.existing(run.siteId(), byId.keySet());
		// another run of the site changed a record since the first look: its work is found now, under both locks (the
		// site's, then the catalogue's: no transaction takes them the other way round)
		List<StoredRecord> late = byId.values().stream()
			.filter(r -> !unchanged(existing, r) && !firstMerge.workOf().containsKey(r.record().recordId()))
			.toList();
		Merged merged = late.isEmpty() ? firstMerge : firstMerge.and(merging.merge(late));
		List<String> unchangedIds = new ArrayList<>();
		Set<String> affected = new HashSet<>();
		List<Placed> placed = new ArrayList<>();
		Map<String, List<StoredRecord>> fresh = new LinkedHashMap<>();
		for (StoredRecord stored : byId.values()) {
			String id = stored.record().recordId();
			Existing before = existing.get(id);
			if (unchanged(existing, stored)) {
				unchangedIds.add(id);
				run.unchanged++;
				continue;
			}
			String work = merged.workOf().get(id);
			placed.add(new Placed(stored, work, before == null));
			if (before == null) {
				run.added++;
			}
			else {
				run.updated++;
				affected.add(before.workId());
			}
			if (before == null && merged.created().contains(work)) {
				fresh.computeIfAbsent(work, w -> new ArrayList<>()).add(stored);
			}
			else {
				affected.add(work);
			}
		}
		if (!placed.isEmpty()) {
			store.saveRecords(run.siteId(), placed, run.id());
		}
		if (!unchangedIds.isEmpty()) {
			store.touch(run.siteId(), unchangedIds, run.id());
		}
		if (!deletions.isEmpty()) {
			List<String> works = store.delete(run.siteId(), deletions);
			run.deleted += works.size();
			affected.addAll(works);
		}
		fresh.keySet().removeAll(affected);
		if (run.bulk() == null) {
			// a bulk load dates its works when it finishes (BulkLoad.finish): two sites' batches sharing works would
			// otherwise wait for each other's row locks on those works until each commits
			Set<String> changedWorks = new HashSet<>(affected);
			changedWorks.addAll(fresh.keySet());
			store.markChanged(changedWorks);
		}
		return new Changes(affected, fresh);
	}

	int removeNotSeen(IngestRun run) {
		List<String> works = transactions.execute(status -> {
			store.lockSite(run.siteId());
			List<String> gone = store.deleteNotSeen(run.siteId(), run.id());
			if (run.bulk() == null) {
				store.markChanged(gone);
			}
			return gone;
		});
		if (run.bulk() != null) {
			run.bulk().touched(works);
		}
		else {
			reindex(new HashSet<>(works));
		}
		if (!works.isEmpty()) {
			log.info("Ingest run {}: {} records of site {} not in the full source were removed", run.id(), works.size(),
					run.siteId());
		}
		return works.size();
	}

	void finish(IngestRun run) {
		if (run.bulk() == null) {
			commit("run " + run.id());
		}
		running.remove(run.id());
		lastLogged.remove(run.id());
		IngestReport report = run.report();
		log.info("Ingest run {} finished: site {}, {} read ({}/s), {} added, {} updated, {} unchanged, {} deleted, {} quarantined; "
				+ "{} ms storing, {} ms indexing", run.id(), run.siteId(), report.read(), report.recordsPerSecond(),
				report.added(), report.updated(), report.unchanged(), report.deleted(), report.quarantined(),
				run.storeNanos / 1_000_000, run.indexNanos / 1_000_000);
	}

	/** Makes everything sent so far searchable. */
	void commit(String what) {
		indexer.commit(what);
	}

	void commitQuietly(IngestRun run) {
		try {
			indexer.commit("run " + run.id());
		}
		catch (RuntimeException ex) {
			log.warn("Ingest run {} failed and what it stored is not yet searchable: {}", run.id(), ex.getMessage());
		}
		running.remove(run.id());
		lastLogged.remove(run.id());
	}

	void quarantine(IngestRun run, String source, String position, String reason, byte[] raw) {
		runs.quarantine(run.id(), run.siteId(), source, position, reason, raw);
	}

	void saveProgress(IngestRun run) {
		IngestReport report = run.report();
		runs.save(report);
		if (!"running".equals(report.state())) {
			running.remove(run.id());
		}
	}

	private void logProgress(IngestRun run) {
		long now = System.currentTimeMillis();
		Long last = lastLogged.putIfAbsent(run.id(), now);
		if (last != null && now - last >= PROGRESS_LOG_MILLIS) {
			lastLogged.put(run.id(), now);
			IngestReport report = run.report();
			log.info("Ingest run {} (site {}): {} read, {}/s, {} quarantined so far", run.id(), run.siteId(),
					report.read(), report.recordsPerSecond(), report.quarantined());
		}
	}

}
