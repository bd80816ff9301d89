package org.branchlink.catalog.ingest;

import org.branchlink.catalog.record.BibRecord;

/**
 * A record as the ingest stores it: the normalized record, its source and a hash of its content to see changes.
 *
 * @param record the normalized record
 * @param sourceFormat {@code marc21}, {@code unimarc} (UNIMARC and CNMARC files), {@code spreadsheet}, {@code json},
 * {@code oai-marcxml}, {@code oai-unimarc} (UNIMARC/CNMARC in MARCXML) or {@code oai-oai_dc} (OAI-PMH harvests);
 * works whose representative record came in as {@code unimarc} or {@code oai-unimarc} are published as UNIMARC
 * @param source the source bytes (ISO 2709 or XML), may be null
 * @param contentSha1 hash of the normalized record, items included
 */
public record StoredRecord(BibRecord record, String sourceFormat, byte[] source, String contentSha1) {
}
