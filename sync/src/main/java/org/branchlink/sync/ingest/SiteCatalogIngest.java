package org.branchlink.sync.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.branchlink.catalog.BulkLoad;
import org.branchlink.catalog.CatalogIngest;
import org.branchlink.catalog.CatalogReindex;
import org.branchlink.catalog.IngestMode;
import org.branchlink.catalog.IngestReport;
import org.branchlink.catalog.RecordFiles;
import org.branchlink.catalog.marc.MarcCharset;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Component;

/**
 * Ingests a file of records for a site of the registry (MARC, or a spreadsheet inventory by its {@code .csv},
 * {@code .xlsx} or {@code .xls} name), whether it came through the file-drop route, a harvest or an
 * upload. The site's connector settings give the defaults: {@code charset} for ISO 2709 (UTF-8, MARC-8, GBK,
 * GB18030; MARC21 records otherwise say it in leader/09) and {@code mode} ({@code full} or {@code incremental}).
 */
@Component
public class SiteCatalogIngest {

	/** Files a bulk load reads at once. */
	private static final int BULK_READERS = 2;

	private final SiteDirectory sites;

	private final CatalogIngest catalog;

	private final CatalogReindex reindex;

	SiteCatalogIngest(SiteDirectory sites, CatalogIngest catalog, CatalogReindex reindex) {
		this.sites = sites;
		this.catalog = catalog;
		this.reindex = reindex;
	}

	/**
	 * Rebuilds the whole search index (works and sites) from the database behind the alias, so search stays up.
	 * @return the number of works indexed
	 */
	public long reindexAll() {
		return reindex.rebuild(SiteIndexing.documents(sites.require()));
	}

	/**
	 * Rebuilds the embedded index when it was built with an older configset (see the configset's CHANGELOG: "reindex
	 * needed"); search answers from the old index meanwhile.
	 * @return the change rebuilt for ({@code "5 -> 6"}), empty when the index matched its configset
	 */
	public Optional<String> reindexForConfigsetChange() {
		if (reindex.pendingConfigsetChange().isEmpty() || sites.current().isEmpty()) {
			return Optional.empty();
		}
		return reindex.rebuildForConfigsetChange(SiteIndexing.documents(sites.require()));
	}

	/**
	 * @param siteId a site of the registry
	 * @param fileName the file's name, kept with the run and the quarantine
	 * @param content the file, read to its end and closed
	 * @param charset the character set, or null for the site's setting
	 * @param mode full or incremental, or null for the site's setting (incremental when unset)
	 * @throws UnknownSiteException when the registry has no such site
	 */
	public IngestReport ingestFile(String siteId, String fileName, InputStream content, String charset, IngestMode mode) {
		return ingest(catalog, siteId, fileName, content, charset, mode);
	}

	/**
	 * Loads several sites' files as one bulk load (a county's first load, a migration): each file is stored as its
	 * site's run, with the site's character set and mode, and every work is indexed once at the end, so a title
	 * held by many sites is not indexed again for each. Two files are read at once (reading and mapping MARC is
	 * most of a load's time outside PostgreSQL and Solr), started in the order given, and stored side by side when
	 * they are different sites' (see {@code WorkStore.lockSite}).
	 * @throws UnknownSiteException when a file names a site the registry lacks; nothing is loaded then
	 * @return the runs' reports, in the order of the files
	 * @throws RuntimeException what stopped the first file that failed (unreadable, no header row…); no file after it
	 *         starts, and what the files read until then stored is searchable all the same
	 */
	public List<IngestReport> ingestFiles(List<SiteFile> files) {
		files.forEach(file -> sites.require().find(file.siteId()).orElseThrow(() -> new UnknownSiteException(file.siteId())));
		BulkLoad load = catalog.bulkLoad();
		RuntimeException failure = null;
		List<IngestReport> reports = new ArrayList<>();
		ExecutorService readers = Executors.newFixedThreadPool(Math.min(BULK_READERS, files.size()), task -> {
			Thread thread = new Thread(task, "bulk-load-reader");
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<Future<IngestReport>> runs = new ArrayList<>();
			for (SiteFile file : files) {
				runs.add(readers.submit(() -> ingest(load, file)));
			}
			for (Future<IngestReport> run : runs) {
				try {
					reports.add(run.get());
				}
				catch (ExecutionException ex) {
					if (failure == null) { // the first file that failed, in the order given; no file after it starts
						failure = ex.getCause() instanceof RuntimeException runtime ? runtime
								: new IllegalStateException(ex.getCause());
						runs.forEach(later -> later.cancel(false));
					}
				}
				catch (CancellationException ex) {
					// not started after an earlier file failed
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			failure = new IllegalStateException("interrupted while loading", ex);
		}
		finally {
			readers.shutdownNow();
		}
		// what the files before a failure (and the failed one) stored is indexed all the same, then the failure is reported
		try {
			load.finish();
		}
		catch (RuntimeException indexing) {
			if (failure == null) {
				throw indexing;
			}
			failure.addSuppressed(indexing);
			throw failure;
		}
		if (failure != null) {
			throw failure;
		}
		return reports;
	}

	private IngestReport ingest(BulkLoad load, SiteFile file) {
		try (InputStream content = file.content().getInputStream()) {
			return ingest(load, file.siteId(), file.name(), content, null, null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file.name() + " of site " + file.siteId(), ex);
		}
		catch (IllegalArgumentException ex) { // say which of the files it was
			throw new IllegalArgumentException(file.name() + " of site " + file.siteId() + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * A site's file for {@link #ingestFiles}.
	 * @param name the file's name (its ending tells a spreadsheet from MARC), kept with the run
	 * @param content the file (an uploaded part, a {@code ByteArrayResource}, a {@code FileSystemResource}…)
	 */
	public record SiteFile(String siteId, String name, InputStreamSource content) {

		public static SiteFile of(String siteId, Path path) {
			return new SiteFile(siteId, path.getFileName().toString(), new FileSystemResource(path));
		}

	}

	/** A site's file into the catalogue or a bulk load, with the site's connector settings as its defaults. */
	private IngestReport ingest(RecordFiles into, String siteId, String fileName, InputStream content, String charset,
			IngestMode mode) {
		Site site = sites.require().find(siteId).orElseThrow(() -> new UnknownSiteException(siteId));
		MarcCharset effectiveCharset = MarcCharset.parse(charset != null ? charset : site.connector().parameters().get("charset"));
		IngestMode effectiveMode = mode != null ? mode
				: "full".equalsIgnoreCase(site.connector().parameters().getOrDefault("mode", "")) ? IngestMode.FULL
						: IngestMode.INCREMENTAL;
		return into.ingestFile(siteId, fileName, content, effectiveCharset, effectiveMode);
	}

	/** The registry has no site with this id. */
	public static class UnknownSiteException extends RuntimeException {

		public UnknownSiteException(String siteId) {
			super("no site '" + siteId + "' in the registry");
		}

	}

}
