package org.branchlink.catalog;

/** Whether a source holds a site's whole catalogue or only changes. */
public enum IngestMode {

	/** Records, changed records and deletions only; the site's other records stay. */
	INCREMENTAL,
	/** The site's whole catalogue: its records not in the source are removed when the run finishes. */
	FULL

}
