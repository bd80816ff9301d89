package org.branchlink.catalog;

import java.io.InputStream;
import java.util.Locale;

import org.branchlink.catalog.marc.MarcCharset;

/**
 * Where a site's file of records is ingested: the catalogue, one run at a time indexed as it goes
 * ({@link CatalogIngest}), or a {@link BulkLoad} that indexes every run's works once at its end. The caller hands a
 * file to either the same way.
 */
public interface RecordFiles {

	/**
	 * Ingests a site's file as one run: a spreadsheet inventory by its {@code .csv}, {@code .xlsx} or {@code .xls}
	 * name, MARC (ISO 2709 or MARCXML, MARC21 or UNIMARC/CNMARC) otherwise.
	 *
	 * @param fileName the file's name, kept with the run and the quarantine
	 * @param content the file, read to its end and closed
	 * @param charset the character set of ISO 2709 records (MARC21 records otherwise say it in leader/09)
	 * @throws IllegalArgumentException when a spreadsheet has no usable header row; nothing is ingested then
	 */
	IngestReport ingestFile(String siteId, String fileName, InputStream content, MarcCharset charset, IngestMode mode);

	/** Whether a file of this name is read as a spreadsheet inventory. */
	static boolean isSpreadsheet(String fileName) {
		String lower = fileName.toLowerCase(Locale.ROOT);
		return lower.endsWith(".csv") || lower.endsWith(".xlsx") || lower.endsWith(".xls");
	}

}
