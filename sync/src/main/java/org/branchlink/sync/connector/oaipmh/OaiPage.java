package org.branchlink.sync.connector.oaipmh;

import java.util.List;

import org.branchlink.catalog.record.BibRecord;

/**
 * One page of an OAI-PMH ListRecords response.
 *
 * @param records records on the page, in order: mapped, deleted, or refused with a reason
 * @param resumptionToken the token for the next page; empty on the last page
 * @param errorCode the OAI error code ({@code noRecordsMatch}, {@code badResumptionToken}…), empty when none
 * @param errorMessage the error's text
 */
record OaiPage(List<Entry> records, String resumptionToken, String errorCode, String errorMessage) {

	/**
	 * @param identifier the OAI identifier, the record's id at the site
	 * @param datestamp its datestamp, the record's version
	 * @param deleted whether the header says {@code status="deleted"}
	 * @param record the mapped record; null when deleted or refused
	 * @param problem why the record was refused; null otherwise
	 * @param unimarc whether the record is UNIMARC/CNMARC in MARCXML (stored so, and published as UNIMARC again)
	 */
	record Entry(String identifier, String datestamp, boolean deleted, BibRecord record, String problem, boolean unimarc) {

		Entry(String identifier, String datestamp, boolean deleted, BibRecord record, String problem) {
			this(identifier, datestamp, deleted, record, problem, false);
		}

	}

	boolean isLast() {
		return resumptionToken.isEmpty();
	}

}
