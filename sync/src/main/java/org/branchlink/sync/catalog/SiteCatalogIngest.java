package org.branchlink.sync.catalog;

import java.io.InputStream;

import org.branchlink.catalog.CatalogIngest;
import org.branchlink.catalog.IngestMode;
import org.branchlink.catalog.IngestReport;
import org.branchlink.catalog.marc.MarcCharset;
import org.branchlink.sync.site.Site;
import org.branchlink.sync.site.SiteDirectory;

import org.springframework.stereotype.Component;

/**
 * Ingests a file of records for a site of the registry (MARC, or a spreadsheet inventory by its {@code .csv},
 * {@code .xlsx} or {@code .xls} name), whether it came through the file-drop route, a harvest or an
 * upload. The site's connector settings give the defaults: {@code charset} for ISO 2709 (UTF-8, MARC-8, GBK,
 * GB18030; MARC21 records otherwise say it in leader/09) and {@code mode} ({@code full} or {@code incremental}).
 */
@Component
public class SiteCatalogIngest {

	private final SiteDirectory sites;

	private final CatalogIngest catalog;

	private final org.branchlink.catalog.CatalogReindex reindex;

	SiteCatalogIngest(SiteDirectory sites, CatalogIngest catalog, org.branchlink.catalog.CatalogReindex reindex) {
		this.sites = sites;
		this.catalog = catalog;
		this.reindex = reindex;
	}

	/**
	 * Rebuilds the whole search index (works and sites) from the database behind the alias, so search stays up.
	 * @return the number of works indexed
	 */
	public long reindexAll() {
		return reindex.rebuild(org.branchlink.sync.site.SiteIndexing.documents(sites.require()));
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
		Site site = sites.require().find(siteId).orElseThrow(() -> new UnknownSiteException(siteId));
		MarcCharset effectiveCharset = MarcCharset.parse(charset != null ? charset : site.connector().parameters().get("charset"));
		IngestMode effectiveMode = mode != null ? mode
				: "full".equalsIgnoreCase(site.connector().parameters().getOrDefault("mode", "")) ? IngestMode.FULL
						: IngestMode.INCREMENTAL;
		String lower = fileName.toLowerCase(java.util.Locale.ROOT);
		if (lower.endsWith(".csv") || lower.endsWith(".xlsx") || lower.endsWith(".xls")) {
			return catalog.ingestSpreadsheet(siteId, fileName, content, effectiveMode);
		}
		return catalog.ingestMarc(siteId, fileName, content, effectiveCharset, effectiveMode);
	}

	/** The registry has no site with this id. */
	public static class UnknownSiteException extends RuntimeException {

		public UnknownSiteException(String siteId) {
			super("no site '" + siteId + "' in the registry");
		}

	}

}
