package org.branchlink.gateway.sru;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.branchlink.catalog.PublishedWork;
import org.branchlink.catalog.cql.CqlRefusal;

/** What an operation answers, before {@link SruXml} writes it in the request's version. */
sealed interface SruAnswer {

	/** The server's explain record. */
	record Explain() implements SruAnswer {
	}

	/**
	 * A page of searchRetrieve.
	 *
	 * @param numberOfRecords how many works match
	 * @param records the page's works, in result order
	 * @param nextRecordPosition the position of the next page's first record; null on the last page
	 * @param schema the records' schema
	 * @param escaped whether records are written as escaped strings
	 * @param siteNames the Chinese names of the sites holding copies, by id
	 * @param diagnostic a non-fatal diagnostic (61: the first record is past the end), or null
	 */
	record Search(long numberOfRecords, List<Hit> records, Integer nextRecordPosition, RecordSchema schema,
			boolean escaped, Map<String, String> siteNames, CqlRefusal diagnostic) implements SruAnswer {
	}

	/**
	 * @param position its place in the result, from 1
	 * @param work the work with its copies
	 * @param changedAt its last change
	 */
	record Hit(int position, PublishedWork work, Instant changedAt) {
	}

	/** A scan's terms, in index order. */
	record Scan(List<ScanTerm> terms) implements SruAnswer {
	}

	/**
	 * @param value the indexed term
	 * @param numberOfRecords how many works have it
	 * @param displayTerm the term as a reader writes it (a title for a title's sort key); null when it is the value
	 * @param whereInList {@code first}, {@code last}, {@code only} or {@code inner}
	 */
	record ScanTerm(String value, long numberOfRecords, String displayTerm, String whereInList) {
	}

}
