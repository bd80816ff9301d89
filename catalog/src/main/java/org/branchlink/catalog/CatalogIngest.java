package org.branchlink.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.branchlink.catalog.index.WorkIndexer;
import org.branchlink.catalog.ingest.IngestRunStore;
import org.branchlink.catalog.ingest.WorkStore;
import org.branchlink.catalog.marc.MarcCharset;
import org.branchlink.catalog.marc.MarcFlavour;
import org.branchlink.catalog.marc.MarcSources;
import org.branchlink.catalog.marc.RawRecord;
import org.branchlink.catalog.record.InvalidRecordException;
import org.branchlink.catalog.record.MarcRecordMapper;
import org.branchlink.catalog.spreadsheet.SpreadsheetInventory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Brings sites' records into the catalogue: one pipeline for every source. A reader (MARC, a spreadsheet, a harvest,
 * a push) feeds an {@link IngestRun}; the run stores its batches ({@link BatchStore}: records of the same edition from
 * different sites merge into one work, by any shared ISBN-13, else by normalized title, author and year) and hands
 * the works each batch touched to its target ({@link IngestTarget}: indexed batch by batch for a site's run, once at
 * the end for a {@link BulkLoad}); it reports its counts and refused records to a ledger kept in PostgreSQL.
 */
@Component
public class CatalogIngest implements RecordFiles {

	private static final Logger log = LoggerFactory.getLogger(CatalogIngest.class);

	private static final long PROGRESS_LOG_MILLIS = 10_000;

	private final WorkStore store;

	private final IngestRunStore runs;

	private final Clock clock;

	private final WorkIndexer indexer;

	private final BatchStore batches;

	private final IndexEachBatch eachBatch;

	private final Map<Long, IngestRun> running = new ConcurrentHashMap<>();

	private final Map<Long, Long> lastLogged = new ConcurrentHashMap<>();

	private final IngestRun.Ledger ledger = new RunLedger();

	CatalogIngest(WorkStore store, IngestRunStore runs, Clock clock, WorkIndexer indexer, BatchStore batches,
			IndexEachBatch eachBatch) {
		this.store = store;
		this.indexer = indexer;
		this.runs = runs;
		this.clock = clock;
		this.batches = batches;
		this.eachBatch = eachBatch;
	}

	/** Starts a run; feed it, then {@link IngestRun#finish()}. */
	public IngestRun start(String siteId, String source, IngestMode mode) {
		return start(siteId, source, mode, eachBatch);
	}

	/** Starts a bulk load: many sources stored as runs, their works indexed once at its end. */
	public BulkLoad bulkLoad() {
		return new BulkLoad(this, indexer, store);
	}

	private IngestRun start(String siteId, String source, IngestMode mode, IngestTarget target) {
		long id = runs.start(siteId, source, mode, clock.instant());
		IngestRun run = new IngestRun(id, siteId, source, mode, clock, batches, target, ledger);
		running.put(id, run);
		log.info("Ingest run {} started: site {}, {} ({})", id, siteId, source, mode);
		return run;
	}

	@Override
	public IngestReport ingestFile(String siteId, String fileName, InputStream content, MarcCharset charset,
			IngestMode mode) {
		return ingestFile(siteId, fileName, content, charset, mode, eachBatch);
	}

	IngestReport ingestFile(String siteId, String fileName, InputStream content, MarcCharset charset, IngestMode mode,
			IngestTarget target) {
		return RecordFiles.isSpreadsheet(fileName) ? ingestSpreadsheet(siteId, fileName, content, mode, target)
				: ingestMarc(siteId, fileName, content, charset, mode, target);
	}

	/**
	 * Ingests a MARC source (ISO 2709 or MARCXML, MARC21 or UNIMARC/CNMARC) for a site: every record read is stored
	 * and indexed, every record refused goes to the quarantine with its position and reason, and the run goes on.
	 */
	public IngestReport ingestMarc(String siteId, String source, InputStream in, MarcCharset charset, IngestMode mode) {
		return ingestMarc(siteId, source, in, charset, mode, eachBatch);
	}

	IngestReport ingestMarc(String siteId, String source, InputStream in, MarcCharset charset, IngestMode mode,
			IngestTarget target) {
		IngestRun run = start(siteId, source, mode, target);
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
		return ingestSpreadsheet(siteId, source, in, mode, eachBatch);
	}

	IngestReport ingestSpreadsheet(String siteId, String source, InputStream in, IngestMode mode, IngestTarget target) {
		List<SpreadsheetInventory.Entry> rows;
		try (in) {
			rows = SpreadsheetInventory.read(siteId, source, in);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("cannot read the spreadsheet " + source + ": " + ex.getMessage(), ex);
		}
		IngestRun run = start(siteId, source, mode, target);
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

	/** The runs' ledger: their refused records and reports in PostgreSQL, the running ones shown live, the log. */
	private final class RunLedger implements IngestRun.Ledger {

		@Override
		public void quarantined(IngestRun run, String source, String position, String reason, byte[] raw) {
			runs.quarantine(run.id(), run.siteId(), source, position, reason, raw);
		}

		@Override
		public void progressed(IngestRun run) {
			IngestReport report = run.report();
			runs.save(report);
			long now = System.currentTimeMillis();
			Long last = lastLogged.putIfAbsent(run.id(), now);
			if (last != null && now - last >= PROGRESS_LOG_MILLIS) {
				lastLogged.put(run.id(), now);
				log.info("Ingest run {} (site {}): {} read, {}/s, {} quarantined so far", run.id(), run.siteId(),
						report.read(), report.recordsPerSecond(), report.quarantined());
			}
		}

		@Override
		public void ended(IngestRun run) {
			IngestReport report = run.report();
			runs.save(report);
			running.remove(run.id());
			lastLogged.remove(run.id());
			if ("finished".equals(report.state())) {
				log.info("Ingest run {} finished: site {}, {} read ({}/s), {} added, {} updated, {} unchanged, {} deleted, "
						+ "{} quarantined; {} ms storing, {} ms indexing", run.id(), run.siteId(), report.read(),
						report.recordsPerSecond(), report.added(), report.updated(), report.unchanged(), report.deleted(),
						report.quarantined(), run.storeNanos / 1_000_000, run.indexNanos / 1_000_000);
			}
		}

	}

}
