package org.branchlink.catalog;

import java.util.List;

import org.branchlink.catalog.record.BibRecord;

/**
 * A work as the catalogue publishes it to harvesters: one representative record's description, the ISBNs of all its
 * records, and every copy of every site with its state now.
 *
 * @param id the work's id
 * @param record the representative record: the first site's, in site id order (without its copies)
 * @param isbns the ISBN-13s of all the work's records, first seen first
 * @param copies every copy, by site then barcode
 */
public record PublishedWork(String id, BibRecord record, List<String> isbns, List<Copy> copies) {

	public PublishedWork {
		isbns = List.copyOf(isbns);
		copies = List.copyOf(copies);
	}

	/**
	 * One copy.
	 *
	 * @param siteId the site that holds it
	 * @param barcode its barcode
	 * @param callNumber its call number, may be empty
	 * @param location its shelving location, may be empty
	 * @param status its status now: the circulation state when it circulated, else what its site reported
	 * ({@code available}, {@code on_loan}, {@code in_transit}…)
	 */
	public record Copy(String siteId, String barcode, String callNumber, String location, String status) {
	}

}
